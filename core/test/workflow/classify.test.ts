/**
 * Topic and sector classification against a corpus of activity names (fixtures/activity-topics.json:
 * the handbook's examples with their line, the demo commune, names typical of NTM and GNBV plans),
 * each with the topic the handbook's three groups file it under (L547) and the sector its words
 * name. Prints the accuracy; topic and sector are held at the level measured (100% of 243 names and
 * of 205 sectors when the sheet label became a hint): one miss is tolerated, a second fails.
 * The corpus written by someone who never read this code is unseen-corpus.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../src/forms/topics';
import { SECTORS } from '../../src/forms/topics';
import { canonicalSector, classifyActivity, classifyTopic, guessSector, namedTopic, placeActivity, readFlags, sectorName, sectorOfRow, sectorOfSheetName, sectorTopic } from '../../src/workflow/classify';
import { conventionLabel } from './convention-conflicts';

interface Case {
  readonly activity: string;
  readonly sheetSector: string | null;
  readonly topic: Topic;
  readonly sector?: string;
  readonly source: string;
}

/** The corpus, each name scored by the labelling conventions where they contradict its label (convention-conflicts.ts). */
const CORPUS: readonly Case[] = (JSON.parse(readFileSync(join(__dirname, 'fixtures', 'activity-topics.json'), 'utf8')) as { cases: Case[] }).cases.map((c) => conventionLabel(c.activity, c));

describe('the classification corpus', () => {
  it('holds at least 150 activity names, from the handbook, the demo and the programs, with every topic', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(CORPUS.filter((c) => c.source.startsWith('handbook')).length).toBeGreaterThanOrEqual(30);
    expect(CORPUS.filter((c) => c.source.startsWith('demo')).length).toBeGreaterThanOrEqual(15);
    for (const t of ['csht', 'kinh-te', 'vh-xh-mt'] as const) expect(CORPUS.filter((c) => c.topic === t).length).toBeGreaterThanOrEqual(40);
  });

  it('files the corpus under the expected topic, at most one miss (accuracy printed)', () => {
    const wrong = CORPUS.filter((c) => classifyTopic(c.sheetSector ?? undefined, c.activity) !== c.topic);
    const accuracy = (CORPUS.length - wrong.length) / CORPUS.length;
    const lines = wrong.map((c) => `  ${c.activity} [${c.sheetSector ?? '—'}]: ${classifyActivity(c.sheetSector ?? undefined, c.activity).topic}, expected ${c.topic} (${c.source})`);
    console.log(`Topic accuracy on ${CORPUS.length} activity names: ${(accuracy * 100).toFixed(1)}% (${CORPUS.length - wrong.length}/${CORPUS.length})${lines.length ? `\n${lines.join('\n')}` : ''}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.995);
  });

  it('names the expected sector from the activity\'s own words, at most one miss (accuracy printed)', () => {
    const withSector = CORPUS.filter((c) => c.sector !== undefined && c.sheetSector === null);
    const wrong = withSector.filter((c) => guessSector(c.activity) !== c.sector);
    const accuracy = (withSector.length - wrong.length) / withSector.length;
    const lines = wrong.map((c) => `  ${c.activity}: ${guessSector(c.activity) ?? '—'}, expected ${c.sector}`);
    console.log(`Sector accuracy on ${withSector.length} activity names: ${(accuracy * 100).toFixed(1)}%${lines.length ? `\n${lines.join('\n')}` : ''}`);
    expect(withSector.length).toBeGreaterThanOrEqual(100);
    expect(accuracy).toBeGreaterThanOrEqual(0.995);
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

describe('what the activity is decides where it goes; the sheet\'s label is a hint', () => {
  it('the words decide the topic whatever topic the sheet names; a sheet naming a topic decides only what the words leave open', () => {
    expect(namedTopic('Cơ sở hạ tầng')).toBe('csht');
    expect(namedTopic('2. Kinh tế và tổ chức sản xuất')).toBe('kinh-te');
    expect(namedTopic('VH-XH-MT')).toBe('vh-xh-mt');
    expect(namedTopic('Giao thông')).toBeUndefined();
    expect(classifyActivity('Văn hóa - Xã hội - Môi trường', 'Hỗ trợ giống lúa mới')).toEqual({ topic: 'kinh-te', sector: 'Trồng trọt', basis: 'activity' });
    expect(classifyActivity('Cơ sở hạ tầng', 'Cấp thẻ BHYT cho hộ cận nghèo')).toEqual({ topic: 'vh-xh-mt', sector: 'Y tế', basis: 'activity' });
    expect(classifyActivity('Cơ sở hạ tầng', 'Họp dân bàn phương án thực hiện')).toEqual({ topic: 'csht', basis: 'sheet-topic' });
  });

  it('a sheet\'s sector decides what the activity\'s words leave open', () => {
    expect(sectorTopic('Giao thông - Thủy lợi')).toBe('csht');
    expect(sectorTopic('Nông nghiệp (Trồng trọt & Thủy lợi)')).toBe('kinh-te');
    expect(sectorTopic('Xã hội - Bình đẳng giới')).toBe('vh-xh-mt');
    expect(classifyActivity('Chăn nuôi', 'Tổ chức hội thi')).toEqual({ topic: 'kinh-te', basis: 'sheet-sector' });
    expect(classifyActivity('Văn hóa - Thể thao', 'Tổ chức hội thi')).toEqual({ topic: 'vh-xh-mt', basis: 'sheet-sector' });
  });

  it('the sector of a row: its own cell, else the words, else the sheet\'s field, else the sheet\'s name', () => {
    expect(sectorOfSheetName('I.2 - Giao thông')).toBe('Giao thông');
    expect(sectorOfSheetName('Biểu II.3 - Y tế')).toBe('Y tế');
    expect(sectorOfSheetName('I.2 - Chăn nuôi (cũ)')).toBe('Chăn nuôi');
    expect(sectorOfSheetName('Thôn A - I.2')).toBeUndefined();
    expect(sectorOfSheetName('II.4.B')).toBeUndefined();
    const act = 'Sửa chữa đập tạm';
    // The row's own cell, typed by the village, wins (in its canonical name).
    expect(sectorOfRow('Nông nghiệp', 'Giao thông', 'I.2 - Y tế', act)).toBe('Nông nghiệp');
    expect(sectorOfRow('GTNT', undefined, undefined, act)).toBe('Giao thông');
    // Else the words: a dam is irrigation whatever the sheet says.
    expect(sectorOfRow(undefined, 'Giao thông', 'I.2 - Y tế', act)).toBe('Thủy lợi');
    expect(sectorOfRow(' ', '', 'I.2 - Y tế', act)).toBe('Thủy lợi');
    // Else the sheet: its field, then its name.
    expect(sectorOfRow(undefined, 'Chăn nuôi', 'I.2 - Y tế', 'Tổ chức hội thi')).toBe('Chăn nuôi');
    expect(sectorOfRow(undefined, undefined, 'I.2 - Y tế', 'Tổ chức hội thi')).toBe('Y tế');
    // Nothing tells: no rule, no label, and words the learned table cannot place (learned.ts; "Tổ chức hội thi" it reads as a union's contest).
    expect(sectorOfRow(undefined, undefined, 'Sheet1', 'Nội dung khác')).toBe('');
  });

  it('names the sheet label the words overrule, and only then', () => {
    // A topic-titled sheet holding seeds and health insurance: both filed by their words.
    expect(placeActivity('Hỗ trợ giống ngô lai cho hộ nghèo', undefined, 'Cơ sở hạ tầng', undefined)).toEqual({ topic: 'kinh-te', sector: 'Trồng trọt', basis: 'activity', overrules: 'Cơ sở hạ tầng' });
    expect(placeActivity('Hỗ trợ mua thẻ BHYT cho người cao tuổi', undefined, undefined, 'I.2 - Cơ sở hạ tầng')).toMatchObject({ topic: 'vh-xh-mt', sector: 'Y tế', overrules: 'Cơ sở hạ tầng' });
    // Works under a works sheet: nothing to say; the words name the sector the label leaves open.
    expect(placeActivity('Bê tông hóa đường ngõ xóm', undefined, 'Cơ sở hạ tầng', undefined)).toEqual({ topic: 'csht', sector: 'Giao thông', basis: 'activity' });
    // A sector-titled sheet: the rows of other sectors are filed by their words and named.
    expect(placeActivity('Kéo điện sinh hoạt về xóm', undefined, 'Giao thông', undefined)).toMatchObject({ sector: 'Điện', overrules: 'Giao thông' });
    // A broad label holds its sectors ("Nông nghiệp" holds irrigation; "Giáo dục" the school buildings): no disagreement.
    expect(placeActivity('Nạo vét mương thủy lợi', undefined, 'Nông nghiệp (Trồng trọt & Thủy lợi)', undefined)).toEqual({ topic: 'csht', sector: 'Thủy lợi', basis: 'activity' });
    expect(placeActivity('Sửa chữa phòng học mầm non', undefined, 'Giáo dục', undefined)).toEqual({ topic: 'csht', sector: 'Trường học', basis: 'activity' });
    expect(placeActivity('Làm cầu tràn qua suối', undefined, 'Giao thông - Thủy lợi', undefined)).toEqual({ topic: 'csht', sector: 'Giao thông', basis: 'activity' });
    // Works whose sector the words do not name, under a sector sheet: the sheet's sector.
    expect(placeActivity('Sửa chữa công trình', undefined, 'Chăn nuôi', undefined)).toEqual({ topic: 'csht', sector: 'Chăn nuôi', basis: 'activity' });
    // The row's own cell keeps its sector even when the words say otherwise; the topic follows the words.
    expect(placeActivity('Hỗ trợ giống lúa', 'Giao thông', undefined, undefined)).toEqual({ topic: 'kinh-te', sector: 'Giao thông', basis: 'activity' });
  });

  it('writes one canonical name per sector, whatever alias was typed', () => {
    expect(canonicalSector('Nông nghiệp (Trồng trọt & Thủy lợi)')).toBe('Nông nghiệp');
    expect(canonicalSector('nông nghiệp')).toBe('Nông nghiệp');
    expect(canonicalSector('GTNT')).toBe('Giao thông');
    expect(canonicalSector('2. Y tế')).toBe('Y tế');
    expect(canonicalSector('Lao động - việc làm')).toBe('Đào tạo nghề - Việc làm');
    expect(canonicalSector('Thông tin và truyền thông')).toBe('Cơ sở vật chất văn hóa - thông tin');
    expect(canonicalSector('Cơ sở hạ tầng')).toBeUndefined();
    expect(canonicalSector('Giao thông - Thủy lợi')).toBeUndefined();
    expect(sectorName(' Giao thông - Thủy lợi ')).toBe('Giao thông - Thủy lợi');
    // Every sector the classifier names is one of the canonical sectors.
    const canonical = new Set(SECTORS.map((s) => s.name));
    for (const c of CORPUS) {
      const sector = classifyActivity(undefined, c.activity).sector;
      if (sector) expect(canonical).toContain(sector);
    }
  });
});

describe('the classes of error found on unseen wording (issue 21)', () => {
  const placed = (activity: string) => {
    const c = classifyActivity(undefined, activity);
    return [c.topic, c.sector];
  };

  it('a road or a power line to a cemetery is works; the cemetery itself is the environment', () => {
    expect(placed('Mở đường vào nghĩa trang nhân dân xã')).toEqual(['csht', 'Giao thông']);
    expect(placed('Kéo đường điện chiếu sáng ra nghĩa địa thôn')).toEqual(['csht', 'Điện']);
    expect(placed('Quy hoạch, chỉnh trang nghĩa trang')).toEqual(['vh-xh-mt', 'Môi trường']);
  });

  it('reads the abbreviations communes write', () => {
    expect(placed('Sửa chữa, nâng cấp NVH thôn')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Hỗ trợ mua thẻ BHYT cho hộ cận nghèo')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Bê tông hóa đường GTNT')).toEqual(['csht', 'Giao thông']);
    expect(placed('Tổ chức giải bóng đá tại NVH')).toEqual(['vh-xh-mt', 'Văn hóa']);
  });

  it('schooling, household water, pond embankments, village rules and digital services each go to their own', () => {
    expect(placed('Vận động trẻ 5 tuổi ra lớp')).toEqual(['vh-xh-mt', 'Giáo dục']);
    expect(placed('Hỗ trợ bồn chứa nước cho hộ nghèo')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Cải tạo, kè ao làng')).toEqual(['csht', 'Thủy lợi']);
    expect(placed('Xây dựng quy ước, hương ước thôn')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Thành lập tổ công nghệ số cộng đồng')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Hướng dẫn người dân nộp hồ sơ dịch vụ công trực tuyến')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
  });

  it('never reads a place name as an activity word, with or without parentheses', () => {
    expect(placed('Làm cầu treo bản Co Muông')).toEqual(['csht', 'Giao thông']);
    expect(placed('Hỗ trợ giống lúa (Thôn Cầu Đá)')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('Hỗ trợ giống ngô thôn Cầu Đá')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('Khám sức khỏe cho người cao tuổi xóm Kênh Mới')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Mở lớp xóa mù chữ ấp Đập Đá')).toEqual(['vh-xh-mt', 'Giáo dục']);
    expect(placed('Thành lập đội văn nghệ người Mường')).toEqual(['vh-xh-mt', 'Văn hóa']);
    // The place word's own meaning is kept: a village road is a road, a craft village a craft.
    expect(placed('Bê tông hóa đường thôn')).toEqual(['csht', 'Giao thông']);
    expect(placed('Phát triển làng nghề mây tre đan')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    // "Ban" (a board) is no "bản": its name is kept.
    expect(placed('Kiện toàn Ban Phát triển thôn')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
  });

  it('the object named first is the one worked on; works for a school or a cultural house are theirs', () => {
    expect(placed('Nâng cấp đường trục xã đoạn UBND - trường tiểu học')).toEqual(['csht', 'Giao thông']);
    expect(placed('Làm cầu bắc qua kênh mương nội đồng')).toEqual(['csht', 'Giao thông']);
    expect(placed('Xây nhà vệ sinh cho điểm trường mầm non')).toEqual(['csht', 'Trường học']);
    expect(placed('Mua sắm bàn ghế, âm thanh cho nhà văn hóa')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Lắp đèn năng lượng mặt trời đường liên xóm')).toEqual(['csht', 'Điện']);
    expect(placed('Mua ống dẫn nước về ruộng bậc thang')).toEqual(['csht', 'Thủy lợi']);
  });
});

describe('the classes of error found on the second held-out corpus (issue 21), in wordings of their own', () => {
  const placed = (name: string) => {
    const p = placeActivity(name, undefined, undefined, undefined);
    return [p.topic, p.sector];
  };

  it('a toilet built at a school or a community house is that building\'s works, with or without "cho"', () => {
    expect(placed('Sửa chữa nhà vệ sinh trường mầm non trung tâm')).toEqual(['csht', 'Trường học']);
    expect(placed('Xây phòng học có khu vệ sinh khép kín')).toEqual(['csht', 'Trường học']);
    expect(placed('Cải tạo nhà rông và nhà vệ sinh')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Xây nhà tiêu hợp vệ sinh cho hộ nghèo')).toEqual(['vh-xh-mt', 'Môi trường']);
  });

  it('"và" (and) is not the works verb "vá" (to patch): a literacy class is schooling, a patched road a road', () => {
    expect(placed('Lớp học tiếng Việt và xóa mù chữ cho người lớn')).toEqual(['vh-xh-mt', 'Giáo dục']);
    expect(placed('Vá ổ gà đường liên thôn')).toEqual(['csht', 'Giao thông']);
  });

  it('council sessions, voters and the budget are local government; disaster relief and policy payments social protection', () => {
    expect(placed('Tiếp xúc cử tri trước kỳ họp HĐND')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Lập dự toán ngân sách xã năm sau')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Hỗ trợ đột xuất hộ có nhà bị sập do lũ')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Chi trả chế độ chính sách cho người có công')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Xã hội hóa sửa chữa nhà sinh hoạt cộng đồng')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
  });

  it('a class in a craft or a crop is vocational training; a craft\'s cooperative is the craft, founding one is cooperation', () => {
    expect(placed('Mở lớp may dân dụng cho lao động nữ')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Lớp nuôi ong lấy mật cho thanh niên')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Hỗ trợ chuyển đổi nghề cho lao động mất đất')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Củng cố HTX dệt thổ cẩm')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Hỗ trợ HTX đan lát mở rộng sản xuất')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    // Pens built are husbandry whoever they are for (the sixth round, class N; it was the cooperative's before).
    expect(placed('Hỗ trợ HTX chăn nuôi xây chuồng trại')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Hỗ trợ HTX chăn nuôi mở rộng sản xuất')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
  });

  it('a culvert through a dyke is irrigation, a culvert under a road a road; precast canal parts are no bridge ("cấu" folds as "cầu")', () => {
    expect(placed('Xây cống qua đê sông Hồng')).toEqual(['csht', 'Thủy lợi']);
    expect(placed('Làm cống qua đường liên thôn')).toEqual(['csht', 'Giao thông']);
    expect(placed('Mua cấu kiện bê tông đúc sẵn làm kênh tưới')).toEqual(['csht', 'Thủy lợi']);
  });

  it('tap water, forest payments, fishing gear, cattle, food safety, vaccines, the youth union\'s summer each go to their own', () => {
    expect(placed('Đấu nối nước máy cho các hộ gia đình')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Chi trả tiền dịch vụ môi trường rừng')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Hỗ trợ lưới cụ cho ngư dân đánh bắt ven bờ')).toEqual(['kinh-te', 'Thủy sản']);
    expect(placed('Cấp con bò cái cho hộ mới thoát nghèo')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Tập huấn an toàn thực phẩm cho cơ sở kinh doanh')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tiêm vắc xin sởi cho trẻ dưới 5 tuổi')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tổ chức hoạt động hè cho thiếu nhi')).toEqual(['vh-xh-mt', 'Hoạt động đoàn thể']);
    expect(placed('Kiện toàn tổ dân vận các thôn')).toEqual(['vh-xh-mt', 'Hoạt động đoàn thể']);
    expect(placed('Làm tăm hương xuất khẩu')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
  });
});

describe('the classes of error found on the third held-out corpus (issue 21), in wordings of their own', () => {
  const placed = (name: string): [string, string] => {
    const p = placeActivity(name, undefined, undefined, undefined);
    return [p.topic, p.sector];
  };

  // The sixth round (C7: the actor does not decide) files the work a mass organisation does by the work; these were Hoạt động đoàn thể.
  it('a mass organisation as the subject: its volunteer days are filed by the work they do (C7), its own business stays its own', () => {
    expect(placed('Chi đoàn thôn dọn rác bờ suối')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Hội LHPN thành lập CLB phụ nữ nuôi con khỏe')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Chiến dịch TNTN làm sạch đường làng')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Hội LHPN xã tổ chức đại hội nhiệm kỳ')).toEqual(['vh-xh-mt', 'Hoạt động đoàn thể']);
    // Without the organisation as subject, the object decides.
    expect(placed('Trồng cây xanh dọc đường trục thôn')).toEqual(['vh-xh-mt', 'Môi trường']);
  });

  it('works at a school\'s or a cultural house\'s site are theirs without "cho"; a road to the site is a road', () => {
    expect(placed('Xây tường bao, cổng điểm trường thôn')).toEqual(['csht', 'Trường học']);
    expect(placed('Kè chống sạt taluy điểm trường mầm non')).toEqual(['csht', 'Trường học']);
    expect(placed('Mua bàn ghế, loa máy nhà văn hóa bản')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Làm đường vào điểm trường tiểu học')).toEqual(['csht', 'Giao thông']);
    expect(placed('Sinh hoạt câu lạc bộ thơ tại nhà văn hóa')).toEqual(['vh-xh-mt', 'Văn hóa']);
  });

  it('radio relay stations and cultural institutions are cultural works; supplying power is Điện; pipes of water to a hamlet are Nước sạch', () => {
    expect(placed('Nâng cấp trạm phát thanh không dây xã')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Hoàn thiện thiết chế văn hóa thôn')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Cấp điện cho khu sản xuất tập trung')).toEqual(['csht', 'Điện']);
    expect(placed('Lắp đường ống dẫn về cụm dân cư mới')).toEqual(['csht', 'Nước sạch']);
  });

  it('a house of great unity for the poor is social support, not a mass organisation\'s', () => {
    expect(placed('Xây 5 nhà đại đoàn kết cho hộ cận nghèo')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
  });

  it('disinfecting pens is husbandry; "thân thiện môi trường" qualifies a crop; snails and fish in the fields are fisheries; cinnamon and anise are forestry', () => {
    expect(placed('Đợt tổng vệ sinh, tiêu độc chuồng nuôi gia cầm')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Mô hình rau an toàn thân thiện với môi trường')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('Hỗ trợ giống ốc bươu đen thả ruộng')).toEqual(['kinh-te', 'Thủy sản']);
    expect(placed('Mô hình lúa - cá vùng trũng')).toEqual(['kinh-te', 'Thủy sản']);
    expect(placed('Cấp giống hồi, quế cho các hộ vùng cao')).toEqual(['kinh-te', 'Lâm nghiệp']);
  });

  it('small workshops are crafts; purchasing is market links; jobs after military service are jobs; a cooperative group founded is cooperation', () => {
    expect(placed('Hỗ trợ cơ sở làm bún quy mô hộ gia đình')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    expect(placed('Mua máy bào cho xưởng mộc')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    expect(placed('Hình thành điểm thu mua măng cho bà con')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Hỗ trợ việc làm cho quân nhân xuất ngũ sau nghĩa vụ quân sự')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Thành lập THT trồng chè')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
  });
});

describe('the classes of error of issue 21, item 4 (misses of corpora 1-4 grouped by cause), in hand-made names of their own', () => {
  const placed = (name: string): [string, string] => {
    const p = placeActivity(name, undefined, undefined, undefined);
    return [p.topic, p.sector];
  };

  it('words that fold like a works word are none: "diễn", "diện", "đền" no "điện"; "cổng" no "cống"; "câu", "trưởng", "sữa", "công trình"', () => {
    expect(placed('Mua đàn, trang phục phục vụ biểu diễn')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Thực hiện đền ơn đáp nghĩa')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Sửa cổng trường tiểu học')).toEqual(['csht', 'Trường học']);
    expect(placed('Thực hiện chương trình sữa học đường')).toEqual(['vh-xh-mt', 'Giáo dục']);
    expect(placed('Tổ câu cá giải trí')[0]).not.toBe('csht');
    expect(placed('Tập huấn kỹ năng cho trưởng nhóm sở thích')[0]).not.toBe('csht');
    // "công" (works, labour) is no culvert; a culvert worked on is one, an irrigation culvert irrigation.
    expect(placed('Làm công trình nước sạch tập trung')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Sửa công trình thủy lợi')).toEqual(['csht', 'Thủy lợi']);
    expect(placed('Sửa chữa cống đầu mối')).toEqual(['csht', 'Thủy lợi']);
    // "làm sân" (a yard) is no "lâm sản" (forest products).
    expect(placed('Làm sân phơi nông sản')[1]).not.toBe('Lâm nghiệp');
    // "Nguyên đán cho…" is no "đàn chó" (a pack of dogs), "thức ăn cho học sinh" no animal feed.
    expect(placed('Tổ chức Tết Nguyên đán cho hộ nghèo')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Hỗ trợ thức ăn cho học sinh bán trú')).toEqual(['vh-xh-mt', 'Giáo dục']);
    // "trong" (in) is no "trồng" (to plant) where diacritics are written; "tuổi tiểu học" no "tưới tiêu".
    expect(placed('Tổ chức 2 lớp tập huấn pháp luật trong năm')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Vận động trẻ em trong độ tuổi tiểu học đến trường')).toEqual(['vh-xh-mt', 'Giáo dục']);
    // "trường bản" (the village's school) is no "trưởng bản" (its head), whose training is the local government's.
    expect(placed('Sửa mái trường bản')).toEqual(['csht', 'Trường học']);
    expect(placed('Tập huấn cho trưởng bản')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    // "ngõ" (a lane) and "ngộ độc" are no "ngô" (maize); books bought for a library are no works.
    expect(placed('Bê tông ngõ 5 thôn Đông')).toEqual(['csht', 'Giao thông']);
    expect(placed('Tập huấn phòng chống ngộ độc')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Mua sách cho thư viện')).toEqual(['vh-xh-mt', 'Giáo dục']);
    // Single words: "đen" no "đèn", "tuổi" no "tưới", "lòa" no "loa", "lừa đảo" no "lúa", "vươn" no "vườn".
    expect(placed('Mua lợn đen giống cho hộ nghèo')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Hỗ trợ nước sạch cho người cao tuổi')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Mổ mắt cho người mù lòa')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tuyên truyền phòng chống lừa đảo qua mạng')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Hỗ trợ hộ nghèo vươn lên thoát nghèo')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Hội thảo đầu bờ giống lúa mới')).toEqual(['kinh-te', 'Trồng trọt']);
  });

  it('place names are never activity words, in capitals too: a name of only places keeps its capitals as names', () => {
    expect(placed('Đường Nà Lừa - Khuổi Mương')).toEqual(['csht', 'Giao thông']);
    expect(placed('TRỒNG RỪNG KEO TẠI BẢN NÀ MƯƠNG')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Trồng Rừng Keo Tại Bản Nà Mương')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('LÀM ĐƯỜNG BÊ TÔNG THÔN CẦU MƯƠNG, XÃ TÂN LẬP')).toEqual(['csht', 'Giao thông']);
    // What a village is made is no name: "THÔN VĂN HÓA" keeps its words.
    expect(placed('XÂY DỰNG THÔN VĂN HÓA')).toEqual(['vh-xh-mt', 'Văn hóa']);
  });

  it('what is done comes before whom it is for: a group of people is no activity', () => {
    expect(placed('Khám sức khỏe cho học sinh')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tổ chức giải bóng đá thanh niên')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Hỗ trợ sinh kế cho người khuyết tật')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Sinh hoạt chuyên đề hội viên phụ nữ')).toEqual(['vh-xh-mt', 'Hoạt động đoàn thể']);
    // A mass organisation that grows, raises or makes something: that work's.
    expect(placed('Hội phụ nữ tập huấn trồng rau an toàn')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('Đoàn thanh niên nhận trồng và chăm sóc rừng')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Hội phụ nữ duy trì tổ may gia công')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
  });

  it('a building is works, what goes on in it is its sector', () => {
    expect(placed('Làm sân chơi cho trẻ mầm non')).toEqual(['csht', 'Trường học']);
    expect(placed('Mua tủ sách cho thư viện trường')).toEqual(['csht', 'Trường học']);
    expect(placed('Xây dựng nhà truyền thống thôn')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Xây dựng phòng đọc sách thôn')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Xây dựng khu vui chơi cho trẻ em thôn')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Lắp trạm phát sóng điện thoại di động')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Làm nhà chờ xe buýt')).toEqual(['csht', 'Giao thông']);
    expect(placed('Tu sửa đình làng')).toEqual(['vh-xh-mt', 'Văn hóa']);
    // A health station's works and equipment are health's; a market named alone is the market's; a road to either a road.
    expect(placed('Mua máy phát điện cho trạm y tế')).toEqual(['vh-xh-mt', 'Y tế']);
    // A market's topic is its sector's, Kinh tế (C2; the sixth round: it was CSHT here).
    expect(placed('Sửa chữa mái chợ')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Làm đường vào trạm y tế')).toEqual(['csht', 'Giao thông']);
    expect(placed('Làm nhà ở cho giáo viên cắm bản')).toEqual(['csht', 'Trường học']);
    // "thể thao trường học" is no "thao trường" (a drill ground).
    expect(placed('Xây dựng sân thể thao trường học')).toEqual(['csht', 'Trường học']);
  });

  it('abbreviations read as their words', () => {
    expect(placed('Mua MBA 180kVA')).toEqual(['csht', 'Điện']);
    expect(placed('Phòng chống dịch TCM, SXH')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tập huấn CSSKSS cho phụ nữ')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Huấn luyện DQTV')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Hỗ trợ NKT')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Đoàn TN ra quân làm đường')).toEqual(['csht', 'Giao thông']);
    expect(placed('Hỗ trợ DTTS phát triển SX')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
  });

  it('the head decides: works named first lead, a training\'s own sector beats "nghiệp vụ", the occasion is no activity', () => {
    expect(placed('Sửa chữa cầu dân sinh bị thiệt hại do lũ')).toEqual(['csht', 'Giao thông']);
    expect(placed('Làm đường giao thông phục vụ phòng cháy chữa cháy rừng')).toEqual(['csht', 'Giao thông']);
    // A forest word right after the object names its kind: a firebreak.
    expect(placed('Phát dọn đường băng cản lửa')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Vệ sinh kênh mương nội đồng')).toEqual(['csht', 'Thủy lợi']);
    expect(placed('Tập huấn nghiệp vụ cho công an viên')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Tập huấn nghiệp vụ PCCC cho hộ kinh doanh')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Tặng bò giống cho hộ nghèo nhân dịp Ngày hội đại đoàn kết')).toEqual(['kinh-te', 'Chăn nuôi']);
    // Alongside a works is a place; read only when nothing else says what is done.
    expect(placed('Trồng keo ven đường liên thôn')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Hỗ trợ máy xay xát cho hộ ven đường')).toEqual(['kinh-te', 'Ngành nghề và dịch vụ nông thôn']);
    // Clearing along a road is the environment's (C8; it was the road's before the sixth round).
    expect(placed('Phát quang bụi rậm hai bên đường')).toEqual(['vh-xh-mt', 'Môi trường']);
  });

  it('work nouns of each sector', () => {
    expect(placed('Lắp bóng điện các ngõ xóm')).toEqual(['csht', 'Điện']);
    expect(placed('Làm bến đò')).toEqual(['csht', 'Giao thông']);
    expect(placed('Ốp kè mái taluy')).toEqual(['csht', 'Giao thông']);
    expect(placed('Lắp đặt đồng hồ nước')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Phun thuốc phòng trừ rầy nâu')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('Tổ chức giải cầu lông')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Diễn tập phòng thủ')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Hỗ trợ mai táng phí')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
  });

  it('how villages ask: an animal named alone, a class in a craft, a request for a works, livelihoods of the poor', () => {
    expect(placed('Xin bò cho hộ khó khăn')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Hỗ trợ cá cho hộ có ao')).toEqual(['kinh-te', 'Thủy sản']);
    // "cá thể" (individual) is no fish.
    expect(placed('Hỗ trợ hộ kinh doanh cá thể vay vốn')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Mở lớp dạy đan giỏ tre')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Xin hỗ trợ làm chuồng lợn xa nhà')).toEqual(['kinh-te', 'Chăn nuôi']);
    expect(placed('Đề nghị đổ bê tông sân nhà văn hóa')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Hỗ trợ hộ nghèo phát triển sản xuất')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    // "vắc xin" asks for nothing; "cổ điển" is no power line.
    expect(placed('Tiêm vắc xin dịch tả lợn cổ điển cho đàn lợn')).toEqual(['kinh-te', 'Chăn nuôi']);
  });

  it('"truyền thông" (a campaign) is told from "truyền thống" (tradition) while the diacritics are there', () => {
    expect(placed('Bảo tồn nhà sàn truyền thống')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Truyền thông nuôi con bằng sữa mẹ')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Mở lớp dạy lái máy cày')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
  });

  it('under a sheet titled "Cơ sở hạ tầng" these keep what their words say', () => {
    for (const name of ['Mua đàn, trang phục phục vụ biểu diễn', 'Khám sức khỏe cho học sinh', 'Hội phụ nữ tập huấn trồng rau an toàn', 'Tu sửa đình làng', 'Huấn luyện DQTV', 'Phun thuốc phòng trừ rầy nâu']) {
      const own = placeActivity(name, undefined, undefined, undefined);
      const under = placeActivity(name, undefined, 'Cơ sở hạ tầng', 'I.2 - Cơ sở hạ tầng');
      expect([under.topic, under.sector, under.overrules]).toEqual([own.topic, own.sector, 'Cơ sở hạ tầng']);
    }
  });
});

describe('the classes of error of the fifth round (issue 21; found on the development corpus dev6-activities), in hand-made names of their own', () => {
  const placed = (name: string) => {
    const p = placeActivity(name, undefined, undefined, undefined);
    return [p.topic, p.sector];
  };

  it('security and militia teams, with their equipment, are security: a flashlight is no street lamp', () => {
    expect(placed('Ra mắt đội dân phòng khu dân cư')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('May đồng phục cho đội dân phòng')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Mua đèn pin, gậy cho tổ tuần tra ban đêm')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Hỗ trợ áo mưa cho lực lượng bảo vệ dân phố')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Mua loa, kẻng báo động cho đội dân phòng')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
  });

  it('weighing and measuring children is health, whoever they are', () => {
    expect(placed('Cân đo trẻ em dưới 5 tuổi 2 lần mỗi năm')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Tổ chức cân, đo cho trẻ em tại nhà văn hóa')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Cân trẻ hằng tháng, vẽ biểu đồ tăng trưởng')).toEqual(['vh-xh-mt', 'Y tế']);
  });

  it('community technology teams and online filing are digital government, however the team is named', () => {
    expect(placed('Kiện toàn tổ công nghệ cộng đồng xóm')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Cấp sim 4G cho tổ CNSCĐ')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Hướng dẫn bà con nộp hồ sơ trực tuyến')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Vận động tiểu thương thanh toán không dùng tiền mặt')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
  });

  it('words that fold alike: "đắp bờ bao" is a dyke, power "từ" the pole no "điện tử"', () => {
    expect(placed('Đắp bờ bao chống ngập cho khu ruộng trũng')).toEqual(['csht', 'Thủy lợi']);
    expect(placed('Kéo dây điện từ trục chính vào 12 hộ')).toEqual(['csht', 'Điện']);
    expect(placed('Kéo dây dẫn điện từ cột về nhà cho hộ cận nghèo')).toEqual(['csht', 'Điện']);
  });

  it('a residential area\'s drains are the environment; a shelter for victims of violence is social protection', () => {
    expect(placed('Khơi thông cống rãnh tổ dân phố')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Làm rãnh thoát nước khu dân cư số 2')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Duy trì địa chỉ tin cậy ở cộng đồng')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    // A drain along a road stays the road's, "cống rãnh" or not; a team protecting the environment is no security team.
    expect(placed('Làm rãnh thoát nước dọc đường liên thôn')).toEqual(['csht', 'Giao thông']);
    expect(placed('Xây cống rãnh thoát nước đường trục xã')).toEqual(['csht', 'Giao thông']);
    expect(placed('Thành lập tổ bảo vệ môi trường thôn')).toEqual(['vh-xh-mt', 'Môi trường']);
  });

  it('works at a health station\'s site are health\'s without "cho"; a road to it is a road; its water tank clean water (C1, the sixth round)', () => {
    expect(placed('Xây tường rào trạm y tế xã')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Xây bể chứa nước trạm y tế xã')).toEqual(['csht', 'Nước sạch']);
    expect(placed('Làm đường vào trạm y tế xã')).toEqual(['csht', 'Giao thông']);
  });

  it('"ngõ xóm" (the lanes) grows no maize; first aid is health; radios for poor households are information works; moving out of a landslide zone is social', () => {
    expect(placed('Dọn vệ sinh ngõ xóm')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Tập huấn sơ cấp cứu ban đầu cho thanh niên')).toEqual(['vh-xh-mt', 'Y tế']);
    expect(placed('Cấp máy thu thanh cho hộ nghèo ở bản xa')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Di dời 5 hộ ra khỏi vùng nguy cơ sạt lở')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Cập nhật dữ liệu dân cư, làm căn cước cho người dân')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
  });

  it('legal education and monitoring a programme are government; a welcome gate and a notice board are information works; life-saving gear is rescue', () => {
    expect(placed('Tuyên truyền, giáo dục pháp luật cho đồng bào')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Theo dõi, giám sát đánh giá kết quả thực hiện kế hoạch')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Xây cổng chào khu dân cư')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Làm bảng tin ở đầu xóm')).toEqual(['csht', 'Cơ sở vật chất văn hóa - thông tin']);
    expect(placed('Mua áo phao cứu sinh cho đội xung kích')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    // "thủ công làng…" is no gate.
    expect(placed('Duy trì nghề đan thủ công làng Hạ')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
  });

  it('crops and animals, farming and forestry named together are production in general; labels and logos are market links', () => {
    expect(placed('Cấp giống cây trồng, vật nuôi cho hộ mới thoát nghèo')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Hỗ trợ sản xuất nông, lâm nghiệp cho đồng bào')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('In tem nhãn, thiết kế logo cho mật ong rừng')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
  });

  it('"môi trường thôn" holds no village head; commemorations and cuisine are culture; village assemblies and grassroots democracy government; reintegration and offenders security', () => {
    expect(placed('Kiện toàn tổ vệ sinh môi trường thôn')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Tổ chức lễ kỷ niệm ngày thành lập xã')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Hội thi ẩm thực các dân tộc')).toEqual(['vh-xh-mt', 'Văn hóa']);
    expect(placed('Tổ chức hội nghị nhân dân đầu năm')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Thực hiện dân chủ ở cơ sở')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Giúp đỡ người chấp hành xong án phạt tù tái hòa nhập cộng đồng')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Giáo dục người chưa thành niên vi phạm pháp luật')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Tổ chức chợ quê cuối tuần')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
  });

  it('a steering committee is government; burning straw is pollution; a third child is family policy; BHYT is health whoever joins', () => {
    expect(placed('Kiện toàn Ban chỉ đạo các chương trình giảm nghèo')).toEqual(['vh-xh-mt', 'Tổ chức chính quyền']);
    expect(placed('Tuyên truyền không đốt rơm rạ sau thu hoạch')).toEqual(['vh-xh-mt', 'Môi trường']);
    expect(placed('Vận động các cặp vợ chồng không sinh con thứ 3')).toEqual(['vh-xh-mt', 'Xã hội - Bình đẳng giới']);
    expect(placed('Vận động 100% học sinh tham gia bảo hiểm y tế')).toEqual(['vh-xh-mt', 'Y tế']);
  });

  it('career guidance is jobs, start-ups market links, windbreaks forestry, shellfish fisheries, fine woodwork and sewing workshops crafts; emigration and the village militia head security; cataracts health', () => {
    expect(placed('Tư vấn hướng nghiệp cho học sinh lớp 9')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
    expect(placed('Hỗ trợ thanh niên khởi nghiệp, lập thân')).toEqual(['kinh-te', 'Tổ chức sản xuất, liên kết thị trường']);
    expect(placed('Trồng cây chắn gió, chắn cát ven biển')).toEqual(['kinh-te', 'Lâm nghiệp']);
    expect(placed('Mô hình nuôi ngao thương phẩm')).toEqual(['kinh-te', 'Thủy sản']);
    expect(placed('Phát triển nghề mỹ nghệ từ gỗ rừng trồng')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    expect(placed('Mở xưởng may gia đình')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    expect(placed('Tuyên truyền phòng chống xuất cảnh trái phép')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Hỗ trợ phụ cấp cho thôn đội trưởng')).toEqual(['vh-xh-mt', 'An ninh trật tự']);
    expect(placed('Mổ đục thủy tinh thể miễn phí cho người nghèo')).toEqual(['vh-xh-mt', 'Y tế']);
  });

  it('in a name written without capitals, the name after a village word is a place: "bản nà mương" is no canal', () => {
    expect(placed('hỗ trợ giống ngô cho bản nà mương')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('hỗ trợ phân bón cho xóm bãi kênh')).toEqual(['kinh-te', 'Trồng trọt']);
    // …but "làng nghề", "chăm sóc", "văn bản", "nông thôn" name no village.
    expect(placed('khôi phục làng nghề đan lát')).toEqual(['kinh-te', 'Tiểu thủ công nghiệp']);
    expect(placed('tập huấn chăm sóc cây cam')).toEqual(['kinh-te', 'Trồng trọt']);
    expect(placed('đào tạo nghề cho lao động nông thôn may công nghiệp')).toEqual(['kinh-te', 'Đào tạo nghề - Việc làm']);
  });
});

describe('the theme flags', () => {
  it('reads women from gender words, not from "giỏi" (good), which folds alike', () => {
    expect(readFlags('Tổ chức tham quan mô hình sản xuất giỏi').women).toBeUndefined();
    expect(readFlags('Phát động phong trào thi đua sản xuất kinh doanh giỏi').women).toBeUndefined();
    expect(readFlags('Tập huấn lồng ghép giới trong lập kế hoạch').women).toBe(true);
    expect(readFlags('Tuyên truyền bình đẳng giới').women).toBe(true);
    expect(readFlags('Hỗ trợ phụ nữ nghèo vay vốn')).toMatchObject({ women: true, poorWomen: true });
  });
});
