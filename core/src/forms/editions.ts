/**
 * Editions of the forms by program period. The handbook's forms are the 2016-2020 edition and
 * keep its wording exactly (core/test/forms-fidelity.test.ts). Later editions change only what the
 * programs or the institutions changed, each change listed in the edition's `ownText` with its
 * reason:
 *
 *   - III.1 and IV.1: the national programs' lines (2021-2025: NTM, GNBV and the program for ethnic
 *     minority and mountain areas; 2026-2030: the one merged program); from 2026 no district line
 *     and III.1 comes from the province (districts abolished on 1 July 2025);
 *   - II.6.C: the program lines under III (from 2026 one merged program and no clean-water line;
 *     the "Chương trình 167" of 2008-2015 is gone after 2020);
 *   - II.7.B: the NTM commune criteria of the period (reference/criteria.ts);
 *   - from 2026, II.1, II.2, II.7.A, II.7.B, II.8 and III.1 in the province's words wherever the
 *     handbook names the district as a level (toProvince); IV.1 (province to district) is not used.
 *
 * Reading accepts every edition: a province may still send the handbook's III.1 for 2027, and a
 * sheet is read with the edition whose lines it holds (readSheet).
 */
import { FORM_II_6_C } from './catalogue/ii-6-c';
import { FORM_III_1, sourcesTable } from './catalogue/iii-1';
import { FORM_IV_1 } from './catalogue/iv-1';
import { FORM_II_7_B, buildIi7b } from './catalogue/ii-7-b';
import { FORM_II_1 } from './catalogue/ii-1';
import { FORM_II_2 } from './catalogue/ii-2';
import { FORM_II_7_A } from './catalogue/ii-7-a';
import { FORM_II_8 } from './catalogue/ii-8';
import { NTM_CRITERIA } from '../reference/criteria';
import { periodOfYear } from '../reference/periods';
import type { Block, FormDefinition, FormId, TableBlock, TableRow } from './types';
import type { ProgramPeriod } from '../port/types';

const PROGRAMS_2021 = [
  { key: 'gnbv', label: '- Chương trình Giảm nghèo bền vững' },
  { key: 'ntm', label: '- Chương trình Nông thôn mới' },
  { key: 'dtts', label: '- Chương trình phát triển KT-XH vùng đồng bào DTTS và miền núi' },
];
const PROGRAMS_2026 = [{ key: 'ctmtqg', label: '- Chương trình MTQG xây dựng nông thôn mới, giảm nghèo bền vững và phát triển KT-XH vùng đồng bào DTTS và miền núi' }];

/** Who signs III.1 from 2026: the province's finance and planning office, named generically (each province names its own). */
const PROVINCE_SIGNER = 'Thủ trưởng cơ quan tài chính - kế hoạch tỉnh';

const REASON_2021 = 'Giai đoạn 2021-2025 có ba CTMTQG (QĐ 263/QĐ-TTg, QĐ 90/QĐ-TTg, QĐ 1719/QĐ-TTg); Sổ tay (2016-2020) chỉ có hai.';
const REASON_2026 = 'Từ 2026 ba CTMTQG hợp nhất thành một chương trình (Nghị quyết 257/2025/QH15); từ 1/7/2025 không còn cấp huyện.';

function replaceTable(form: FormDefinition, key: string, table: TableBlock): FormDefinition['blocks'] {
  return form.blocks.map((b) => (b.kind === 'table' && b.key === key ? table : b));
}

function retitle(form: FormDefinition, from: string, to: string): FormDefinition['blocks'] {
  return form.blocks.map((b) => (b.kind === 'text' && b.text.includes(from) ? { ...b, text: b.text.replace(from, to) } : b));
}

/**
 * From 2026 the province does what the handbook gives the district (two levels of local
 * government since 1 July 2025): every mention of the district as a level, in the province's
 * words. Ordered: the longer phrase first.
 */
const TO_PROVINCE: readonly (readonly [RegExp, string])[] = [
  [/Báo cáo BCĐ CTMTQG huyện, UBND cấp huyện/gu, 'Báo cáo BCĐ CTMTQG tỉnh, UBND cấp tỉnh'],
  [/Các ban ngành cấp huyện/gu, 'Các sở, ban, ngành cấp tỉnh'],
  [/phòng TC-KH cấp huyện/gu, 'cơ quan tài chính - kế hoạch cấp tỉnh'],
  [/của tỉnh, huyện,/gu, 'của tỉnh,'],
  [/của tỉnh\/huyện/gu, 'của tỉnh'],
  [/\(tỉnh, huyện, xã\)/gu, '(tỉnh, xã)'],
  [/Cấp Huyện/gu, 'Cấp tỉnh'],
  [/cấp huyện/gu, 'cấp tỉnh'],
  [/(UBND|Kế hoạch của|Phiếu phản hồi của|lên|từ) huyện/gu, '$1 tỉnh'],
];

/** A text in the province's words (unchanged when it names no district). */
export function provinceWording(text: string): string {
  let t = text;
  for (const [from, to] of TO_PROVINCE) t = t.replace(from, to);
  return t;
}

/** Every text of a block through `f`. */
function mapBlock(b: Block, f: (t: string) => string): Block {
  switch (b.kind) {
    case 'text':
      return { ...b, text: f(b.text) };
    case 'fields':
      return { ...b, fields: b.fields.map((x) => ({ ...x, label: f(x.label) })) };
    case 'letterhead':
      return { ...b, left: b.left.map(f), right: b.right.map(f) };
    case 'signatures':
      return {
        ...b,
        ...(b.dateLine ? { dateLine: f(b.dateLine) } : {}),
        signers: b.signers.map((s) => ({ ...s, title: f(s.title), ...(s.note ? { note: f(s.note) } : {}) })),
        ...(b.recipients ? { recipients: b.recipients.map(f) } : {}),
      };
    case 'table':
      return {
        ...b,
        ...(b.caption ? { caption: f(b.caption) } : {}),
        header: b.header.map((h) => ({ ...h, text: f(h.text) })),
        rows: b.rows.map((r) =>
          r.kind === 'entry' ? r : r.kind === 'group' ? { ...r, label: f(r.label) } : { ...r, label: f(r.label), ...(r.cells ? { cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, f(v)])) } : {}) },
        ),
      };
    case 'lines':
      return b;
  }
}

/**
 * The form with every text through `reword`: each text that changes is listed in `ownText` with
 * `reason` (given the handbook's text), the form's own texts follow their new wording.
 */
function rewordForm(form: FormDefinition, reword: (t: string) => string, reason: (was: string) => string): FormDefinition {
  const changed = new Map<string, string>();
  const f = (t: string): string => {
    const n = reword(t);
    if (n !== t) changed.set(n, t);
    return n;
  };
  const blocks = form.blocks.map((b) => mapBlock(b, f));
  const title = f(form.title);
  const shortTitle = f(form.shortTitle);
  if (changed.size === 0) return form;
  const own = (form.ownText ?? []).map((o) => ({ ...o, text: reword(o.text) }));
  const known = new Set(own.map((o) => o.text));
  for (const [text, was] of changed) if (!known.has(text)) own.push({ text, reason: reason(was) });
  return { ...form, title, shortTitle, blocks, ownText: own };
}

/** The form in the province's words (plans from 2026). */
function toProvince(form: FormDefinition): FormDefinition {
  return rewordForm(form, provinceWording, (was) => `${REASON_2026} Sổ tay: "${was}".`);
}

/**
 * The monitoring guidance II.7.A cites: the handbook's circular of 2016-2020; for 2021-2025 the
 * circular of that program (number, date and title as a province's plan quotes it); for 2026-2030
 * none was found for the merged program (docs/REFERENCE.md), and the form says so.
 */
const MONITORING_2016 = /\([Tt]ham khảo Thông tư Hướng dẫn quy trình kiểm tra và giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2016-2020 của Bộ LĐ-TB&XH\)/gu;
const MONITORING: Readonly<Record<Exclude<ProgramPeriod, '2016-2020'>, { readonly text: string; readonly reason: string }>> = {
  '2021-2025': {
    text: 'tham khảo Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 hướng dẫn giám sát, đánh giá thực hiện CTMTQG GNBV giai đoạn 2021-2025',
    reason: 'Thông tư của Sổ tay (2016-2020) hết áp dụng; số, ngày, tên Thông tư 10/2022/TT-BLĐTBXH theo trích dẫn trong Kế hoạch 130/KH-UBND ngày 13/7/2022 của UBND tỉnh Ninh Bình (chưa đọc văn bản gốc; docs/REFERENCE.md).',
  },
  '2026-2030': {
    text: 'chưa xác minh được văn bản hướng dẫn giám sát, đánh giá Chương trình giai đoạn 2026-2030; dùng hướng dẫn do tỉnh gửi',
    reason: 'Thông tư của Sổ tay (2016-2020) hết áp dụng; chưa tìm thấy văn bản hướng dẫn giám sát, đánh giá của CTMTQG hợp nhất giai đoạn 2026-2030 (docs/REFERENCE.md).',
  },
};

function ii7a(period: ProgramPeriod): FormDefinition {
  if (period === '2016-2020') return FORM_II_7_A;
  const m = MONITORING[period];
  // "(tham khảo …)" or "(Tham khảo …)": the handbook's capital kept.
  const cited = (all: string): string => `(${all[1] === 'T' ? m.text.charAt(0).toUpperCase() + m.text.slice(1) : m.text})`;
  const withGuide = rewordForm(FORM_II_7_A, (t) => t.replace(MONITORING_2016, cited), () => m.reason);
  return period === '2026-2030' ? toProvince(withGuide) : withGuide;
}

function iii1(period: ProgramPeriod): FormDefinition {
  if (period === '2016-2020') return FORM_III_1;
  const programs = period === '2021-2025' ? PROGRAMS_2021 : PROGRAMS_2026;
  const withDistrict = period === '2021-2025';
  const base: FormDefinition = { ...FORM_III_1, blocks: replaceTable(FORM_III_1, 'sources', sourcesTable('Kinh phí dự kiến phân bổ cho xã năm X+1 (tr.đồng)', withDistrict, programs)) };
  if (period === '2021-2025') return { ...base, ownText: [{ text: PROGRAMS_2021[2].label, reason: REASON_2021 }] };
  const title = 'Phiếu thông tin định hướng LKH từ cấp tỉnh';
  return toProvince({
    ...base,
    title,
    shortTitle: title,
    blocks: retitle({ ...base, blocks: retitle(base, 'thực hiện CTMTQG của huyện', 'thực hiện CTMTQG của tỉnh') }, 'từ cấp huyện', 'từ cấp tỉnh').map((b) =>
      b.kind === 'signatures' ? { ...b, signers: b.signers.map((s) => ({ ...s, title: s.title.replace('Trưởng phòng TC-KH huyện', PROVINCE_SIGNER) })) } : b,
    ),
    ownText: [
      { text: PROGRAMS_2026[0].label, reason: REASON_2026 },
      { text: 'BIỂU III.1: Phiếu thông tin định hướng LKH từ cấp tỉnh', reason: REASON_2026 },
      { text: '1. Các chủ trương phát triển KT-XH, thực hiện CTMTQG của tỉnh trong năm X+1 (liên quan đến xã):', reason: REASON_2026 },
      { text: PROVINCE_SIGNER, reason: `${REASON_2026} Người ký thay Trưởng phòng TC-KH huyện: cơ quan tài chính - kế hoạch cấp tỉnh (tên cơ quan cụ thể do tỉnh ghi).` },
    ],
  });
}

function iv1(period: ProgramPeriod): FormDefinition {
  if (period === '2016-2020') return FORM_IV_1;
  const programs = period === '2021-2025' ? PROGRAMS_2021 : PROGRAMS_2026;
  return {
    ...FORM_IV_1,
    blocks: replaceTable(FORM_IV_1, 'sources', sourcesTable('Kinh phí dự kiến phân bổ cho huyện năm X+1 (tr.đồng)', false, programs)),
    ownText: [{ text: programs[programs.length - 1].label, reason: period === '2021-2025' ? REASON_2021 : REASON_2026 }],
  };
}

const line = (key: string, code: string, label: string): TableRow => ({ kind: 'fixed', key, code, label, depth: 1 });

function ii6c(period: ProgramPeriod): FormDefinition {
  if (period === '2016-2020') return FORM_II_6_C;
  const table = FORM_II_6_C.blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === 'sources') as TableBlock;
  const programLines: TableRow[] =
    period === '2021-2025'
      ? [
          line('programme-gnbv', '1', 'Chương trình mục tiêu quốc gia Giảm nghèo bền vững'),
          line('programme-ntm', '2', 'Chương trình mục tiêu quốc gia xây dựng Nông thôn mới'),
          line('programme-dtts', '3', 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi'),
          line('programme-rural-water', '4', 'Nước sạch VSMT Nông thôn'),
          line('programme-oda-ngo', '5', 'Dự án ODA/NGO'),
        ]
      : [
          // No "Nước sạch VSMT Nông thôn" line: no program of its own for 2026-2030 was found
          // (docs/REFERENCE.md); money a commune still names so goes on a line of its own.
          line('programme-ctmtqg', '1', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi'),
          line('programme-oda-ngo', '2', 'Dự án ODA/NGO'),
        ];
  const rows: TableRow[] = [];
  let placed = false;
  for (const r of table.rows) {
    if (r.kind === 'fixed' && r.key.startsWith('programme-')) {
      if (!placed) rows.push(...programLines);
      placed = true;
      continue;
    }
    rows.push(r);
  }
  const own = programLines.filter((r) => r.kind === 'fixed' && (r.key === 'programme-dtts' || r.key === 'programme-ctmtqg')).map((r) => ({ text: (r as { label: string }).label, reason: period === '2021-2025' ? REASON_2021 : REASON_2026 }));
  return { ...FORM_II_6_C, blocks: replaceTable(FORM_II_6_C, 'sources', { ...table, rows }), ownText: [...(FORM_II_6_C.ownText ?? []), ...own] };
}

/**
 * II.7.B reports on the NTM commune criteria of its period: 19 of QĐ 1980/QĐ-TTg (2016-2020), 19 of
 * QĐ 318/QĐ-TTg (2021-2025), 10 of QĐ 51/2025/QĐ-TTg (2026-2030, wording from official news: the
 * form prints that it is not yet checked against the decision's annex).
 */
function ii7b(period: ProgramPeriod): FormDefinition {
  if (period === '2016-2020') return FORM_II_7_B;
  if (period === '2026-2030') return toProvince(ii7bCriteria(period));
  return ii7bCriteria(period);
}

function ii7bCriteria(period: ProgramPeriod): FormDefinition {
  const set = NTM_CRITERIA[period];
  const checked = set.verified === 'van-ban' ? 'đã đối chiếu văn bản' : 'tên tiêu chí theo tin chính thức, chưa đối chiếu phụ lục của văn bản';
  return buildIi7b({
    decision: set.decision,
    groups: set.groups,
    ...(set.caveat ? { caveat: set.caveat } : {}),
    reason: `Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn ${period}: ${set.legalBasis} (${checked})`,
  });
}

/** A form whose only change from 2026 is the province in the district's place. */
const provinceFrom2026 =
  (form: FormDefinition) =>
  (period: ProgramPeriod): FormDefinition =>
    period === '2026-2030' ? toProvince(form) : form;

const EDITIONS: Partial<Record<FormId, (period: ProgramPeriod) => FormDefinition>> = {
  'III.1': iii1,
  'IV.1': iv1,
  'II.6.C': ii6c,
  'II.7.B': ii7b,
  'II.1': provinceFrom2026(FORM_II_1),
  'II.2': provinceFrom2026(FORM_II_2),
  'II.7.A': ii7a,
  'II.8': provinceFrom2026(FORM_II_8),
};

/**
 * Forms a period has no use for: IV.1 is the province's orientation to a district, and from 2026
 * the province sends III.1 straight to the commune (no district since 1 July 2025).
 */
const NOT_IN_PERIOD: Partial<Record<FormId, { readonly period: ProgramPeriod; readonly reason: string }>> = {
  'IV.1': {
    period: '2026-2030',
    reason: 'Biểu IV.1 là phiếu tỉnh gửi huyện; từ 1/7/2025 không còn cấp huyện, tỉnh gửi thẳng Biểu III.1 cho xã, nên kế hoạch từ năm 2026 không dùng Biểu IV.1.',
  },
};

/** Why a form is not used in a period (undefined: it is). */
export function notInPeriod(id: FormId, period: ProgramPeriod): string | undefined {
  const n = NOT_IN_PERIOD[id];
  return n && n.period === period ? n.reason : undefined;
}

const cache = new Map<string, FormDefinition>();

/** The form as printed in a program period (the handbook's for 2016-2020 and for forms no period changed). */
export function formEdition(form: FormDefinition, period: ProgramPeriod): FormDefinition {
  const make = EDITIONS[form.id];
  if (!make) return form;
  const key = `${form.id}|${period}`;
  let f = cache.get(key);
  if (!f) {
    f = make(period);
    cache.set(key, f);
  }
  return f;
}

/** The form as printed for a plan year (without a year: a plan made now, the latest period). */
export function formOfYear(form: FormDefinition, planYear: number | undefined): FormDefinition {
  return formEdition(form, periodOfYear(planYear).period);
}

/** Every distinct edition of a form, the handbook's first: a sheet is read with the one whose lines it holds. */
export function editionsOf(form: FormDefinition): readonly FormDefinition[] {
  if (!EDITIONS[form.id]) return [form];
  const out: FormDefinition[] = [];
  for (const p of ['2016-2020', '2021-2025', '2026-2030'] as const) {
    const f = formEdition(form, p);
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

/** True when a form has editions by period. */
export function hasEditions(id: FormId): boolean {
  return EDITIONS[id] !== undefined;
}
