/*
 * Tables as files a spreadsheet opens: CSV (RFC 4180, UTF-8 with a byte-order
 * mark, without which Excel reads UTF-8 as the system's code page and garbles
 * accents) and tab-separated UTF-16LE text with its byte-order mark (what Excel
 * itself writes as "Unicode Text", and opens by double-click with every
 * character intact, whatever the system's list separator).
 */

/**
 * A cell a spreadsheet would run as a formula (= + - @, and tab or carriage
 * return, which some read before them) gets a leading apostrophe, as OWASP
 * advises against CSV injection: the text is shown, nothing is computed.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180: every field quoted (quotes doubled inside), CRLF between records. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => `"${neutraliseFormula(cell).replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}

/** The CSV as bytes: UTF-8 with a byte-order mark. */
export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${toCsv(rows)}`);
}

/**
 * Tab-separated text: a field holding a tab, a line break or a quote is quoted
 * as in CSV (Excel reads quoted fields in text files the same way).
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const field = (cell: string) => {
    const safe = neutraliseFormula(cell);
    return /[\t\r\n"]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((row) => row.map(field).join('\t')).join('\r\n') + '\r\n';
}

/** The tab-separated text as UTF-16LE bytes with its byte-order mark. */
export function tsvUtf16Bytes(rows: readonly (readonly string[])[]): Uint8Array {
  const text = `\uFEFF${toTsv(rows)}`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i); // UTF-16 code units, surrogate pairs included, little-endian
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}
