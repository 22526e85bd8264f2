/**
 * Rule 5 (SPEC §4; handbook L640-L664, L3722-L3728): splitting "Cần hỗ trợ" into Ngân sách (known
 * source) and Đề xuất (unknown), II.4.B into II.6.A and II.6.B, II.6.A's outside-money rows into
 * investment and recurrent money, and the money needs by source of II.6.C (L2483), in triệu đồng.
 */
import { FORM_II_6_C } from '../../forms/catalogue/ii-6-c';
import { formEdition } from '../../forms/editions';
import type { TableBlock } from '../../forms/types';
import type { ProgramPeriod } from '../../port/types';
import type { Program } from '../../reference';
import type { ProgramMatch } from '../../reference';
import { findProgram, findProgramMatch, programCatalogue, rootProgram } from '../../reference';
import type { ProgramCatalogue } from '../../reference';
import { foldKey } from '../../text';
import { memo, memo2 } from '../../util/memo';
import type { FundingGroup, PlanActivity } from '../types';

/** Amounts below this (1.000 đồng) count as zero. */
const EPSILON = 1e-6;

// ---------------------------------------------------------------------------------------------
// Named sources and the default split.

/** What people write in Tên nguồn vốn when they do not know it: not a named source (L3726). */
const UNNAMED = new Set([
  'chua ro',
  'chua xac dinh',
  'chua co',
  'chua co nguon',
  'khong ro',
  'de xuat',
  'du kien',
  'can ho tro',
  'xin ho tro',
  'de nghi ho tro',
  'nha nuoc',
  'nha nuoc ho tro',
  'ngan sach',
  'ngan sach nha nuoc',
  'nsnn',
  'von ngoai',
  'ben ngoai',
  'nguon von ben ngoai',
  'khac',
  'x',
]);

/**
 * True when a Tên nguồn vốn names a source: not empty, not a dash or "…", not "chưa rõ…", and not
 * the State in general ("Nhà nước", "NSNN", "Ngân sách nhà nước"), which names no program.
 */
export function isNamedFundSource(text: string | undefined): boolean {
  if (!text) return false;
  const key = foldKey(text);
  if (key === '') return false;
  if (/^(chua (ro|xac dinh|co|biet)|khong ro)( |$)/.test(key)) return false;
  return !UNNAMED.has(key);
}

/** The program or fund an activity's Tên nguồn vốn names (its Ghi chú too when `withNote`). */
export function fundProgram(a: { readonly fundSource?: string; readonly note?: string }, period: ProgramPeriod, withNote = false): Program | undefined {
  return findProgram(a.fundSource, period) ?? (withNote ? findProgram(a.note, period) : undefined);
}

/** As fundProgram, with the match: `legacy` is set when the text used a name of an earlier period. */
export function fundMatch(a: { readonly fundSource?: string; readonly note?: string }, period: ProgramPeriod, withNote = false): ProgramMatch | undefined {
  return findProgramMatch(a.fundSource, period) ?? (withNote ? findProgramMatch(a.note, period) : undefined);
}

/**
 * A village's "Ghi chú (nêu tên nguồn vốn, cách thực hiện)" in its parts (issues 11 and 21): the
 * parts that name a fund source (for Tên nguồn vốn), how the work is done ("Dân góp công và tự
 * thi công, xã hỗ trợ kỹ thuật", for Cơ chế thực hiện), and what is neither (for Nội dung khác),
 * so no word of the note is lost. The note is cut at a line break, ";", ". ", ", " and " - ";
 * neighbouring pieces of one kind are joined back as written ("Dân góp công và tự thi công, xã
 * hỗ trợ kỹ thuật" stays one), pieces of one kind further apart are joined with "; ".
 *
 * A piece names a source when the catalogue in force finds a program or fund in it, or when it
 * opens like one ("Vốn lồng ghép của huyện", "Nguồn vốn sự nghiệp"); how the work is done when it
 * speaks of who pays, gives, builds or supervises; anything else is neither.
 */
export function noteParts(note: string | undefined, period: ProgramPeriod): NoteParts {
  if (!note) return NO_PARTS;
  // The same few notes recur on thousands of rows ("CT Nông thôn mới", "Dân góp công"): each is
  // split once per catalogue — the one in force, which a commune's own Danh mục replaces (withCatalogue).
  return notePartsOf(programCatalogue(period), note);
}

/** The separators a note is cut at, as the report names them. */
export type NoteSeparator = 'line' | 'semicolon' | 'period' | 'comma' | 'dash';

export interface NoteParts {
  /** The pieces naming a fund source, as written. */
  readonly source?: string;
  /** The pieces saying how the work is done. */
  readonly how?: string;
  /** The pieces that are neither (for Nội dung khác). */
  readonly other?: string;
  /** A source piece that says more than its program's names ("Vốn NTM hỗ trợ xi măng"): kept whole for Nội dung khác when Tên nguồn vốn gets the canonical name. */
  readonly sourceDetail?: string;
  /** The separators that cut this note into parts of different kinds. */
  readonly separators?: readonly NoteSeparator[];
}

const NO_PARTS: NoteParts = Object.freeze({});

/** Cuts: a line break, ";", a full stop or comma followed by a space, a dash between spaces (not "KT-XH", "1.000", "7,5"). */
const CUT = /(\r?\n|;|\.\s+|,\s+|\s+[-–—]\s+)/u;

function separatorOf(cut: string): NoteSeparator {
  if (/\n/.test(cut)) return 'line';
  if (cut.includes(';')) return 'semicolon';
  if (cut.includes('.')) return 'period';
  if (cut.includes(',')) return 'comma';
  return 'dash';
}

/** Words that open a fund source even when the catalogue does not know it (folded). */
const SOURCE_OPENING = /^(tu )?(nguon von|nguon|von|ngan sach|ns|nsnn|quy von|chuong trinh|ct|ctmtqg|mtqg)( |$)/;
/** "Vốn" words that are not money from somewhere: "vốn vay của dân" is still a source; "vốn hiểu biết" is not written in notes. */
const NOT_A_SOURCE = /^(von|nguon) (doi ung|dan gop|dong gop|tu co|cua dan|nhan dan)( |$)/;

/** Words of how the work is done: who pays, gives, builds, supervises (folded, whole words). */
const HOW_WORDS =
  /(^| )(dan|nguoi dan|nhan dan|cong dong|ho dan|doan the|hoi nong dan|hoi phu nu|thon|xa|huyen|tinh|tram|nha nuoc|doanh nghiep|htx|hop tac xa|gop|dong gop|doi ung|ho tro|tro gia|tro cuoc|cap phat|cap von|cap giong|tu lam|tu thi cong|thi cong|tu to chuc|to chuc|thuc hien|tu thuc hien|chu dau tu|cung lam|dau thau|chi dinh thau|thue|giao|hien|hien dat|huy dong|cong lao dong|ngay cong|vat lieu|giam sat|quan ly|van hanh|duy tu|thu hoi|quay vong|luan chuyen|co che|phuong thuc|hinh thuc|dac thu|ky thuat|vay|cho vay|tin chap|long ghep|khong su dung|khong can)( |$)/;

/** After a source and a dash, the source's own part: "CT 135 - Dự án hỗ trợ phát triển sản xuất", "CT NTM - hỗ trợ phát triển sản xuất". */
const SOURCE_PART = /^(du an|tieu du an|noi dung|hop phan|ho tro phat trien|von)( |$)/;

const notePartsOf = memo2((catalogue: ProgramCatalogue, note: string): NoteParts => {
  const period = catalogue.period;
  if (note.trim() === '') return NO_PARTS;
  // Pieces and the cut before each.
  const bits = note.split(CUT);
  type Kind = 'source' | 'how' | 'other';
  const pieces: { text: string; cut?: string; kind: Kind }[] = [];
  let pending: string | undefined;
  for (let i = 0; i < bits.length; i++) {
    if (i % 2 === 1) {
      pending = pending === undefined ? bits[i] : pending;
      continue;
    }
    // A leading bullet ("- Dân góp công"), a trailing full stop.
    const text = bits[i].replace(/^\s*[-–—•+*]\s*/u, '').replace(/\s*\.\s*$/u, '').trim();
    if (text === '') continue;
    const key = foldKey(text);
    const named = findProgram(text, period) !== undefined;
    const prev = pieces[pieces.length - 1];
    const partOfSource = prev?.kind === 'source' && pending !== undefined && separatorOf(pending) === 'dash' && SOURCE_PART.test(key);
    const kind: Kind = named || partOfSource || (SOURCE_OPENING.test(key) && !NOT_A_SOURCE.test(key)) ? 'source' : HOW_WORDS.test(key) ? 'how' : 'other';
    pieces.push({ text, ...(pieces.length > 0 && pending !== undefined ? { cut: pending } : {}), kind });
    pending = undefined;
  }
  // Runs of one kind keep their own punctuation; runs of a kind apart are joined with "; ".
  const runs: Record<Kind, string[]> = { source: [], how: [], other: [] };
  const used = new Set<NoteSeparator>();
  let detail: NoteParts['sourceDetail'];
  pieces.forEach((p, i) => {
    const prev = pieces[i - 1];
    const list = runs[p.kind];
    if (prev && prev.kind === p.kind && p.cut !== undefined && list.length > 0 && !/\n|;/.test(p.cut)) {
      const mark = p.cut.trim();
      list[list.length - 1] += `${/^[-–—]$/u.test(mark) ? ` ${mark} ` : `${mark} `}${p.text}`;
    } else list.push(p.text);
    if (prev && prev.kind !== p.kind && p.cut !== undefined) used.add(separatorOf(p.cut));
  });
  // A source run that says more than its program's names ("Vốn NTM hỗ trợ xi măng"): its words are kept.
  for (const text of runs.source) {
    const m = findProgramMatch(text, period);
    if (!m) continue;
    const own = new Set([...m.program.aliases, m.program.sourceName, m.program.fullSourceName].flatMap((a) => foldKey(a).split(' ')));
    const words = foldKey(text).split(' ');
    const rest = [...words.slice(0, m.start), ...words.slice(m.end)].filter((w) => !SOURCE_FILLER.has(w) && !own.has(w));
    if (rest.length > 0) {
      detail = text;
      break;
    }
  }
  const out: { -readonly [K in keyof NoteParts]: NoteParts[K] } = {};
  if (runs.source.length > 0) out.source = runs.source.join('; ');
  if (runs.how.length > 0) out.how = runs.how.join('; ');
  if (runs.other.length > 0) out.other = runs.other.join('; ');
  if (detail) out.sourceDetail = detail;
  if (used.size > 0) out.separators = [...used];
  return Object.freeze(out);
});

/** Words around a program's name that add nothing to it ("Vốn CT NTM năm 2027" says no more than NTM and its year). */
const SOURCE_FILLER = new Set(['ho', 'tro', 'tu', 'von', 'nguon', 'cua', 'ct', 'chuong', 'trinh', 'ngan', 'sach', 'ns', 'kinh', 'phi', 'quy', 'thuoc', 'theo', 'va', 'nam', 'giai', 'doan', 'du', 'an', 'mtqg', 'ctmtqg', 'muc', 'tieu', 'quoc', 'gia']);

/** What defaultSplit needs to know of an activity (a PlanActivity will do). */
export interface SplitInput {
  readonly support: number;
  readonly group?: PlanActivity['group'];
  readonly fundSource?: string;
  readonly note?: string;
  readonly activity?: string;
}

export interface SplitResult {
  readonly budget: number;
  readonly proposed: number;
  /** The canonical name when a program was recognised, else the activity's own (possibly none). */
  readonly fundSource?: string;
  /** The program recognised, if any. */
  readonly programId?: string;
  /** The earlier period's name the note used for it ("CT 135" under 2026-2030), if so. */
  readonly legacy?: { readonly alias: string; readonly program: Program };
}

/**
 * The split proposed before the commune edits it: when Tên nguồn vốn or Ghi chú names a known
 * program or fund ("CT Nông thôn mới", "Chương trình 135", "ODA", "vốn tỉnh"…), all of "Cần hỗ
 * trợ" goes to Ngân sách and Tên nguồn vốn becomes the canonical name; otherwise it all goes to
 * Đề xuất and Tên nguồn vốn stays as written. Activities needing no outside money get 0 / 0.
 */
export function defaultSplit(a: SplitInput, period: ProgramPeriod): SplitResult {
  // Built without spreads: this runs once per activity (100,000 for a province).
  const keep = a.fundSource !== undefined && a.fundSource.trim() !== '';
  if (a.group === 'no-outside-money') return keep ? { budget: 0, proposed: 0, fundSource: a.fundSource } : { budget: 0, proposed: 0 };
  const match = fundMatch(a, period, true);
  if (match) {
    const { program } = match;
    const out: { -readonly [K in keyof SplitResult]: SplitResult[K] } = { budget: a.support, proposed: 0, fundSource: program.sourceName, programId: program.id };
    if (match.legacy) out.legacy = { alias: match.legacy, program };
    return out;
  }
  return keep ? { budget: 0, proposed: a.support, fundSource: a.fundSource } : { budget: 0, proposed: a.support };
}

// ---------------------------------------------------------------------------------------------
// Investment or recurrent money.

/**
 * Lower case NFC with the old tone placement normalised ("hoá" → "hóa", "thuỷ" → "thủy"), so
 * diacritics still tell "cầu" (bridge) from "câu" and "cống" (culvert) from "công".
 */
function viText(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([áàảãạéèẻẽẹ])(?!\p{L})/gu, (_m, v: string) => `${toneOn('o', v)}${v.normalize('NFD')[0]}`)
    .replace(/(?<!q)u([ýỳỷỹỵ])(?!\p{L})/gu, (_m, v: string) => `${toneOn('u', v)}y`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Puts the tone mark of `marked` (a vowel with a tone) on `base`: toneOn('o', 'á') = 'ó'. */
function toneOn(base: string, marked: string): string {
  return (base + marked.normalize('NFD').slice(1)).normalize('NFC');
}

/** Maintenance is recurrent money (Vốn sự nghiệp, L644) even on a road or canal. */
const MAINTENANCE = /(^|[^\p{L}])(duy tu|bảo dưỡng|bảo trì|nạo vét|phát quang|khơi thông|dọn dẹp|sửa chữa nhỏ|sửa chữa thường xuyên)(?=$|[^\p{L}])/u;

/** "Xây dựng" of things that are not works: models, plans, rules, movements. */
const BUILD_NOT_WORKS =
  /xây dựng (mô hình|kế hoạch|quy chế|quy ước|hương ước|đề án|phương án|nông thôn mới|ntm|gia đình|đời sống|phong trào|tổ|nhóm|câu lạc bộ|clb|thương hiệu|chuỗi|năng lực|văn bản|quy hoạch|cộng đồng|nếp sống|thôn văn hóa|làng văn hóa|khu dân cư|xã hội|hợp tác xã|htx|tiêu chí|chính quyền|lực lượng|cơ chế|chương trình|dự án|hồ sơ|bản đồ|sản phẩm)/u;

/** Construction wording: works paid from Vốn đầu tư phát triển (L644, L662). */
const WORKS: readonly RegExp[] = [
  /(^|[^\p{L}])(xây|xây mới|xây lắp|làm mới)(?=$|[^\p{L}])/u,
  /(bê tông|bê-tông|betong|cứng hóa|làm đường|mở đường|mở rộng đường|đường giao thông|đường bê tông|đường nội đồng|đường liên thôn|đường ngõ|rải nhựa|rải cấp phối|trải nhựa|lát gạch|nền đường)/u,
  /(^|[^\p{L}])(kênh|mương|cống|đập|kè|cầu|tràn|hồ chứa|giếng|bể nước|bể chứa|đài nước|trạm bơm|trạm y tế|trạm biến áp|điểm trường|nhà văn hóa|nhà sinh hoạt cộng đồng|hội trường|nhà lớp học|phòng học|trường học|trường mầm non|trường mẫu giáo|trường tiểu học|trường thcs|trường trung học|sân thể thao|sân vận động|nghĩa trang|đường điện|lưới điện|công trình|nâng cấp|sửa chữa lớn|lắp đặt|hệ thống nước|hệ thống cấp nước|nhà vệ sinh|khoan giếng)(?=$|[^\p{L}])/u,
];

/** Words that look like works but are not ("nhu cầu", "yêu cầu", "cầu lông", "kênh thông tin"). */
const NOT_WORKS = /(nhu cầu|yêu cầu|toàn cầu|cầu lông|cầu thủ|cầu nối|kênh thông tin|kênh truyền|kênh tiêu thụ|kênh phân phối|trường hợp|giám sát công trình|nước ngầm)/gu;

/** True when an activity's wording is construction (xây dựng, bê tông, cứng hóa, kênh, mương, cầu, cống, đập, nhà văn hóa, trường, trạm, công trình, nâng cấp, sửa chữa lớn…). */
export function isConstruction(activity: string): boolean {
  return construction(activity);
}

// Asked several times per row (merge suggestions, the II.6.A group, II.6.C's lines), and
// wordings repeat across villages: each is read once.
const construction = memo((activity: string): boolean => {
  const v = viText(activity);
  const readsAsWorks = (x: string) => /xây dựng/u.test(x) || WORKS.some((re) => re.test(x));
  // Most wordings hold no works word at all: then nothing is left to strip (stripping only removes text).
  const t = readsAsWorks(v) ? v.replace(NOT_WORKS, ' ') : '';
  return t !== '' && !MAINTENANCE.test(t) && readsAsWorks(t.replace(BUILD_NOT_WORKS, ' '));
});

/** Words of a works' state in its name or notes ("chuyển tiếp", "đã hoàn thành… chưa đủ vốn"). */
const STATE_WORDS: readonly (readonly [RegExp, FundingGroup])[] = [
  [/(đã hoàn thành|đã bàn giao|đã nghiệm thu|nợ đọng|còn nợ|chưa đủ vốn|chưa bố trí đủ vốn)/u, 'investment-completed'],
  [/(chuyển tiếp|đang thi công|đang xây|thi công dở|tiếp tục (xây|thi công|đầu tư))/u, 'investment-ongoing'],
  [/(hoàn thành (trong|năm|cuối)|dự kiến hoàn thành)/u, 'investment-finishing'],
];

/**
 * II.6.A group for an outside-money activity: Vốn sự nghiệp unless it is works; works are new
 * (khởi công mới) unless their name or notes say they are carried over or finished. The commune
 * corrects it with II.6.A's project-state drop-down.
 */
export function defaultFundingGroup(a: Pick<PlanActivity, 'activity'> & Partial<Pick<PlanActivity, 'note' | 'mechanism' | 'other' | 'origins'>>): FundingGroup {
  const own = ownName(a);
  if (!isConstruction(own)) return 'recurrent';
  const words = viText([own, a.note, a.mechanism, a.other].filter(Boolean).join(' '));
  return STATE_WORDS.find(([re]) => re.test(words))?.[1] ?? 'investment-new';
}

export function isInvestment(g: FundingGroup): boolean {
  return g !== 'recurrent';
}

// ---------------------------------------------------------------------------------------------
// II.4.B → II.6.A / II.6.B.

/** Where rule 5 sends an activity: all of A and B with Đề xuất = 0 and a named source to II.6.A; the rest of B to II.6.B. */
export function destination(a: Pick<PlanActivity, 'group' | 'proposed' | 'fundSource'>): 'ii6a' | 'ii6b' {
  if (a.group === 'no-outside-money') return 'ii6a';
  return Math.abs(a.proposed) <= EPSILON && isNamedFundSource(a.fundSource) ? 'ii6a' : 'ii6b';
}

export interface SplitPlan {
  readonly ii6a: readonly PlanActivity[];
  readonly ii6b: readonly PlanActivity[];
}

/** Rule 5 exactly (L3722-L3728), keeping order; II.6.A's outside-money rows carry a fundingGroup (their own, else the default). */
export function splitPlan(activities: readonly PlanActivity[]): SplitPlan {
  const ii6a: PlanActivity[] = [];
  const ii6b: PlanActivity[] = [];
  for (const a of activities) {
    if (destination(a) === 'ii6b') ii6b.push(a);
    else if (a.group === 'outside-money') ii6a.push(a.fundingGroup ? a : { ...a, fundingGroup: defaultFundingGroup(a) });
    else ii6a.push(a);
  }
  return { ii6a, ii6b };
}

// ---------------------------------------------------------------------------------------------
// II.6.C.

/** Keys of II.6.C's fixed lines. */
export type Ii6cKey =
  | 'recurrent'
  | 'investment'
  | 'investment-construction'
  | 'investment-other'
  | 'programmes'
  | 'programme-gnbv'
  | 'programme-ntm'
  | 'programme-167'
  | 'programme-rural-water'
  | 'programme-oda-ngo'
  | 'unknown-source'
  | 'community-funded'
  | 'grand-total';

export interface Money {
  readonly total: number;
  readonly contribution: number;
  readonly budget: number;
  readonly proposed: number;
}

/** One line of II.6.C, in triệu đồng. */
export interface NeedLine extends Money {
  /** An Ii6cKey, or "programme-other:<program id>" for a program on the handbook's "…" line. */
  readonly key: string;
  readonly code?: string;
  readonly label: string;
  readonly depth: number;
  /** Activities counted in the line (roll-ups: in the lines they add up). */
  readonly count: number;
  /** For "…" lines: the program. */
  readonly programId?: string;
}

/** II.6.C's lines by key, in the form's order ("…" lines after Dự án ODA/NGO). */
export type FundingNeeds = Readonly<Record<string, NeedLine>>;

/**
 * The line of II.6.C an activity is counted in by what its money is for (every activity in exactly
 * one): V when it needs no outside money, IV when it is a II.6.B row, else I (Vốn sự nghiệp) or
 * II.1/II.2 (investment, construction or not) by its II.6.A group — whatever program pays for it.
 */
export function needLineOf(a: PlanActivity): Ii6cKey {
  if (a.group === 'no-outside-money') return 'community-funded';
  if (destination(a) === 'ii6b') return 'unknown-source';
  const group = a.fundingGroup ?? defaultFundingGroup(a);
  if (!isInvestment(group)) return 'recurrent';
  return isConstruction(ownName(a)) ? 'investment-construction' : 'investment-other';
}

/**
 * The name as its unit wrote it: without the "(Thôn A)" consolidation adds to a village's row.
 * What a row is (works or not, bound to a place or not) is read from these words only: a village
 * called "Cầu Đá" or "Kênh Mới" does not make its seed grants a bridge or a canal.
 */
export function ownName(r: Pick<PlanActivity, 'activity'> & Partial<Pick<PlanActivity, 'origins'>>): string {
  const o = r.origins?.[0];
  const suffix = o && o.kind === 'village' ? ` (${o.unit})` : '';
  return suffix && r.activity.endsWith(suffix) ? r.activity.slice(0, -suffix.length) : r.activity;
}

/**
 * The program line of III ("trong đó": of I and II, the money of a named program) a II.6.A
 * outside-money activity is also shown in, or undefined when its source has no program line
 * (Ngân sách xã, a department's own money).
 */
export function programLineOf(a: PlanActivity, period: ProgramPeriod): string | undefined {
  if (a.group === 'no-outside-money' || destination(a) === 'ii6b') return undefined;
  const program = fundProgram(a, period);
  if (program?.ii6c === 'programme-other') return `programme-other:${rootProgram(program).id}`;
  return program?.ii6c;
}

/**
 * The roll-ups of II.6.C. III is a "trong đó" of I and II (issue 11: rows I and II hold every
 * II.6.A outside-money row, investment projects included, whichever program pays), so the grand
 * total is I + II + IV + V and never counts a program's money twice.
 */
export const II6C_ROLLUPS: Readonly<Record<string, readonly string[]>> = {
  investment: ['investment-construction', 'investment-other'],
  'grand-total': ['recurrent', 'investment', 'unknown-source', 'community-funded'],
};

interface Acc {
  total: number;
  contribution: number;
  budget: number;
  proposed: number;
  count: number;
}

const zero = (): Acc => ({ total: 0, contribution: 0, budget: 0, proposed: 0, count: 0 });

function add(into: Acc, m: Acc): void {
  into.total += m.total;
  into.contribution += m.contribution;
  into.budget += m.budget;
  into.proposed += m.proposed;
  into.count += m.count;
}

/** Thousands of đồng → triệu đồng, without float noise (0.1 + 0.2). */
const toMillions = (n: number): number => Math.round(n * 1e3) / 1e6;

/**
 * II.6.C (L2483) in triệu đồng: V = activities needing no outside money (II.6.A's A); IV = II.6.B
 * rows; I = II.6.A's Vốn sự nghiệp rows; II.1/II.2 = II.6.A's investment rows, construction or
 * not. III.x shows, of I and II, the rows whose source has a program line (GNBV, NTM, 167, nước
 * sạch, ODA/NGO, and one line per other program: 1719, tỉnh, huyện). Roll-ups: II = II.1 + II.2,
 * III = its items, the grand total = I + II + IV + V. So I + II = II.6.A's B, IV = II.6.B, V =
 * II.6.A's A, and every activity is in the total once, with its own Tổng số, Dân góp, Ngân sách,
 * Đề xuất. The caller passes the rows it writes (not those kept only as marked "vanished").
 */
export function fundingNeeds(activities: readonly PlanActivity[], period: ProgramPeriod): FundingNeeds {
  const acc = new Map<string, Acc>();
  const others: Program[] = [];
  const count = (key: string, a: PlanActivity): void => {
    const m = acc.get(key) ?? zero();
    add(m, { total: a.total, contribution: a.contribution, budget: a.budget, proposed: a.proposed, count: 1 });
    acc.set(key, m);
  };
  for (const a of activities) {
    count(needLineOf(a), a);
    const programme = programLineOf(a, period);
    if (programme === undefined) continue;
    if (programme.startsWith('programme-other:')) {
      const program = rootProgram(fundProgram(a, period) as Program);
      if (!others.some((p) => p.id === program.id)) others.push(program);
    }
    count(programme, a);
  }
  const table = formEdition(FORM_II_6_C, period).blocks.find((b): b is TableBlock => b.kind === 'table' && b.key === 'sources') as TableBlock;
  const rows: { key: string; code?: string; label: string; depth: number; programId?: string }[] = [];
  for (const r of table.rows) {
    if (r.kind !== 'fixed') continue;
    rows.push({ key: r.key, ...(r.code ? { code: r.code } : {}), label: r.label, depth: r.depth });
    // The handbook's "…" line: one line per other program, numbered on from Dự án ODA/NGO.
    if (r.key === 'programme-oda-ngo') {
      others.forEach((p, i) => {
        const code = /^\d+$/.test(r.code ?? '') ? { code: String(Number(r.code) + 1 + i) } : {};
        rows.push({ key: `programme-other:${p.id}`, ...code, label: p.name, depth: 1, programId: p.id });
      });
    }
  }
  const programmeKeys = rows.filter((r) => r.key.startsWith('programme-')).map((r) => r.key);
  const children: Readonly<Record<string, readonly string[]>> = { ...II6C_ROLLUPS, programmes: programmeKeys };
  const value = (key: string): Acc => {
    const parts = children[key];
    if (!parts) return acc.get(key) ?? zero();
    const m = zero();
    for (const k of parts) add(m, value(k));
    return m;
  };
  const out: Record<string, NeedLine> = {};
  for (const r of rows) {
    const m = value(r.key);
    out[r.key] = {
      ...r,
      total: toMillions(m.total),
      contribution: toMillions(m.contribution),
      budget: toMillions(m.budget),
      proposed: toMillions(m.proposed),
      count: m.count,
    };
  }
  return out;
}
