/**
 * The document model: what a drafted document says, block by block, before any file format.
 * The content modules (plan-document.ts) build it from the plan read out of the workbook; a
 * writer (docx.ts) turns it into a file. Every text is final here (numbers already written the
 * Vietnamese way), so a writer only lays it out, and a test can read the text back.
 *
 * What the workbook cannot know is a `blank` run: "………" followed by a bracketed note telling the
 * commune what to write there ("[Xã ghi: …]"). Writers print both; `countBlanks` tells how many
 * places are left to the commune.
 */

/** A stretch of text with one style. */
export interface DocRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /**
   * 'blank': a place for the commune to write ("………"); 'note': the bracketed note beside a blank
   * or a remark of LKH's for the commune (printed italic, meant to be deleted before signing).
   */
  readonly role?: 'blank' | 'note';
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** The heading of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
export interface LetterheadBlock {
  readonly kind: 'letterhead';
  /** The issuing body, one line each: ["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP"]. */
  readonly issuer: readonly string[];
  /** "Số: ……/KH-UBND". */
  readonly number?: string;
  /** What an official letter is about, under its number ("V/v Phản hồi ý kiến cộng đồng…"), one line each. */
  readonly subject?: readonly string[];
  /** The national motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]. */
  readonly motto: readonly [string, string];
  /** "Tân Lập, ngày …… tháng …… năm 2026" (blanks as runs). */
  readonly placeDate: readonly DocRun[];
}

/** Name of the document and its summary, centred and bold ("DỰ THẢO", "TÌNH HÌNH THỰC HIỆN …"). */
export interface TitleBlock {
  readonly kind: 'title';
  readonly lines: readonly string[];
  /** Printed under the title, italic (the program and its legal basis). */
  readonly subtitle?: readonly DocRun[];
}

export interface HeadingBlock {
  readonly kind: 'heading';
  /** 1: "Phần I: …"; 2: "1. …"; 3: "a. …"; 4: "· Thuận lợi và Khó khăn". */
  readonly level: 1 | 2 | 3 | 4;
  readonly text: string;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly runs: readonly DocRun[];
  readonly align?: Align;
  /** First-line indent, as body text is set (default true). */
  readonly indent?: boolean;
}

/** A list, each item a line starting with "- ". */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: readonly (readonly DocRun[])[];
}

export interface DocColumn {
  readonly key: string;
  readonly header: string;
  /** Relative width (the writer shares the page's text width in these proportions). */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
  /** The header printed bottom to top, for narrow columns of marks. */
  readonly vertical?: boolean;
}

/**
 * A body row: 'group' rows print their label across the whole row (bold); 'total' rows are bold;
 * 'data' rows are the activities. Cells hold final text; a missing cell is empty.
 */
export interface DocRow {
  readonly kind: 'group' | 'data' | 'total';
  readonly cells: Readonly<Record<string, string>>;
  /** For 'group' rows: the label spanning the row after the first column's code. */
  readonly label?: string;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly DocColumn[];
  readonly rows: readonly DocRow[];
  /** Printed right-aligned above the table ("Đơn vị tính: 1.000 đồng"). */
  readonly unit?: string;
  /** A header row above the column headers grouping some of them: [first column key, last column key, text]. */
  readonly band?: readonly (readonly [string, string, string])[];
  /** Smaller type for wide tables (the handout's). */
  readonly compact?: boolean;
  /** Type size in points for the widest tables (the annexes' 17 columns on a landscape page); overrides `compact`. */
  readonly fontSize?: number;
}

/** "Nơi nhận:" on the left, the signer on the right (Nghị định 30/2020/NĐ-CP). */
export interface SignatureBlock {
  readonly kind: 'signature';
  readonly recipients: readonly string[];
  /** ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]. */
  readonly authority: readonly string[];
  /** Under the space for the signature: the signer's name, or a blank. */
  readonly name: readonly DocRun[];
}

/**
 * A new page; `landscape` starts a landscape section (annexes with wide tables); `restart`: a
 * document of its own (one II.10 letter to each village), its pages numbered from 1 and its
 * first page unnumbered.
 */
export interface PageBreakBlock {
  readonly kind: 'page-break';
  readonly orientation?: 'portrait' | 'landscape';
  readonly restart?: boolean;
}

export type DocBlock = LetterheadBlock | TitleBlock | HeadingBlock | ParagraphBlock | ListBlock | TableBlock | SignatureBlock | PageBreakBlock;

export interface DocumentModel {
  /** The form it drafts: 'II.7.A', 'II.7.B', 'II.10'… */
  readonly id: string;
  /** Document title (file properties). */
  readonly title: string;
  /** Suggested file name without extension ("II.7.A"). */
  readonly fileName: string;
  readonly blocks: readonly DocBlock[];
}

/** The mark of a place left for the commune. */
export const BLANK = '………';

/** A blank with the note saying what to write there: "……… [Xã ghi: …]". */
export function blank(note?: string): DocRun[] {
  return note ? [{ text: BLANK, role: 'blank' }, { text: ` [${note}]`, italic: true, role: 'note' }] : [{ text: BLANK, role: 'blank' }];
}

export const run = (text: string, style: Omit<DocRun, 'text'> = {}): DocRun => ({ text, ...style });

export const para = (runs: readonly DocRun[] | string, align?: Align): ParagraphBlock => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' ? [{ text: runs }] : runs,
  ...(align ? { align } : {}),
});

export const heading = (level: HeadingBlock['level'], text: string): HeadingBlock => ({ kind: 'heading', level, text });

/** The runs of every block, in order (for counting and for plain-text views). */
function runsOf(b: DocBlock): readonly DocRun[] {
  switch (b.kind) {
    case 'letterhead':
      return b.placeDate;
    case 'title':
      return b.subtitle ?? [];
    case 'paragraph':
      return b.runs;
    case 'list':
      return b.items.flat();
    case 'signature':
      return b.name;
    default:
      return [];
  }
}

/** How many places a document leaves to the commune (blank runs, table cells holding a blank included). */
export function countBlanks(doc: DocumentModel): number {
  let n = 0;
  for (const b of doc.blocks) {
    n += runsOf(b).filter((r) => r.role === 'blank').length;
    if (b.kind === 'table') for (const r of b.rows) n += Object.values(r.cells).filter((c) => c === BLANK).length;
  }
  return n;
}

/** The document as plain text, one block or row a line (previews, messages). */
export function documentText(doc: DocumentModel): string {
  const out: string[] = [];
  const text = (runs: readonly DocRun[]) => runs.map((r) => r.text).join('');
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'letterhead':
        out.push(...b.issuer, ...(b.number ? [b.number] : []), ...(b.subject ?? []), ...b.motto, text(b.placeDate));
        break;
      case 'title':
        out.push(...b.lines, ...(b.subtitle ? [text(b.subtitle)] : []));
        break;
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(text(b.runs));
        break;
      case 'list':
        out.push(...b.items.map((i) => `- ${text(i)}`));
        break;
      case 'table':
        if (b.unit) out.push(b.unit);
        out.push(b.columns.map((c) => c.header).join(' | '));
        for (const r of b.rows) out.push(r.kind === 'group' ? [r.cells[b.columns[0].key] ?? '', r.label ?? ''].filter((x) => x !== '').join(' ') : b.columns.map((c) => r.cells[c.key] ?? '').join(' | '));
        break;
      case 'signature':
        out.push('Nơi nhận:', ...b.recipients, ...b.authority, text(b.name));
        break;
      case 'page-break':
        break;
    }
  }
  return out.join('\n');
}
