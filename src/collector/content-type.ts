/**
 * Whether a Content-Type is one the receipt endpoint reads: `application/json`
 * or `text/plain` (what `navigator.sendBeacon` sends for a string), in UTF-8.
 *
 * @example
 * isReceiptContentType('text/plain;charset=UTF-8'); // true
 * isReceiptContentType('application/x-www-form-urlencoded'); // false
 */
export function isReceiptContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json' && type !== 'text/plain') return false;
  for (const param of params) {
    const [name, value = ''] = param.split('=').map((part) => part.trim());
    if (name === 'charset' && !['utf-8', 'utf8', '"utf-8"'].includes(value)) return false;
  }
  return true;
}
