/**
 * A document model written as a Word file (.docx) with the `docx` package, set as Vietnamese
 * administrative documents are (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4, margins top and bottom
 * 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt justified with a 1.27 cm first-line
 * indent, 6 pt between paragraphs, about 1.15 line spacing; the issuing body and the national
 * motto side by side, each with its short rule; the place and date in italics; the page number
 * centred in the top margin from page 2; the signer's block on the right and "Nơi nhận:" on the
 * left. Tables repeat their header rows on every page; annexes with wide tables are landscape.
 *
 * Runs in Node and in browsers alike (no Node API): the bytes come back as a Uint8Array.
 */
import { AlignmentType, BorderStyle, LineRuleType, Document, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, HeightRule, TextDirection, TextRun, VerticalAlignTable, WidthType } from 'docx';
import type { ISectionOptions } from 'docx';
import type { Align, DocBlock, DocRow, DocRun, DocumentModel, LetterheadBlock, SignatureBlock, TableBlock, TitleBlock } from './model';
import { xmlSafe } from '../text';

const FONT = 'Times New Roman';
/** Sizes in half-points, as Word counts them. */
const BODY = 28; // 14 pt
const HEADER_TEXT = 26; // 13 pt: issuing body, national name, Số
const TABLE_TEXT = 24; // 12 pt
const COMPACT_TEXT = 22; // 11 pt: wide annex tables
const RECIPIENTS = 22; // 11 pt: the lines of "Nơi nhận"
const RECIPIENTS_LABEL = 24; // 12 pt

/** Millimetres in twips, rounded (docx's own helper truncates: 20 mm would be 1133, not Word's 1134). */
const mm = (x: number): number => Math.round((x * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** Width of the text: 165 mm on a portrait page, 252 mm on a landscape one. */
const TEXT_WIDTH = { portrait: A4.width - MARGIN.left - MARGIN.right, landscape: A4.height - MARGIN.left - MARGIN.right };
const INDENT = mm(12.7);
const AFTER = 120; // 6 pt between paragraphs
const LINE = 276; // 1.15 lines

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

interface RunStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

function textRun(r: DocRun, style: RunStyle = {}): TextRun {
  return new TextRun({ text: r.text, font: FONT, size: style.size ?? BODY, bold: r.bold ?? style.bold ?? false, italics: r.italic ?? style.italic ?? false });
}

/** Lines of a cell's text ("a\nb") as runs with breaks. */
function linesRuns(text: string, style: RunStyle): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, font: FONT, size: style.size ?? BODY, bold: style.bold ?? false, italics: style.italic ?? false, ...(i > 0 ? { break: 1 } : {}) }));
}

/** Rough width of a line of Times New Roman, in twips (for the short rules under the headings). */
function textWidth(text: string, halfPoints: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.25 : ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi') ? 0.7 : 0.47;
  return em * halfPoints * 10;
}

/**
 * The short rule under a heading line (Nghị định 30: under the motto as long as the motto, under the
 * issuing body 1/3 to 1/2 of its name): an empty paragraph whose top border is cut to length.
 */
function rule(text: string, cellWidth: number, halfPoints: number, share: number): Paragraph {
  // No text: a third of the width (the rule under a document's title).
  const length = text === '' ? cellWidth / 3 : Math.min(cellWidth, textWidth(text, halfPoints) * share);
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 160, line: 80, lineRule: LineRuleType.EXACT },
  });
}

function centred(runs: readonly TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [...runs], spacing: { after } });
}

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
}

/** The issuing body and the national motto side by side; "Số:" under the body, the place and date under the motto. */
function letterhead(b: LetterheadBlock): Table {
  const left = Math.round(TEXT_WIDTH.portrait * 0.36);
  const right = TEXT_WIDTH.portrait - left;
  const last = b.issuer[b.issuer.length - 1] ?? '';
  const issuer = [...b.issuer.map((line) => centred([new TextRun({ text: line, font: FONT, size: HEADER_TEXT, bold: true })])), rule(last, left, HEADER_TEXT, 0.45)];
  const motto = [
    centred([new TextRun({ text: b.motto[0], font: FONT, size: HEADER_TEXT, bold: true })]),
    centred([new TextRun({ text: b.motto[1], font: FONT, size: BODY, bold: true })]),
    rule(b.motto[1], right, BODY, 1),
  ];
  return new Table({
    width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [plainCell(issuer, left), plainCell(motto, right)] }),
      new TableRow({
        children: [
          plainCell(
            [
              centred(b.number ? [new TextRun({ text: b.number, font: FONT, size: HEADER_TEXT })] : []),
              // The subject of a letter (công văn), 12 pt under the number.
              ...(b.subject ?? []).map((line) => centred([new TextRun({ text: line, font: FONT, size: RECIPIENTS_LABEL })])),
            ],
            left,
          ),
          plainCell([centred(b.placeDate.map((r) => textRun({ ...r, italic: true }, { size: BODY })))], right),
        ],
      }),
    ],
  });
}

function title(b: TitleBlock, orientation: 'portrait' | 'landscape'): Paragraph[] {
  const out = b.lines.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 360 : 0, after: 60 }, children: [new TextRun({ text: line, font: FONT, size: BODY, bold: true })] }));
  if (b.subtitle?.length) out.push(centred(b.subtitle.map((r) => textRun(r, { size: HEADER_TEXT })), 60));
  // The short rule under the title (a third of the text width).
  out.push(rule('', TEXT_WIDTH[orientation], BODY, 0), new Paragraph({ children: [], spacing: { after: 120 } }));
  return out;
}

function body(runs: readonly DocRun[], align: Align = 'justify', indent = true, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    indent: indent ? { firstLine: INDENT } : {},
    ...(keepNext ? { keepNext: true, keepLines: true } : {}),
    spacing: { after: AFTER, line: LINE },
    children: runs.map((r) => textRun(r)),
  });
}

const HEADING_STYLE: Readonly<Record<1 | 2 | 3 | 4, RunStyle>> = {
  1: { bold: true },
  2: { bold: true },
  3: { bold: true, italic: true },
  4: { italic: true },
};

function headingParagraph(level: 1 | 2 | 3 | 4, text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    keepNext: true,
    spacing: { before: level === 1 ? 240 : level === 2 ? 120 : 60, after: AFTER, line: LINE },
    children: [new TextRun({ text, font: FONT, size: BODY, ...HEADING_STYLE[level], bold: HEADING_STYLE[level].bold ?? false, italics: HEADING_STYLE[level].italic ?? false })],
  });
}

function cellParagraph(text: string, align: 'left' | 'center' | 'right', style: RunStyle, keepNext = false): Paragraph {
  return new Paragraph({ alignment: ALIGN[align], spacing: { before: 20, after: 20 }, ...(keepNext ? { keepNext: true } : {}), children: linesRuns(text, style) });
}

function widths(t: TableBlock, width: number): number[] {
  const sum = t.columns.reduce((s, c) => s + c.width, 0);
  const out = t.columns.map((c) => Math.floor((c.width / sum) * width));
  out[out.length - 1] += width - out.reduce((s, w) => s + w, 0);
  return out;
}

function dataTable(t: TableBlock, orientation: 'portrait' | 'landscape', keep = false): (Paragraph | Table)[] {
  const size = t.fontSize !== undefined ? Math.round(t.fontSize * 2) : t.compact ? COMPACT_TEXT : TABLE_TEXT;
  const width = TEXT_WIDTH[orientation];
  const w = widths(t, width);
  const cell = (children: Paragraph[], span: number, first: number, extra: { rowSpan?: number; bold?: boolean; vertical?: boolean } = {}) =>
    new TableCell({
      children,
      ...(extra.vertical ? { textDirection: TextDirection.BOTTOM_TO_TOP_LEFT_TO_RIGHT } : {}),
      width: { size: w.slice(first, first + span).reduce((s, x) => s + x, 0), type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      ...(extra.rowSpan ? { rowSpan: extra.rowSpan } : {}),
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60 },
    });
  const header: TableRow[] = [];
  const bands = (t.band ?? []).map(([from, to, text]) => ({ from: t.columns.findIndex((c) => c.key === from), to: t.columns.findIndex((c) => c.key === to), text })).filter((b) => b.from >= 0 && b.to >= b.from);
  const headStyle = { size, bold: true };
  // Vertical headers (narrow columns of marks) in smaller type; their row as tall as the longest reads
  // (about 4.5 pt a character at 9 pt): LibreOffice does not grow a row for rotated text.
  const VERTICAL_TEXT = 18;
  const verticalStyle = { size: VERTICAL_TEXT, bold: true };
  const longest = Math.max(0, ...t.columns.filter((c) => c.vertical).map((c) => [...c.header].length));
  const tall = longest > 0 ? { height: { value: longest * 90 + 200, rule: HeightRule.ATLEAST } } : {};
  const head = (c: (typeof t.columns)[number]) => cellParagraph(c.header, c.vertical ? 'left' : 'center', c.vertical ? verticalStyle : headStyle);
  if (bands.length > 0) {
    const top: TableCell[] = [];
    for (let i = 0; i < t.columns.length; i++) {
      const band = bands.find((b) => b.from === i);
      if (band) {
        top.push(cell([cellParagraph(band.text, 'center', headStyle)], band.to - band.from + 1, i));
        i = band.to;
      } else top.push(cell([head(t.columns[i])], 1, i, { rowSpan: 2, vertical: t.columns[i].vertical === true }));
    }
    const under = t.columns.flatMap((c, i) => (bands.some((b) => i >= b.from && i <= b.to) ? [cell([head(c)], 1, i, { vertical: c.vertical === true })] : []));
    const tallUnder = t.columns.some((c, i) => c.vertical && bands.some((b) => i >= b.from && i <= b.to));
    header.push(new TableRow({ tableHeader: true, cantSplit: true, children: top }), new TableRow({ tableHeader: true, cantSplit: true, ...(tallUnder ? tall : {}), children: under }));
  } else {
    header.push(new TableRow({ tableHeader: true, cantSplit: true, ...tall, children: t.columns.map((c, i) => cell([head(c)], 1, i, { vertical: c.vertical === true })) }));
  }
  // A total keeps with the activity above it, and the totals closing the table with the last
  // activity: no page holds only the repeated header and a total, no subtotal opens a page.
  // Word and LibreOffice honour "keep with next" on the rows' paragraphs.
  let lastData = -1;
  t.rows.forEach((r, i) => {
    if (r.kind === 'data') lastData = i;
  });
  const keepRow = (i: number) => (lastData >= 0 && i >= lastData && i < t.rows.length - 1) || (t.rows[i].kind === 'data' && t.rows[i + 1]?.kind === 'total');
  const rowOf = (r: DocRow, i: number): TableRow => {
    const keepNext = keep || keepRow(i);
    if (r.kind === 'group') {
      const first = t.columns[0].key;
      const code = r.cells[first];
      const cells = code !== undefined && t.columns.length > 1
        ? [cell([cellParagraph(code, 'center', { size, bold: true }, keepNext)], 1, 0), cell([cellParagraph(r.label ?? '', 'left', { size, bold: true }, keepNext)], t.columns.length - 1, 1)]
        : [cell([cellParagraph(r.label ?? '', 'left', { size, bold: true }, keepNext)], t.columns.length, 0)];
      return new TableRow({ cantSplit: true, children: cells });
    }
    const bold = r.kind === 'total';
    return new TableRow({ cantSplit: true, children: t.columns.map((c, j) => cell([cellParagraph(r.cells[c.key] ?? '', c.align ?? 'left', { size, bold }, keepNext)], 1, j)) });
  };
  const out: (Paragraph | Table)[] = [];
  if (t.unit) out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 60 }, children: [new TextRun({ text: t.unit, font: FONT, size, italics: true })] }));
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: w,
      layout: TableLayoutType.FIXED,
      borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
      rows: [...header, ...t.rows.map((r, i) => rowOf(r, i))],
    }),
    new Paragraph({ spacing: { after: AFTER }, ...(keep ? { keepNext: true } : {}), children: [] }),
  );
  return out;
}

/** "Nơi nhận:" on the left; the authority, space to sign and the name on the right. */
function signature(b: SignatureBlock): Table {
  const left = Math.round(TEXT_WIDTH.portrait * 0.45);
  const right = TEXT_WIDTH.portrait - left;
  const leftParas = [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', font: FONT, size: RECIPIENTS_LABEL, bold: true, italics: true })] }),
    ...b.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: r, font: FONT, size: RECIPIENTS })] })),
  ];
  const rightParas = [
    ...b.authority.map((a) => centred([new TextRun({ text: a, font: FONT, size: BODY, bold: true })])),
    ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
    centred(b.name.map((r) => textRun({ ...r, bold: r.role === 'note' ? false : true }, { size: BODY }))),
  ];
  return new Table({
    width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(leftParas, left), plainCell(rightParas, right)] })],
  });
}

function pageHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })] })] });
}

/**
 * A block as paragraphs and tables. `keep`: the block ends the text before the signature, so its
 * last paragraph is kept on the signature's page (Word's and LibreOffice's "keep with next"): the
 * signer never signs a page holding nothing but "Nơi nhận" and the signature.
 */
function render(b: DocBlock, orientation: 'portrait' | 'landscape', keep = false): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'letterhead':
      return [letterhead(b)];
    case 'title':
      return title(b, orientation);
    case 'heading':
      return [headingParagraph(b.level, b.text)];
    case 'paragraph':
      return [body(b.runs, b.align, b.indent ?? true, keep)];
    case 'list':
      return b.items.map((item, i) => body([{ text: '- ' }, ...item], 'justify', true, keep && i >= b.items.length - 2));
    case 'table':
      return dataTable(b, orientation, keep);
    case 'signature':
      return [new Paragraph({ spacing: { after: AFTER }, keepNext: true, children: [] }), signature(b)];
    case 'page-break':
      return [];
  }
}

/** The document as the sections of a Word file: a new section at each page break (landscape annexes). */
/**
 * The model with every string cleaned of the characters XML forbids (each becomes U+FFFD "�",
 * text/xml-chars.ts): a village or activity name holding one would leave Word a file it calls
 * damaged. The model is plain data (blocks, rows, runs).
 */
function xmlSafeModel<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => xmlSafeModel(v)) as T;
  // Plain objects only: anything else (bytes of a picture, a Date) is passed as it is.
  if (value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = xmlSafeModel(v);
    return out as T;
  }
  return value;
}

export function docxDocument(unsafe: DocumentModel): Document {
  const model = xmlSafeModel(unsafe);
  const sections: ISectionOptions[] = [];
  let orientation: 'portrait' | 'landscape' = 'portrait';
  let restart = false;
  let children: (Paragraph | Table)[] = [];
  const close = () => {
    // The first page of the document, and of each document of its own (restart), carries no number.
    const first = sections.length === 0 || restart;
    sections.push({
      properties: {
        page: {
          size: { ...A4, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { ...MARGIN, header: mm(10), footer: mm(10) },
          ...(restart ? { pageNumbers: { start: 1 } } : {}),
        },
        ...(first ? { titlePage: true } : {}),
      },
      // The page number from page 2 on (Nghị định 30: not shown on the first page).
      headers: first ? { default: pageHeader(), first: new Header({ children: [] }) } : { default: pageHeader() },
      children,
    });
    children = [];
  };
  model.blocks.forEach((b, i) => {
    if (b.kind === 'page-break') {
      close();
      orientation = b.orientation ?? 'portrait';
      restart = b.restart === true;
      return;
    }
    children.push(...render(b, orientation, model.blocks[i + 1]?.kind === 'signature'));
  });
  close();
  return new Document({
    creator: 'LKH',
    title: model.title,
    description: `${model.id} — bản dự thảo do LKH soạn từ các biểu của xã`,
    styles: { default: { document: { run: { font: FONT, size: BODY, language: { value: 'vi-VN' } } } } },
    sections,
  });
}

/** The .docx bytes of a document model. */
export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(docxDocument(model)));
}
