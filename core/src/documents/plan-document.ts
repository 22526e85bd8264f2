/**
 * The commune's draft plans, II.7.A (poverty reduction, L2649-L2752) and II.7.B (new rural
 * development, designed on II.7.A: forms/catalogue/ii-7-b.ts), drafted from the plan read out of
 * the workbook. The outline and every fixed text come from the form catalogue (the edition of the
 * plan's period: II.7.B reports on that period's NTM criteria), so the documents say what the
 * forms say; "năm X" and "năm X+1" become the years.
 *
 * Filled from the workbook: the commune, the years and the program; Phần I.4 "Thuận lợi và Khó
 * khăn" and "Nguyên nhân" from II.4.A ("Chỉ cần chép lại", L2686, L2688), section by section;
 * Phần II.2.b the objectives of II.4.A and of the activities; Phần II.3 the solutions of II.4.A;
 * Phần II.4 the needs of II.6.C; Phần II.5 the activities of II.6.A and II.6.B, summed in the body
 * and listed in full in two annexes (the handbook: "bổ sung bằng bản in của biểu II.6.A", L2742).
 * Everything else — the results of year X, forecasts, the overall goal, the indicators, the money
 * the level above will give, how the plan is run — is a blank with the handbook's guidance as a
 * bracketed note for the commune.
 */
import { formEdition } from '../forms/editions';
import { getForm } from '../forms/registry';
import type { Block, FormDefinition, TableBlock as FormTable, TextBlock } from '../forms/types';
import { NTM_CRITERIA, findProgram, getProgram } from '../reference';
import type { ProgramPeriod } from '../port/types';
import type { DocBlock, DocRow, DocRun, DocumentModel, TableBlock } from './model';
import { BLANK, blank, heading, para, run } from './model';
import type { ActivityRow, PlanData, SituationRow } from './read';
import type { PlanSection } from './sections';
import { assignSections, planSection } from './sections';
import { MARKS_NOTE, ii6aTable, ii6bTable, ii6cTable, money, sums, topicSummaryTable } from './tables';

export type PlanDocumentId = 'II.7.A' | 'II.7.B';
export const PLAN_DOCUMENTS: readonly PlanDocumentId[] = ['II.7.A', 'II.7.B'];

export interface DocumentOptions {
  /** Who the draft goes to besides the level above ("Nơi nhận"); default the handbook's (L720, L749). */
  readonly recipients?: readonly string[];
}

/** "Xã Tân Lập" → "Tân Lập" (the place name of the date line). */
export function placeName(commune: string | undefined): string | undefined {
  if (!commune) return undefined;
  const name = commune.replace(/^\s*(?:ủy ban nhân dân|ubnd)\s+/iu, '').replace(/^\s*(?:xã|phường|thị trấn|đặc khu)\s+/iu, '').trim();
  return name === '' ? undefined : name;
}

/** The commune in running text: "xã Tân Lập". */
function communeInText(commune: string | undefined): string {
  const place = placeName(commune);
  if (!place || !commune) return 'xã ………';
  const kind = /^\s*(xã|phường|thị trấn|đặc khu)\s/iu.exec(commune)?.[1]?.toLocaleLowerCase('vi') ?? 'xã';
  return `${kind} ${place}`;
}

/** The commune as the letterhead prints it: "XÃ TÂN LẬP". */
function issuerLine(commune: string | undefined): string {
  if (!commune) return 'XÃ …………………';
  const name = commune.trim();
  return (/^(xã|phường|thị trấn|đặc khu)\s/iu.test(name) ? name : `Xã ${name}`).toLocaleUpperCase('vi');
}

interface Ctx {
  readonly plan: PlanData;
  readonly form: FormDefinition;
  readonly id: PlanDocumentId;
  /** True when the level above is the province (plans from 2026, two-level local government). */
  readonly province: boolean;
}

/** "năm X+1" → "năm 2027", "năm X" → "năm 2026" (also in capitals); nothing without a plan year. */
function years(text: string, planYear: number | undefined): string {
  if (planYear === undefined) return text;
  return text
    .replace(/(năm|NĂM) X\+1/gu, `$1 ${planYear}`)
    .replace(/\(X\+1\)/gu, `(${planYear})`)
    .replace(/(năm|NĂM) X(?![\p{L}\d+])/gu, `$1 ${planYear - 1}`);
}

/** The handbook's guidance as a note for the commune: years filled, the district read as the province from 2026. */
function guidance(ctx: Ctx, text: string): string {
  const t = years(text, ctx.plan.planYear);
  return ctx.province ? t.replace(/UBND huyện/gu, 'UBND tỉnh').replace(/Kế hoạch của huyện/gu, 'Kế hoạch của tỉnh') : t;
}

const isGuide = (b: Block | undefined): boolean => b?.kind === 'text' && b.style === 'italic';
const guidesOf = (body: readonly Block[]): TextBlock[] => body.filter((b): b is TextBlock => b.kind === 'text' && b.style === 'italic');
const isText = (b: Block): b is TextBlock => b.kind === 'text';

interface Region {
  readonly head: TextBlock;
  readonly body: readonly Block[];
}

interface Part {
  readonly head: TextBlock;
  readonly regions: readonly Region[];
}

/** The form's Phần I and Phần II, each cut into its numbered headings and what follows them. */
function outline(form: FormDefinition): Part[] {
  const parts: { head: TextBlock; regions: { head: TextBlock; body: Block[] }[] }[] = [];
  for (const b of form.blocks) {
    if (isText(b) && b.style === 'subtitle') {
      parts.push({ head: b, regions: [] });
      continue;
    }
    const part = parts[parts.length - 1];
    if (!part || b.kind === 'signatures') continue;
    if (isText(b) && b.style === 'heading') part.regions.push({ head: b, body: [] });
    else part.regions[part.regions.length - 1]?.body.push(b);
  }
  return parts;
}

const numberOf = (r: Region): number => Number(/^(\d+)\./.exec(r.head.text)?.[1] ?? 0);
/** "a. Cơ sở hạ tầng:", "b. Mục tiêu cụ thể", "i.………..". */
const LETTERED = /^[a-zđ]\s*\.\s*/iu;

/** A table of the form as printed in the document: its headers, its fixed rows, its empty rows to fill. */
function formTable(ctx: Ctx, t: FormTable): TableBlock {
  const columns = t.columns.map((c, i) => {
    const h = t.header.find((x) => x.col === i && (x.row + (x.rowSpan ?? 1) === Math.max(...t.header.map((y) => y.row + (y.rowSpan ?? 1)))));
    // A choice column (Đạt/Chưa đạt) is narrow in the sheet, where the choice is a drop-down; its header needs more room on paper.
    return { key: c.key, header: years(h?.text ?? '', ctx.plan.planYear).replace(/\n/g, ' '), width: c.kind === 'choice' ? Math.max(c.width, 18) : c.width, ...(c.kind === 'stt' || c.kind === 'choice' ? { align: 'center' as const } : {}) };
  });
  const rows: DocRow[] = [];
  for (const r of t.rows) {
    if (r.kind === 'group') rows.push({ kind: 'group', cells: r.code && t.codeColumn ? { [t.codeColumn]: r.code } : {}, label: r.label });
    else if (r.kind === 'fixed') rows.push({ kind: 'data', cells: { ...(r.code && t.codeColumn ? { [t.codeColumn]: r.code } : {}), [t.labelColumn]: r.label, ...(r.cells ?? {}) } });
    else for (let i = 0; i < Math.min(r.count, 3); i++) rows.push({ kind: 'data', cells: {} });
  }
  return { kind: 'table', columns, rows };
}

/**
 * A region the workbook cannot fill: its lettered items as headings, each guide kept as the note of
 * the blank that follows, the form's tables with their empty rows.
 */
function genericBody(ctx: Ctx, body: readonly Block[]): DocBlock[] {
  const out: DocBlock[] = [];
  let notes: string[] = [];
  /** True after a list of items to report on, each with its own blank: the lines after it need none. */
  let items = false;
  const flush = (fallback: string) => {
    if (!(items && notes.length === 0)) out.push(para(blank(notes.length > 0 ? notes.join(' ') : fallback)));
    notes = [];
    items = false;
  };
  body.forEach((b, i) => {
    const next = body[i + 1];
    if (!isGuide(b) && b.kind !== 'lines') items = false;
    if (isText(b) && isGuide(b)) notes.push(guidance(ctx, b.text));
    else if (isText(b) && b.style === 'note') out.push(para([run(guidance(ctx, b.text), { italic: true })]));
    else if (isText(b)) {
      const text = years(b.text, ctx.plan.planYear);
      if (/^[a-zđ]\s*\.\s*[….]+\s*$/iu.test(text)) {
        // The handbook's open item ("i.………..").
        out.push(para([run(`${text.replace(/\s*\.?[….]+\s*$/u, '')}. `), ...blank('xã ghi thêm nội dung khác nếu có')], 'left'));
        items = true;
      } else if (next && isText(next) && !isGuide(next) && LETTERED.test(text) && LETTERED.test(next.text)) {
        // A list of items to report on: "a. Chính sách tín dụng ưu đãi: ………".
        out.push(para([run(`${text.replace(/[:：]\s*$/, '')}: `), ...blank()], 'left'));
        items = true;
      } else out.push(heading(3, text));
    } else if (b.kind === 'lines') flush('xã viết nội dung này');
    else if (b.kind === 'table') {
      if (notes.length > 0) out.push(para([run(`[${notes.join(' ')}]`, { italic: true, role: 'note' })]));
      notes = [];
      out.push(formTable(ctx, b));
    }
  });
  if (notes.length > 0) flush('');
  return out;
}

/** "Giao thông: Cầu tràn bị lũ cuốn trôi." */
function sentence(sector: string, text: string): string {
  const t = text.trim().replace(/[.;,]+$/, '');
  return sector ? `${sector}: ${t}.` : `${t}.`;
}

function uniq(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const listOf = (items: readonly string[]): DocBlock => ({ kind: 'list', items: items.map((t) => [run(t)]) });

/** "Thuận lợi và Khó khăn" of a section, from its rows of II.4.A. */
function strengthsAndDifficulties(rows: readonly SituationRow[]): DocBlock[] {
  if (rows.length === 0) return [para(blank('Biểu II.4.A không có khó khăn nào thuộc nội dung này; xã viết nếu có'))];
  const strengths = uniq(rows.flatMap((r) => r.strengths.map((s) => sentence(r.sector, s))));
  return [
    para([run('Thuận lợi:', { italic: true })]),
    strengths.length > 0 ? listOf(strengths) : para(blank('Biểu II.4.A không ghi thuận lợi cho nội dung này; xã viết nếu có')),
    para([run('Khó khăn:', { italic: true })]),
    listOf(uniq(rows.map((r) => sentence(r.sector, r.difficulty)))),
  ];
}

function causesOf(rows: readonly SituationRow[]): DocBlock[] {
  const items = rows.filter((r) => r.causes.length > 0).map((r) => `${r.difficulty.replace(/[.;,]+$/, '')}: ${r.causes.map((c) => c.replace(/[.;,]+$/, '')).join('; ')}.`);
  return items.length > 0 ? [listOf(items)] : [para(blank(rows.length > 0 ? 'Biểu II.4.A chưa ghi nguyên nhân; xã viết' : 'xã viết nếu có'))];
}

function solutionsOf(rows: readonly SituationRow[]): DocBlock[] {
  const items = uniq(rows.flatMap((r) => r.solutions.map((s) => sentence(r.sector, s))));
  return items.length > 0 ? [listOf(items)] : [para(blank(rows.length > 0 ? 'Biểu II.4.A chưa ghi giải pháp; xã viết' : 'Biểu II.4.A không có nội dung này; xã viết nếu có'))];
}

/** The closing section for rows of II.4.A no section of the form names (every row is copied once). */
const OTHER_SECTION = 'Các nội dung khác của Biểu II.4.A:';

/** The sections of Phần I.4 (and II.3) of the form: its lettered lines ending in ":". */
function sectionsOf(region: Region): PlanSection[] {
  return region.body.filter((b): b is TextBlock => isText(b) && !isGuide(b) && LETTERED.test(b.text) && /:\s*$/.test(b.text)).map((b) => planSection(b.text));
}

/** Phần I.4: each line of work, with the results to write and what II.4.A says of it. */
function situationRegion(ctx: Ctx, region: Region): DocBlock[] {
  const sections = sectionsOf(region);
  const { bySection, other } = assignSections(sections, ctx.plan.situations);
  // The sub-items the form prints under its first line (· Kết quả thực hiện, · Thuận lợi và Khó khăn, · Nguyên nhân), with their guides.
  const items: { label: string; guide?: string }[] = [];
  for (let i = 0; i < region.body.length; i++) {
    const b = region.body[i];
    if (isText(b) && !isGuide(b) && b.text.startsWith('·')) {
      const g = region.body[i + 1];
      items.push({ label: b.text, ...(g && isText(g) && isGuide(g) ? { guide: g.text } : {}) });
    }
  }
  const result = items.find((x) => /kết quả/iu.test(x.label));
  const resultLabel = result?.label ?? '· Kết quả thực hiện';
  const out: DocBlock[] = [];
  const section = (text: string, rows: readonly SituationRow[], first: boolean) => {
    out.push(heading(3, years(text, ctx.plan.planYear)));
    out.push(heading(4, resultLabel), para(blank(first && result?.guide ? guidance(ctx, result.guide) : `xã ghi kết quả thực hiện năm ${ctx.plan.planYear !== undefined ? ctx.plan.planYear - 1 : 'X'} của nội dung này, kèm theo nhận xét tóm tắt`)));
    out.push(heading(4, '· Thuận lợi và Khó khăn'), ...strengthsAndDifficulties(rows));
    out.push(heading(4, '· Nguyên nhân'), ...causesOf(rows));
  };
  sections.forEach((s, i) => section(s.text, bySection.get(s.key) ?? [], i === 0));
  if (other.length > 0) section(OTHER_SECTION, other, false);
  return out;
}

/** Phần II.3: the solutions of II.4.A, line by line, then the risks to write. */
function solutionRegion(ctx: Ctx, region: Region): DocBlock[] {
  const sections = sectionsOf(region);
  const { bySection, other } = assignSections(sections, ctx.plan.situations);
  const guide = guidesOf(region.body)[0];
  const out: DocBlock[] = [];
  if (guide) out.push(para([run(`[${guidance(ctx, guide.text)}]`, { italic: true, role: 'note' })]));
  for (const s of sections) out.push(heading(3, s.text), ...solutionsOf(bySection.get(s.key) ?? []));
  if (other.length > 0) out.push(heading(3, OTHER_SECTION), ...solutionsOf(other));
  out.push(heading(3, 'Các rủi ro cần tính đến:'), para(blank('các nguyên nhân, khó khăn không được lựa chọn trong quá trình tổng hợp')));
  return out;
}

/** Phần II.2.b: the objectives II.4.A and the activities name, then the indicators to fill. */
function objectivesBlocks(ctx: Ctx, body: readonly Block[]): DocBlock[] {
  const fromSituations = uniq(ctx.plan.situations.filter((s) => s.objective).map((s) => sentence(s.sector, s.objective ?? '')));
  const fromActivities = uniq([...ctx.plan.ii6a, ...ctx.plan.ii6b].filter((a) => a.objective).map((a) => `${a.activity.replace(/[.;,]+$/, '')}: ${(a.objective ?? '').replace(/[.;,]+$/, '')}.`));
  const guides = guidesOf(body).map((g) => guidance(ctx, g.text));
  const out: DocBlock[] = [];
  if (fromSituations.length > 0) out.push(para([run('Mục tiêu theo ngành, lĩnh vực (Biểu II.4.A):', { italic: true })]), listOf(fromSituations));
  if (fromActivities.length > 0) out.push(para([run('Mục tiêu của các hoạt động (Biểu II.6.A, II.6.B):', { italic: true })]), listOf(fromActivities));
  if (out.length === 0) out.push(para(blank(`${guides.slice(0, 2).join(' ')} (cột Mục tiêu của Biểu II.4.A còn trống)`)));
  else out.push(para([run(`[${guides.slice(0, 2).join(' ')}]`, { italic: true, role: 'note' })]));
  const table = body.find((b): b is FormTable => b.kind === 'table');
  if (table) {
    if (guides[2]) out.push(para([run(`[${guides[2]}]`, { italic: true, role: 'note' })]));
    const t = formTable(ctx, table);
    out.push({ ...t, rows: t.rows.map((r) => (r.kind === 'data' && r.cells[table.labelColumn] ? { ...r, cells: { ...r.cells, plan: BLANK } } : r)) });
  }
  return out;
}

/** Phần II.2: a and c as the form has them, b filled. */
function goalsRegion(ctx: Ctx, region: Region): DocBlock[] {
  const out: DocBlock[] = [];
  let current: Block[] = [];
  let isB = false;
  const flush = () => {
    out.push(...(isB ? objectivesBlocks(ctx, current) : genericBody(ctx, current)));
    current = [];
  };
  for (const b of region.body) {
    if (isText(b) && !isGuide(b) && b.style === 'paragraph' && LETTERED.test(b.text)) {
      flush();
      out.push(heading(3, b.text));
      isB = /^b\s*\./iu.test(b.text);
      continue;
    }
    current.push(b);
  }
  flush();
  return out;
}

function triệu(n: number | undefined): string {
  return n === undefined ? BLANK : `${money(n)} triệu đồng`;
}

/** Phần II.4: the needs of II.6.C, and the money the level above will give to write. */
function fundingRegion(ctx: Ctx, region: Region): DocBlock[] {
  const guide = guidesOf(region.body)[0];
  const out: DocBlock[] = [];
  const lines = ctx.plan.ii6c;
  const total = lines.find((l) => l.key === 'grand-total');
  if (lines.length === 0) {
    out.push(para(blank(`${guide ? guidance(ctx, guide.text) : ''} (tệp chưa có Biểu II.6.C)`.trim())));
    return out;
  }
  const year = ctx.plan.planYear ?? 'X+1';
  out.push(
    para([
      run(`Tổng nhu cầu tài chính năm ${year} theo Biểu II.6.C là ${triệu(total?.total)}, gồm: dân góp ${triệu(total?.contribution)}; ngân sách (đã rõ nguồn vốn) ${triệu(total?.budget)}; đề xuất (chưa rõ nguồn vốn) ${triệu(total?.proposed)}. Nhu cầu theo từng nguồn:`),
    ]),
    ii6cTable(lines.map((l) => ({ ...l, label: years(l.label, ctx.plan.planYear) }))),
    para([
      run(`Khả năng huy động và cân đối: `),
      ...blank(`${guide ? guidance(ctx, guide.text) : ''} Xã ghi số vốn dự kiến phân bổ theo Biểu III.1 của ${ctx.province ? 'UBND tỉnh' : 'UBND huyện'}, ngân sách xã, tài trợ của các chương trình, dự án khác và so sánh với nhu cầu trên.`.trim()),
    ]),
  );
  return out;
}

function sumsText(rows: readonly ActivityRow[], outside: 'budget' | 'proposed'): string {
  const s = sums(rows);
  return `${s.count} hoạt động, tổng kinh phí ${money(s.total)} nghìn đồng (dân góp ${money(s.contribution)} nghìn đồng; ${outside === 'budget' ? 'ngân sách' : 'đề xuất hỗ trợ'} ${money(s[outside])} nghìn đồng)`;
}

/** Phần II.5: the frame of the plan summed here, listed in full in the annexes. */
function frameRegion(ctx: Ctx, region: Region): DocBlock[] {
  const out: DocBlock[] = [];
  const { ii6a, ii6b } = ctx.plan;
  const a = ii6a.filter((r) => r.group === 'no-outside-money' || r.group === undefined);
  const b = ii6a.filter((r) => !(r.group === 'no-outside-money' || r.group === undefined));
  for (const block of region.body) {
    if (!(isText(block) && !isGuide(block))) continue;
    out.push(heading(3, block.text));
    if (/^a\s*\./iu.test(block.text)) {
      if (!ctx.plan.sheets['II.6.A']) {
        out.push(para(blank('tệp chưa có Biểu II.6.A: tổng hợp kế hoạch (lkh consolidate) trước')));
        continue;
      }
      out.push(para(`Gồm ${sumsText(ii6a, 'budget')}; trong đó ${a.length} hoạt động không cần nguồn vốn bên ngoài (${money(sums(a).total)} nghìn đồng) và ${b.length} hoạt động cần nguồn vốn bên ngoài đã rõ nguồn vốn (${money(sums(b).total)} nghìn đồng). Chi tiết tại Phụ lục 1 (Biểu II.6.A) kèm theo.`));
      if (ii6a.length > 0) out.push(topicSummaryTable(ii6a, 'budget'));
    } else {
      if (!ctx.plan.sheets['II.6.B']) {
        out.push(para(blank('tệp chưa có Biểu II.6.B: tổng hợp kế hoạch (lkh consolidate) trước')));
        continue;
      }
      const ranked = ii6b.filter((r) => r.priority !== undefined).length;
      out.push(para(`Gồm ${sumsText(ii6b, 'proposed')}${ii6b.length > 0 ? `; ${ranked > 0 ? `${ranked} hoạt động đã được xếp ưu tiên` : 'chưa hoạt động nào được xếp ưu tiên'}` : ''}. Chi tiết tại Phụ lục 2 (Biểu II.6.B) kèm theo.`));
      if (ii6b.length > 0 && ranked < ii6b.length) out.push(para([run('[Hội nghị kế hoạch xã xếp ưu tiên các hoạt động của Biểu II.6.B (bước 4); ghi cột Ưu tiên rồi soạn lại văn bản này.]', { italic: true, role: 'note' })]));
      if (ii6b.length > 0) out.push(topicSummaryTable(ii6b, 'proposed'));
    }
  }
  return out;
}

/** Phần I.3 of II.7.B: the criteria of the period, with what the commune must check said. */
function criteriaRegion(ctx: Ctx, region: Region): DocBlock[] {
  const out = genericBody(ctx, region.body);
  const set = NTM_CRITERIA[ctx.plan.period];
  if (set.verified !== 'van-ban') {
    // After the table and the form's own caveat under it, before the blank for remarks.
    const table = out.findIndex((b) => b.kind === 'table');
    const after = table >= 0 && out[table + 1]?.kind === 'paragraph' && !(out[table + 1] as { runs: readonly DocRun[] }).runs.some((r) => r.role === 'blank') ? table + 2 : table + 1;
    const warning = para([
      run(
        `[Phải kiểm tra trước khi dùng: tên các tiêu chí của giai đoạn ${set.period} trong bảng ${set.verified === 'bao-chi' ? 'lấy theo tin chính thức, LKH chưa đối chiếu với văn bản' : 'chưa được xác minh'}, và LKH không có các chỉ tiêu của từng tiêu chí. Xã đối chiếu với ${set.legalBasis} đã ban hành (các chỉ tiêu áp dụng cho nhóm xã của mình) rồi sửa bảng cho đúng.]`,
        { italic: true, role: 'note' },
      ),
    ]);
    out.splice(table >= 0 ? after : out.length, 0, warning);
  }
  return out;
}

/** The program the document reports on, with its legal basis, from the period's reference data. */
function programLine(id: PlanDocumentId, period: ProgramPeriod): DocRun[] {
  const program = period === '2026-2030' ? getProgram('ctmtqg', period) : getProgram(id === 'II.7.A' ? 'gnbv' : 'ntm', period);
  if (!program) return [];
  const merged = period === '2026-2030' ? `; ${id === 'II.7.A' ? 'nội dung giảm nghèo bền vững' : 'nội dung xây dựng nông thôn mới'} của chương trình hợp nhất` : '';
  const basis = program.legalBasis?.split(';')[0].trim();
  return [run(`(${program.name}, giai đoạn ${period}${basis ? ` — ${basis}` : ''}${merged})`, { italic: true })];
}

/** Nơi nhận, as the handbook sends the draft: the level above (L717-L720), the Party committee and People's Council (L714), the village heads (L749). */
function recipients(ctx: Ctx, extra: readonly string[] | undefined): string[] {
  const upper = ctx.plan.upperLevelName && !/^(tỉnh|huyện)$/iu.test(ctx.plan.upperLevelName.trim()) ? `UBND ${ctx.plan.upperLevelName.trim().replace(/^(Tỉnh|Huyện)/u, (m) => m.toLowerCase())}` : ctx.province ? 'UBND tỉnh ………' : 'UBND huyện ………';
  return [
    `- ${upper};`,
    '- Thường trực Đảng ủy, HĐND xã;',
    '- Các ban, ngành, đoàn thể xã;',
    '- Trưởng các thôn;',
    ...(extra ?? []).map((r) => `- ${r.replace(/^[-\s]+|[;.\s]+$/g, '')};`),
    '- Lưu: VT.',
  ];
}

/** The draft plan II.7.A or II.7.B of the commune whose plan was read. */
export function planDocument(id: PlanDocumentId, plan: PlanData, options: DocumentOptions = {}): DocumentModel {
  const form = formEdition(getForm(id), plan.period);
  const province = plan.period === '2026-2030' || /^tỉnh/iu.test(plan.upperLevelName ?? '');
  const ctx: Ctx = { plan, form, id, province };
  const y = plan.planYear;
  const place = placeName(plan.communeName);
  const blocks: DocBlock[] = [
    {
      kind: 'letterhead',
      issuer: ['ỦY BAN NHÂN DÂN', issuerLine(plan.communeName)],
      number: 'Số: ……/KH-UBND',
      motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      placeDate: [run(`${place ?? '…………'}, ngày `), ...blank(), run(' tháng '), ...blank(), run(` năm ${y !== undefined ? y - 1 : '……'}`)],
    },
  ];
  const title = form.blocks.find((b): b is TextBlock => isText(b) && b.style === 'title' && b.align === 'center');
  blocks.push({ kind: 'title', lines: ['DỰ THẢO', years(title?.text ?? form.title, y)], subtitle: programLine(id, plan.period) });
  blocks.push(
    para(
      [
        run(
          `[Bản dự thảo do LKH soạn từ các biểu tổng hợp của xã (II.4.A, II.6.A, II.6.B, II.6.C). Chỗ "${BLANK}" là phần xã tự viết; các ghi chú trong ngoặc vuông để hướng dẫn, xóa trước khi trình ký. Phần chép từ Biểu II.4.A cần viết lại thành lời văn hoàn chỉnh (Sổ tay, Mẫu biểu II.7.A).${plan.missing.length > 0 ? ` Tệp chưa có: ${plan.missing.join(', ')}.` : ''}]`,
          { italic: true, role: 'note' },
        ),
      ],
      'justify',
    ),
  );
  const parts = outline(form);
  parts.forEach((part, p) => {
    blocks.push(heading(1, years(part.head.text, y)));
    for (const region of part.regions) {
      blocks.push(heading(2, years(region.head.text, y)));
      const n = numberOf(region);
      if (p === 0 && n === 4) blocks.push(...situationRegion(ctx, region));
      else if (p === 0 && n === 3 && id === 'II.7.B') blocks.push(...criteriaRegion(ctx, region));
      else if (p === 1 && n === 2) blocks.push(...goalsRegion(ctx, region));
      else if (p === 1 && n === 3) blocks.push(...solutionRegion(ctx, region));
      else if (p === 1 && n === 4) blocks.push(...fundingRegion(ctx, region));
      else if (p === 1 && n === 5) blocks.push(...frameRegion(ctx, region));
      else blocks.push(...genericBody(ctx, region.body));
    }
  });
  blocks.push({ kind: 'signature', recipients: recipients(ctx, options.recipients), authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: blank('họ và tên Chủ tịch UBND xã') });
  const annex = (n: number, formId: 'II.6.A' | 'II.6.B', table: TableBlock) => {
    const f = getForm(formId);
    blocks.push(
      { kind: 'page-break', orientation: 'landscape' },
      {
        kind: 'title',
        lines: [`Phụ lục ${n}`, `${f.title.toLocaleUpperCase('vi')} NĂM ${y ?? 'X+1'}`],
        subtitle: [run(`(Biểu ${formId}; kèm theo Kế hoạch số ……/KH-UBND ngày …… của UBND ${communeInText(plan.communeName)})`, { italic: true })],
      },
      // The marks' legend before the table, so it never sits alone on the page after it.
      para([run(MARKS_NOTE, { italic: true })], 'justify'),
      table,
    );
  };
  if (plan.sheets['II.6.A']) annex(1, 'II.6.A', ii6aTable(plan.ii6a, (s) => shortSource(s, plan.period)));
  if (plan.sheets['II.6.B']) annex(2, 'II.6.B', ii6bTable(plan.ii6b));
  return { id, title: years(title?.text ?? form.title, y), fileName: id, blocks };
}

/** A fund source as short as the catalogue names it ("CTMTQG NTM, GNBV và phát triển KT-XH vùng DTTS và miền núi"). */
export function shortSource(text: string, period: ProgramPeriod): string {
  const p = findProgram(text, period);
  return p && p.shortName.length < text.length ? p.shortName : text;
}

