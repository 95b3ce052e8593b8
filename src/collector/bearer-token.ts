import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compare an `Authorization` header with the configured token in constant
 * time (both sides are hashed first so lengths do not leak either).
 *
 * @example
 * if (!hasBearerToken(req.headers.authorization, token)) sendJson(res, 401, { error: 'unauthorized' });
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
