/**
 * Topic and sector classification against a corpus of activity names (fixtures/activity-topics.json:
 * the handbook's examples with their line, the demo commune, names typical of NTM and GNBV plans),
 * each with the topic the handbook's three groups file it under (L547) and the sector its words
 * name. Prints the accuracy; the topic must be right for at least 95% of the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../src/forms/topics';
import { classifyActivity, classifyTopic, guessSector, namedTopic, sectorOfRow, sectorOfSheetName, sectorTopic } from '../../src/workflow/classify';

interface Case {
  readonly activity: string;
  readonly sheetSector: string | null;
  readonly topic: Topic;
  readonly sector?: string;
  readonly source: string;
}

const CORPUS: readonly Case[] = (JSON.parse(readFileSync(join(__dirname, 'fixtures', 'activity-topics.json'), 'utf8')) as { cases: Case[] }).cases;

describe('the classification corpus', () => {
  it('holds at least 150 activity names, from the handbook, the demo and the programs, with every topic', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter((c) => c.source.startsWith('handbook')).length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((c) => c.source.startsWith('demo')).length).toBeGreaterThanOrEqual(15);
    for (const t of ['csht', 'kinh-te', 'vh-xh-mt'] as const) expect(CORPUS.filter((c) => c.topic === t).length).toBeGreaterThanOrEqual(40);
  });

  it('files at least 95% of the corpus under the expected topic (accuracy printed)', () => {
    const wrong = CORPUS.filter((c) => classifyTopic(c.sheetSector ?? undefined, c.activity) !== c.topic);
    const accuracy = (CORPUS.length - wrong.length) / CORPUS.length;
    const lines = wrong.map((c) => `  ${c.activity} [${c.sheetSector ?? '—'}]: ${classifyActivity(c.sheetSector ?? undefined, c.activity).topic}, expected ${c.topic} (${c.source})`);
    console.log(`Topic accuracy on ${CORPUS.length} activity names: ${(accuracy * 100).toFixed(1)}% (${CORPUS.length - wrong.length}/${CORPUS.length})${lines.length ? `\n${lines.join('\n')}` : ''}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('names the expected sector from the activity\'s own words for at least 90% of the names that have one (accuracy printed)', () => {
    const withSector = CORPUS.filter((c) => c.sector !== undefined && c.sheetSector === null);
    const wrong = withSector.filter((c) => guessSector(c.activity) !== c.sector);
    const accuracy = (withSector.length - wrong.length) / withSector.length;
    const lines = wrong.map((c) => `  ${c.activity}: ${guessSector(c.activity) ?? '—'}, expected ${c.sector}`);
    console.log(`Sector accuracy on ${withSector.length} activity names: ${(accuracy * 100).toFixed(1)}%${lines.length ? `\n${lines.join('\n')}` : ''}`);
    expect(withSector.length).toBeGreaterThanOrEqual(100);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('holds the cases the issue names: Bảng 2\'s dam repair is infrastructure, livestock disease training is the economy', () => {
    expect(classifyTopic('Nông nghiệp (Trồng trọt & Thủy lợi)', 'Sửa chữa đập tạm tại Khu giữa')).toBe('csht');
    expect(classifyTopic(undefined, 'Sửa chữa đập tạm tại Khu giữa')).toBe('csht');
    expect(classifyTopic(undefined, 'Tập huấn phòng chống dịch bệnh gia súc')).toBe('kinh-te');
    expect(classifyTopic('Chăn nuôi', 'Tập huấn phòng chống dịch bệnh cho gia súc, gia cầm')).toBe('kinh-te');
    expect(guessSector('Sửa chữa đập tạm tại Khu giữa')).toBe('Thủy lợi');
  });

  it('reads diacritics, decomposed text and capitals alike', () => {
    for (const s of ['Sửa chữa đập tạm', 'sua chua dap tam', 'SỬA CHỮA ĐẬP TẠM', 'Sửa chữa đập tạm'.normalize('NFD'), 'Sửa chữa đập tạm'.replace('ử', 'ử')]) {
      expect(classifyTopic(undefined, s)).toBe('csht');
    }
  });
});

describe('what the sheet names wins', () => {
  it('a sheet naming a topic decides the topic, whatever the activity says', () => {
    expect(namedTopic('Cơ sở hạ tầng')).toBe('csht');
    expect(namedTopic('2. Kinh tế và tổ chức sản xuất')).toBe('kinh-te');
    expect(namedTopic('VH-XH-MT')).toBe('vh-xh-mt');
    expect(namedTopic('Giao thông')).toBeUndefined();
    expect(classifyActivity('Văn hóa - Xã hội - Môi trường', 'Hỗ trợ giống lúa mới')).toEqual({ topic: 'vh-xh-mt', sector: 'Trồng trọt', basis: 'sheet-topic' });
  });

  it('a sheet\'s sector decides what the activity\'s words leave open', () => {
    expect(sectorTopic('Giao thông - Thủy lợi')).toBe('csht');
    expect(sectorTopic('Nông nghiệp (Trồng trọt & Thủy lợi)')).toBe('kinh-te');
    expect(sectorTopic('Xã hội - Bình đẳng giới')).toBe('vh-xh-mt');
    expect(classifyActivity('Chăn nuôi', 'Tổ chức hội thi')).toEqual({ topic: 'kinh-te', basis: 'sheet-sector' });
    expect(classifyActivity('Văn hóa - Thể thao', 'Tổ chức hội thi')).toEqual({ topic: 'vh-xh-mt', basis: 'sheet-sector' });
  });

  it('the sector of a row: its own cell, else the sheet\'s field, else the sheet\'s name, else the guess', () => {
    expect(sectorOfSheetName('I.2 - Giao thông')).toBe('Giao thông');
    expect(sectorOfSheetName('Biểu II.3 - Y tế')).toBe('Y tế');
    expect(sectorOfSheetName('I.2 - Chăn nuôi (cũ)')).toBe('Chăn nuôi');
    expect(sectorOfSheetName('Thôn A - I.2')).toBeUndefined();
    expect(sectorOfSheetName('II.4.B')).toBeUndefined();
    const act = 'Sửa chữa đập tạm';
    expect(sectorOfRow('Nông nghiệp', 'Giao thông', 'I.2 - Y tế', act)).toBe('Nông nghiệp');
    expect(sectorOfRow(undefined, 'Giao thông', 'I.2 - Y tế', act)).toBe('Giao thông');
    expect(sectorOfRow(' ', '', 'I.2 - Y tế', act)).toBe('Y tế');
    expect(sectorOfRow(undefined, undefined, 'I.2', act)).toBe('Thủy lợi');
    expect(sectorOfRow(undefined, undefined, 'Sheet1', 'Tổ chức hội thi')).toBe('');
  });
});
