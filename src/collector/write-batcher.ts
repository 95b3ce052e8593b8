/** Options of {@link createWriteBatcher}. */
export interface WriteBatcherOptions<Item, Result> {
  /** Write one batch; resolves with one result per item, in the order given. */
  write(items: Item[]): Promise<Result[]>;
  /** Most items in one batch (default 500). */
  maxItems?: number;
  /** Most total `sizeOf` in one batch (default: no limit); an item larger than this goes alone. */
  maxSize?: number;
  sizeOf?(item: Item): number;
}

interface Entry<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit for an asynchronous store: items added while a batch is being
 * written wait, and are then written together as the next batch. One batch
 * is written at a time, so under load each write carries everything that
 * arrived during the previous one, and when idle an item goes at once (after
 * the current event-loop turn, so items added together share a batch). If a
 * batch fails, every item in it gets the error, and so does every item that
 * waited behind it: they would otherwise wait out a second timeout against a
 * store that has just failed (the caller retries them later).
 *
 * @example
 * const batcher = createWriteBatcher({ write: (rows) => insertAll(rows) });
 * const result = await batcher.add(row);
 */
export function createWriteBatcher<Item, Result>(
  options: WriteBatcherOptions<Item, Result>,
): { add(item: Item): Promise<Result>; drained(): Promise<void> } {
  const maxItems = options.maxItems ?? 500;
  const maxSize = options.maxSize ?? Infinity;
  const sizeOf = options.sizeOf ?? (() => 0);
  const queue: Entry<Item, Result>[] = [];
  let writing = false;
  let scheduled = false;
  let whenDrained: (() => void)[] = [];

  function takeBatch(): Entry<Item, Result>[] {
    let count = 0;
    let size = 0;
    while (count < queue.length && count < maxItems) {
      const next = sizeOf(queue[count]!.item);
      if (count > 0 && size + next > maxSize) break;
      size += next;
      count++;
    }
    return queue.splice(0, count);
  }

  async function writeNext(): Promise<void> {
    scheduled = false;
    if (writing || queue.length === 0) return;
    writing = true;
    const batch = takeBatch();
    try {
      const results = await options.write(batch.map((entry) => entry.item));
      if (results.length !== batch.length)
        throw new Error(`write returned ${results.length} results for ${batch.length} items`);
      batch.forEach((entry, index) => entry.resolve(results[index]!));
    } catch (error) {
      const behind = queue.splice(0);
      for (const entry of [...batch, ...behind]) entry.reject(error);
    } finally {
      writing = false;
      schedule();
      if (!writing && !scheduled) {
        for (const resolve of whenDrained) resolve();
        whenDrained = [];
      }
    }
  }

  function schedule(): void {
    if (scheduled || writing || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      void writeNext();
    });
  }

  return {
    add(item) {
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Resolves once every item added so far is written or failed. */
    drained() {
      if (!writing && !scheduled) return Promise.resolve();
      return new Promise((resolve) => {
        whenDrained.push(resolve);
      });
    },
  };
}
