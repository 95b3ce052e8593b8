import type { IncomingMessage } from 'node:http';

/** Outcome of {@link readBody}. `aborted` means the client went away: answer nothing. */
export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; tooLarge: true }
  | { ok: false; aborted: true }
  | { ok: false; consumed: true };

/** Past the limit, this many more bytes are read and dropped so the client can still read the 413. */
const DISCARD_CAP = 1024 * 1024;

/**
 * Read a request body of at most `limit` bytes. Past the limit nothing more
 * is kept: the rest is drained (and dropped) up to 1 MiB so the client sees
 * the 413 instead of a reset, then the connection is cut.
 *
 * @example
 * const result = await readBody(req, 16 * 1024);
 * if (result.ok) JSON.parse(result.body.toString('utf8'));
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    // Errors after we settled (client reset while draining) must not crash the process.
    req.on('error', () => undefined);
    // A body parser mounted before the collector already ate the stream.
    if (req.readableEnded) {
      resolve({ ok: false, consumed: true });
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      discardRest(req, 0);
      resolve({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        discardRest(req, size - limit);
        resolve({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onClose = (): void => {
      cleanup();
      resolve({ ok: false, aborted: true });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

function discardRest(req: IncomingMessage, alreadyOver: number): void {
  if (req.complete) return;
  req.resume();
  let dropped = alreadyOver;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_CAP) req.socket.destroy();
  });
}

/**
 * Whether the request declares a Content-Length above `limit`: such a body
 * is refused at once, without reading it.
 *
 * @example
 * if (declaredTooLarge(req, 16 * 1024)) sendJson(res, 413, { error: 'too large' }, { connection: 'close' });
 */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Drop an unread request body (bounded like the 413 path) before answering
 * an error, so keep-alive clients see the answer and nothing is buffered.
 *
 * @example
 * discardBody(req); sendJson(res, 415, { error: 'unsupported content type' });
 */
export function discardBody(req: IncomingMessage): void {
  req.on('error', () => undefined);
  if (!req.readableEnded) discardRest(req, 0);
}
