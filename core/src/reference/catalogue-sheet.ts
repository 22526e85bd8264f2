/**
 * The "Danh mục" sheet: the period's reference data (programs, their projects, the other named
 * sources, each with its legal basis and how it was checked) written into the workbook so a
 * province or a commune can update it when a new decision changes a program, without waiting for
 * a release. When a workbook holds this sheet it is read, checked (every problem named by its
 * cell) and used in place of the built-in data; when it is broken the built-in data is used and
 * the problems are reported.
 */
import { simpleLayout } from '../layout/simple';
import type { SheetLayout } from '../layout/types';
import type { ProgramPeriod, SheetData } from '../port/types';
import { TextGrid } from '../reader/grid';
import { foldKey } from '../text';
import { a1 } from '../util/a1';
import type { Finding } from '../validate/messages';
import { finding } from '../validate/messages';
import type { Ii6cProgrammeLine, Iii1Row, ProgramCatalogue, ProgramEntry, ProgramKind, Verification } from './programs';
import { PROGRAM_TABLES, VERIFICATION_LABELS, loadPrograms, programCatalogue, verificationText } from './programs';

export const CATALOGUE_SHEET = 'Danh mục';

const KIND_LABELS: Readonly<Record<ProgramKind, string>> = {
  ctmtqg: 'CTMTQG',
  'ctmtqg-project': 'Dự án thành phần',
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
  'oda-ngo': 'ODA/NGO',
  other: 'Khác',
};

/** The columns, in order: key, header, width. */
const COLUMNS = [
  { key: 'id', header: 'Mã', width: 12 },
  { key: 'name', header: 'Tên chương trình, dự án, nguồn vốn', width: 46, kind: 'longtext' },
  { key: 'shortName', header: 'Tên ngắn', width: 24, kind: 'longtext' },
  { key: 'kind', header: 'Loại', width: 14 },
  { key: 'parent', header: 'Thuộc (mã)', width: 10 },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', width: 36, kind: 'longtext' },
  { key: 'verified', header: 'Tình trạng xác minh', width: 22, kind: 'longtext' },
  { key: 'source', header: 'Nguồn đối chiếu', width: 24, kind: 'longtext' },
  { key: 'aliases', header: 'Cách ghi khác (cách nhau bằng ;)', width: 36, kind: 'longtext' },
  { key: 'legacyAliases', header: 'Tên giai đoạn trước (;)', width: 30, kind: 'longtext' },
  { key: 'ii6c', header: 'Dòng II.6.C', width: 16 },
  { key: 'iii1', header: 'Dòng III.1 (;)', width: 16 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];

const TITLE = (period: ProgramPeriod): string => `DANH MỤC CHƯƠNG TRÌNH, DỰ ÁN VÀ NGUỒN VỐN — GIAI ĐOẠN ${period}`;

/** The sheet of a period's catalogue (the built-in one, or the one given). */
export function catalogueLayout(period: ProgramPeriod, entries: readonly ProgramEntry[] = PROGRAM_TABLES[period]): SheetLayout {
  return simpleLayout({
    name: CATALOGUE_SHEET,
    title: TITLE(period),
    orientation: 'landscape',
    lines: [
      `Giai đoạn: ${period}. LKH đọc trang này thay cho danh mục có sẵn khi tổng hợp; sửa được khi có quyết định mới (thêm dòng, sửa tên, cách ghi khác).`,
      'Cột "Tình trạng xác minh": "Đã đối chiếu văn bản", "Đối chiếu qua tin chính thức/báo chí…" hoặc "Chưa xác minh" — mục chưa xác minh không được coi là căn cứ chính thức.',
    ],
    tables: [
      {
        key: 'programs',
        columns: COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.width, ...('kind' in c ? { kind: c.kind } : {}) })),
        rows: entries.map((e) => ({
          id: e.id,
          name: e.name,
          shortName: e.shortName ?? null,
          kind: KIND_LABELS[e.kind],
          parent: e.parent ?? null,
          legalBasis: e.legalBasis ?? null,
          verified: verificationText(e) ?? null,
          source: e.source ?? null,
          aliases: (e.aliases ?? []).join('; ') || null,
          legacyAliases: (e.legacyAliases ?? []).join('; ') || null,
          ii6c: e.ii6c ?? null,
          iii1: (e.iii1 ?? []).join('; ') || null,
        })),
      },
    ],
  });
}

/** The period a "Danh mục" sheet is for, from its title. */
function periodOfSheet(grid: TextGrid): ProgramPeriod | undefined {
  for (let r = grid.top; r < Math.min(grid.bottom, grid.top + 5); r++) {
    for (const { cell } of grid.rowCells(r)) {
      const m = /giai doan (2016|2021|2026) (2020|2025|2030)/.exec(cell.key);
      const period = m ? `${m[1]}-${m[2]}` : undefined;
      if (period === '2016-2020' || period === '2021-2025' || period === '2026-2030') return period;
    }
  }
  return undefined;
}

const kindOf = (text: string): ProgramKind | undefined => (Object.entries(KIND_LABELS) as [ProgramKind, string][]).find(([, l]) => foldKey(l) === foldKey(text))?.[0];
const verificationOf = (text: string): Verification | undefined =>
  (Object.entries(VERIFICATION_LABELS) as [Verification, string][]).find(([, l]) => foldKey(l) === foldKey(text) || foldKey(text).startsWith(foldKey(l).split(' ').slice(0, 3).join(' ')))?.[0];
const list = (text: string): string[] =>
  text
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

export interface CatalogueReading {
  readonly period?: ProgramPeriod;
  /** The checked catalogue, when the sheet holds one without errors. */
  readonly catalogue?: ProgramCatalogue;
  readonly findings: readonly Finding[];
}

/**
 * Reads a "Danh mục" sheet: each row an entry; a row with a problem (no id or name, an unknown
 * kind, a parent that does not exist, a name shared by two entries, an unknown II.6.C or III.1
 * line) is reported at its cell and the whole sheet is set aside for the built-in data.
 */
export function readCatalogueSheet(data: SheetData): CatalogueReading {
  const grid = new TextGrid(data);
  const at = (cell?: string) => ({ sheet: data.name, ...(cell ? { cell } : {}) });
  const period = periodOfSheet(grid);
  if (!period) return { findings: [finding('CATALOGUE_INVALID', at(a1(grid.top, grid.left)), { problem: 'không thấy giai đoạn (2016-2020, 2021-2025 hoặc 2026-2030) trong tiêu đề' })] };
  // The header row: the one holding "Mã" and the name column's header.
  let headerRow = -1;
  const cols = new Map<ColumnKey, number>();
  for (let r = grid.top; r < grid.bottom && headerRow < 0; r++) {
    const cells = grid.rowCells(r);
    for (const c of COLUMNS) {
      const hit = cells.find(({ cell }) => cell.key === foldKey(c.header));
      if (hit) cols.set(c.key, hit.col);
    }
    if (cols.has('id') && cols.has('name')) headerRow = r;
    else cols.clear();
  }
  if (headerRow < 0) return { period, findings: [finding('CATALOGUE_INVALID', at(a1(grid.top, grid.left)), { problem: 'không thấy dòng tiêu đề cột ("Mã", "Tên chương trình, dự án, nguồn vốn")' })] };
  const findings: Finding[] = [];
  const entries: ProgramEntry[] = [];
  const cellOf = (r: number, k: ColumnKey) => a1(r, cols.get(k) ?? grid.left);
  for (let r = headerRow + 1; r < grid.bottom; r++) {
    const text = (k: ColumnKey): string => (cols.has(k) ? grid.at(r, cols.get(k) as number).text : '');
    if (grid.rowIsEmpty(r)) continue;
    const id = text('id');
    const name = text('name');
    if (id === '' || name === '') {
      findings.push(finding('CATALOGUE_INVALID', at(cellOf(r, id === '' ? 'id' : 'name')), { problem: `dòng ${r + 1} thiếu ${id === '' ? 'mã' : 'tên'}` }));
      continue;
    }
    const kind = kindOf(text('kind'));
    if (!kind) {
      findings.push(finding('CATALOGUE_INVALID', at(cellOf(r, 'kind')), { problem: `loại "${text('kind')}" không có (${Object.values(KIND_LABELS).join(', ')})` }));
      continue;
    }
    const verifiedText = text('verified');
    const verified = verifiedText === '' ? undefined : verificationOf(verifiedText);
    if (verifiedText !== '' && !verified) {
      findings.push(finding('CATALOGUE_INVALID', at(cellOf(r, 'verified')), { problem: `tình trạng xác minh "${verifiedText}" không có (${Object.values(VERIFICATION_LABELS).join('; ')})` }));
      continue;
    }
    const opt = (k: ColumnKey) => (text(k) !== '' ? text(k) : undefined);
    // The sheet has one "Căn cứ pháp lý" cell: a row LKH wrote as it stands in the built-in table
    // (same text, same mark) keeps that row's check of each text (bases), so it reads back whole.
    const builtIn = PROGRAM_TABLES[period].find((e) => e.id === id);
    const bases = builtIn?.bases && builtIn.legalBasis === opt('legalBasis') && builtIn.verified === verified ? builtIn.bases : undefined;
    entries.push({
      ...(bases ? { bases } : {}),
      id,
      name,
      kind,
      ...(opt('shortName') ? { shortName: opt('shortName') } : {}),
      ...(opt('parent') ? { parent: opt('parent') } : {}),
      ...(opt('legalBasis') ? { legalBasis: opt('legalBasis') } : {}),
      ...(verified ? { verified } : {}),
      ...(opt('source') ? { source: opt('source') } : {}),
      ...(list(text('aliases')).length > 0 ? { aliases: list(text('aliases')) } : {}),
      ...(list(text('legacyAliases')).length > 0 ? { legacyAliases: list(text('legacyAliases')) } : {}),
      ...(opt('ii6c') ? { ii6c: opt('ii6c') as Ii6cProgrammeLine } : {}),
      ...(list(text('iii1')).length > 0 ? { iii1: list(text('iii1')) as Iii1Row[] } : {}),
    });
  }
  if (entries.length === 0 && findings.length === 0) findings.push(finding('CATALOGUE_INVALID', at(a1(headerRow, grid.left)), { problem: 'không có dòng nào dưới tiêu đề cột' }));
  if (findings.length > 0) return { period, findings };
  try {
    return { period, catalogue: loadPrograms(period, entries), findings: [] };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // "programs 2026-2030: "x" names parent "y", which does not exist": point at the row of "x".
    const id = /"([^"]+)"/.exec(message)?.[1];
    const row = id ? (() => {
      for (let r = headerRow + 1; r < grid.bottom; r++) if (grid.at(r, cols.get('id') as number).text === id) return r;
      return undefined;
    })() : undefined;
    return { period, findings: [finding('CATALOGUE_INVALID', at(row !== undefined ? cellOf(row, 'id') : a1(headerRow, grid.left)), { problem: catalogueProblem(message) })] };
  }
}

/** loadPrograms' English message as a Vietnamese sentence. */
function catalogueProblem(message: string): string {
  const q = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  if (/duplicate id/.test(message)) return `mã "${q[0]}" bị trùng`;
  if (/names parent/.test(message)) return `"${q[0]}" thuộc mã "${q[1]}", nhưng không có mã đó`;
  if (/has no parent/.test(message)) return `dự án thành phần "${q[0]}" chưa ghi thuộc chương trình nào`;
  if (/cannot have a parent/.test(message)) return `"${q[0]}" không phải dự án thành phần nên không ghi "Thuộc"`;
  if (/is not a program/.test(message)) return `"${q[0]}" được ghi là chương trình mẹ của "${q[1]}" nhưng không phải CTMTQG`;
  if (/alias/.test(message)) return `cách ghi "${q[0]}" dùng cho cả "${q[1]}" và "${q[2]}"`;
  if (/II\.6\.C/.test(message)) return `"${q[0]}" ghi dòng II.6.C "${q[1]}" không có`;
  if (/III\.1/.test(message)) return `"${q[0]}" ghi dòng III.1 "${q[1]}" không có`;
  if (/cycle/.test(message)) return `"Thuộc" tạo vòng lặp tại "${q[0]}"`;
  return message;
}

/** The catalogue a run uses: the workbook's "Danh mục" for its period when sound, else the built-in one. */
export function activeCatalogue(period: ProgramPeriod, reading: CatalogueReading | undefined): ProgramCatalogue {
  return reading?.catalogue && reading.period === period ? reading.catalogue : programCatalogue(period);
}
