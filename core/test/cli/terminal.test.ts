/**
 * No control character from the files reaches the terminal (issue 23): sheet and activity names
 * holding ESC sequences, line breaks or bidirectional overrides are shown escaped by every printer.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { shown, shownMessage, terminalIo, terminalSafe } from '../../cli/terminal';
import { run } from './run';

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

/** A copy of a corpus file whose sheet `from` is renamed `to` (XML text of the name attribute, as a hostile file holds it). */
async function renamed(file: string, from: string, toXml: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(CORPUS, file)));
  const xml = await zip.file('xl/workbook.xml')?.async('string');
  if (xml === undefined || !xml.includes(`name="${from}"`)) throw new Error(`no sheet ${from} in ${file}`);
  zip.file('xl/workbook.xml', xml.replace(`name="${from}"`, `name="${toXml}"`));
  const out = join(mkdtempSync(join(tmpdir(), 'lkh-terminal-')), file);
  writeFileSync(out, await zip.generateAsync({ type: 'uint8array' }));
  return out;
}

/** The characters a terminal would act on (but the line feed) that `text` holds raw. */
function rawControls(text: string): string[] {
  return [...text].filter((ch) => {
    const c = ch.charCodeAt(0);
    return (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  });
}

describe('shown and terminalSafe', () => {
  it('escapes C0, DEL, C1 and bidirectional controls visibly, and leaves Vietnamese text alone', () => {
    expect(shown('Thôn\u001b[2J\nTổng cộng: 0 lỗi')).toBe('Thôn\\x1b[2J\\nTổng cộng: 0 lỗi');
    expect(shown('a\rb\tc\u007fd\u009be\u202ef\u2066g\u0000')).toBe('a\\rb\\tc\\u007fd\\u009be\\u202ef\\u2066g\\x00');
    expect(shown('Xây dựng nhà văn hóa thôn Bản Mạ (đợt 2)')).toBe('Xây dựng nhà văn hóa thôn Bản Mạ (đợt 2)');
    expect(terminalSafe('dòng 1\ndòng 2\u001b[1A\r')).toBe('dòng 1\ndòng 2\\x1b[1A\\r');
  });

  it('keeps the technical detail of a message on its own line, and escapes both parts', () => {
    expect(shownMessage('Không đọc được tệp "a\nb.xlsx": tệp bị hỏng.\nChi tiết kỹ thuật: Bug\u001b[2J\n')).toBe('Không đọc được tệp "a\\nb.xlsx": tệp bị hỏng.\nChi tiết kỹ thuật: Bug\\x1b[2J\\n');
    expect(shownMessage('Thôn\u001b[2J')).toBe('Thôn\\x1b[2J');
  });

  it('keeps --json output valid: what it escapes parses back to the same string', () => {
    let out = '';
    const io = terminalIo({ out: (s) => (out += s), err: () => undefined });
    const names = ['Thôn\u001b[2J', 'A\u202eB', 'C\u0085D\u007f', 'E\u2028F'];
    io.out(`${JSON.stringify({ names }, null, 2)}\n`);
    expect(rawControls(out)).toEqual([]);
    expect((JSON.parse(out) as { names: string[] }).names).toEqual(names);
  });
});

describe('lkh prints names from the files escaped', () => {
  it('a sheet name holding a line break cannot forge the summary line', async () => {
    // "Thôn F" of bad-cells.xlsx has errors: its name is printed on every finding line. An ESC
    // cannot be in a well-formed workbook.xml (XML 1.0 forbids "&#27;": such a file is refused as
    // damaged, see adversarial.test.ts), but a line break can; ESC in a file's name is tested below.
    const file = await renamed('bad-cells.xlsx', 'Thôn F', 'F&#10;Tổng cộng 0 lỗi');
    const r = await run(['validate', file]);
    const printed = r.out + r.err;
    expect(rawControls(printed)).toEqual([]);
    const lines = printed.split('\n');
    // Only LKH's own summary line starts like one; the sheet's text stays inside its line, escaped.
    expect(lines.filter((l) => l.startsWith('Tổng cộng'))).toEqual([expect.stringMatching(/^Tổng cộng: [1-9]\d* lỗi, \d+ cảnh báo\.$/)]);
    expect(printed).toContain('trang "F\\nTổng cộng 0 lỗi": biểu I.2');
    expect(printed).toMatch(/LỖI F\\nTổng cộng 0 lỗi!H23 \[CELL_ERROR\]/);
    expect(r.code).toBe(1);
  });

  it('a sheet name written with a forbidden character reference is refused as damaged, and named escaped', async () => {
    const file = await renamed('bad-cells.xlsx', 'Thôn F', 'F&#27;[2J');
    const r = await run(['validate', file]);
    const printed = r.out + r.err;
    expect(rawControls(printed)).toEqual([]);
    expect(printed).not.toContain('\u001b');
    expect(printed).toContain('[FILE_UNREADABLE] Không đọc được tệp "bad-cells.xlsx"');
    expect(r.code).toBe(2);
  });

  it('a right-to-left override in a sheet name is shown as \\u202e, and --json still parses to the real name', async () => {
    const file = await renamed('bang2-i2.xlsx', 'Trồng trọt', 'Trồng&#x202E;trọt');
    const text = await run(['validate', file]);
    expect(text.out).toContain('trang "Trồng\\u202etrọt": biểu I.2');
    expect(rawControls(text.out)).toEqual([]);
    const json = await run(['validate', '--json', file]);
    expect(rawControls(json.out)).toEqual([]);
    const doc = JSON.parse(json.out) as { files: { forms: { sheet: string }[] }[] };
    expect(doc.files[0].forms[0].sheet).toBe('Trồng\u202etrọt');
  });

  it('a file name with an escape sequence is shown escaped in the error message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lkh-terminal-'));
    const r = await run(['validate', join(dir, 'thon\u001b]0;pwned\u0007.xlsx')]);
    expect(r.code).toBe(2);
    expect(rawControls(r.out + r.err)).toEqual([]);
    expect(r.out).toContain('thon\\x1b]0;pwned\\x07.xlsx');
  });
});
