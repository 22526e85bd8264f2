/**
 * The tolerant reader: a sheet → the form on it, its fields, strengths, difficulties,
 * activities and fixed rows, with a finding for everything that could not be read — by
 * sheet and cell, never silently dropped.
 */
import { editionsOf } from '../forms/editions';
import { rowHint } from '../layout/engine';
import { getForm, tablesOf } from '../forms/registry';
import { TOPIC_LABELS } from '../forms/topics';
import type { ColumnDef, ColumnKind, FieldsBlock, FormDefinition, FormId, TableBlock } from '../forms/types';
import type { Activity, ActivityGroup, Difficulty, FormReading, SourceRef, Strength } from '../model/types';
import type { SheetData } from '../port/types';
import { MAX_COUNT, foldKey, formatVnNumber, labelSimilarity, maxAmountIn, parseNumber, shownNumber, unitFromLabel } from '../text';
import { a1 } from '../util/a1';
import type { Finding } from '../validate/messages';
import { finding, shortName } from '../validate/messages';
import type { GridCell } from './grid';
import { TextGrid } from './grid';
import type { LocatedTable } from './locate';
import { makeLabel, matchLabel } from './locate';
import type { Recognition } from './recognise';
import { RECOGNITION_ROWS, locateForm, recogniseForm } from './recognise';

export interface ReadOptions {
  readonly file?: string;
  /** Read the sheet as this form instead of recognising it (the add-in knows which form it inserted). */
  readonly formId?: FormId;
  /**
   * The sheet is one LKH wrote (a plan sheet read back on a re-run): its tables' headers are
   * searched in the first rows first, and the whole sheet only when one is not found there; a
   * plan's 1,000 activity rows are not each tried as a header.
   */
  readonly headersNearTop?: boolean;
}

export interface SheetReadResult {
  readonly sheet: string;
  /** Absent when the sheet holds no known form. */
  readonly reading?: FormReading;
  readonly findings: readonly Finding[];
}

const TOPIC_KEYS = new Set(Object.values(TOPIC_LABELS).map(foldKey));

/** "1. Cơ sở hạ tầng": a section row consolidated sheets print above each topic. */
function isTopicHeading(text: string): boolean {
  return TOPIC_KEYS.has(foldKey(text.replace(/^\s*\d+\s*[.)]\s*/, '')));
}

/** Forms whose fields record a meeting's attendance. */
const MINUTES: readonly FormId[] = ['I.3', 'I.4', 'II.9'];

const GROUP_KEYS: readonly ActivityGroup[] = [
  'no-outside-money',
  'outside-money',
  'investment-completed',
  'investment-finishing',
  'investment-ongoing',
  'investment-new',
  'recurrent',
];

type TextKey = 'objective' | 'unit' | 'time' | 'place' | 'responsible' | 'sector' | 'fundSource' | 'mechanism' | 'other' | 'note';
type MoneyKey = 'total' | 'contribution' | 'support' | 'budget' | 'proposed';

/** Vietnamese names of the columns, for messages. */
const COLUMN_NAMES: Readonly<Record<string, string>> = {
  activity: 'Hoạt động',
  objective: 'Mục tiêu',
  unit: 'ĐVT',
  quantity: 'Số lượng',
  time: 'Thời gian',
  place: 'Địa điểm',
  responsible: 'Trách nhiệm',
  total: 'Tổng số',
  contribution: 'Dân góp',
  support: 'Cần hỗ trợ',
  budget: 'Ngân sách',
  proposed: 'Đề xuất',
  priority: 'Ưu tiên',
  sector: 'Ngành/Lĩnh vực',
  fundSource: 'Tên nguồn vốn',
  mechanism: 'Cơ chế thực hiện',
  note: 'Ghi chú',
};

export function columnName(key: string): string {
  return COLUMN_NAMES[key] ?? key;
}

/** Rows like "Tổng cộng", "Cộng", "Tổng" close a table; they are not activities. */
const TOTAL_ROW = /^(tong cong|cong|tong|tong so|cong a|cong b|tong cong a b)$/;
/** More letters and digits than the longest of TOTAL_ROW's phrases ("tongcongab"). */
const TOTAL_ROW_LETTERS = 10;
const LETTER = /[\p{L}\p{N}%]/u;

/**
 * Whether a name reads as a total row. Folding keeps every letter and digit (it only drops marks
 * and punctuation), so a name with more of them than the longest total phrase is no total row and
 * is not folded: a plan's 2,000 rows were each folded for this test alone.
 */
function isTotalRow(name: string): boolean {
  let letters = 0;
  for (const ch of name) if (LETTER.test(ch) && ++letters > TOTAL_ROW_LETTERS) return false;
  return TOTAL_ROW.test(foldKey(name));
}
/** The place-and-date line of a signature block ends a table body. */
const DATE_LINE = /ngay\s.*\sthang/;

class SheetReader {
  readonly findings: Finding[] = [];
  private readonly at: { sheet: string; file?: string };

  constructor(
    readonly grid: TextGrid,
    readonly form: FormDefinition,
    readonly located: ReadonlyMap<string, LocatedTable>,
    readonly file?: string,
  ) {
    this.at = { sheet: grid.name, ...(file ? { file } : {}) };
  }

  cell(row: number, col: number): string {
    return a1(row, col);
  }

  ref(row: number, cols: ReadonlyMap<string, number>): SourceRef {
    const cells: Record<string, string> = {};
    for (const [k, c] of cols) cells[k] = a1(row, c);
    return { ...(this.file ? { file: this.file } : {}), sheet: this.grid.name, row, cells };
  }

  /** Last row (exclusive) of a table's body: the next table's header, a date line, or the sheet's end. */
  bodyEnd(table: TableBlock): number {
    const tables = tablesOf(this.form);
    const loc = this.located.get(table.key);
    if (!loc) return this.grid.bottom;
    let end = this.grid.bottom;
    for (const t of tables) {
      const other = this.located.get(t.key);
      if (other && other.headerRow > loc.headerRow && other.headerRow < end) end = other.headerRow;
    }
    for (let r = loc.bodyRow; r < end; r++) {
      const cells = this.grid.rowCells(r);
      if (cells.length > 0 && cells.length <= 2 && cells.some(({ cell }) => DATE_LINE.test(cell.key))) return r;
    }
    return end;
  }

  /**
   * Finds the text after a field label ("Thôn: Thôn A" in one cell, or the label and its value
   * in two). Cells starting with the label win; otherwise the label may sit inside a cell, as a
   * whole phrase, in any cell that is not the form's title.
   */
  field(labelText: string, maxRows = 15): { text: string; cell: string } | undefined {
    const want = foldKey(labelText);
    if (want === '') return undefined;
    const last = Math.min(this.grid.bottom, this.grid.top + maxRows);
    for (const pass of ['start', 'inside'] as const) {
      for (let r = this.grid.top; r < last; r++) {
        const cells = this.grid.rowCells(r);
        for (let i = 0; i < cells.length; i++) {
          const { col, cell } = cells[i];
          const hit = pass === 'start' ? cell.key.startsWith(want) && (cell.key.length === want.length || cell.key[want.length] === ' ') : ` ${cell.key} `.includes(` ${want} `) && !this.isTitle(cell.text);
          if (!hit) continue;
          // Text after the label in the same cell: after its last word as typed, else after a colon.
          const raw = cell.text;
          const lastWord = labelText.trim().split(/\s+/).pop() ?? '';
          const lw = raw.toLowerCase().lastIndexOf(lastWord.toLowerCase());
          const colon = raw.indexOf(':');
          let after = lw >= 0 ? raw.slice(lw + lastWord.length) : colon >= 0 ? raw.slice(colon + 1) : '';
          after = stripDots(after.split(/\s{3,}|\t/)[0]);
          if (after !== '') return { text: after, cell: a1(r, col) };
          const next = cells[i + 1];
          if (next && !isLabelLike(next.cell.text)) {
            const t = stripDots(next.cell.text);
            if (t !== '') return { text: t, cell: a1(r, next.col) };
          }
          return undefined;
        }
      }
    }
    return undefined;
  }

  /** The form's title line ("Mẫu biểu I.2: Thuận lợi, …"): never a field. */
  isTitle(text: string): boolean {
    return /bi[eể]u\s*(IV|III|II|I)\s*[.,]\s*\d/i.test(text) || labelSimilarity(text, this.form.title) >= 0.6;
  }

  fields(): { planYear?: number; unitName?: string; sector?: string } {
    const out: { planYear?: number; unitName?: string; sector?: string } = {};
    for (const b of this.form.blocks) {
      if (b.kind !== 'fields') continue;
      for (const f of (b as FieldsBlock).fields) {
        const v = this.field(f.label);
        if (!v) continue;
        if (f.value === 'planYear') {
          const m = /(19|20)\d{2}/.exec(v.text);
          if (m) out.planYear = Number(m[0]);
        } else if (f.value === 'unit') {
          // "Thôn: Nà Hin" (as villages type it, and as the templates print "Thôn Nà Hin") is Thôn Nà Hin.
          out.unitName = unitFromLabel(f.label, v.text);
        } else if (f.value === 'blank' && /linh vuc/.test(foldKey(f.label))) {
          out.sector = v.text;
        }
      }
    }
    return out;
  }

  /**
   * The number in a cell, checked: an error value, a negative number, or a number beyond what the
   * column can hold (MAX_AMOUNT_DONG in the form's money unit for amounts, MAX_COUNT for the rest)
   * is a finding naming the cell, and the row is unreadable (returned, never summed).
   */
  number(row: number, col: number, key: string, kind: ColumnKind = 'number'): { value?: number; text?: string; bad: boolean } {
    const c = this.grid.at(row, col);
    if (c.error) {
      this.findings.push(finding('CELL_ERROR', { ...this.at, cell: a1(row, col) }, { error: c.error }));
      return { bad: true };
    }
    if (c.text === '') return { bad: false };
    const p = parseNumber(c.raw);
    if (p.ok) {
      const limit = kind === 'amount' ? maxAmountIn(this.form.moneyUnit) : MAX_COUNT;
      if (!Number.isFinite(p.value) || Math.abs(p.value) > limit) {
        const unit = kind === 'amount' ? (this.form.moneyUnit === 'trieu-dong' ? ' triệu đồng' : ' nghìn đồng') : '';
        this.findings.push(finding('NUMBER_TOO_LARGE', { ...this.at, cell: a1(row, col) }, { column: columnName(key), value: shownNumber(p.value), limit: `${formatVnNumber(limit)}${unit}` }));
        return { bad: true };
      }
      if (p.value < 0) {
        this.findings.push(finding('NEGATIVE_NUMBER', { ...this.at, cell: a1(row, col) }, { column: columnName(key), value: formatVnNumber(p.value) }));
        return { value: p.value, bad: true };
      }
      return { value: p.value, bad: false };
    }
    if (p.reason === 'empty') return { bad: false };
    return { text: c.text, bad: true };
  }

  text(row: number, col: number): { text: string; bad: boolean } {
    const c = this.grid.at(row, col);
    if (c.error) {
      this.findings.push(finding('CELL_ERROR', { ...this.at, cell: a1(row, col) }, { error: c.error }));
      return { text: '', bad: true };
    }
    return { text: c.text, bad: false };
  }

  strengths(table: TableBlock): Strength[] {
    const loc = this.located.get(table.key);
    if (!loc) return [];
    const col = [...loc.columns.values()][0];
    const out: Strength[] = [];
    const end = this.bodyEnd(table);
    const push = (row: number, c: number, text: string) => {
      const t = stripBullet(text);
      if (t !== '' && !isLabelLike(t)) out.push({ text: t, source: { ...(this.file ? { file: this.file } : {}), sheet: this.grid.name, row, cells: { strength: a1(row, c) } } });
    };
    // The handbook's layout puts the first strength beside the "Thuận lợi" label.
    for (const { col: c, cell } of this.grid.rowCells(loc.headerRow)) if (c > col) push(loc.headerRow, c, cell.text);
    for (let r = loc.bodyRow; r < end; r++) {
      for (const { col: c, cell } of this.grid.rowCells(r)) push(r, c, cell.text);
    }
    return out;
  }

  difficulties(table: TableBlock): Difficulty[] {
    const loc = this.located.get(table.key);
    if (!loc) return [];
    const end = this.bodyEnd(table);
    const out: { difficulty: string; causes: string[]; solutions: string[]; objective?: string; sector?: string; source: SourceRef }[] = [];
    const get = (row: number, key: string) => {
      const c = loc.columns.get(key);
      return c === undefined ? '' : stripBullet(this.text(row, c).text);
    };
    for (let r = loc.bodyRow; r < end; r++) {
      if (this.grid.rowIsEmpty(r)) continue;
      const difficulty = get(r, 'difficulty');
      const cause = get(r, 'cause');
      const solution = get(r, 'solution');
      const objective = get(r, 'objective');
      const sector = get(r, 'sector');
      const strength = get(r, 'strength');
      const cur = out[out.length - 1];
      if (cause === '' && solution === '' && strength === '' && isTopicHeading(difficulty)) continue;
      if (difficulty !== '' || !cur) {
        if (difficulty === '' && cause === '' && solution === '' && strength === '') continue;
        out.push({
          difficulty,
          causes: cause ? [cause] : [],
          solutions: solution ? [solution] : [],
          ...(objective ? { objective } : {}),
          ...(sector ? { sector } : {}),
          source: this.ref(r, loc.columns),
        });
      } else {
        if (cause) cur.causes.push(cause);
        if (solution) cur.solutions.push(solution);
        if (objective && !cur.objective) cur.objective = objective;
      }
    }
    return out.filter((d) => d.difficulty !== '' || d.causes.length > 0 || d.solutions.length > 0);
  }

  /** Which group row (if any) a body row is: its key (an ActivityGroup, or a heading such as II.6.A's 'investment'). */
  groupOf(table: TableBlock, row: number, loc: LocatedTable): string | undefined {
    const labelCol = loc.columns.get(table.labelColumn);
    const codeCol = table.codeColumn !== undefined ? loc.columns.get(table.codeColumn) : undefined;
    const label = labelCol !== undefined ? this.grid.at(row, labelCol).text : '';
    const code = codeCol !== undefined ? this.grid.at(row, codeCol).text : '';
    // A group row describes no activity: no ĐVT, quantity, time, place or person (it may carry subtotals).
    for (const k of ['unit', 'quantity', 'time', 'place', 'responsible']) {
      const c = loc.columns.get(k);
      if (c !== undefined && this.grid.at(row, c).text !== '') return undefined;
    }
    let best: { key: string; s: number } | undefined;
    const textAll = label !== '' ? label : this.grid.rowCells(row).map(({ cell }) => cell.text).join(' ');
    for (const r of table.rows) {
      if (r.kind !== 'group') continue;
      let s = matchLabel(textAll, makeLabel(r.label));
      if (foldKey(textAll) === foldKey(r.label)) s = 1.01;
      if (r.code && code !== '' && foldKey(code) === foldKey(r.code)) s = Math.max(s, label === '' ? 0.9 : s + 0.2);
      if (s >= 0.8 && (!best || s > best.s)) best = { key: r.key, s };
    }
    return best?.key;
  }

  activities(table: TableBlock): Activity[] {
    const loc = this.located.get(table.key);
    if (!loc) return [];
    const end = this.bodyEnd(table);
    const out: Activity[] = [];
    let group: ActivityGroup | undefined;
    const kinds = new Map<string, ColumnDef>(table.columns.map((c) => [c.key, c]));
    const hasGroups = table.rows.some((x) => x.kind === 'group' && (GROUP_KEYS as readonly string[]).includes(x.key));
    // The label column's header first: a row repeating the header starts with it.
    const labelIndex = table.columns.findIndex((c) => c.key === table.labelColumn);
    const headerLabels = [...table.header].sort((a, b) => Number(b.col === labelIndex) - Number(a.col === labelIndex)).map((h) => makeLabel(h.text));
    let lastFilled = loc.bodyRow;
    const columnList = [...loc.columns.entries()];
    const labelCol = loc.columns.get('activity');
    for (let r = loc.bodyRow; r < end; r++) {
      // Hundreds of empty rows end the table: what lies beyond is a stray cell (reported by strayCells), not an activity.
      if (this.grid.rowIsEmpty(r)) {
        if (r - lastFilled > STRAY_GAP_ROWS) break;
        continue;
      }
      lastFilled = r;
      const cells = columnList.map(([k, c]) => ({ k, c, cell: this.grid.at(r, c) }));
      const filled = cells.filter(({ cell }) => cell.text !== '' || cell.error);
      if (filled.length === 0) continue;
      const g = this.groupOf(table, r, loc);
      if (g) {
        if ((GROUP_KEYS as readonly string[]).includes(g)) group = g as ActivityGroup;
        continue;
      }
      // An empty row of a template whose row-total formula shows 0 (or nothing) is not an activity.
      if (filled.every(({ cell }) => cell.formula !== undefined && !cell.error && (cell.raw === null || cell.raw === 0 || cell.raw === ''))) continue;
      const name = labelCol !== undefined ? this.grid.at(r, labelCol).text : '';
      // A topic section row of a consolidated sheet ("1. Cơ sở hạ tầng") is not an activity.
      if (filled.every(({ k }) => k === 'activity' || k === 'stt') && isTopicHeading(name)) continue;
      if (isTotalRow(name) || (name === '' && filled.some(({ cell }) => TOTAL_ROW.test(cell.key)))) {
        // A total row LKH wrote (its amounts are SUM formulas) is skipped without a word; one typed by hand is reported.
        if (!filled.some(({ cell }) => cell.formula !== undefined && /^=?SUM\(/i.test(cell.formula))) {
          this.findings.push(finding('TOTAL_ROW_SKIPPED', { ...this.at, cell: a1(r, labelCol ?? filled[0].c) }, { row: r + 1, text: name || filled[0].cell.text }));
        }
        continue;
      }
      // A header repeated below (pages pasted together) is not an activity.
      if (headerLabels.length > 0 && matchLabel(name, headerLabels[0]) >= 0.9) {
        const headerish = filled.filter(({ cell }) => headerLabels.some((l) => matchLabel(cell.text, l) >= 0.9)).length;
        if (headerish >= Math.max(2, filled.length * 0.6)) continue;
      }
      // Only an STT number and nothing else: a numbered empty row.
      if (filled.every(({ k }) => k === 'stt' || k === 'priority')) continue;
      const a = this.activityRow(r, loc, kinds, group);
      if (group === undefined && hasGroups && a.activity !== '') {
        this.findings.push(finding('ACTIVITY_OUTSIDE_GROUP', { ...this.at, cell: a.source.cells.activity ?? a1(r, loc.bodyRow) }, { activity: shortName(a.activity) }));
      }
      out.push(a);
    }
    return out;
  }

  activityRow(r: number, loc: LocatedTable, kinds: ReadonlyMap<string, ColumnDef>, group: ActivityGroup | undefined): Activity {
    let unreadable = false;
    const values: Record<string, string | number> = {};
    for (const [k, c] of loc.columns) {
      const def = kinds.get(k);
      if (!def || k === 'stt') continue;
      if (def.kind === 'amount' || def.kind === 'number' || def.kind === 'rank') {
        const n = this.number(r, c, k, def.kind);
        if (n.value !== undefined) values[k] = n.value;
        if (n.text !== undefined) {
          if (k === 'quantity') {
            values.quantityText = n.text;
          } else {
            this.findings.push(finding('NOT_A_NUMBER', { ...this.at, cell: a1(r, c) }, { column: columnName(k), text: shortName(n.text, 40) }));
          }
        }
        if (n.bad && k !== 'quantity') unreadable = true;
        if (n.bad && k === 'quantity' && n.text === undefined) unreadable = true;
      } else {
        const t = this.text(r, c);
        if (t.bad) unreadable = true;
        if (t.text !== '') values[k] = t.text;
        // Time, place, who… typed once in a cell merged down over several activities: each row has it.
        else if (SHARED_BY_MERGE.has(k) && this.grid.isMergedChild(r, c)) {
          const shared = this.grid.shown(r, c).text;
          if (shared !== '') values[k] = shared;
        }
      }
    }
    const name = typeof values.activity === 'string' ? values.activity : '';
    const source = this.ref(r, loc.columns);
    if (name === '') {
      unreadable = true;
      this.findings.push(finding('ACTIVITY_WITHOUT_NAME', { ...this.at, cell: source.cells.activity ?? a1(r, loc.columns.values().next().value ?? 0) }, { row: r + 1 }));
    }
    const text = (k: TextKey) => (typeof values[k] === 'string' ? { [k]: values[k] as string } : {});
    const money = (k: MoneyKey) => (typeof values[k] === 'number' ? { [k]: values[k] as number } : {});
    return {
      activity: name,
      ...(group ? { group } : {}),
      ...text('objective'),
      ...text('unit'),
      ...(typeof values.quantity === 'number' ? { quantity: values.quantity } : {}),
      ...(typeof values.quantityText === 'string' ? { quantityText: values.quantityText } : {}),
      ...text('time'),
      ...text('place'),
      ...text('responsible'),
      ...money('total'),
      ...money('contribution'),
      ...money('support'),
      ...money('budget'),
      ...money('proposed'),
      ...text('sector'),
      ...text('fundSource'),
      ...text('mechanism'),
      ...text('other'),
      ...text('note'),
      ...(typeof values.priority === 'number' ? { priority: values.priority } : {}),
      source,
      unreadable,
    };
  }

  /** Values of the form's fixed rows (indicators, III.1 sources), found by label. */
  fixedValues(table: TableBlock): Record<string, Record<string, string | number | null>> {
    const loc = this.located.get(table.key);
    const out: Record<string, Record<string, string | number | null>> = {};
    if (!loc) return out;
    const end = this.bodyEnd(table);
    const labelCol = loc.columns.get(table.labelColumn);
    const codeCol = table.codeColumn !== undefined ? loc.columns.get(table.codeColumn) : undefined;
    let searchFrom = loc.bodyRow;
    for (const fr of table.rows) {
      if (fr.kind !== 'fixed') continue;
      const want = makeLabel(fr.label);
      // A label printed at the start of another cell ("Vốn đầu tư phát triển: Chương trình 135").
      const inCol = fr.labelIn !== undefined ? loc.columns.get(fr.labelIn) : undefined;
      const prefix = fr.labelIn !== undefined ? foldKey(fr.label).replace(/[:\s]+$/u, '') : '';
      let found = -1;
      let bestScore = 0.75;
      for (let r = searchFrom; r < end; r++) {
        const text = labelCol !== undefined ? this.grid.at(r, labelCol).text : '';
        let s = matchLabel(text, want);
        if (inCol !== undefined && prefix !== '' && foldKey(this.grid.at(r, inCol).text).startsWith(prefix)) s = Math.max(s, 1);
        if (fr.code && codeCol !== undefined && foldKey(this.grid.at(r, codeCol).text) === foldKey(fr.code)) s += 0.1;
        if (s > bestScore) {
          bestScore = s;
          found = r;
          if (s >= 1) break;
        }
      }
      if (found < 0) continue;
      searchFrom = found + 1;
      const rowValues: Record<string, string | number | null> = {};
      for (const c of table.columns) {
        if (c.key === table.labelColumn || c.key === table.codeColumn) continue;
        const col = loc.columns.get(c.key);
        if (col === undefined) continue;
        rowValues[`${c.key}Cell`] = a1(found, col);
        // A yes/no indicator ("Thôn có sử dụng mạng lưới điện quốc gia", Có/không) answers in words.
        if ((c.kind === 'amount' || c.kind === 'number' || c.kind === 'percent') && !(c.kind === 'number' && rowHint(fr) === 'yesno')) {
          const n = this.number(found, col, c.key, c.kind);
          if (n.text !== undefined) this.findings.push(finding('NOT_A_NUMBER', { ...this.at, cell: a1(found, col) }, { column: columnName(c.key), text: shortName(n.text, 40) }));
          rowValues[c.key] = n.value ?? null;
        } else {
          let t = this.text(found, col).text;
          // The printed label is the form's, not the unit's content: keep what follows it.
          if (c.key === fr.labelIn && foldKey(t).startsWith(prefix)) {
            // The shortest beginning of the cell that folds to the label, then its colon.
            let cut = t.length;
            for (let i = 1; i <= t.length; i++) {
              if (foldKey(t.slice(0, i)) === prefix && !/[\p{L}\p{N}]/u.test(t.charAt(i))) {
                cut = i;
                break;
              }
            }
            t = t.slice(cut).replace(/^[\s:.\-–]+/u, '').trim();
          }
          rowValues[c.key] = t === '' ? null : t;
        }
      }
      rowValues.cell = a1(found, labelCol ?? 0);
      out[fr.key] = rowValues;
    }
    return out;
  }

  /** Attendance of minutes: "Người dân tham gia họp: 45 người, trong đó nữ 20". */
  meeting(): FormReading['meeting'] {
    let attendees: number | undefined;
    let women: number | undefined;
    let cell: string | undefined;
    for (const b of this.form.blocks) {
      if (b.kind !== 'fields') continue;
      for (const f of b.fields) {
        const key = foldKey(f.label);
        const isAttendees = /tham gia|tham du/.test(key) && !/nu$/.test(key);
        const isWomen = /trong do nu$/.test(key);
        if (!isAttendees && !isWomen) continue;
        const v = this.field(f.label, 80);
        const m = v ? /\d[\d.,\s]*/.exec(v.text) : null;
        const p = m ? parseNumber(m[0].trim()) : undefined;
        if (!v || !p || !p.ok) continue;
        if (isAttendees) {
          attendees = p.value;
          cell = v.cell;
        } else women = p.value;
      }
    }
    if (attendees === undefined && women === undefined) return undefined;
    return { ...(attendees !== undefined ? { attendees } : {}), ...(women !== undefined ? { women } : {}), ...(cell ? { cell } : {}) };
  }

  /**
   * Cells far from the rest of the sheet — a lone "x" at A1048576 or XFD1048576 — are no part of
   * the form but were typed by someone: each is reported with its cell, never silently dropped.
   */
  strayCells(): void {
    // The first gap of rows and of columns, from the rows that hold something and the columns in
    // use: most sheets have none, and then no list of their cells is made (a plan's sheet holds
    // tens of thousands).
    let previous = -1;
    let gapRow: number | undefined;
    const columns = new Set<number>();
    for (let r = this.grid.top; r < this.grid.bottom; r++) {
      const row = this.grid.rowCells(r);
      if (row.length === 0) continue;
      if (gapRow === undefined && previous >= 0 && r - previous > STRAY_GAP_ROWS) gapRow = r;
      previous = r;
      for (const { col } of row) columns.add(col);
    }
    const used = [...columns].sort((a, b) => a - b);
    const from = used.find((c, i) => i > 0 && c - used[i - 1] > STRAY_GAP_COLS);
    if (gapRow === undefined && from === undefined) return;
    // Row by row, left to right: in (row, col) order already.
    const cells: { row: number; col: number; text: string }[] = [];
    for (let r = this.grid.top; r < this.grid.bottom; r++) {
      for (const { col, cell } of this.grid.rowCells(r)) cells.push({ row: r, col, text: cell.text });
    }
    const stray = new Set<{ row: number; col: number; text: string }>();
    // Past the first gap of rows: every cell after it.
    if (gapRow !== undefined) for (const c of cells) if (c.row >= gapRow) stray.add(c);
    // Past the first gap of columns (the columns in use, in order): every cell from there, by column.
    if (from !== undefined) {
      const far = cells.filter((c) => c.col >= from).sort((a, b) => a.col - b.col);
      for (const c of far) stray.add(c);
    }
    for (const c of [...stray].slice(0, 20)) {
      this.findings.push(finding('STRAY_CELL', { ...this.at, cell: a1(c.row, c.col) }, { text: c.text.slice(0, 40) }));
    }
  }

  read(confidence: number): FormReading {
    const f = this.fields();
    const strengths: Strength[] = [];
    const difficulties: Difficulty[] = [];
    const activities: Activity[] = [];
    const fixed: Record<string, Record<string, string | number | null>> = {};
    for (const t of tablesOf(this.form)) {
      const loc = this.located.get(t.key);
      if (!loc) {
        if (t.role === 'activities' || t.role === 'difficulties' || t.role === 'sources') {
          this.findings.push(finding('TABLE_NOT_FOUND', this.at, { form: this.form.id, table: t.caption ?? t.header[0]?.text ?? t.key }));
        }
        continue;
      }
      for (const key of loc.missing) {
        const def = t.columns.find((c) => c.key === key);
        if (def && (def.required || key in COLUMN_NAMES) && key !== 'stt') {
          this.findings.push(finding('COLUMN_NOT_FOUND', { ...this.at, cell: a1(loc.headerRow, this.grid.left) }, { table: tableName(t), column: columnName(key) }));
        }
      }
      if (t.role === 'strengths') strengths.push(...this.strengths(t));
      else if (t.role === 'difficulties') difficulties.push(...this.difficulties(t));
      else if (t.role === 'activities') activities.push(...this.activities(t));
      if (t.rows.some((r) => r.kind === 'fixed')) Object.assign(fixed, this.fixedValues(t));
    }
    const meeting = MINUTES.includes(this.form.id) ? this.meeting() : undefined;
    this.strayCells();
    if (this.grid.legacy.encoding) {
      this.findings.unshift(
        finding('LEGACY_FONT', { ...this.at, cell: this.grid.legacy.firstCell }, { encoding: this.grid.legacy.encoding.toUpperCase(), count: this.grid.legacy.count }),
      );
    }
    return {
      ...(this.file ? { file: this.file } : {}),
      sheet: this.grid.name,
      formId: this.form.id,
      confidence,
      ...f,
      strengths,
      difficulties,
      activities,
      fixedValues: fixed,
      ...(meeting ? { meeting } : {}),
      findings: this.findings,
    };
  }
}

/** Descriptive columns a merged cell may give to every row it covers (never the name nor an amount). */
const SHARED_BY_MERGE = new Set(['unit', 'time', 'place', 'responsible', 'objective', 'sector', 'fundSource', 'mechanism']);

/** Rows below, or columns right of, everything else on a sheet beyond which a lone cell is a stray (Ctrl+↓ then typing). */
const STRAY_GAP_ROWS = 500;
const STRAY_GAP_COLS = 50;

function tableName(t: TableBlock): string {
  if (t.role === 'activities') return 'Hoạt động';
  return (t.caption ?? t.header[0]?.text ?? t.key).split(/[(\n]/)[0].trim();
}

function stripDots(s: string): string {
  return s.replace(/[….·_]{2,}/g, ' ').replace(/^[\s:]+|[\s:]+$/g, '').trim();
}

function stripBullet(s: string): string {
  return s.replace(/^[-–+•·*]\s*/, '').trim();
}

/** A label such as "Khó khăn", "Nguyên nhân", "Thuận lợi": ends the value search. */
function isLabelLike(s: string): boolean {
  return /:$/.test(s.trim());
}

/** The form's tables on the sheet: searched in the first rows first when `nearTop`, else (or when one is missing there) in the whole sheet. */
function locateTables(grid: TextGrid, form: FormDefinition, nearTop: boolean): ReturnType<typeof locateForm> {
  if (nearTop && grid.bottom > grid.top + RECOGNITION_ROWS) {
    const near = locateForm(grid, form, grid.top + RECOGNITION_ROWS);
    if (near.size === tablesOf(form).length) return near;
  }
  return locateForm(grid, form);
}

/** Reads one sheet: recognises its form (or uses `formId`) and reads it. */
export function readSheet(data: SheetData, options: ReadOptions = {}): SheetReadResult {
  const grid = new TextGrid(data);
  const at0 = { sheet: data.name, ...(options.file ? { file: options.file } : {}) };
  const empty = grid.rowCells(grid.top).length === 0 && grid.bottom === grid.top;
  // An empty sheet is no form and says nothing: not searched for one (a file of 20,000 empty sheets).
  if (empty && !options.formId) return { sheet: at0.sheet, findings: [] };
  let recognition: Recognition | undefined;
  if (options.formId) {
    recognition = { formId: options.formId, confidence: 1, tables: new Map() };
  } else {
    recognition = recogniseForm(grid);
  }
  const at = at0;
  if (!recognition) {
    return { sheet: data.name, findings: empty ? [] : [finding('FORM_NOT_RECOGNISED', at)] };
  }
  const form = getForm(recognition.formId);
  const read = (edition: FormDefinition): FormReading => {
    // Recognition already located the tables of a sheet short enough to have been searched whole.
    const located = edition === form && recognition.tables.size > 0 && grid.bottom <= grid.top + RECOGNITION_ROWS ? recognition.tables : locateTables(grid, edition, options.headersNearTop === true);
    return new SheetReader(grid, edition, located, options.file).read(recognition.confidence);
  };
  let reading = read(form);
  // Forms with editions by period (III.1, IV.1, II.6.C): the edition whose fixed lines the sheet
  // holds — most main lines found (a program's "Vốn đầu tư phát triển:" sub-lines look alike in
  // every edition), then most lines; the handbook's on a tie.
  const score = (r: FormReading): [number, number] => {
    const keys = Object.keys(r.fixedValues);
    return [keys.filter((k) => !/-(dau-tu|su-nghiep)$/.test(k)).length, keys.length];
  };
  for (const edition of editionsOf(form)) {
    if (edition === form) continue;
    const other = read(edition);
    const [a, b] = score(other);
    const [c, d] = score(reading);
    if (a > c || (a === c && b > d)) reading = other;
  }
  return { sheet: data.name, reading, findings: reading.findings };
}

export type { GridCell };
