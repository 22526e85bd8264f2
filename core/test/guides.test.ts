/**
 * The user guides (docs/huong-dan/*.md, issue 25) checked against the product: every label a guide
 * writes between «guillemets» is a label of the pane (a string literal or JSX text, as TypeScript parses them, of core/ui, the
 * standalone page, the Sheets add-on, whitespace as in a line of the guide), every `lkh X` it names is
 * a subcommand of `lkh --help`, every `npm run X` a script of package.json, every picture it links a
 * file. Host menus (Excel's, Google's) are written in **bold**, not in guillemets, and not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { run } from './cli/run';

const ROOT = path.resolve(__dirname, '..', '..');
const GUIDES_DIR = path.join(ROOT, 'docs', 'huong-dan');
const GUIDES = readdirSync(GUIDES_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Where the pane's words are: its sources, the standalone page, the Sheets add-on (sidebar and menu). */
const SOURCES = [...filesUnder(path.join(ROOT, 'core', 'ui')), path.join(ROOT, 'excel-addin', 'src', 'standalone.tsx'), ...filesUnder(path.join(ROOT, 'sheets-addon', 'src'))];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** String literals, templates without ${} and JSX text of a source file (TypeScript's parser), whitespace squashed. */
function labelsOf(source: string, file = 'x.tsx'): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) found.push(squash(node.text));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  return found.filter((s) => s.length > 0);
}

const LABELS = new Set(SOURCES.flatMap((f) => labelsOf(readFileSync(f, 'utf8'), f)));

const guide = (name: string): string => readFileSync(path.join(GUIDES_DIR, name), 'utf8');
/** «…» of a guide, a label broken over two lines joined by one space. */
const guillemets = (text: string): string[] => [...text.matchAll(/«([^»]+)»/g)].map((m) => squash(m[1] ?? ''));

describe('the user guides name what the product has', () => {
  it('has the three guides, each naming labels', () => {
    expect(GUIDES).toEqual(expect.arrayContaining(['cntt.md', 'ke-toan-xa.md', 'tinh-google-sheets.md']));
    // the accountant's guide walks the pane: it names many of its buttons
    expect(guillemets(guide('ke-toan-xa.md')).length).toBeGreaterThan(30);
    expect(guillemets(guide('tinh-google-sheets.md')).length).toBeGreaterThan(10);
  });

  it.each(GUIDES)('every «label» of %s is a label of the pane', (name) => {
    const missing = guillemets(guide(name)).filter((l) => !LABELS.has(l));
    expect(missing).toEqual([]);
  });

  it('a renamed label is caught (the check reads the sources, not a list of its own)', () => {
    const renamed = labelsOf("const t = { tabs: { home: 'Tổng quan chung' } }; const b = <Button>Tải về máy</Button>;");
    expect(renamed).toEqual(expect.arrayContaining(['Tổng quan chung', 'Tải về máy']));
    expect(renamed).not.toContain('Tổng quan');
    expect(LABELS.has('Tổng quan')).toBe(true);
    expect(LABELS.has('Tổng quan chung')).toBe(false);
  });

  it.each(GUIDES)('every `lkh X` of %s is a subcommand of lkh --help', async (name) => {
    const { code, out, err } = await run(['--help']);
    expect(code).toBe(0);
    const help = out + err;
    const commands = new Set([...help.matchAll(/^ {2}lkh ([a-z]+)/gm)].map((m) => m[1]));
    expect(commands.size).toBeGreaterThan(5);
    // in code: `lkh validate`, or a line of a code block
    const named = [...guide(name).matchAll(/(?:`|^\s*)(?:npx )?lkh ([a-z][a-z-]*)/gm)].map((m) => m[1] ?? '');
    expect(named.filter((c) => !commands.has(c))).toEqual([]);
  });

  it.each(GUIDES)('every `npm run X` of %s is a script of package.json', (name) => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const named = [...guide(name).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
    expect(named.filter((s) => !(s in scripts))).toEqual([]);
  });

  it.each(GUIDES)('every picture and guide %s links exists', (name) => {
    const links = [...guide(name).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'));
    expect(links.filter((l) => !existsSync(path.join(GUIDES_DIR, l)))).toEqual([]);
  });

  it('the accountant guide shows each of the seven steps', () => {
    const text = guide('ke-toan-xa.md');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text).toContain(`(anh/buoc-${n}.png)`);
  });

  it("the pane's Giới thiệu links every guide, under one base", () => {
    // read as text: the component is JSX, outside this test's compilation
    const about = readFileSync(path.join(ROOT, 'core', 'ui', 'components', 'About.tsx'), 'utf8');
    expect(about).toContain("export const GUIDES_BASE = (globalThis as BuildGlobals).LKH_GUIDES_URL ?? 'huong-dan/';");
    const files = [...about.matchAll(/\{ file: '([^']+)'/g)].map((m) => m[1]);
    expect(files.sort()).toEqual(GUIDES);
    expect(about).toContain('href={`${GUIDES_BASE}${g.file}`}');
  });
});
