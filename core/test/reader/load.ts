import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook } from '../../src/reader/workbook';
import type { WorkbookReading } from '../../src/reader/workbook';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';

export const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

export async function loadCorpus(name: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(new Uint8Array(readFileSync(join(CORPUS, name))));
}

export async function readCorpus(name: string): Promise<WorkbookReading> {
  return readWorkbook(await loadCorpus(name), { file: name });
}
