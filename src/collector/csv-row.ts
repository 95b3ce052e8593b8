/** Characters that make spreadsheet apps evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // User agents are client-controlled: keep them from running as formulas (OWASP CSV injection).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One RFC 4180 CSV line (CRLF-terminated), with quoting and formula guarding.
 *
 * @example
 * csvRow(['a', 'b,c', null, 3]); // 'a,"b,c",,3\r\n'
 */
export function csvRow(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(cell).join(',')}\r\n`;
}
