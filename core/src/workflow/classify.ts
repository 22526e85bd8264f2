/**
 * Sorting activities into the three topics, and reading the Annex 1 themes (women, disaster
 * risk, market access) and rule 7's tie-break flags from what people wrote. Keyword lists are
 * on folded text (no diacritics), so "Thủy lợi", "thuỷ lợi" and "thuy loi" all match.
 */
import type { Topic } from '../forms/topics';
import { foldKey } from '../text';
import type { ThemeFlags } from './types';

const TOPIC_WORDS: Readonly<Record<Topic, readonly string[]>> = {
  csht: [
    'co so ha tang', 'ha tang', 'giao thong', 'duong', 'thuy loi', 'kenh', 'muong', 'dien', 'truong hoc', 'phong hoc',
    'co so vat chat', 'nha van hoa', 'cau', 'cong thoat nuoc', 'cong qua duong', 'dap', 'cho nong thon', 'xay cho', 'nuoc sach', 'xay dung', 'be tong', 'cung hoa',
    'nha o', 'thong tin va truyen thong', 'buu dien', 'tram', 'san the thao', 'nghia trang',
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
  for (const [list, words] of Object.entries(lists)) {
    for (const w of words) {
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
const SCAN_CACHE = new Map<string, ReadonlyMap<string, number>>();

/** Matched weight per list (topic or flag) in a folded key; a phrase counts its number of words, once. */
function scan(key: string): ReadonlyMap<string, number> {
  const cached = SCAN_CACHE.get(key);
  if (cached) return cached;
  const found = scanUncached(key);
  if (SCAN_CACHE.size >= 50_000) SCAN_CACHE.clear();
  SCAN_CACHE.set(key, found);
  return found;
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

/** The best topic of a text and how strongly it says so (matched words). */
function topicOfText(text: string | undefined): { topic?: Topic; weight: number } {
  if (!text) return { weight: 0 };
  const found = scan(foldKey(text));
  let best: Topic | undefined;
  let bestN = 0;
  for (const t of ['csht', 'kinh-te', 'vh-xh-mt'] as const) {
    const n = found.get(t) ?? 0;
    if (n > bestN) {
      best = t;
      bestN = n;
    }
  }
  return best ? { topic: best, weight: bestN } : { weight: 0 };
}

/**
 * The topic of an activity: its own words when they say it clearly (two words or more: "cứng
 * hóa kênh mương" is infrastructure whatever sheet it is on), else its sector, else its own
 * weaker hints; 'kinh-te' when nothing tells.
 */
export function classifyTopic(sector: string | undefined, activity: string): Topic {
  const own = topicOfText(activity);
  if (own.topic && own.weight >= 2) return own.topic;
  return sectorTopic(sector) ?? own.topic ?? 'kinh-te';
}

/** Sectors repeat on every row of a sheet: remember their topic. */
const SECTOR_TOPICS = new Map<string, Topic | undefined>();

function sectorTopic(sector: string | undefined): Topic | undefined {
  if (!sector) return undefined;
  if (!SECTOR_TOPICS.has(sector)) {
    if (SECTOR_TOPICS.size > 10_000) SECTOR_TOPICS.clear();
    SECTOR_TOPICS.set(sector, topicOfText(sector).topic);
  }
  return SECTOR_TOPICS.get(sector);
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
  // Each text on its own: their folded keys are cached (names and notes recur), a joined string is not.
  const flags: Record<string, boolean> = {};
  for (const t of texts) {
    if (!t) continue;
    const found = scan(foldKey(t));
    for (const flag of Object.keys(FLAG_WORDS)) if ((found.get(flag) ?? 0) > 0) flags[flag] = true;
  }
  return flags as ThemeFlags;
}
