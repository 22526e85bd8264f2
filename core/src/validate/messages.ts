/**
 * Every finding's text, in one place (STYLE.md §4). Vietnamese is the reference language;
 * English is typed against it. Hosts and tests compare codes, never prose.
 */

export type Severity = 'error' | 'warning';

export type Params = Readonly<Record<string, string | number>>;

interface MessageDef {
  readonly severity: Severity;
  readonly vi: string;
  readonly en: string;
}

/** `{name}` placeholders are filled from the finding's params. */
export const MESSAGES = {
  FILE_UNREADABLE: {
    severity: 'error',
    vi: 'Không đọc được tệp "{file}": {reason}',
    en: 'Cannot read file "{file}": {reason}',
  },
  FORM_NOT_RECOGNISED: {
    severity: 'warning',
    vi: 'Trang "{sheet}" không giống biểu mẫu nào của Sổ tay; bỏ qua.',
    en: 'Sheet "{sheet}" does not look like any handbook form; skipped.',
  },
  TABLE_NOT_FOUND: {
    severity: 'error',
    vi: 'Trang "{sheet}" là biểu {form} nhưng không tìm thấy dòng tiêu đề của bảng "{table}".',
    en: 'Sheet "{sheet}" is form {form} but the header of table "{table}" was not found.',
  },
  COLUMN_NOT_FOUND: {
    severity: 'warning',
    vi: 'Bảng "{table}" của trang "{sheet}" thiếu cột "{column}".',
    en: 'Table "{table}" of sheet "{sheet}" has no column "{column}".',
  },
  CELL_ERROR: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" chứa lỗi {error}; không đọc được giá trị.',
    en: 'Cell {cell} of sheet "{sheet}" holds the error {error}; its value cannot be read.',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" ({column}) ghi "{text}", không phải là số.',
    en: 'Cell {cell} of sheet "{sheet}" ({column}) holds "{text}", which is not a number.',
  },
  NEGATIVE_NUMBER: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" ({column}) là số âm ({value}).',
    en: 'Cell {cell} of sheet "{sheet}" ({column}) is negative ({value}).',
  },
  LEGACY_FONT: {
    severity: 'warning',
    vi: 'Trang "{sheet}" gõ bằng phông {encoding} cũ ({count} ô, ví dụ {cell}); đã chuyển sang Unicode để đọc.',
    en: 'Sheet "{sheet}" is typed in the legacy {encoding} encoding ({count} cells, e.g. {cell}); converted to Unicode for reading.',
  },
  ACTIVITY_WITHOUT_NAME: {
    severity: 'error',
    vi: 'Dòng {row} của trang "{sheet}" có số liệu nhưng không ghi tên hoạt động (ô {cell}).',
    en: 'Row {row} of sheet "{sheet}" has figures but no activity name (cell {cell}).',
  },
  ACTIVITY_OUTSIDE_GROUP: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" (ô {cell}, trang "{sheet}") nằm trước dòng nhóm "Không cần/Cần nguồn vốn bên ngoài"; xếp nhóm theo số tiền cần hỗ trợ.',
    en: 'Activity "{activity}" (cell {cell}, sheet "{sheet}") is above the "no/with outside money" group rows; grouped by its amount of outside money.',
  },
  TOTAL_ROW_SKIPPED: {
    severity: 'warning',
    vi: 'Dòng {row} của trang "{sheet}" là dòng cộng ("{text}"); không tính là hoạt động.',
    en: 'Row {row} of sheet "{sheet}" is a total row ("{text}"); not counted as an activity.',
  },
  AMOUNT_SUM_MISMATCH: {
    severity: 'error',
    vi: 'Hoạt động "{activity}": Tổng số ({total}) khác {parts} ({sum}) — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}": Total ({total}) differs from {parts} ({sum}) — cell {cell}, sheet "{sheet}".',
  },
  NO_OUTSIDE_MONEY_HAS_SUPPORT: {
    severity: 'error',
    vi: 'Hoạt động "{activity}" thuộc nhóm không cần nguồn vốn bên ngoài nhưng ghi {column} = {value} — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs no outside money but has {column} = {value} — cell {cell}, sheet "{sheet}".',
  },
  OUTSIDE_MONEY_WITHOUT_SUPPORT: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" thuộc nhóm cần nguồn vốn bên ngoài nhưng không ghi số tiền cần hỗ trợ — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs outside money but no amount is given — cell {cell}, sheet "{sheet}".',
  },
  NO_OUTSIDE_MONEY_RANKED: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" không cần nguồn vốn bên ngoài nên không xếp ưu tiên — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs no outside money and is not ranked — cell {cell}, sheet "{sheet}".',
  },
  TOO_MANY_STRENGTHS: {
    severity: 'warning',
    vi: 'Trang "{sheet}" ghi {count} Thuận lợi; Sổ tay chỉ nêu tối đa 3 (từ ô {cell}).',
    en: 'Sheet "{sheet}" lists {count} strengths; the handbook allows at most 3 (from cell {cell}).',
  },
  TOO_MANY_DIFFICULTIES: {
    severity: 'warning',
    vi: 'Trang "{sheet}" ghi {count} Khó khăn; Sổ tay chỉ nêu tối đa 3 (từ ô {cell}).',
    en: 'Sheet "{sheet}" lists {count} difficulties; the handbook allows at most 3 (from cell {cell}).',
  },
  TOO_MANY_RANKED_ACTIVITIES: {
    severity: 'warning',
    vi: 'Trang "{sheet}" đề xuất {count} hoạt động cần nguồn vốn bên ngoài; mỗi lĩnh vực tối đa 5 (từ ô {cell}).',
    en: 'Sheet "{sheet}" proposes {count} activities needing outside money; at most 5 per sector (from cell {cell}).',
  },
  ACTIVITY_INCOMPLETE: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" chưa ghi {column} — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" has no {column} — cell {cell}, sheet "{sheet}".',
  },
  DUPLICATE_PRIORITY: {
    severity: 'warning',
    vi: 'Mức ưu tiên {priority} ghi cho nhiều hoạt động (ô {cell}, trang "{sheet}").',
    en: 'Priority {priority} is given to several activities (cell {cell}, sheet "{sheet}").',
  },
  MEETING_HOUSEHOLDS_LOW: {
    severity: 'error',
    vi: 'Cuộc họp chỉ có {present}/{total} hộ tham dự ({percent}); danh mục ưu tiên chỉ có giá trị khi trên 50% số hộ tham gia — ô {cell}, trang "{sheet}".',
    en: 'Only {present}/{total} households attended ({percent}); a priority list is valid only with more than 50% of households — cell {cell}, sheet "{sheet}".',
  },
  MEETING_AGREEMENT_LOW: {
    severity: 'error',
    vi: 'Chỉ {agree}/{present} người dự họp nhất trí ({percent}); cần trên 50% — ô {cell}, trang "{sheet}".',
    en: 'Only {agree}/{present} attendees agreed ({percent}); more than 50% is required — cell {cell}, sheet "{sheet}".',
  },
  MEETING_WOMEN_LOW: {
    severity: 'warning',
    vi: 'Phụ nữ chiếm {percent} người dự họp; Sổ tay yêu cầu ít nhất 30% — ô {cell}, trang "{sheet}".',
    en: 'Women are {percent} of attendees; the handbook asks for at least 30% — cell {cell}, sheet "{sheet}".',
  },
  KEY_PRODUCTS_TOO_MANY: {
    severity: 'warning',
    vi: 'Trang "{sheet}" nêu {count} sản phẩm chủ lực; tối đa 3 (Phụ lục 1) — ô {cell}.',
    en: 'Sheet "{sheet}" names {count} key products; at most 3 (Annex 1) — cell {cell}.',
  },
} as const satisfies Record<string, MessageDef>;

export type FindingCode = keyof typeof MESSAGES;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** File the finding is about, when reading files (CLI); absent inside a single workbook. */
  readonly file?: string;
  readonly sheet: string;
  /** A1 address; absent only for findings about a whole file. */
  readonly cell?: string;
  readonly message: string;
  readonly messageEn: string;
  readonly params: Params;
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] !== undefined ? String(params[k]) : m));
}

/** Makes a finding from its code: severity and both texts come from the catalogue. */
export function finding(code: FindingCode, at: { sheet: string; cell?: string; file?: string }, params: Params = {}): Finding {
  const def: MessageDef = MESSAGES[code];
  const all = { sheet: at.sheet, cell: at.cell ?? '', ...(at.file ? { file: at.file } : {}), ...params };
  return {
    code,
    severity: def.severity,
    ...(at.file ? { file: at.file } : {}),
    sheet: at.sheet,
    ...(at.cell ? { cell: at.cell } : {}),
    message: fill(def.vi, all),
    messageEn: fill(def.en, all),
    params: all,
  };
}

/** Shortens an activity name for a message. */
export function shortName(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
