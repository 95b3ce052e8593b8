const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A header value as the text the client sent. Node hands header bytes over
 * one character per byte (latin1); browsers and most clients send UTF-8, so
 * `Яндекс` would otherwise be stored as `Ð¯Ð½Ð´ÐµÐºÑ`. Bytes that are not
 * UTF-8 are kept as they came.
 *
 * @example
 * headerText(req.headers['user-agent']);
 */
export function headerText(value: string): string {
  // Plain ASCII (the usual case) needs no decoding.
  if (!/[^ -~\t]/.test(value)) return value;
  try {
    return utf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}
