import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../src/collector/write-batcher';

/** A write that finishes only when the test says so, recording each batch. */
function controlledWrite() {
  const batches: string[][] = [];
  const finishers: { resolve(): void; reject(error: Error): void }[] = [];
  return {
    batches,
    write(items: string[]): Promise<string[]> {
      batches.push(items);
      return new Promise((resolve, reject) => {
        finishers.push({ resolve: () => resolve(items.map((item) => `stored ${item}`)), reject });
      });
    },
    /** Wait until the batcher has started batch number `count`. */
    async started(count: number): Promise<void> {
      while (batches.length < count) await new Promise((resolve) => setImmediate(resolve));
    },
    finish(index: number) {
      finishers[index]!.resolve();
    },
    fail(index: number, error: Error) {
      finishers[index]!.reject(error);
    },
  };
}

describe('write batcher (group commit)', () => {
  it('writes items added together as one batch, and those added meanwhile as the next', async () => {
    const write = controlledWrite();
    const batcher = createWriteBatcher({ write: write.write });
    const first = ['a', 'b', 'c'].map((item) => batcher.add(item));
    await write.started(1);
    const second = ['d', 'e'].map((item) => batcher.add(item));
    // One batch at a time: a few event-loop turns later the second batch still waits.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(write.batches).toEqual([['a', 'b', 'c']]);
    write.finish(0);
    expect(await Promise.all(first)).toEqual(['stored a', 'stored b', 'stored c']);
    await write.started(2);
    expect(write.batches[1]).toEqual(['d', 'e']);
    write.finish(1);
    expect(await Promise.all(second)).toEqual(['stored d', 'stored e']);
  });

  it('fails every item of a failed batch and those waiting behind it, then writes what comes after', async () => {
    const write = controlledWrite();
    const batcher = createWriteBatcher({ write: write.write });
    const lost = ['a', 'b'].map((item) => batcher.add(item));
    await write.started(1);
    const behind = batcher.add('c');
    write.fail(0, new Error('database gone'));
    for (const result of await Promise.allSettled([...lost, behind]))
      expect(result).toMatchObject({ status: 'rejected', reason: { message: 'database gone' } });
    const next = batcher.add('d');
    await write.started(2);
    expect(write.batches[1]).toEqual(['d']);
    write.finish(1);
    expect(await next).toBe('stored d');
  });

  it('splits by count and by size, a single large item going alone', async () => {
    const write = controlledWrite();
    const batcher = createWriteBatcher({ write: write.write, maxItems: 2, maxSize: 10, sizeOf: (item) => item.length });
    const all = ['a', 'b', 'c', 'x'.repeat(20), 'd'].map((item) => batcher.add(item));
    for (let index = 0; index < 4; index++) {
      await write.started(index + 1);
      write.finish(index);
    }
    await Promise.all(all);
    expect(write.batches).toEqual([['a', 'b'], ['c'], ['x'.repeat(20)], ['d']]);
  });

  it('drained() waits for items already added', async () => {
    const write = controlledWrite();
    const batcher = createWriteBatcher({ write: write.write });
    const item = batcher.add('a');
    let drained = false;
    const done = batcher.drained().then(() => {
      drained = true;
    });
    await write.started(1);
    expect(drained).toBe(false);
    write.finish(0);
    await item;
    await done;
    expect(drained).toBe(true);
  });
});
