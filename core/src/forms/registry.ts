import { CATALOGUE } from './catalogue';
import type { Block, FormDefinition, FormId, TableBlock } from './types';
import { FORM_IDS } from './types';

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

export function tablesOf(form: FormDefinition): TableBlock[] {
  return form.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** Checks one table: header cells inside the grid and not overlapping, keys unique, references resolved. */
function checkTable(form: FormDefinition, table: TableBlock, problems: string[]): void {
  const where = `${form.id}/${table.key}`;
  const keys = new Set<string>();
  for (const c of table.columns) {
    if (keys.has(c.key)) problems.push(`${where}: cột "${c.key}" trùng khóa`);
    keys.add(c.key);
    if (!(c.width > 0)) problems.push(`${where}: cột "${c.key}" thiếu độ rộng`);
    if (c.kind === 'choice' && !(c.choices && c.choices.length > 0)) problems.push(`${where}: cột "${c.key}" là danh sách nhưng không có giá trị`);
  }
  for (const c of table.columns) {
    for (const s of c.sumOf ?? []) if (!keys.has(s)) problems.push(`${where}: cột "${c.key}" cộng cột không có "${s}"`);
  }
  if (!keys.has(table.labelColumn)) problems.push(`${where}: labelColumn "${table.labelColumn}" không có`);
  if (table.codeColumn !== undefined && !keys.has(table.codeColumn)) problems.push(`${where}: codeColumn "${table.codeColumn}" không có`);
  const headerRows = Math.max(0, ...table.header.map((h) => h.row + (h.rowSpan ?? 1)));
  const taken = new Set<string>();
  for (const h of table.header) {
    const rs = h.rowSpan ?? 1;
    const cs = h.colSpan ?? 1;
    if (h.col < 0 || h.col + cs > table.columns.length) problems.push(`${where}: tiêu đề "${h.text}" ra ngoài bảng`);
    for (let r = h.row; r < h.row + rs; r++) {
      for (let c = h.col; c < h.col + cs; c++) {
        const k = `${r}:${c}`;
        if (taken.has(k)) problems.push(`${where}: tiêu đề "${h.text}" chồng lên ô khác (${k})`);
        taken.add(k);
      }
    }
    if (h.text.trim() === '') problems.push(`${where}: ô tiêu đề rỗng`);
  }
  if (headerRows > 0 && taken.size !== headerRows * table.columns.length) {
    problems.push(`${where}: tiêu đề không phủ kín ${headerRows} hàng × ${table.columns.length} cột`);
  }
  const rowKeys = new Set<string>();
  for (const r of table.rows) {
    if (r.kind === 'entry') {
      if (!(r.count >= 0)) problems.push(`${where}: số hàng trống âm`);
      continue;
    }
    if (rowKeys.has(r.key)) problems.push(`${where}: hàng "${r.key}" trùng khóa`);
    rowKeys.add(r.key);
    if (r.kind === 'fixed') for (const k of Object.keys(r.cells ?? {})) if (!keys.has(k)) problems.push(`${where}/${r.key}: ô "${k}" không có cột`);
  }
}

function checkForm(form: FormDefinition, problems: string[]): void {
  if (form.title.trim() === '' || form.shortTitle.trim() === '') problems.push(`${form.id}: thiếu tên biểu`);
  if ('derivedFrom' in form.source && !FORM_IDS.includes(form.source.derivedFrom)) problems.push(`${form.id}: dựa trên biểu không có`);
  const tableKeys = new Set<string>();
  form.blocks.forEach((b: Block) => {
    if (b.kind !== 'table') return;
    if (tableKeys.has(b.key)) problems.push(`${form.id}: bảng "${b.key}" trùng khóa`);
    tableKeys.add(b.key);
    checkTable(form, b, problems);
  });
  if (form.blocks.some((b) => b.kind === 'table' && b.columns.some((c) => c.kind === 'amount')) && !form.moneyUnit) {
    problems.push(`${form.id}: có cột tiền nhưng không ghi đơn vị tiền`);
  }
}

/** Builds the registry, throwing CatalogueError listing every problem found (STYLE.md §3). */
export function buildRegistry(forms: readonly FormDefinition[]): ReadonlyMap<FormId, FormDefinition> {
  const problems: string[] = [];
  const map = new Map<FormId, FormDefinition>();
  for (const f of forms) {
    if (map.has(f.id)) problems.push(`${f.id}: biểu trùng mã`);
    map.set(f.id, f);
    checkForm(f, problems);
  }
  if (problems.length > 0) throw new CatalogueError(`Danh mục biểu mẫu có lỗi:\n- ${problems.join('\n- ')}`);
  return map;
}

let registry: ReadonlyMap<FormId, FormDefinition> | undefined;

/** The checked catalogue; built on first use. */
export function forms(): ReadonlyMap<FormId, FormDefinition> {
  registry ??= buildRegistry(CATALOGUE);
  return registry;
}

export function getForm(id: FormId): FormDefinition {
  const f = forms().get(id);
  if (!f) throw new CatalogueError(`Không có biểu mẫu ${id}`);
  return f;
}

export function isFormId(s: string): s is FormId {
  return (FORM_IDS as readonly string[]).includes(s);
}

/** Every text a form prints: the fidelity test holds each against the handbook. */
export function formTexts(form: FormDefinition): string[] {
  const out: string[] = [form.title];
  for (const b of form.blocks) {
    switch (b.kind) {
      case 'text':
        out.push(b.text);
        break;
      case 'fields':
        for (const f of b.fields) out.push(f.label);
        break;
      case 'letterhead':
        out.push(...b.left, ...b.right);
        break;
      case 'signatures':
        if (b.dateLine) out.push(b.dateLine);
        for (const s of b.signers) {
          out.push(s.title);
          if (s.note) out.push(s.note);
        }
        break;
      case 'table':
        if (b.caption) out.push(b.caption);
        for (const h of b.header) out.push(h.text);
        for (const r of b.rows) {
          if (r.kind === 'entry') continue;
          out.push(r.label);
          if (r.kind === 'fixed') out.push(...Object.values(r.cells ?? {}));
        }
        break;
      case 'lines':
        break;
    }
  }
  return out.filter((t) => t.trim() !== '');
}
