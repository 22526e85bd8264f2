/**
 * The fast reader against ExcelJS's path on every .xlsx fixture of the repository (files shaped
 * like the ones communes type, hostile files, the 19 templates): the same sheets, values, fonts,
 * merges, state and errors, or a refusal both ways. Apart from fast-read.test.ts because it reads
 * every fixture twice (tens of seconds): the mutation run of fast-read.ts uses the unit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { assertXlsx } from '../../src/xlsx/inspect';
import { bothWays, root, xlsxFiles } from './fast-read-helpers';

describe('reading outside files from their XML: the corpus', () => {
  it('gives what ExcelJS gives for every .xlsx fixture it reads, and reads most of them itself', async () => {
    const files = [...xlsxFiles(join(root, 'core', 'test', 'fixtures')), ...xlsxFiles(join(root, 'templates'))];
    let read = 0;
    let xlsx = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      try {
        assertXlsx(bytes);
      } catch {
        continue; // not an .xlsx (a .docx renamed, a zip bomb…): refused before either reader
      }
      const r = await bothWays(bytes);
      if (r === 'refused') continue; // a damaged part (the adversarial corpus): refused both ways
      xlsx++;
      if (!r) continue;
      read++;
      // isDeepStrictEqual first: jest's toEqual walks a million-row sheet slowly; it shows the difference when there is one.
      if (!isDeepStrictEqual(r.fast, r.exceljs)) expect([file, r.fast]).toEqual([file, r.exceljs]);
    }
    expect(xlsx).toBeGreaterThan(60);
    // A change that made it give up on everything would pass the comparison: it must keep reading the corpus.
    expect(read / xlsx).toBeGreaterThan(0.9);
  });

});
