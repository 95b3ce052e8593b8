import type { ListQuery } from './receipt-store';

/** Largest page the list endpoint returns. */
export const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Parse a server-time bound: epoch seconds (`1735689600`, fractions allowed)
 * or an ISO 8601 date/time. Returns ms, or NaN when unreadable.
 *
 * @example
 * parseTime('1735689600');           // 1735689600000
 * parseTime('2025-01-01T00:00:00Z'); // 1735689600000
 */
export function parseTime(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return Number.NaN;
  return Date.parse(text);
}

/**
 * Turn `?subjectId=&from=&to=&limit=&cursor=&order=` into a {@link ListQuery},
 * or a reason for a 400. `from` is inclusive, `to` exclusive.
 *
 * @example
 * parseListQuery(new URLSearchParams('limit=10&from=2025-01-01'));
 */
export function parseListQuery(params: URLSearchParams, defaultLimit = 100): ListQuery | { error: string } {
  const query: ListQuery = { limit: defaultLimit, order: 'asc' };
  const subjectId = params.get('subjectId');
  if (subjectId !== null) {
    if (!UUID.test(subjectId)) return { error: 'subjectId: expected a UUID' };
    query.subjectId = subjectId;
  }
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    const ms = parseTime(value);
    // Beyond year 9999 nothing is stored, and a database's 64-bit column would refuse the number.
    if (!Number.isFinite(ms) || Math.abs(ms) > 253_402_300_799_999)
      return { error: `${name}: expected epoch seconds or an ISO 8601 time before the year 10000` };
    query[name] = ms;
  }
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE) {
      return { error: `limit: expected an integer from 1 to ${MAX_PAGE}` };
    }
    query.limit = Number(limit);
  }
  const cursor = params.get('cursor');
  if (cursor !== null) {
    if (!/^\d{1,15}$/.test(cursor)) return { error: 'cursor: expected a value from nextCursor' };
    query.cursor = Number(cursor);
  }
  const order = params.get('order');
  if (order !== null) {
    if (order !== 'asc' && order !== 'desc') return { error: 'order: expected asc or desc' };
    query.order = order;
  }
  return query;
}
