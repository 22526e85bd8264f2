/**
 * Unicode normalisation and tolerant label matching for Vietnamese text.
 * Pure ES2022: no host, no Node.
 */

/** Space-like characters that spreadsheets and Word leave in cells: NBSP, en/em/thin/figure spaces, narrow NBSP, ideographic space. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Invisible characters removed outright (zero-width space/joiners, word joiner, BOM). U+00AD (soft hyphen) is kept: it is "ư" in TCVN3. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, with NBSP and other space characters turned into plain spaces and zero-width characters removed. */
export function nfc(s: string): string {
  return s.normalize('NFC').replace(SPACES, ' ').replace(ZERO_WIDTH, '');
}

/** Removes Vietnamese (and other Latin) diacritics: "Đồng" → "Dong". Case is kept. */
export function stripDiacritics(s: string): string {
  return nfc(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Key for tolerant label matching: NFC, lower case, diacritics removed (đ→d), punctuation → space,
 * whitespace collapsed, trimmed. "Ngành/Lĩnh vực:" and "nganh / linh vuc" give the same key.
 * Letters, digits and "%" survive; everything else separates words.
 */
export function foldKey(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();
}

function words(key: string): Set<string> {
  return new Set(key.split(' ').filter((w) => w.length > 0));
}

function bigrams(key: string): Map<string, number> {
  const m = new Map<string, number>();
  const k = key.replace(/ /g, '');
  for (let i = 0; i + 1 < k.length; i++) {
    const g = k.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

function bigramDice(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const n of ga.values()) na += n;
  for (const [g, n] of gb) {
    nb += n;
    common += Math.min(n, ga.get(g) ?? 0);
  }
  return na + nb === 0 ? 0 : (2 * common) / (na + nb);
}

/**
 * Similarity 0..1 of two labels, on their foldKey forms. 1 for the same key; otherwise the best of
 * the Dice coefficient on word sets and (slightly discounted) on character bigrams with spaces
 * removed ("Ngành/Lĩnh vực" ~ "NgànhLĩnh vực"), with a bonus when one label is contained, word for
 * word, in the other ("Tổng số" in "Tổng số (1.000 đồng)"). Symmetric.
 */
export function labelSimilarity(a: string, b: string): number {
  const ka = foldKey(a);
  const kb = foldKey(b);
  if (ka === kb) return 1;
  if (ka === '' || kb === '') return 0;
  if (ka.replace(/ /g, '') === kb.replace(/ /g, '')) return 0.97;
  const wa = words(ka);
  const wb = words(kb);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const wordDice = (2 * common) / (wa.size + wb.size);
  let score = Math.max(wordDice, 0.95 * bigramDice(ka, kb));
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (` ${long} `.includes(` ${short} `)) score = Math.max(score, 0.5 + 0.45 * wordDice);
  return Math.min(1, Math.max(0, score));
}
