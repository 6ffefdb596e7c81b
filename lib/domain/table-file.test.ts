import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvBytes, neutraliseFormula, toCsv, toTsv, tsvUtf16Bytes } from './table-file';

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', '"', '""', ',', '\r\n', '\n', 'a,"b"\nc', '=1+1', '+33 1 23', '-5', '@SUM(A1)', '\tx', '\rx', "'quoted", 'Cantón Huaquillas', 'Œuvre « ici »'),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' ', 'a'), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
// Rows of one width, as the downloads are (a CSV reader expects that).
const rectangular = fc.integer({ min: 1, max: 6 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }));

describe('CSV and tab-separated files', () => {
  it('parse(serialize(rows)) gives the rows back, formulas neutralised', () => {
    fc.assert(
      fc.property(rectangular, (rows) => {
        const back = parse(toCsv(rows), { relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
        expect(back).toEqual(rows.map((r) => r.map(neutraliseFormula)));
      }),
    );
  });

  it('no cell a spreadsheet reads can start a formula, and other cells are kept exactly', () => {
    fc.assert(
      fc.property(table, (rows) => {
        for (const [i, row] of rows.entries()) {
          for (const [k, value] of row.entries()) {
            const out = neutraliseFormula(value);
            expect(out).not.toMatch(/^[=+\-@\t\r]/);
            if (!/^[=+\-@\t\r]/.test(value)) expect(out).toBe(value);
            else expect(out).toBe(`'${value}`);
            expect(rows[i][k]).toBe(value); // the input is not changed
          }
        }
      }),
    );
  });

  it('the tab-separated text parses back too', () => {
    fc.assert(
      fc.property(rectangular, (rows) => {
        const back = parse(toTsv(rows), { delimiter: '\t', record_delimiter: '\r\n' }) as string[][];
        expect(back).toEqual(rows.map((r) => r.map(neutraliseFormula)));
      }),
    );
  });

  it('CSV is UTF-8 with a byte-order mark; the sheet is UTF-16LE with its mark', () => {
    const rows = [['Jurisdicción', 'Hallazgo'], ['Cantón Huaquillas', '=HYPERLINK("x")']];
    const csv = csvBytes(rows);
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv)).toBe('"Jurisdicción","Hallazgo"\r\n"Cantón Huaquillas","\'=HYPERLINK(""x"")"\r\n');
    const sheet = tsvUtf16Bytes([...rows, ['😀 𝔘', 'b']]);
    expect([...sheet.slice(0, 2)]).toEqual([0xff, 0xfe]);
    expect(new TextDecoder('utf-16le').decode(sheet.slice(2))).toBe('Jurisdicción\tHallazgo\r\nCantón Huaquillas\t"\'=HYPERLINK(""x"")"\r\n😀 𝔘\tb\r\n');
  });
});
