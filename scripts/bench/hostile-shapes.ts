/**
 * (h) Hostile shapes (issue 23): files shaped to make reading slow or large, each through
 * `lkh validate` as a process of its own, wall time and peak resident memory:
 *   - 20,000 empty sheets (was 65 s): read in under 5 s;
 *   - 2,100,000 cells with a number each (was 1 GB before the refusal): refused before its cells are made;
 *   - a 1.4 MB zip whose worksheet says 7,730 bytes and inflates to 1.4 GB (was 2.7 GB): refused under 600 MB.
 * Not timed tests: the figures go to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { measuredProcess } from './commune-files';
import { fmt, log, median } from './measure';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface ShapeRow {
  readonly name: string;
  readonly bytes: number;
  readonly ms: number;
  readonly maxRss: number;
  /** CPU time (user + system) of the process, median (ms). */
  readonly cpuMs: number;
  /** lkh validate's exit code: 0 read, 2 refused (named in its report). */
  readonly exit: number;
}

/** A workbook of `sheets` worksheets, the i-th holding `body(i)` in its sheetData. */
async function workbook(sheets: number, body: (i: number) => string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>');
  const ids = Array.from({ length: sheets }, (_, i) => i + 1);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${ids.map((i) => `<sheet name="Trang ${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((i) => `<Relationship Id="rId${i}" Type="${RELS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`);
  for (const i of ids) zip.file(`xl/worksheets/sheet${i}.xml`, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body(i)}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function manyCells(rows: number): string {
  const cols = 'ABCDEFGHIJ';
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (const c of cols) row += `<c r="${c}${r}"><v>${r}</v></c>`;
    out.push(`${row}</row>`);
  }
  return out.join('');
}

export async function benchShapes(runs: number): Promise<ShapeRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lkh-bench-shapes-'));
  const root = process.cwd();
  const lkh = join(root, 'core', 'bin', 'lkh.cjs');
  try {
    log('(h) writing the hostile shapes…');
    const files: { name: string; path: string }[] = [
      { name: '20,000 empty sheets', path: join(dir, 'trang-rong.xlsx') },
      { name: '2,100,000 cells (cap 2,000,000)', path: join(dir, 'nhieu-o.xlsx') },
      { name: '1.4 MB zip whose worksheet inflates to 1.4 GB (its directory says 7,730 bytes)', path: join(dir, 'kich-thuoc-gia.xlsx') },
    ];
    writeFileSync(files[0].path, await workbook(20_000, () => ''));
    writeFileSync(files[1].path, await workbook(1, () => manyCells(210_000)));
    execFileSync(process.execPath, [join(root, 'core', 'test', 'fixtures', 'adversarial', 'make-adversarial.mjs'), '--big', files[2].path]);
    const rows: ShapeRow[] = [];
    for (const f of files) {
      const ms: number[] = [];
      const cpu: number[] = [];
      let maxRss = 0;
      let exit = 0;
      for (let i = 0; i <= runs; i++) {
        const r = measuredProcess([lkh, 'validate', f.path], process.env, [0, 1, 2]);
        if (i === 0) continue; // warm-up
        ms.push(r.ms);
        cpu.push(r.cpuMs);
        maxRss = Math.max(maxRss, r.maxRss);
        exit = r.status;
      }
      rows.push({ name: f.name, bytes: statSync(f.path).size, ms: median(ms), cpuMs: median(cpu), maxRss, exit });
      log(`  ${f.name}: ${fmt(median(ms))} ms (CPU ${fmt(median(cpu))} ms), peak ${fmt(maxRss / 1e6)} MB, exit ${exit}`);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
