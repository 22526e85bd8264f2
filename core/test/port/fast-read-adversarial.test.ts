/**
 * The fast reader on the adversarial corpus (core/test/fixtures/adversarial: the same village
 * sheet written in ways Excel, ExcelJS and LibreOffice may read apart), without LibreOffice and
 * file by file, so that a mutation run of fast-read.ts can use it: every file the corpus says is
 * read is read by the fast reader itself (not left to ExcelJS) with ExcelJS's values; every other
 * is refused by it with the Vietnamese sentence naming the part, and the cell or string, it stops at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FastReadWorkbook } from '../../src/xlsx/fast-read';
import { FileRefused } from '../../src/xlsx/inspect';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { everything } from './fast-read-helpers';

const HERE = join(__dirname, '..', 'fixtures', 'adversarial');
const EXPECTED = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as { files: { file: string; outcome: 'read' | 'refused'; messageIncludes?: string; level?: string }[] };
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(join(HERE, 'files', file)));

/** What the user reads first: the refusal up to "một cách ghi mà…" (ambiguous) or "Hãy mở thử…" (malformed). */
const REFUSALS: readonly (readonly [string, 'ambiguous' | 'malformed', string])[] = [
  ["so-thap-luc-phan.xlsx", 'ambiguous', "tệp có giá trị \"0x1770\" không phải một số (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["so-kem-chu.xlsx", 'ambiguous', "tệp có giá trị \"10000abc\" không phải một số (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["so-inf.xlsx", 'ambiguous', "tệp có giá trị \"INF\" không phải một số (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["so-infinity.xlsx", 'ambiguous', "tệp có giá trị \"Infinity\" không phải một số (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["so-hai-dau-cham.xlsx", 'ambiguous', "tệp có giá trị \"6.000.000\" không phải một số (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["so-trong-cdata.xlsx", 'ambiguous', "tệp có một đoạn CDATA trong <v> (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["dia-chi-chu-thuong.xlsx", 'ambiguous', "tệp có ô có địa chỉ \"g17\" trong trang \"Trồng trọt\" (phần xl/worksheets/sheet1.xml)"],
  ["dia-chi-ngoai-trang.xlsx", 'ambiguous', "tệp có ô có địa chỉ \"XFE17\" trong trang \"Trồng trọt\" (phần xl/worksheets/sheet1.xml)"],
  ["o-ghi-hai-lan.xlsx", 'ambiguous', "tệp có ô G17 ghi hai lần trong trang \"Trồng trọt\" (phần xl/worksheets/sheet1.xml)"],
  ["hai-sheetdata.xlsx", 'ambiguous', "tệp có hai phần <sheetData> trong trang \"Trồng trọt\" (phần xl/worksheets/sheet1.xml)"],
  ["sheetdata-trong-phan-tu-la.xlsx", 'ambiguous', "tệp có phần tử <sheetData> nằm trong <lkhGhiChu> (phần xl/worksheets/sheet1.xml)"],
  ["dung-sai-false.xlsx", 'ambiguous', "tệp có giá trị đúng/sai \"false\" (ô K17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["chuoi-cong-thuc-amp.xlsx", 'ambiguous', "tệp có chuỗi có \"&...;\" (ô K17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["chuoi-so-thu-tu-la.xlsx", 'ambiguous', "tệp có số thứ tự chuỗi \"42.5\" (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["chuoi-truc-tiep-khong-kieu.xlsx", 'ambiguous', "tệp có chuỗi <is> trong một ô kiểu \"n\" (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["phan-mo-rong-trong-o.xlsx", 'ambiguous', "tệp có phần tử <extLst> (ô G17 của trang \"Trồng trọt\") (phần xl/worksheets/sheet1.xml)"],
  ["phan-tu-la-trong-hang.xlsx", 'ambiguous', "tệp có phần tử <ghiChu> trong một hàng của trang \"Trồng trọt\" (phần xl/worksheets/sheet1.xml)"],
  ["tien-to-x.xlsx", 'ambiguous', "tệp có phần tử gốc <x:worksheet> thay vì <worksheet> (phần xl/worksheets/sheet1.xml)"],
  ["khong-gian-ten-mac-dinh-doi.xlsx", 'ambiguous', "tệp có phần tử <sheetData> đổi không gian tên mặc định (phần xl/worksheets/sheet1.xml)"],
  ["doctype.xlsx", 'ambiguous', "tệp có khai báo DOCTYPE (phần xl/worksheets/sheet1.xml)"],
  ["doctype-thuc-the.xlsx", 'ambiguous', "tệp có khai báo DOCTYPE (phần xl/sharedStrings.xml)"],
  ["thuc-the-la.xlsx", 'malformed', "tệp bị hỏng: phần xl/sharedStrings.xml bên trong tệp không phải XML đúng quy cách (thực thể \"&nbsp;\" không được khai báo, ở ký tự thứ 313)"],
  ["tham-chieu-ky-tu-cam.xlsx", 'malformed', "tệp bị hỏng: phần xl/sharedStrings.xml bên trong tệp không phải XML đúng quy cách (tham chiếu \"&#1;\" tới một ký tự XML không cho phép, ở ký tự thứ 320)"],
  ["ky-tu-cam.xlsx", 'malformed', "tệp bị hỏng: phần xl/sharedStrings.xml bên trong tệp không phải XML đúng quy cách (ký tự U+0001 mà XML không cho phép, ở ký tự thứ 320)"],
  ["the-khong-dong.xlsx", 'malformed', "tệp bị hỏng: phần xl/worksheets/sheet1.xml bên trong tệp không phải XML đúng quy cách (thẻ <row> lại được đóng bằng </sheetData>, ở ký tự thứ 6.670)"],
  ["the-dong-sai.xlsx", 'malformed', "tệp bị hỏng: phần xl/worksheets/sheet1.xml bên trong tệp không phải XML đúng quy cách (thẻ <v> lại được đóng bằng </c>, ở ký tự thứ 4.646)"],
  ["chu-sau-goc.xlsx", 'malformed', "tệp bị hỏng: phần xl/worksheets/sheet1.xml bên trong tệp không phải XML đúng quy cách (có chữ nằm ngoài phần tử gốc, ở ký tự thứ 7.731)"],
  ["thuoc-tinh-lap.xlsx", 'malformed', "tệp bị hỏng: phần xl/worksheets/sheet1.xml bên trong tệp không phải XML đúng quy cách (thuộc tính t lặp lại trong <c>, ở ký tự thứ 4.641)"],
  ["cdata-trong-chuoi.xlsx", 'ambiguous', "tệp có một đoạn CDATA trong <t> (chuỗi dùng chung thứ 3) (phần xl/sharedStrings.xml)"],
  ["hai-t-trong-chuoi.xlsx", 'ambiguous', "tệp có một chuỗi có nhiều phần <t> (chuỗi dùng chung thứ 3) (phần xl/sharedStrings.xml)"],
  ["t-trong-phan-mo-rong.xlsx", 'ambiguous', "tệp có phần tử <extLst> trong một chuỗi (chuỗi dùng chung thứ 3) (phần xl/sharedStrings.xml)"],
  ["phan-tu-trong-t.xlsx", 'ambiguous', "tệp có phần tử <b> nằm trong <t> (chuỗi dùng chung thứ 3) (phần xl/sharedStrings.xml)"],
  ["tien-to-r-khac.xlsx", 'ambiguous', "tệp có các trang tính ghi theo một cách lạ (tiền tố r) (phần xl/workbook.xml)"],
];

async function refusal(file: string): Promise<FileRefused> {
  try {
    await FastReadWorkbook.open(bytesOf(file));
  } catch (e) {
    if (e instanceof FileRefused) return e;
    throw e;
  }
  throw new Error(`${file} was not refused`);
}

describe('the fast reader on the adversarial corpus', () => {
  it('every refused file of the corpus is in the table, with what it stops at', () => {
    const refusedXml = EXPECTED.files.filter((c) => c.outcome === 'refused' && c.level !== 'zip').map((c) => c.file);
    expect(REFUSALS.map(([file]) => file).sort()).toEqual(refusedXml.sort());
  });

  it.each(REFUSALS)('%s: refused (%s)', async (file, kind, said) => {
    const e = await refusal(file);
    expect(e.kind).toBe(kind);
    const first = e.message.split('\n')[0];
    expect(first.startsWith(said)).toBe(true);
    expect(first).toBe(
      kind === 'ambiguous'
        ? `${said}: một cách ghi mà Excel và các phần mềm khác có thể đọc ra giá trị khác nhau, nên LKH không đọc để khỏi đoán sai. Hãy mở tệp bằng Excel, lưu lại (Tệp → Lưu) rồi chọn lại.`
        : `${said}. Hãy mở thử bằng Excel; nếu Excel sửa được, lưu lại rồi chọn lại, nếu không hãy xin gửi lại tệp.`,
    );
  });

  it.each(EXPECTED.files.filter((c) => c.level === 'zip').map((c) => [c.file, c.messageIncludes ?? ''] as const))('%s: a damaged part, refused naming it', async (file, includes) => {
    const e = await refusal(file);
    expect(e.kind === 'damaged' || e.kind === 'too-large').toBe(true);
    expect(e.message).toContain(includes);
  });

  it.each(EXPECTED.files.filter((c) => c.outcome === 'read').map((c) => c.file))('%s: read by the fast reader itself, as ExcelJS reads it', async (file) => {
    const bytes = bytesOf(file);
    const fast = await FastReadWorkbook.open(bytes);
    if (!fast) throw new Error(`${file} was left to ExcelJS`);
    expect(await everything(fast)).toEqual(await everything(await XlsxWorkbook.loadForReading(bytes)));
    const [sheet] = await fast.readSheets(['Trồng trọt']);
    // The village's five activities, 33.000 in all, whatever way the file is written.
    expect(sheet.values.flat().filter((v) => typeof v === 'string' && /Thôn: Thôn A/u.test(v))).toHaveLength(1);
  });
});
