/**
 * A test for names against patterns where a trailing `*` is a prefix. A bare `*` matches nothing: a
 * slip in the config must not delete every cookie of the site.
 *
 * @example
 * nameMatcher(['_ym*', '_gid'])('_ym_uid'); // true
 */
export const nameMatcher =
  (patterns: string[]) =>
  (name: string): boolean =>
    patterns.some((p) => (p.length > 1 && p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
