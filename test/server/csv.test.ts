import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../../server/reports/csv.ts';

describe('CSV for spreadsheets', () => {
  it('starts with a byte-order mark and keeps Chinese text as it is', () => {
    const csv = toCsv(['nickname', 'points'], [['小明', 340], ['陳大文', 120]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"小明",340\r\n');
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
  });

  it('never lets a cell be a formula', () => {
    for (const evil of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '=HYPERLINK("http://x","y")']) {
      expect(String(safeCell(evil)).startsWith("'")).toBe(true);
    }
    expect(safeCell(-40)).toBe(-40);
    expect(safeCell('Amy')).toBe('Amy');
  });

  it('quotes separators and quotes inside nicknames', () => {
    expect(toCsv(['n'], [['a,"b"']])).toContain('"a,""b"""');
  });
});
