/**
 * The database did not answer in time or the connection broke. The request
 * that hit it gets 503 with `Retry-After`; the process keeps running.
 *
 * @example
 * if (error instanceof StoreUnavailableError) sendJson(res, 503, { error: 'store unavailable' }, { 'retry-after': '5' });
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Run one store operation and turn any failure of the database into a
 * {@link StoreUnavailableError}, so callers can tell a fault from a bug.
 *
 * @example
 * const rows = await unavailableOnError('list', () => pool.query(sql));
 */
export async function unavailableOnError<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(`${operation}: ${(error as Error).message}`, error);
  }
}
