/**
 * `lkh catalogue FILE`: the period's programs, projects and funds written as a "Danh mục" sheet the
 * province or commune edits; read back, it is the built-in catalogue entry for entry. A second run
 * keeps the edited sheet as "(cũ)". Bad usage: exit 2, nothing written.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE_SHEET, programCatalogue, readCatalogueSheet } from '../../src/reference';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { run } from './run';

async function catalogueOf(file: string) {
  const wb = await XlsxWorkbook.load(new Uint8Array(readFileSync(file)));
  const [sheet] = await wb.readSheets([CATALOGUE_SHEET]);
  return { wb, reading: readCatalogueSheet(sheet) };
}

describe('lkh catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-catalogue-'));

  it.each([
    ['2027', '2026-2030', []],
    ['2023', '2021-2025', []],
    ['2018', '2016-2020', []],
    ['2027', '2021-2025', ['--period', '2021-2025']],
  ] as const)('--year %s writes the %s catalogue, read back entry for entry', async (year, period, extra) => {
    const file = join(dir, `danh-muc-${year}-${period}.xlsx`);
    const r = await run(['catalogue', file, '--year', year, ...extra]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const builtIn = programCatalogue(period);
    expect(r.out).toBe(
      `Đã ghi trang "Danh mục" (${builtIn.programs.length} mục, giai đoạn ${period}) vào ${file}. Sửa trang này khi có quyết định mới; lkh consolidate sẽ dùng nó thay cho danh mục có sẵn.\n`,
    );
    const { wb, reading } = await catalogueOf(file);
    expect(reading.findings).toEqual([]);
    expect(reading.period).toBe(period);
    expect(reading.catalogue?.programs.map((p) => [p.id, p.name, p.kind])).toEqual(builtIn.programs.map((p) => [p.id, p.name, p.kind]));
    // The file remembers its year and period for the commands that follow.
    expect(await wb.readState()).toMatchObject({ planYear: Number(year), period });
  });

  it('a second run keeps the sheet as it was, as "Danh mục (cũ)"', async () => {
    const file = join(dir, 'hai-lan.xlsx');
    expect((await run(['catalogue', file, '--year', '2027'])).code).toBe(0);
    const again = await run(['catalogue', file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Trang cũ được giữ lại thành "Danh mục (cũ)".');
    const { wb, reading } = await catalogueOf(file);
    expect(await wb.listSheets()).toEqual(['Danh mục (cũ)', 'Danh mục']);
    expect(reading.period).toBe('2026-2030');
  });

  it('exit 2 without a file or with an unknown period, and nothing written', async () => {
    const none = await run(['catalogue']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Cần tệp .xlsx để ghi trang "Danh mục"');
    const file = join(dir, 'sai.xlsx');
    const bad = await run(['catalogue', file, '--period', '2031-2035']);
    expect(bad.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });
});
