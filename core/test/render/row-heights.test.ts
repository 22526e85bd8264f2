/**
 * Nothing is cut when printed: in every committed template and in a consolidated demo plan, as
 * written to .xlsx, each wrapped cell's row (its merged rows together) is at least as tall as its
 * text needs in its column width (merged columns together) and font, by the same metrics the
 * writer sizes rows with (textHeightAt, core/src/layout/engine.ts). Excel, LibreOffice and Google
 * Sheets do not grow a row's height on open, so a row too short cuts the text on paper.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { textHeightAt } from '../../src/layout/engine';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { consolidateCommune } from '../../src/workflow/plan';
import { demoReadings } from '../workflow/helpers';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');

interface Cut {
  readonly sheet: string;
  readonly cell: string;
  readonly need: number;
  readonly have: number;
  readonly text: string;
}

function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** Every wrapped cell whose rows are shorter than its text needs. */
async function cuts(bytes: Uint8Array): Promise<Cut[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Cut[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    const spans = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
    for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
      const p = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
      if (!p) continue;
      const span = { c1: colIndex(p[1]), r1: Number(p[2]), c2: colIndex(p[3]), r2: Number(p[4]) };
      spans.set(`${span.r1}:${span.c1}`, span);
    }
    const inside = new Set<string>();
    for (const s of spans.values()) for (let r = s.r1; r <= s.r2; r++) for (let c = s.c1; c <= s.c2; c++) if (r !== s.r1 || c !== s.c1) inside.add(`${r}:${c}`);
    const width = (c: number) => ws.getColumn(c).width ?? 9;
    const height = (r: number) => ws.getRow(r).height ?? 15;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (inside.has(`${r}:${c}`) || !cell.alignment?.wrapText) return;
        const v = cell.value;
        const text = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : undefined;
        if (!text) return;
        const s = spans.get(`${r}:${c}`) ?? { r1: r, c1: c, r2: r, c2: c };
        let chars = 0;
        for (let k = s.c1; k <= s.c2; k++) chars += width(k);
        let have = 0;
        for (let k = s.r1; k <= s.r2; k++) have += height(k);
        const need = textHeightAt(text, chars, cell.font?.size ?? 11, cell.font?.bold === true);
        // One point of rounding allowed (heights are written as whole points).
        if (need > have + 1) out.push({ sheet: ws.name, cell: cell.address, need: Math.round(need), have, text: text.slice(0, 60) });
      });
    });
  });
  return out;
}

describe('rows tall enough for their text', () => {
  const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.xlsx'));

  it('finds the 18 templates of the 2026-2030 edition (IV.1, province to district, is not used)', () => {
    expect(files).toHaveLength(18);
  });

  it.each(files)('template %s: no wrapped cell needs more lines than its row holds', async (file) => {
    expect(await cuts(new Uint8Array(readFileSync(join(TEMPLATES, file))))).toEqual([]);
  });

  it('the consolidated demo plan: II.4.A to II.6.C and the report, every cell fits its row', async () => {
    const wb = XlsxWorkbook.create();
    const r = await consolidateCommune(wb, await demoReadings());
    expect(r.plan.activities.length).toBeGreaterThan(30);
    expect(await cuts(await wb.save())).toEqual([]);
  });

  it('catches a row too short for its text (the check can fail)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getColumn(1).width = 10;
    ws.getCell('A1').value = 'Bê tông hóa đường nội thôn từ nhà văn hóa đến trường tiểu học, dài 1,2 km';
    ws.getCell('A1').alignment = { wrapText: true };
    ws.getRow(1).height = 15;
    const found = await cuts(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: 'S', cell: 'A1', have: 15 });
  });
});
