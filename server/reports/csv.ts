import { stringify } from 'csv-stringify/sync';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). A
 * nickname such as `=HYPERLINK(...)` must arrive as text, so such cells get a leading apostrophe,
 * which spreadsheets hide and treat as "this is text".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell made safe for spreadsheets: numbers stay numbers, text can never be a formula. */
export function safeCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document that opens correctly in Excel, LibreOffice and Numbers, Chinese included:
 * UTF-8 with a byte-order mark (without it Excel guesses a legacy code page), CRLF line ends,
 * and every text cell quoted.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const body = stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))], {
    record_delimiter: 'windows',
    quoted_string: true,
  });
  return `\uFEFF${body}`;
}
