/**
 * The adversarial corpus (fixtures/adversarial/, made by make-adversarial.mjs, committed): files
 * that attack the reading itself — damaged zip entries, sizes that lie, XML that says one thing to
 * a regular expression and another to Excel. Each file is validated and consolidated beside a good
 * village (thon-b.xlsx of the hostile corpus): a refused file is named in a Vietnamese message and
 * the good village is still validated and written into the plan (issue 23: one file, one failure);
 * a file read gives what expected.json says Excel shows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/lkh';
import { PortError } from '../src/port/memory';
import { FileRefused } from '../src/xlsx/inspect';
import { openForReading } from '../src/xlsx/read-input';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';
import { ZipParts } from '../src/xlsx/zip';

const HERE = join(__dirname, 'fixtures', 'adversarial');
const FILES = join(HERE, 'files');
const GOOD = join(__dirname, 'fixtures', 'hostile', 'files', 'thon-b.xlsx');
/** What thon-b.xlsx holds: 5 activities, 35,000 nghìn đồng. */
const GOOD_READ = { count: 5, amount: 35000 };

interface Case {
  readonly file: string;
  readonly what: string;
  readonly outcome: 'refused' | 'read';
  /** 'zip': refused from the zip itself, also when LKH opens it as its own plan (XlsxWorkbook.load). */
  readonly level?: 'zip';
  readonly messageIncludes?: string;
  readonly read?: { readonly count: number; readonly amount: number };
}

const EXPECTED = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as { files: Case[] };

interface Finding {
  readonly code: string;
  readonly message: string;
}

interface FileDoc {
  readonly file: string;
  readonly readable: boolean;
  readonly findings: readonly Finding[];
}

interface ConsolidateDoc {
  readonly reconciliation?: { readonly read: { readonly count: number; readonly amount: number } };
  readonly findings?: readonly Finding[];
  readonly files?: readonly FileDoc[];
}

/** The FILE_UNREADABLE findings of a consolidation, wherever the report puts them. */
function unreadable(doc: ConsolidateDoc): Finding[] {
  return [...(doc.findings ?? []), ...(doc.files ?? []).flatMap((f) => f.findings)].filter((f) => f.code === 'FILE_UNREADABLE');
}

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/** The sentence a user reads: Vietnamese, naming the file; library text only on a "Chi tiết kỹ thuật:" line. */
function expectNamedRefusal(message: string, file: string, includes?: string): void {
  expect(message).toContain(`"${file}"`);
  const shown = message
    .split('\n')
    .filter((l) => !l.startsWith('Chi tiết kỹ thuật:'))
    .join('\n');
  expect(shown).toMatch(VIETNAMESE);
  expect(shown).not.toMatch(/\bBug\b|mismatch|invalid|Error/);
  if (includes !== undefined) expect(message).toContain(includes);
}

describe('the adversarial corpus', () => {
  it('lists every file once', () => {
    expect(EXPECTED.files.map((c) => c.file).sort()).toEqual(readdirSync(FILES).sort());
  });
});

describe.each(EXPECTED.files.map((c) => [c.file, c] as const))('%s', (file, c) => {
  const path = join(FILES, file);

  it(`validate beside a good village: ${c.what}`, async () => {
    const r = await run(['validate', '--json', path, GOOD]);
    const doc = JSON.parse(r.out) as { files: FileDoc[] };
    const [bad, good] = doc.files;
    expect(good.readable).toBe(true);
    if (c.outcome === 'refused') {
      expect(r.code).toBe(2);
      expect(bad.readable).toBe(false);
      const unreadable = bad.findings.filter((f) => f.code === 'FILE_UNREADABLE');
      expect(unreadable).toHaveLength(1);
      expectNamedRefusal(unreadable[0].message, file, c.messageIncludes);
    } else {
      expect(bad.readable).toBe(true);
    }
  });

  it('consolidate beside a good village writes the plan', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lkh-adversarial-')), 'kh.xlsx');
    const r = await run(['consolidate', path, GOOD, '--out', out, '--json']);
    const doc = JSON.parse(r.out) as ConsolidateDoc;
    expect(existsSync(out)).toBe(true);
    if (c.outcome === 'refused') {
      expect(r.code).toBe(2);
      expect(doc.reconciliation?.read).toEqual(GOOD_READ);
      const named = unreadable(doc);
      expect(named).toHaveLength(1);
      expectNamedRefusal(named[0].message, file, c.messageIncludes);
    } else {
      const read = c.read ?? { count: 0, amount: 0 };
      expect(doc.reconciliation?.read).toEqual({ count: read.count + GOOD_READ.count, amount: read.amount + GOOD_READ.amount });
    }
  });

  if (c.outcome === 'refused') {
    it("is refused by the CLI's reading and the panes' import alike, as a PortError, never a library error", async () => {
      const bytes = new Uint8Array(readFileSync(path));
      await expect(openForReading(bytes)).rejects.toBeInstanceOf(PortError);
      await expect(XlsxWorkbook.loadForReading(bytes)).rejects.toBeInstanceOf(PortError);
      if (c.level === 'zip') await expect(XlsxWorkbook.load(bytes)).rejects.toBeInstanceOf(PortError);
    });
  }
});

describe('sizes that lie', () => {
  it('a 1.4 MB zip whose worksheet says 7,730 bytes and inflates to 1.4 GB is refused, the good village consolidated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-adversarial-big-'));
    const big = join(dir, 'thon-c.xlsx');
    execFileSync(process.execPath, [join(HERE, 'make-adversarial.mjs'), '--big', big]);
    const out = join(dir, 'kh.xlsx');
    const r = await run(['consolidate', big, GOOD, '--out', out, '--json']);
    const doc = JSON.parse(r.out) as ConsolidateDoc;
    expect(r.code).toBe(2);
    expect(doc.reconciliation?.read).toEqual(GOOD_READ);
    const named = unreadable(doc);
    expect(named).toHaveLength(1);
    expectNamedRefusal(named[0].message, 'thon-c.xlsx', 'xl/worksheets/sheet1.xml');
  });

  it('the bytes inflated over all parts are capped, whatever each part declares', async () => {
    const bytes = new Uint8Array(readFileSync(GOOD));
    // thon-b.xlsx inflates to about 27 KB: a budget of 10 KB stops it, one of 1 MB does not.
    await expect((await ZipParts.open(bytes, 10_000)).verify()).rejects.toMatchObject({ kind: 'too-large' });
    await expect((await ZipParts.open(bytes, 1024 * 1024)).verify()).resolves.toBeUndefined();
    await expect(ZipParts.open(bytes.subarray(0, 5000))).rejects.toBeInstanceOf(FileRefused);
  });
});
