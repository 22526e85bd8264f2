/**
 * The production lexicon (issue 21): the commodities of VSIC 2018 section A, salt (0893) and the
 * small processing and crafts of section C, read as the production they are in names no corpus
 * used — hand-made names worded as communes write them (abbreviations, no diacritics at times,
 * place names that hold a lexicon word) — while the words that only fold like them, the place
 * names and the earlier rules (works, credit, classes, officials) keep their own.
 */
import { foldKey } from '../../src/text';
import { SECTORS } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import { LEXICON, LEXICON_SECTORS, lexiconPhrases } from '../../src/workflow/lexicon';

function placed(name: string): readonly [string, string] {
  const p = placeActivity(name, undefined, undefined, undefined);
  return [p.topic, p.sector];
}

function expectPlaced(name: string, sector: string): void {
  const topic = SECTORS.find((s) => s.name === sector)?.topic;
  expect([name, ...placed(name)]).toEqual([name, topic, sector]);
}

/** A phrase as classify's word lists match it: whole words. */
const asWords = (phrase: string): RegExp => new RegExp(`(?:^| )(?:${phrase.replace(/ /g, ' +')})(?= |$)`);

describe('the lexicon itself', () => {
  it('fills only canonical production sectors, each group naming the VSIC class it comes from', () => {
    const canonical = new Set(SECTORS.map((s) => s.name));
    for (const g of LEXICON) {
      expect(canonical.has(g.sector)).toBe(true);
      expect(g.vsic).toMatch(/^\d{4}/);
      expect(g.phrases.length).toBeGreaterThan(0);
    }
    // Salt making, its only rural-service group, is Tiểu thủ công nghiệp by convention C29.
    expect([...LEXICON_SECTORS].sort()).toEqual(['Chăn nuôi', 'Lâm nghiệp', 'Thủy sản', 'Tiểu thủ công nghiệp', 'Trồng trọt']);
  });

  it('holds folded phrases (no diacritics, no capitals), each valid and in one sector only', () => {
    const seen = new Map<string, string>();
    for (const g of LEXICON) {
      for (const p of g.phrases) {
        const plain = p.replace(/\(\?<?!(?:[^()]|\([^()]*\))*\)/g, '').trim();
        expect([p, foldKey(plain)]).toEqual([p, plain]);
        expect(() => asWords(p)).not.toThrow();
        expect([p, seen.get(p) ?? g.sector]).toEqual([p, g.sector]);
        seen.set(p, g.sector);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });

  it('matches none of the common words that only fold like a commodity', () => {
    // Each of these, folded, once held a lexicon word: grandparents and men (ong), a shift and "all of" (ca), a set and a bank (bo),
    // a dyke and "to leave" (de), a bride (dau), a centre and a bathroom (tam), lifestyle (nep), role (vai), chain (chuoi),
    // regime (che), criteria and small traders (tieu), survey (dieu), festival, the communal house (dinh lang), adults of a
    // village (lon ban), fallen (bi do), the whole process (ca qua), people going up (dan len), the East (mien dong), a show (buoi dien).
    const common = [
      'ong ba', 'ong noi', 'dan ong', 'ca nhan', 'truc ca', 'ca hoi vien', 'ca quy trinh', 'bo doi', 'bo ban ghe', 'bo song', 'de dieu', 'de bao', 'de lai', 'co dau', 'nha tam', 'trung tam', 'nep song',
      'vai tro', 'chuoi gia tri', 'che do', 'che phu rung', 'che bien', 'tieu chi', 'ho tieu thuong', 'dieu tra', 'le hoi', 'dinh lang', 'nguoi lon ban', 'nha bi do', 'ca qua trinh', 'dan len nuong', 'moc len',
      'mien dong', 'buoi dien van nghe', 'chon huong', 'nguoi dan ngan chan', 'lien lac', 'lac hau', 'trong vung', 'trong coi', 'diet muoi', 'muoi i ot', 'ca thu nhap', 'cam ket', 'nhan dan', 'nam 2025', 'de an',
      'tu xa den', 'mong toi', 'cu hanh le', 'kho qua lai', 'dieu khac', 'lam ngoi nha', 'cay tao bong mat', 'cay bo sung', 'cay may', 'ong cao su', 'mam non', 'nhan hieu', 'thanh tra', 'bi ngo doc', 'cay mo', 'dinh huong', 've sap nhap',
    ];
    const all = LEXICON.flatMap((g) => g.phrases.map((p) => [p, asWords(p)] as const));
    const hits = common.flatMap((text) => all.filter(([, re]) => re.test(text)).map(([p]) => `${text} ~ ${p}`));
    expect(hits).toEqual([]);
  });
});

describe('a commodity no earlier corpus used is the production it is', () => {
  it('crops: fruit trees, industrial trees, vegetables, mushrooms, medicinal herbs (VSIC 011, 012)', () => {
    expectPlaced('Mô hình bưởi da xanh', 'Trồng trọt');
    expectPlaced('Phát triển vùng sầu riêng Ri6', 'Trồng trọt');
    expectPlaced('Mô hình thâm canh xoài cát', 'Trồng trọt');
    expectPlaced('Cạo mủ cao su đúng kỹ thuật', 'Trồng trọt');
    expectPlaced('Hỗ trợ phôi nấm sò cho hội viên phụ nữ', 'Trồng trọt');
    expectPlaced('Mô hình cà gai leo, giảo cổ lam', 'Trồng trọt');
    expectPlaced('Mo hinh dua luoi cong nghe cao', 'Trồng trọt');
    expectPlaced('Thâm canh chè búp', 'Trồng trọt');
    expectPlaced('Hỗ trợ hồ tiêu sạch bệnh', 'Trồng trọt');
    expectPlaced('Tai canh ho tieu', 'Trồng trọt');
  });

  it('animals: bees, silkworms, bamboo rats, deer, swiftlets, geese, breeds (VSIC 014)', () => {
    expectPlaced('Hỗ trợ thùng ong, giống ong cho hộ nghèo', 'Chăn nuôi');
    expectPlaced('Mô hình nuôi tằm tập trung', 'Chăn nuôi');
    expectPlaced('Hỗ trợ hộ nghèo nuôi dúi', 'Chăn nuôi');
    expectPlaced('Phát triển đàn nhím thương phẩm', 'Chăn nuôi');
    expectPlaced('Phát triển đàn hươu sao lấy nhung', 'Chăn nuôi');
    expectPlaced('Xây dựng mô hình nuôi chim yến', 'Chăn nuôi');
    expectPlaced('Ho tro bo lai sind cho ho ngheo', 'Chăn nuôi');
    expectPlaced('Phong chong benh tai xanh', 'Chăn nuôi');
    expectPlaced('Nuôi ngỗng sư tử', 'Chăn nuôi');
  });

  it('fish and shellfish by species, cages and rafts (VSIC 031, 032)', () => {
    expectPlaced('Nuoi ca tam long be ho thuy dien', 'Thủy sản');
    expectPlaced('Hỗ trợ giống nghêu cho hộ nuôi', 'Thủy sản');
    expectPlaced('Nuoi cua xanh ket hop rong nho', 'Thủy sản');
    expectPlaced('Nuôi ốc hương thương phẩm', 'Thủy sản');
    expectPlaced('Hỗ trợ lồng bè cho hộ nuôi biển', 'Thủy sản');
  });

  it('forest trees and forest products other than timber (VSIC 0210, 0230), before a seedling or a planting word', () => {
    expectPlaced('Trồng bạch đàn trên đất trống đồi trọc', 'Lâm nghiệp');
    expectPlaced('Hỗ trợ cây giống trám trắng', 'Lâm nghiệp');
    expectPlaced('Trồng cây dó bầu lấy trầm', 'Lâm nghiệp');
    expectPlaced('Khai thác nhựa thông đúng kỹ thuật', 'Lâm nghiệp');
    expectPlaced('Phát triển măng bát độ', 'Lâm nghiệp');
  });

  it('small processing and craft materials (VSIC 10, 13, 16): silk, water hyacinth, fish sauce, dried fruit', () => {
    expectPlaced('Hỗ trợ hộ ươm tơ', 'Tiểu thủ công nghiệp');
    expectPlaced('Hỗ trợ máy cho cơ sở đan lục bình', 'Tiểu thủ công nghiệp');
    expectPlaced('Sản xuất nước mắm truyền thống', 'Tiểu thủ công nghiệp');
    expectPlaced('Làm mắm tôm', 'Tiểu thủ công nghiệp');
    expectPlaced('Hỗ trợ cơ sở sấy dẻo mít', 'Tiểu thủ công nghiệp');
  });

  it('salt making (VSIC 0893) is small-scale production (C29); its canals stay irrigation, mosquitoes and iodised salt health', () => {
    expectPlaced('Hỗ trợ diêm dân mua bạt lót ruộng muối', 'Tiểu thủ công nghiệp');
    expectPlaced('Hỗ trợ bạt lót san phoi muoi', 'Tiểu thủ công nghiệp');
    expectPlaced('Nâng cấp kênh cấp nước ruộng muối', 'Thủy lợi');
    expectPlaced('Phun thuốc diệt muỗi phòng sốt xuất huyết', 'Y tế');
    expect(placed('Tuyên truyền sử dụng muối i-ốt')[1]).not.toBe('Tiểu thủ công nghiệp');
  });
});

describe('what only folds like a commodity, and the place names, keep their own sector', () => {
  it('grandparents and men, a shift, a set, a dyke, a bride, a role, a communal house, adults, small traders', () => {
    expectPlaced('Tặng quà cho các ông bà neo đơn', 'Xã hội - Bình đẳng giới');
    expect(placed('Tuyên truyền nam giới, đàn ông cùng chia sẻ việc nhà')[1]).not.toBe('Chăn nuôi');
    expectPlaced('Phân công trực ca tại trạm y tế xã', 'Y tế');
    expectPlaced('Hỗ trợ cá nhân khởi nghiệp', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('Mua bộ bàn ghế cho NVH thôn', 'Cơ sở vật chất văn hóa - thông tin');
    expectPlaced('Đắp đê bao chống lũ', 'Thủy lợi');
    expectPlaced('Vá ổ gà đường liên thôn', 'Giao thông');
    expectPlaced('Tuyên truyền phòng chống tảo hôn, cô dâu nhí', 'Xã hội - Bình đẳng giới');
    expectPlaced('Xây dựng nếp sống văn minh', 'Văn hóa');
    expect(placed('Nâng cao vai trò của phụ nữ trong gia đình')[0]).not.toBe('kinh-te');
    expectPlaced('Bảo tồn đình làng', 'Văn hóa');
    expectPlaced('Mở lớp xóa mù chữ cho người lớn bản Pa Khoang', 'Giáo dục');
    expect(placed('Hỗ trợ hộ tiểu thương ổn định kinh doanh')[1]).not.toBe('Trồng trọt');
    expect(placed('Sửa chữa nhà bị đổ do bão')[1]).not.toBe('Trồng trọt');
  });

  it('a lexicon word in a village\'s name names no commodity ("bản Nà Nhím", "thôn Gừng", "bản Nà Ong", "thôn Bò Lư")', () => {
    expectPlaced('Khám sức khỏe cho người cao tuổi bản Nà Nhím', 'Y tế');
    expectPlaced('khám sức khỏe cho người cao tuổi bản nà nhím', 'Y tế');
    expectPlaced('Tuyên truyền pháp luật cho bà con thôn Gừng', 'Tổ chức chính quyền');
    expectPlaced('Sửa chữa nhà văn hóa bản Nà Ong', 'Cơ sở vật chất văn hóa - thông tin');
    expectPlaced('Hỗ trợ nuôi ong mật bản Nà Ong', 'Chăn nuôi');
    expectPlaced('Làm đường vào thôn Bò Lư', 'Giao thông');
    expectPlaced('Nuôi bò sinh sản thôn Bò Lư', 'Chăn nuôi');
  });

  it('the earlier rules keep their priority: works, credit, classes in a trade, cooperatives', () => {
    expectPlaced('Làm đường ra vùng trồng sầu riêng', 'Giao thông');
    expectPlaced('Bê tông hóa kênh mương vùng cam sành', 'Thủy lợi');
    expectPlaced('Cho vay vốn nuôi tằm', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('Mở lớp dạy nghề đan lục bình', 'Đào tạo nghề - Việc làm');
    expectPlaced('Hỗ trợ HTX nuôi ốc hương', 'Tổ chức sản xuất, liên kết thị trường');
  });

  it('crops named on a river bank are grown there, not planted to protect it', () => {
    expectPlaced('Trồng cây xoài ven sông', 'Trồng trọt');
    expectPlaced('Trồng cây chống sạt lở ven sông', 'Lâm nghiệp');
  });

  it('every sector the lexicon fills is read from it alone', () => {
    for (const sector of LEXICON_SECTORS) expect(lexiconPhrases(sector).length).toBeGreaterThan(10);
  });
});
