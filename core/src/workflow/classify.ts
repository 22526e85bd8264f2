/**
 * Sorting activities into the three topics and a sector, and reading the Annex 1 themes (women,
 * disaster risk, market access) and rule 7's tie-break flags from what people wrote. Everything
 * is matched on folded text (no diacritics, whole words), so "Thủy lợi", "thuỷ lợi" and "thuy loi"
 * all match.
 *
 * The topic follows the handbook's three groups (L547): (1) Cơ sở hạ tầng — giao thông, thủy lợi,
 * nước sạch, điện, trường học, the buildings of culture and information, new works, upgrades,
 * major repairs and upkeep; (2) Kinh tế và tổ chức sản xuất — production, trades and services,
 * poverty-reduction models, vocational training, jobs, cooperation, market links; (3) Văn hóa -
 * Xã hội - Môi trường — education, health, culture, environment, local government, mass
 * organisations, security. It is decided by ordered rules, the first that applies winning:
 *
 *   0. the sheet names a topic ("Ngành/Lĩnh vực: Cơ sở hạ tầng", a sheet "I.2 - Cơ sở hạ tầng");
 *   1. training of officials and the planning team → local government (VH-XH-MT);
 *   2. waste, latrines, waste water, green trees, cemeteries → environment (VH-XH-MT);
 *   3. what a works word would misfile: road safety, fire fighting → security; jobs → economy;
 *   4. a works verb (xây, sửa, nâng cấp, bê tông hóa, nạo vét…) on an infrastructure object, or an
 *      object that is infrastructure by itself (kênh mương, cầu treo, nhà văn hóa) → CSHT, unless
 *      the activity is led by a soft verb (tuyên truyền, tập huấn…): "Sửa chữa đập tạm";
 *   5. cooperation and market links, then animals, fish, crops and forests → economy (the animals
 *      win over health words: "Tập huấn phòng chống dịch bệnh cho gia súc" is animal husbandry);
 *   6. credit, jobs, trades, livelihoods → economy;
 *   7. education, health, social protection, culture, security, mass organisations → VH-XH-MT;
 *   8. the sheet's sector, when it points to one topic ("Chăn nuôi", "Y tế");
 *   9. an infrastructure object named without a works verb;
 *  10. the older keyword lists; 'kinh-te' when nothing tells.
 *
 * The sector: the row's own Ngành/Lĩnh vực, else the sheet's field, else the sector the sheet's
 * name gives ("I.2 - Giao thông"), else the one the matching rule names (`guessSector`).
 */
import type { Topic } from '../forms/topics';
import { TOPICS, TOPIC_LABELS } from '../forms/topics';
import { foldKey } from '../text';
import { memo, memo2 } from '../util/memo';
import type { ThemeFlags } from './types';

// ---------------------------------------------------------------------------------------------
// Word lists (folded). A list matches when one of its phrases occurs as whole words.

type Phrases = readonly string[];

/** A compiled phrase list: one regular expression of whole-word alternatives. */
function words(list: Phrases): RegExp {
  return new RegExp(`(?:^| )(?:${list.map((p) => p.replace(/ /g, ' +')).join('|')})(?= |$)`);
}

/** Folded words that contain an infrastructure word but mean something else ("bồi dưỡng", "yêu cầu", "trưởng thôn"). */
const FALSE_FRIENDS = words([
  'boi duong', 'dinh duong', 'nuoi duong', 'tuong duong', 'an duong', 'nghi duong', 'duong benh', 'duong tinh',
  'yeu cau', 'nhu cau', 'cau lac bo', 'cau long', 'toan cau', 'cau hoi',
  'truong thon', 'truong ban', 'truong bo phan', 'moi truong', 'thi truong', 'tang truong', 'hien truong',
  'xe dap', 'den truong', 'toi truong', 'dai dien', 'toan dien', 'doi tuong', 'dien tich', 'hoi dien', 'dien dan', 'dien tap', 'dien bien', 'dien van nghe',
]);

/** Verbs of works: building, repairing, upkeep, equipping (L547 "xây mới, nâng cấp, sửa chữa lớn và duy tu – bảo dưỡng"). */
const WORK_VERB = words([
  'xay dung', 'xay moi', 'xay', 'lam moi', 'lam', 'sua chua', 'sua', 'tu sua', 'san sua', 'nang cap', 'cai tao', 'be tong hoa',
  'be tong', 'cung hoa', 'kien co hoa', 'duy tu', 'bao duong', 'nao vet', 'mo rong', 'mo moi', 'rai', 'lat', 'dao dap', 'dao dat', 'dap',
  'khoi cong', 'lap dat', 'keo', 'va', 'do be tong', 'mua sam', 'mua', 'hoan thien', 'phat quang', 'don co', 'thi cong', 'hien dat', 'trang bi',
]);

/** Verbs that make an activity soft whatever it talks about: "Tuyên truyền an toàn giao thông". */
const SOFT_LEAD = /^(?:to chuc |mo lop |mo )?(?:tuyen truyen|truyen thong|tap huan|boi duong|dao tao|day|huong dan|tu van|pho bien|hoi thao|hoi thi|kiem tra|giam sat|quan ly)(?: |$)/;

interface SectorWords {
  readonly sector: string;
  /** Infrastructure by itself, with or without a works verb. */
  readonly strong: Phrases;
  /** Infrastructure when a works verb goes with it. */
  readonly withVerb?: Phrases;
}

/** Infrastructure objects by sector, the more specific sectors first ("đường điện" is Điện before it is a road). */
const INFRA: readonly SectorWords[] = [
  {
    sector: 'Điện',
    strong: ['luoi dien', 'dien luoi', 'duong dien', 'duong day dien', 'dien sinh hoat', 'dien ha the', 'dien trung the', 'tram bien ap', 'cot dien', 'dien chieu sang'],
    withVerb: ['dien'],
  },
  {
    sector: 'Nước sạch',
    strong: ['nuoc sach', 'nuoc sinh hoat', 'nuoc tu chay', 'cap nuoc', 'be chua nuoc', 'be nuoc', 'duong ong dan nuoc', 'ong dan nuoc sach', 'gieng nuoc', 'gieng khoan', 'dao gieng', 'tec nuoc', 'bon nuoc', 'lu chua nuoc'],
    withVerb: ['gieng'],
  },
  {
    sector: 'Thủy lợi',
    strong: ['thuy loi', 'kenh muong', 'kenh', 'muong', 'tram bom', 'ho chua', 'dap dang', 'dap tam', 'nuoc tuoi', 'tuoi tieu', 'nguon nuoc', 'lay nuoc', 'ke chong', 'ke bo', 'phai tam'],
    withVerb: ['dap', 'phai', 'cong tuoi', 'ho dap'],
  },
  {
    sector: 'Giáo dục',
    strong: ['truong hoc', 'phong hoc', 'diem truong', 'truong mam non', 'truong tieu hoc', 'truong trung hoc', 'truong thcs', 'nha ban tru', 'nha cong vu giao vien', 'nha lop hoc', 'lop hoc cam ban'],
    withVerb: ['lop hoc', 'truong', 'thiet bi day hoc', 'ban ghe'],
  },
  {
    sector: 'Văn hóa',
    strong: ['nha van hoa', 'hoi truong thon', 'san the thao', 'khu the thao', 'san van dong', 'nha sinh hoat cong dong'],
    withVerb: ['hoi truong', 'san bong', 'san choi'],
  },
  { sector: 'Thông tin và truyền thông', strong: ['loa truyen thanh', 'dai truyen thanh', 'he thong truyen thanh', 'diem buu dien', 'buu dien', 'diem truy cap internet'], withVerb: ['internet'] },
  { sector: 'Y tế', strong: ['tram y te'] },
  { sector: 'Thương mại', strong: ['cho nong thon', 'cho trung tam', 'cho phien', 'cho dau moi'] },
  { sector: 'Nhà ở', strong: ['nha o', 'nha tam', 'nha dot nat', 'xoa nha', 'lam nha', 'xay nha', 'sua nha'] },
  {
    sector: 'Giao thông',
    strong: ['duong giao thong', 'giao thong nong thon', 'cau treo', 'cau tran', 'cau tam', 'ngam tran', 'ranh thoat nuoc', 'cong thoat nuoc', 'cong qua duong', 'duong lien thon', 'duong truc', 'duong noi dong', 'duong ngo xom', 'duong thon', 'duong noi thon', 'bien bao', 'o ga', 'sua cong', 'lam cong', 'xay cong', 'nao vet cong'],
    withVerb: ['duong', 'cau', 'ngam', 'chieu sang', 'cap phoi'],
  },
  { sector: '', strong: ['co so ha tang', 'ha tang'], withVerb: ['cong trinh'] },
];

/** A sector and the words that name it. */
interface Rule {
  readonly sector: string;
  readonly re: RegExp;
}

function rules(list: readonly (readonly [string, Phrases])[]): readonly Rule[] {
  return list.map(([sector, phrases]) => ({ sector, re: words(phrases) }));
}

const GOVERNANCE_VERB = words(['tap huan', 'boi duong', 'dao tao', 'nang cao nang luc', 'kien toan', 'thanh lap', 'hoi thao']);
const GOVERNANCE_OBJECT = words([
  'can bo', 'cong chuc', 'truong thon', 'to cong tac', 'to xay dung ke hoach', 'lap ke hoach', 'ke toan', 'nghiep vu', 'ky nang lanh dao',
  'doan the', 'chi hoi', 'chinh quyen', 'ban phat trien thon', 'ban giam sat', 'ban quan ly',
]);

const ENVIRONMENT = words([
  'rac', 'rac thai', 'nha tieu', 'ho xi', 'nuoc thai', 'chat thai sinh hoat', 'bai rac', 'lo dot rac', 'cay xanh', 'bao bi thuoc',
  'nghia trang', 'nghia dia', 'di doi chuong trai', 've sinh moi truong', 'moi truong', 'thu gom', 'nha ve sinh', 'tong ve sinh', 'hoa ven duong',
]);
/** "Vệ sinh" is environment unless it is about food or stables. */
const HYGIENE = words(['ve sinh']);
const HYGIENE_ELSEWHERE = words(['thuc pham', 'chuong trai', 'chuong nuoi', 'chan nuoi']);

/** Rule 3: what a works word would misfile. */
const OVERRIDES = rules([
  ['An ninh trật tự', ['an toan giao thong', 'phong chay', 'chua chay']],
  ['Lao động - việc làm', ['viec lam', 'xuat khau lao dong']],
]);

/** Rule 5: cooperation first, then animals, fish, crops, forests (forest trees before crops). */
const PRODUCTION = rules([
  ['Kinh tế hợp tác', ['hop tac xa', 'htx', 'to hop tac', 'lien ket', 'tieu thu san pham', 'chuoi gia tri']],
  [
    'Chăn nuôi',
    [
      'chan nuoi', 'gia suc', 'gia cam', 'vat nuoi', 'lon giong', 'nuoi lon', 'lon den', 'lon lai', 'lon nai', 'lon thit', 'dan lon', 'heo', 'trau', 'trau bo', 'bo giong', 'bo sinh san', 'nuoi bo', 'bo thit', 'dan bo', 'ga', 'ga giong',
      'vit', 'nuoi ngan', 'ngan giong', 'de giong', 'nuoi de', 'nuoi ong', 'ong mat', 'mat ong', 'thu y', 'lo mom long mong', 'cum gia cam', 'dich ta', 'tieu doc', 'chuong trai',
      'chuong nuoi', 'thuc an chan nuoi', 'trong co', 'co chan nuoi', 'dan cho', 'cho meo', 'benh dai',
    ],
  ],
  ['Thủy sản', ['thuy san', 'ca giong', 'nuoi ca', 'ao ca', 'ao nuoi', 'ca ruong', 'ca ro phi', 'ca chep', 'ca tram']],
  ['Lâm nghiệp', ['lam nghiep', 'rung', 'trong rung', 'cay keo', 'rung keo', 'cay que', 'giong que', 'trong que', 'cay hoi', 'lam san', 'bao ve rung', 'khoanh nuoi']],
  [
    'Trồng trọt',
    [
      'trong trot', 'lua', 'ngo', 'giong san', 'cay san', 'trong san', 'khoai', 'rau', 'cay trong', 'cay an qua', 'cay cong nghiep', 'vuon', 'giong cay', 'giong moi',
      'phan bon', 'phan chuong', 'phan vi sinh', 'sau benh', 'bao ve thuc vat', 'canh tac', 'chuyen canh', 'khuyen nong', 'cay che', 'che shan', 'doi che',
      'trong che', 'nuong che', 'trong nam', 'nam rom', 'ca phe', 'hoa mau', 'vu dong', 'nha luoi', 'nha mang', 'canh dong', 'cay giong', 'cham soc cay',
      'cay an trai', 'trai vu', 'cay cam', 'cay buoi', 'mac ca', 'duoc lieu',
    ],
  ],
]);

/** An activity that starts by planting ("Trồng…", "Mô hình trồng…") is crop growing when nothing above claimed it. */
const CROP_LEAD = /^(?:ho tro |mo hinh |tap huan ky thuat |huong dan )?trong(?: |$)/;
const CROPS: Rule = PRODUCTION.find((r) => r.sector === 'Trồng trọt') as Rule;

/** Rule 6: the rest of the economy. */
const ECONOMY = rules([
  ['Lao động - việc làm', ['day nghe', 'dao tao nghe', 'hoc nghe', 'lao dong', 'viec lam']],
  ['Tín dụng', ['vay von', 'tin dung', 'tiet kiem', 'ngan hang', 'von vay', 'tin chap', 'cho vay', 'quy xoay vong']],
  ['Ngành nghề - dịch vụ', ['ocop', 'lang nghe', 'nganh nghe', 'tieu thu cong nghiep', 'du lich', 'dich vu', 'dan lat', 'det tho cam', 'may mac', 'phat trien nghe', 'nghe truyen thong', 'nghe phu']],
  ['Thương mại', ['hoi cho', 'nong san', 'thuong mai', 'kinh doanh', 'thi truong', 'tieu thu']],
  ['', ['may cay', 'may tuot', 'may nong nghiep', 'co gioi hoa', 'sinh ke', 'mo hinh', 'san xuat', 'kinh te', 'thu nhap', 'giam ngheo', 'thoat ngheo']],
]);

/** Rule 7: education, health, social protection, culture, security, mass organisations. */
const SOCIETY = rules([
  ['Giáo dục', ['hoc sinh', 'giao duc', 'giao vien', 'mam non', 'pho cap', 'khuyen hoc', 'mu chu', 'sach vo', 'hoc bong', 'den truong', 'thu vien', 'tre dung do tuoi']],
  [
    'Y tế',
    [
      'y te', 'suc khoe', 'kham', 'chua benh', 'tiem chung', 'dinh duong', 'bao hiem y te', 'sot xuat huyet', 'dich benh', 'benh', 'dan so', 'ke hoach hoa gia dinh',
      've sinh thuc pham', 'an toan thuc pham', 'thuc pham', 'phun thuoc', 'cham soc suc khoe', 'ba me', 'thai phu',
    ],
  ],
  ['An ninh trật tự', ['an ninh', 'trat tu', 'tuan tra', 'ma tuy', 'te nan', 'phap luat', 'hoa giai', 'quoc phong', 'dan quan', 'thien tai', 'cuu ho', 'tu phap']],
  [
    'Xã hội',
    [
      'nguoi cao tuoi', 'khuyet tat', 'tre em', 'binh dang gioi', 'bao luc gia dinh', 'tao hon', 'can huyet', 'tro giup xa hoi', 'bao tro', 'tang qua', 'tham hoi',
      'nguoi co cong', 'phu nu', 'gioi', 'xa hoi', 'neo don', 'mo coi',
    ],
  ],
  ['Văn hóa', ['van hoa', 'van nghe', 'le hoi', 'the thao', 'bong chuyen', 'bong da', 'cau lac bo', 'hoi dien', 'dai doan ket', 'truyen thong dan toc', 'di tich']],
  ['Chính quyền - đoàn thể', ['nong thon moi', 'doan the', 'thanh nien', 'hoi nong dan', 'chinh quyen', 'can bo', 'lap ke hoach', 'tuyen truyen', 'truyen thong']],
]);

/** Sector words of a sheet's Ngành/Lĩnh vực, by the topic they point to. */
const SECTOR_TOPIC_WORDS: readonly (readonly [Topic, RegExp])[] = [
  ['csht', words(['co so ha tang', 'ha tang', 'giao thong', 'thuy loi', 'dien', 'nuoc sach', 'xay dung', 'co so vat chat', 'nha o', 'buu dien', 'thong tin'])],
  ['kinh-te', words(['nong nghiep', 'trong trot', 'chan nuoi', 'lam nghiep', 'thuy san', 'khuyen nong', 'kinh te', 'nganh nghe', 'dich vu', 'thuong mai', 'cong nghiep', 'lao dong', 'viec lam', 'hop tac', 'tin dung', 'san xuat'])],
  ['vh-xh-mt', words(['giao duc', 'y te', 'van hoa', 'xa hoi', 'moi truong', 'an ninh', 'quoc phong', 'the thao', 'binh dang gioi', 'dan so', 'tu phap', 'chinh quyen', 'doan the', 'phu nu'])],
];

/** The three topics as a sheet may name them ("Cơ sở hạ tầng", "CSHT", "2. Kinh tế và tổ chức sản xuất"). */
const TOPIC_NAMES: ReadonlyMap<string, Topic> = new Map<string, Topic>([
  ...TOPICS.map((t) => [foldKey(TOPIC_LABELS[t]), t] as const),
  ['csht', 'csht'],
  ['ha tang', 'csht'],
  ['kinh te', 'kinh-te'],
  ['kinh te to chuc san xuat', 'kinh-te'],
  ['kinh te va san xuat', 'kinh-te'],
  ['van hoa xa hoi va moi truong', 'vh-xh-mt'],
  ['vh xh mt', 'vh-xh-mt'],
  ['vhxhmt', 'vh-xh-mt'],
]);

const NUMBERING = /^(?:chu de )?(?:[0-9]+|[ivx]+|[a-d])(?: |$)/;

/** The topic a sector text names outright, when it is one of the three topics. */
export function namedTopic(sector: string | undefined): Topic | undefined {
  if (!sector) return undefined;
  const k = foldKey(sector).replace(NUMBERING, '');
  return TOPIC_NAMES.get(k);
}

// ---------------------------------------------------------------------------------------------
// Classification.

export type TopicBasis = 'sheet-topic' | 'activity' | 'sheet-sector' | 'keywords' | 'default';

export interface Classification {
  readonly topic: Topic;
  /** The sector the activity's own words name, when a rule names one. */
  readonly sector?: string;
  /** What decided the topic. */
  readonly basis: TopicBasis;
}

/** Place phrases are not what an activity works on: "Tổ chức văn nghệ tại nhà văn hóa thôn". */
const PLACE = / (?:tai|(?<!nha )o) (?:thon|xa|ban|khu|xom|diem|nha|truong|tram|cac|hoi truong|san|trung tam|dia ban|ho gia dinh|lang|cum|doi)(?: .*)?$/;
/** "Xây mới trường" is a new school, not the environment (môi trường). */
const NEW_SCHOOL = /(^| )(xay|lam) moi truong(?= |$)/g;

function prepare(activity: string): string {
  return foldKey(activity).replace(PLACE, '').replace(NEW_SCHOOL, '$1$2_moi truong hoc');
}

const FALSE_FRIENDS_ALL = new RegExp(FALSE_FRIENDS.source, 'g');

/** The text with its false friends masked, for the infrastructure words only. */
function masked(k: string): string {
  return k.replace(FALSE_FRIENDS_ALL, ' ~').trim();
}

interface Compiled {
  readonly sector: string;
  readonly strong: RegExp;
  readonly withVerb?: RegExp;
}
const INFRA_RE: readonly Compiled[] = INFRA.map((s) => ({ sector: s.sector, strong: words(s.strong), ...(s.withVerb ? { withVerb: words(s.withVerb) } : {}) }));

/** The infrastructure sector of a text: strong objects first, then objects that want a verb (only when `verb`). */
function infraOf(key: string, verb: boolean): { sector: string } | undefined {
  const k = masked(key);
  for (const s of INFRA_RE) if (s.strong.test(k)) return { sector: s.sector };
  if (verb) for (const s of INFRA_RE) if (s.withVerb?.test(k)) return { sector: s.sector };
  return undefined;
}

function first(list: readonly Rule[], k: string): Rule | undefined {
  return list.find((r) => r.re.test(k));
}

function withSector(topic: Topic, sector: string, basis: TopicBasis): Classification {
  return sector ? { topic, sector, basis } : { topic, basis };
}

/** What the activity's own words say (rules 1-7), or undefined. */
function byActivity(k: string): Classification | undefined {
  if (k === '') return undefined;
  const animalsOrCrops = PRODUCTION.slice(1).some((r) => r.re.test(k));
  if (GOVERNANCE_VERB.test(k) && GOVERNANCE_OBJECT.test(k) && !animalsOrCrops) return withSector('vh-xh-mt', 'Chính quyền - đoàn thể', 'activity');
  if (ENVIRONMENT.test(k) || (HYGIENE.test(k) && !HYGIENE_ELSEWHERE.test(k) && !animalsOrCrops)) return withSector('vh-xh-mt', 'Môi trường', 'activity');
  const o = first(OVERRIDES, k);
  if (o) return withSector(o.sector === 'An ninh trật tự' ? 'vh-xh-mt' : 'kinh-te', o.sector, 'activity');
  if (!SOFT_LEAD.test(k)) {
    const infra = infraOf(k, WORK_VERB.test(k));
    if (infra) return withSector('csht', infra.sector, 'activity');
  }
  const p = first(PRODUCTION, k) ?? (CROP_LEAD.test(k) ? CROPS : undefined) ?? first(ECONOMY, k);
  if (p) return withSector('kinh-te', p.sector, 'activity');
  const s = first(SOCIETY, k);
  if (s) return withSector('vh-xh-mt', s.sector, 'activity');
  return undefined;
}

/** The topic a sheet's sector points to: the first topic word it names ("Giao thông - Thủy lợi": CSHT). */
export function sectorTopic(sector: string | undefined): Topic | undefined {
  if (!sector) return undefined;
  const named = namedTopic(sector);
  if (named) return named;
  const k = ` ${foldKey(sector)} `;
  let best: Topic | undefined;
  let at = Infinity;
  for (const [topic, re] of SECTOR_TOPIC_WORDS) {
    const m = re.exec(k.trim());
    if (m && m.index < at) {
      at = m.index;
      best = topic;
    }
  }
  return best;
}

/** Classifications by sector, then by wording: two lookups on strings the readings already hold (no key built per call). No sector and '' classify alike. */
const classified = memo2((sector: string, activity: string) => classifyUncached(sector || undefined, activity));

/**
 * The topic of an activity, what decided it and the sector its words name. `sector` is the
 * Ngành/Lĩnh vực of its row or sheet (it wins outright when it names one of the three topics).
 */
export function classifyActivity(sector: string | undefined, activity: string): Classification {
  return classified(sector ?? '', activity);
}

function classifyUncached(sector: string | undefined, activity: string): Classification {
  const k = prepare(activity);
  const own = byActivity(k);
  const named = namedTopic(sector);
  if (named) return { topic: named, ...(own?.sector ? { sector: own.sector } : {}), basis: 'sheet-topic' };
  if (own) return own;
  const bySector = sectorTopic(sector);
  if (bySector) return { topic: bySector, basis: 'sheet-sector' };
  const infra = infraOf(k, true);
  if (infra) return withSector('csht', infra.sector, 'keywords');
  const weak = topicOfText(activity);
  if (weak.topic) return { topic: weak.topic, basis: 'keywords' };
  return { topic: 'kinh-te', basis: 'default' };
}

/** The topic of an activity (see classifyActivity). */
export function classifyTopic(sector: string | undefined, activity: string): Topic {
  return classifyActivity(sector, activity).topic;
}

/** The sector an activity's own words name ("Sửa chữa đập tạm": Thủy lợi), when they name one. */
export function guessSector(activity: string): string | undefined {
  return classifyActivity(undefined, activity).sector;
}

const FORM_PREFIX = /^(?:m[aẫ]u\s*)?(?:bi[eể]u\s*)?(?:IV|III|II|I)\s*[.,]\s*\d{1,2}(?:\s*[.,]\s*[ABC])?\s*[-–—:]\s*(.+)$/iu;

/** The sector (or topic) a sheet's name gives after its form id: "I.2 - Giao thông" → "Giao thông". */
export function sectorOfSheetName(sheet: string | undefined): string | undefined {
  if (!sheet) return undefined;
  const m = FORM_PREFIX.exec(sheet.trim());
  const s = m?.[1].replace(/\s*\((?:cũ|\d+)\)$/u, '').trim();
  return s ? s : undefined;
}

/**
 * The sector of a row: its own Ngành/Lĩnh vực cell, else the sheet's "Ngành/Lĩnh vực:" field,
 * else what the sheet's name says ("I.2 - Giao thông"), else the sector the activity's words
 * name; '' when nothing tells. What the source itself names always wins over the guess.
 */
export function sectorOfRow(row: string | undefined, sheetField: string | undefined, sheetName: string | undefined, activity: string): string {
  // In that order, each looked at only when the one before says nothing (this runs once per activity).
  const own = row?.trim() || sheetField?.trim();
  if (own) return own;
  return sheetSector(sheetName) || guessSector(activity) || '';
}

/** sectorOfSheetName, trimmed and remembered: a sheet's rows all ask for their sheet's name. */
function sheetSector(sheetName: string | undefined): string {
  return sheetName ? sheetSectorOf(sheetName) : '';
}

const sheetSectorOf = memo((sheetName: string): string => sectorOfSheetName(sheetName)?.trim() ?? '', 10_000);

// ---------------------------------------------------------------------------------------------
// The older keyword lists: the last resort of the topic, and the theme flags.

const TOPIC_WORDS: Readonly<Record<Topic, readonly string[]>> = {
  csht: [
    'co so ha tang', 'ha tang', 'giao thong', 'thuy loi', 'kenh', 'muong', 'truong hoc', 'phong hoc',
    'co so vat chat', 'nha van hoa', 'cong thoat nuoc', 'cong qua duong', 'cho nong thon', 'xay cho', 'nuoc sach', 'xay dung', 'be tong', 'cung hoa',
    'nha o', 'thong tin va truyen thong', 'buu dien', 'san the thao',
  ],
  'kinh-te': [
    'kinh te', 'to chuc san xuat', 'san xuat', 'nong nghiep', 'trong trot', 'chan nuoi', 'lam nghiep', 'thuy san',
    'khuyen nong', 'nganh nghe', 'dich vu', 'thuong mai', 'hop tac xa', 'htx', 'to hop tac', 'thu nhap', 'viec lam',
    'lao dong', 'giong', 'phan bon', 'vay von', 'tin dung', 'du lich', 'cay', 'lua', 'cay ngo', 'nuoi lon', 'lon giong', 'trau bo', 'nuoi bo', 'nuoi ga', 'nuoi ca',
    'trong rung', 'mo hinh', 'sinh ke', 'giam ngheo', 'ho ngheo', 'tieu thu',
  ],
  'vh-xh-mt': [
    'van hoa', 'xa hoi', 'moi truong', 'giao duc', 'dao tao', 'y te', 'suc khoe', 've sinh', 'rac', 'an ninh',
    'quoc phong', 'the thao', 'tre em', 'gia dinh', 'dan so', 'benh', 'phong chong', 'tuyen truyen', 'hoc sinh',
    'mam non', 'chinh tri', 'phap luat', 'an toan thuc pham', 'nuoc thai', 'bao hiem',
  ],
};

/** Every listed word or phrase, indexed by its first word: one pass over a text finds them all. */
type Entry = { readonly list: string; readonly phrase?: string; readonly weight: number };
let INDEX: Map<string, Entry[]> | undefined;

function index(): Map<string, Entry[]> {
  if (INDEX) return INDEX;
  INDEX = new Map();
  const lists: Record<string, readonly string[]> = { ...TOPIC_WORDS, ...FLAG_WORDS };
  for (const [list, ws] of Object.entries(lists)) {
    for (const w of ws) {
      const parts = w.split(' ');
      const entry: Entry = parts.length > 1 ? { list, phrase: ` ${w} `, weight: parts.length } : { list, weight: 1 };
      const at = INDEX.get(parts[0]);
      if (at) at.push(entry);
      else INDEX.set(parts[0], [entry]);
    }
  }
  return INDEX;
}

/** Scans of recent keys: an activity's name is scanned for its topic and again for its flags. */
const scanned = memo((key: string): ReadonlyMap<string, number> => scanUncached(key));

/** Matched weight per list (topic or flag) in a folded key; a phrase counts its number of words, once. */
function scan(key: string): ReadonlyMap<string, number> {
  return scanned(key);
}

function scanUncached(key: string): Map<string, number> {
  const out = new Map<string, number>();
  if (key === '') return out;
  const idx = index();
  const padded = ` ${key} `;
  const seenPhrases: string[] = [];
  for (const w of key.split(' ')) {
    const entries = idx.get(w);
    if (!entries) continue;
    for (const e of entries) {
      if (e.phrase !== undefined) {
        if (seenPhrases.includes(e.phrase) || !padded.includes(e.phrase)) continue;
        seenPhrases.push(e.phrase);
      }
      out.set(e.list, (out.get(e.list) ?? 0) + e.weight);
    }
  }
  return out;
}

/** The best topic of a text by the older keyword lists. */
function topicOfText(text: string | undefined): { topic?: Topic; weight: number } {
  if (!text) return { weight: 0 };
  const found = scan(foldKey(text));
  let best: Topic | undefined;
  let bestN = 0;
  for (const t of TOPICS) {
    const n = found.get(t) ?? 0;
    if (n > bestN) {
      best = t;
      bestN = n;
    }
  }
  return best ? { topic: best, weight: bestN } : { weight: 0 };
}

const FLAG_WORDS: Readonly<Record<keyof ThemeFlags, readonly string[]>> = {
  women: ['phu nu', 'chi em', 'ba me', 'gioi', 'nu'],
  poorWomen: ['phu nu ngheo', 'phu nu thuoc ho ngheo', 'nu ngheo'],
  publicJobs: ['viec lam cong', 'lao dong dia phuong', 'thue lao dong', 'tao viec lam', 'cong lao dong'],
  disasterRisk: ['thien tai', 'mua bao', 'bao lu', 'chong bao', 'lu', 'lut', 'han han', 'sat lo', 'bien doi khi hau', 'bdkh', 'rrtt', 'phong chong thien tai', 'xam nhap man'],
  market: ['thi truong', 'tieu thu', 'lien ket', 'chuoi gia tri', 'cho nong thon', 'thuong lai', 'ban san pham'],
};

/** Annex 1 themes and tie-break flags read from an activity's name and notes. */
export function readFlags(...texts: (string | undefined)[]): ThemeFlags {
  // Each text on its own: what it flags is remembered (names and notes recur), a joined string is not.
  let flags: Record<string, boolean> | undefined;
  for (const t of texts) {
    if (!t) continue;
    for (const flag of flagsOf(t)) (flags ??= {})[flag] = true;
  }
  // Most rows flag nothing: they share one frozen empty object (a province has 100,000 rows).
  return (flags ?? NO_FLAGS) as ThemeFlags;
}

const NO_FLAGS: ThemeFlags = Object.freeze({});
const FLAG_NAMES = Object.keys(FLAG_WORDS) as (keyof ThemeFlags)[];
/** The flags one text raises, by the text as typed (remembered, like scan's). */
const flagsOf = memo((text: string): readonly (keyof ThemeFlags)[] => {
  const found = scan(foldKey(text));
  return FLAG_NAMES.filter((flag) => (found.get(flag) ?? 0) > 0);
});
