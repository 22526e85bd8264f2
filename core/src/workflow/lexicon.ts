/**
 * The production lexicon (issue 21, "the handbook's judgments on real wording"): the crops,
 * animals, fish, trees, craft materials and trades of rural production, by the sector they belong
 * to, so that an activity naming a commodity no earlier corpus used ("nuôi tằm", "cạo mủ cao su",
 * "trồng nấm linh chi", "nuôi cá lăng", "diêm dân") is read as the production it is.
 *
 * Source: Vietnam's classification of economic activities, VSIC 2018 (Hệ thống ngành kinh tế Việt
 * Nam, Quyết định 27/2018/QĐ-TTg; what each class holds is published by the Ministry of Planning
 * and Investment, Quyết định 43/2018/QĐ-BKHĐT, not read here):
 * section A (01 trồng trọt, chăn nuôi; 02 lâm nghiệp; 03 thủy sản), section B class 0893 (khai thác
 * muối) and the small processing and craft classes of section C (10 chế biến thực phẩm, 11 đồ uống,
 * 13 dệt, 14 may, 16 gỗ, tre, nứa, mây, 17 giấy, 23 gốm, 32 mỹ nghệ). Each group names its classes.
 * What could be confirmed: the titles of the level-4 classes (0111 Trồng lúa … 0125 Trồng cây cao
 * su … 0141 Chăn nuôi trâu, bò … 0149 Chăn nuôi khác … 0210 … 0230 Khai thác, thu nhặt lâm sản trừ
 * gỗ … 0321 Nuôi trồng thủy sản biển, 0322 Nuôi trồng thủy sản nội địa with its content "nuôi cá,
 * nuôi tôm, … cua, ốc, … ba ba, ếch, cá sấu", 0893 Khai thác muối, 1010-1080, 1101-1105, 1311-1399,
 * 1410-1430, 1610-1629, 1701, 2393, 3211-3290) as published in public transcriptions of the
 * decision; the official gazette text itself could not be read here, nor the level-5 content of
 * most classes (which animals 0149 lists, where mushrooms and mulberry fall): those groups are
 * filled from the classes' titles and the ordinary names of their products, and say so.
 * The species named are the ones Vietnamese communes grow and raise; a species is listed once, in
 * the sector VSIC gives it, except where the labelling conventions of issue 21 decide otherwise
 * (cinnamon and star anise are forestry, C9/C20; coffee is crops, C9).
 *
 * Sector names are the canonical ones of forms/topics.ts SECTORS (Trồng trọt, Chăn nuôi, Thủy sản,
 * Lâm nghiệp, Tiểu thủ công nghiệp, Ngành nghề và dịch vụ nông thôn).
 * Salt making (VSIC 0893, section B, mining) has no sector of its own in the handbook: the labelling
 * convention C29 files it under Tiểu thủ công nghiệp (small-scale production of a good, like C18):
 * salt fields, crystallising beds, filters, tarpaulins, salt stores; canals bringing sea water to
 * the fields stay irrigation (classify.ts), hauling salt for pay is a service.
 *
 * Phrases are folded as classify.ts folds (no diacritics, lower case, đ → d) and matched as whole
 * words; each is a regular-expression source as classify's word lists take them. Words that fold
 * like a common word are listed only in a phrase that tells them apart, never alone:
 *   "ong" (bee) is also "ông" (grandfather, Mr) and "đàn ông" (men) folds as "đàn ong": only "nuôi
 *   ong", "ong lấy mật", "thùng ong"…; "cá" is also "ca" (a shift) and "cả" (all): species only
 *   ("cá lăng", "cá trắm"), never "cá đối" ("cả đội"), "cá đồng" ("cả đồng bào"), "cá hồ" ("cả hộ");
 *   "bò" is also "bộ", "bờ", "bỏ", "bơ" (avocado): breeds and herds only ("bò lai sind", "bò sữa");
 *   "dê" is also "để", "đê" (a dyke); "dâu" (mulberry) is also "cô dâu" (a bride), "đầu", "đậu":
 *   "dâu tằm" only; "tằm" is also "tâm" ("trung tâm"), "tắm" ("nhà tắm"); "ngan" is also "ngăn"
 *   (to prevent); "muối" (salt) is also "muỗi" (mosquito) and "mười" (ten); "chè" is also "chế",
 *   "che" ("chế độ", "che phủ"); "tiêu" (pepper) is also "tiêu chí", "tiểu thương"; "điều" (cashew)
 *   is also "điều tra"; "vải" (lychee) is also "vai trò"; "chuối" is also "chuỗi" (a chain); "nhãn"
 *   is also "nhân", "nhãn hiệu"; "cam" is also "cấm", "cam kết"; "bưởi" is also "buổi" (a session);
 *   "nấm" is also "năm" (a year), "nam" (male, south); "lạc" (peanut) is also "liên lạc", "lạc hậu";
 *   "vừng" is also "vùng" (a region); "cói" is also "trông coi"; "lụa" and "lừa" fold as "lúa";
 *   "mắm" is also "mầm non"; "đước", "bần", "mắm" (mangroves) are also "được", "bản", "mầm";
 *   "đinh lăng" is "đình làng" (a communal house), "lợn bản" is "người lớn bản…" (adults of a
 *   village), "bí đỏ" is "bị đổ" (fallen), "cá quả" is "cả quá trình", "cá thu" "cả thu nhập",
 *   "dê lai" "để lại", "ngan" "người dân ngăn…", "đan len" "dân lên", "móc len" "mọc lên", "miến
 *   dong" "miền Đông", "bưởi Diễn" "buổi diễn", "chồn hương" "chọn hướng", "cây mỡ" "cấy mô",
 *   "cây mây" "cấy máy", "xạ đen" "từ xã đến", "đinh hương" "định hướng": those are left out, and
 *   lexicon.test.ts holds them as a list no phrase may match.
 * Place names are set aside before any word is read (classify.ts), so "bản Nà Nhím" names no
 * animal and "thôn Gừng" no crop.
 */

/** The production sectors the lexicon fills, by their canonical names (forms/topics.ts SECTORS). */
export type LexiconSector = 'Trồng trọt' | 'Chăn nuôi' | 'Thủy sản' | 'Lâm nghiệp' | 'Tiểu thủ công nghiệp' | 'Ngành nghề và dịch vụ nông thôn';

export interface LexiconGroup {
  readonly sector: LexiconSector;
  /** The VSIC 2018 class(es) the group comes from, and what of it could not be confirmed. */
  readonly vsic: string;
  /** Folded phrases, whole words (regular-expression sources, a space between words). */
  readonly phrases: readonly string[];
}

export const LEXICON: readonly LexiconGroup[] = [
  // ---- Trồng trọt (VSIC 011 cây hàng năm, 012 cây lâu năm, 013 nhân giống) ----
  // 0111 Trồng lúa: varieties named without "lúa".
  { sector: 'Trồng trọt', vsic: '0111', phrases: ['st24', 'st25', 'bac thom', 'khang dan', 'nep cai hoa vang', 'tam xoan'] },
  // 0112 Trồng ngô và cây lương thực có hạt khác.
  { sector: 'Trồng trọt', vsic: '0112', phrases: ['bap lai', 'cay bap', 'trong bap', 'cao luong', 'kieu mach', 'tam giac mach', 'lua mi'] },
  // 0113 Trồng cây lấy củ có chất bột (sắn, khoai, dong riềng, củ từ…).
  { sector: 'Trồng trọt', vsic: '0113', phrases: ['cu san', 'san cao san', 'dong rieng', 'cu dong', 'cu mai', 'cu tu'] },
  // 0114 Trồng cây mía ("mỉa mai" is no cane).
  { sector: 'Trồng trọt', vsic: '0114', phrases: ['mia(?! mai)', 'mia tim', 'mia duong', 'mia nguyen lieu'] },
  // 0115 Trồng cây thuốc lá, thuốc lào: the plant only (smoking is health's).
  { sector: 'Trồng trọt', vsic: '0115', phrases: ['cay thuoc la', 'cay thuoc lao', 'trong thuoc la', 'la thuoc la nguyen lieu'] },
  // 0116 Trồng cây lấy sợi (bông, đay, cói, lanh, gai): not "trông coi".
  { sector: 'Trồng trọt', vsic: '0116', phrases: ['bong vai', 'cay bong vai', 'cay coi', 'vung coi', 'coi nguyen lieu', 'cay lanh', 'cay gai xanh', 'gai xanh', 'cay day'] },
  // 0117 Trồng cây có hạt chứa dầu (lạc, vừng, đậu tương): not "liên lạc", "vùng".
  { sector: 'Trồng trọt', vsic: '0117', phrases: ['lac giong', 'giong lac', 'trong lac', 'lac tien', 'dau phong', 'cay vung', 'hat vung', 'dau nanh'] },
  // 0118 Trồng rau, đậu các loại và trồng hoa.
  {
    sector: 'Trồng trọt',
    vsic: '0118',
    phrases: [
      'bap cai', 'cai bap', 'su hao', 'su su', 'ca chua', 'ca tim', 'ca rot', 'dua chuot', 'dua leo', 'dua hau', 'dua luoi', 'bi xanh', 'muop', 'muop dang',
      'hanh la', 'hanh tim', 'hanh tay', 'cay toi', 'cu toi', 'toi ly son', 'toi co don', 'cay ot', 'ot cay', 'ot chi thien', 'trong ot', 'gung', 'cay nghe', 'cu nghe', 'nghe vang', 'cay sa',
      'mang tay', 'cai xanh', 'cai ngot', 'cai canh', 'xa lach', 'dau xanh', 'dau dua', 'dau cove', 'dau ha lan', 'dau tay',
      'hoa hong', 'hoa cuc', 'hoa lan', 'lan ho diep', 'hoa ly', 'hoa dao', 'hoa mai', 'hoa tuy lip', 'hoa cat tuong', 'hoa dong tien', 'hoa lay on', 'hoa sen', 'cay sen', 'trong sen', 'hat sen',
    ],
  },
  // Mushrooms: ISIC 0113 holds them with vegetables; their VSIC level-5 class was not confirmed (gathered wild they are 0230, forestry, when a forest is named).
  { sector: 'Trồng trọt', vsic: '0118 (nấm: class not confirmed)', phrases: ['nam linh chi', 'linh chi', 'nam huong', 'nam so', 'nam bao ngu', 'nam kim cham', 'nam dui ga', 'nam duoc lieu', 'moc nhi', 'phoi nam', 'meo nam', 'dong trung ha thao'] },
  // 0121 Trồng cây ăn quả (nho, xoài và quả nhiệt đới, cam quýt, táo mận, nhãn vải chôm chôm…): not "buổi", "chuỗi", "vai trò", "nhân", "cấm", "lễ", "hỏng", "tạo", "nhỏ", "thanh tra".
  {
    sector: 'Trồng trọt',
    vsic: '0121',
    phrases: [
      'cam sanh', 'cam vinh', 'cam canh', 'cam xa doai', 'cam cao phong', 'vuon cam', 'trong cam', 'quyt', 'buoi da xanh', 'buoi nam roi', 'buoi phuc trach', 'buoi doan hung', 'buoi luan van', 'vuon buoi',
      'cay chanh', 'chanh leo', 'chanh day', 'chanh khong hat', 'chanh tu quy', 'xoai', 'nhan long', 'vuon nhan', 'nhan chin muon', 'nhan xuong com vang', 'vai chin som', 'vuon vai', 'vai lai thanh ha',
      'chuoi tieu', 'chuoi tay', 'chuoi ngu', 'chuoi nam my', 'chuoi cay mo', 'trong chuoi', 'vuon chuoi', 'sau rieng', 'cay mit', 'mit thai', 'mit to nu', 'trong mit', 'vuon mit', 'chom chom', 'mang cut',
      'cay oi', 'oi le', 'vuon oi', 'cay na', 'qua na', 'cay man', 'man hau', 'man tam hoa', 'vuon man', 'cay dao', 'cay le', 'cay hong', 'hong khong hat', 'hong gion', 'hong xiem', 'cay tao(?! (?:bong|tan|canh|mat|xanh))', 'tao meo', 'son tra',
      'cay bo(?! (?:de|sung|lai|hoang))', 'bo sap', 'bo booth', 'cay dua', 'dua xiem', 'dua sap', 'trong dua', 'vuon dua', 'oc cho', 'hat de', 'vu sua', 'bon bon', 'kiwi', 'nho xanh', 'nho ninh thuan', 'cay gac', 'qua gac', 'vuon tao',
    ],
  },
  // 0122 Trồng cây lấy quả chứa dầu; 0123 Trồng cây điều (not "điều tra"); 0124 Trồng cây hồ tiêu (not "hộ tiểu thương").
  { sector: 'Trồng trọt', vsic: '0122, 0123, 0124', phrases: ['sachi', 'sacha inchi', 'cay dieu', 'hat dieu', 'vuon dieu', 'dieu ghep', 'ho tieu(?! (?:thuong|thu|chuan|hoc|ngach|khu|doan|dung|chi|cong|tru|diem))', 'cay tieu', 'vuon tieu', 'tru tieu', 'trong tieu(?! (?:chi|chuan|thu|hoc|diem|de|bieu))', 'tru song'] },
  // 0125 Trồng cây cao su (not a rubber hose or sheet); 0126 cà phê (classify.ts already); 0127 Trồng cây chè (not "chế độ", "che phủ").
  { sector: 'Trồng trọt', vsic: '0125, 0127', phrases: ['(?<!(?:ong|bat|lop|dep|ung|gang) )cao su', 'mu cao su', 'cao mu', 'vuon cao su', 'che bup', 'bup che', 'che xanh', 'che shan tuyet', 'che co thu', 'che kim tuyen', 'che o long', 'che trung du', 'che hoa vang', 'doi che'] },
  // 0128 Trồng cây gia vị, cây dược liệu, cây hương liệu lâu năm (cinnamon and star anise are forestry: C9, C20; "đinh lăng" as a plant only: "đình làng" is a communal house).
  {
    sector: 'Trồng trọt',
    vsic: '0128',
    phrases: [
      'cay dinh lang', 'ha thu o', 'tam that', 'giao co lam', 'cat sam', 'ngu gia bi', 'kim tien thao', 'diep ha chau', 'nhan tran', 'cam thao', 'bach truat', 'xuyen khung', 'dan sam', 'huyen sam',
      'hoang tinh', 'thien nien kien', 'ngai cuu', 'tia to', 'kinh gioi', 'bach chi', 'ca gai leo', 'cay thuoc nam', 'vuon thuoc nam', 'cay huong lieu', 'cay gia vi', 'hoa hoe', 'mac khen', 'thao duoc',
    ],
  },
  // 0129 Trồng cây lâu năm khác (ca cao, dâu tằm: "cô dâu" is a bride); 0130 Nhân và chăm sóc cây giống nông nghiệp.
  { sector: 'Trồng trọt', vsic: '0129, 0130 (dâu tằm: class not confirmed)', phrases: ['ca cao', 'dau tam', 'cay dau tam', 'hom dau', 'trong dau', 'giong dau', 'vuon dau', 'nuong dau', 'la dau', 'chiet canh', 'giam canh', 'ghep cai', 'ghep mat'] },

  // ---- Chăn nuôi (VSIC 014) ----
  // 0141 Chăn nuôi trâu, bò và sản xuất giống trâu, bò ("bò" only in a breed or herd: "bộ", "bờ" fold alike).
  { sector: 'Chăn nuôi', vsic: '0141', phrases: ['bo lai sind', 'bo lai zebu', 'bo lai brahman', 'bo sind', 'bo sua', 'bo vang', 'bo 3b', 'bo bbb', 'bo brahman', 'vo beo', 'vo beo bo'] },
  // 0142 Chăn nuôi ngựa, lừa, la ("lừa" folds as "lúa": not listed).
  { sector: 'Chăn nuôi', vsic: '0142', phrases: ['nuoi ngua', 'con ngua', 'ngua giong', 'ngua bach'] },
  // 0144 Chăn nuôi dê, cừu, hươu, nai ("dê" is "để", "đê"; "cừu" is "cứu", "cựu").
  { sector: 'Chăn nuôi', vsic: '0144', phrases: ['dan de', 'de bach thao', 'de boer', 'de nui', 'nuoi cuu', 'con cuu', 'cuu giong', 'dan cuu', 'huou', 'huou sao', 'nhung huou', 'nuoi nai', 'huou nai'] },
  // 0145 Chăn nuôi lợn ("lợn" is "lớn": breeds only, and not "người lớn bản…", adults of a village).
  { sector: 'Chăn nuôi', vsic: '0145', phrases: ['(?<!nguoi )lon ban', 'lon rung', 'lon mong cai', 'lon meo', 'lon cap nach', 'lon soc', 'lon sinh san', 'lon rung lai', 'dich ta lon', 'ta lon chau phi', 'tai xanh'] },
  // 0146 Chăn nuôi gia cầm ("ngan" is "ngăn": in classify.ts's phrases only).
  { sector: 'Chăn nuôi', vsic: '0146', phrases: ['ngong', 'chim cut', 'chim tri', 'da dieu', 'may ap trung', 'lo ap trung', 'ap trung gia cam', 'newcastle', 'gumboro', 'tu huyet trung', 'viem da noi cuc'] },
  // 0149 Chăn nuôi khác: bees, silkworms, rabbits, porcupines, bamboo rats, civets, snakes, swiftlets, earthworms (its level-5 list not confirmed; these are the animals rural households raise outside 0141-0146).
  {
    sector: 'Chăn nuôi',
    vsic: '0149 (its list of animals not confirmed)',
    phrases: [
      'ong lay mat', 'thung ong', 'sap ong', 'giong ong', 'nuoi tam', 'ken tam', 'con tam', 'tam dau', 'nong tam',
      'tho giong', 'tho new zealand', 'nhim', 'nuoi dui', 'con dui', 'dui giong', 'nuoi chon', 'nuoi ran', 'chim yen', 'nuoi yen', 'nha yen', 'yen sao', 'to yen', 'nuoi giun', 'giun que', 'ruoi linh den',
      'nuoi dong vat hoang da',
    ],
  },

  // ---- Thủy sản (VSIC 031 khai thác, 032 nuôi trồng) ----
  // 0321, 0322 (confirmed: "nuôi cá, nuôi tôm, … cua, ốc, … ba ba, ếch, cá sấu", fish for ornament too); 0311, 0312 catching.
  {
    sector: 'Thủy sản',
    vsic: '0311, 0312, 0321, 0322',
    phrases: [
      'ca tra', 'ca basa', 'ca me trang', 'ca me hoa', 'ca ba sa', 'ca troi', 'ca tai tuong', 'ca chim', 'ca ro dong', 'ca ro dau vuong', 'ca loc', 'ca nheo', 'ca tam',
      'ca bong', 'ca keo', 'ca dieu hong', 'ca gion', 'ca bop', 'ca chach', 'ca anh vu', 'ca bong lau', 'ca mu', 'ca canh', 'ca koi', 'ca ngu', 'ca com', 'ca nuc', 'ca hong',
      'ca suoi', 'ca tram co', 'ca chep lai', 'ca sau', 'cua xanh', 'nuoi ghe', 'ghe xanh', 'oc huong', 'hau giong', 'ngao', 'ngheu', 'nghieu',
      'so diep', 'so long', 'nuoi so', 'trai ngoc', 'ba ba giong', 'ba ba gai', 'hai sam', 'vem', 'vem xanh', 'sa sung', 'rong bien', 'rong nho', 'rong sun', 'nuoi rong', 'trong rong sun', 'trong rong nho', 'trong rong bien', 'cau muc', 'khai thac muc', 'long be', 'be nuoi', 'nuoi long', 'dam nuoi',
      'thuy dac san', 'luoi ca', 'danh ca(?! (?:cuoc|do))', 'luoi re',
    ],
  },

  // ---- Lâm nghiệp (VSIC 0210 trồng rừng và ươm giống, 0220 khai thác gỗ, 0230 lâm sản ngoài gỗ, 0240 dịch vụ) ----
  // "kéo" is a works verb, "trạm" a station, "mở" to open, "đước" "được": only in their trees' names.
  {
    sector: 'Lâm nghiệp',
    vsic: '0210, 0220',
    phrases: [
      'bach dan', 'keo tai tuong', 'keo la tram', 'keo giam hom', 'phi lao', 'cay tram', 'tram trang', 'tram den', 'lat hoa(?! van)', 'cay lat', 'lim xanh', 'cay lim', 'gioi xanh', 'cay gioi', 'sao den', 'cay sao den',
      'xoan dao', 'cay xoan', 'po mu', 'cay ban dia', 'go rung trong', 'tram huong', 'do bau', 'cay do bau', 'cay cho chi',
      // Issue 21, tenth round (C9: timber and shade trees of the highlands and midlands, planted as forest or scattered).
      'boi loi', 'cay boi loi', 'sa moc', 'cay sa moc', 'tong qua su', 'vang tam', 'cay vang tam', 'gioi ang', 'cay muong', 'muong den',
    ],
  },
  // 0230 Khai thác, thu nhặt lâm sản trừ gỗ (confirmed title): bamboo for shoots, rattan, resin, lac, wild produce.
  { sector: 'Lâm nghiệp', vsic: '0230', phrases: ['lam san ngoai go', 'tre bat do', 'mang bat do', 'tre lay mang', 'cay nua', 'song may', 'nhua thong', 'canh kien'] },

  // ---- Tiểu thủ công nghiệp (VSIC section C, small processing and crafts) ----
  // 1311-1399 dệt, 1410-1430 may (silk reeled, woven, dyed; "lụa" folds as "lúa", read here first).
  { sector: 'Tiểu thủ công nghiệp', vsic: '1311, 1312, 1391, 1392, 1410, 1430', phrases: ['uom to', 'to tam', 'to lua', 'det lua', 'lua to tam', 'det vai', 'nhuom cham', 'nhuom vai', 'det lanh', 'det may'] },
  // 1629 sản phẩm từ tre, nứa, rơm, rạ và vật liệu tết bện; 1622-1629 gỗ; 3211, 3290 mỹ nghệ (sedge, water hyacinth, seagrass, lacquer, carving, silver).
  {
    sector: 'Tiểu thủ công nghiệp',
    vsic: '1622, 1629, 3211, 3290',
    phrases: ['dan coi', 'det coi', 'dan luc binh', 'luc binh', 'dan guot', 'la buong', 've sap ong', 'son mai', 'khac go', 'cham khac', 'kham trai', 'cham bac', 'duc dong', 'lam chieu'],
  },
  // 1010-1080 chế biến thực phẩm, 1101-1104 đồ uống (confirmed titles): small processing of meat, fish, fruit, starch, sugar, sweets, spirits.
  {
    sector: 'Tiểu thủ công nghiệp',
    vsic: '1010, 1020, 1030, 1040, 1062, 1072, 1073, 1074, 1077, 1079, 1101',
    phrases: [
      'nuoc mam', 'lam mam', 'mam tom', 'mam ca', 'mam ruoc', 'muc kho', 'ca kho', 'tom kho', 'banh phong tom', 'tinh bot', 'bun kho', 'hu tieu', 'mat mia', 'duong phen', 'keo lac', 'keo dua', 'keo cu do',
      'lam mut', 'ruou can', 'ruou ngo', 'ruou men la', 'men la', 'men ruou', 'gio cha', 'gio lua', 'nem chua', 'xuc xich', 'che bien thit', 'che bien ca', 'che bien thuy san', 'che bien hai san', 'che bien nong san',
      'che bien rau qua', 'che bien lam san', 'che bien duoc lieu', 'che bien mang', 'mang kho', 'say kho', 'say deo', 'com chay', 'ep dau', 'rang xay', 'cha ca',
    ],
  },

  // ---- Tiểu thủ công nghiệp: salt making (VSIC 0893 Khai thác muối, confirmed title; its sector is convention C29's) ----
  // "muối" folds as "muỗi" (mosquito: "diệt muỗi") and "mười" (ten): only with its fields and its makers; iodised salt is nutrition's.
  // "diêm dân" folds into "điểm dân cư" (a residential site): not before "cư".
  {
    sector: 'Tiểu thủ công nghiệp',
    vsic: '0893',
    phrases: [
      'diem dan(?! cu)', 'diem nghiep', 'ruong muoi', 'san phoi muoi', 'dong muoi', 'lam muoi', 'san xuat muoi', 'nghe muoi', 'muoi sach', 'muoi bien', 'muoi hat', 'kho muoi', 'nha kho muoi',
      // C29: crystallising beds, filters ("chạt lọc"), sand for salt.
      'o ket tinh', 'ket tinh muoi', 'chat loc', 'chat muoi', 'cat lam muoi', 'dat lam muoi',
    ],
  },
];

/** The lexicon's phrases for one sector, in the order of its groups. */
export function lexiconPhrases(sector: string): readonly string[] {
  return LEXICON.filter((g) => g.sector === sector).flatMap((g) => g.phrases);
}

/** The sectors the lexicon fills. */
export const LEXICON_SECTORS: readonly LexiconSector[] = [...new Set(LEXICON.map((g) => g.sector))];
