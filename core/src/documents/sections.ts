/**
 * Which section of a draft plan each row of II.4.A belongs to. II.7.A lists the lines of work of
 * the poverty-reduction program (a. Cơ sở hạ tầng … g. Công tác lập kế hoạch, L2683-L2696), II.7.B
 * the groups or criteria of the NTM commune criteria of the period; II.4.A sorts its rows by the
 * three topics of the consolidation. A row goes to the first section whose words its sector or
 * difficulty names, else to the section of its topic; a row no section takes goes to a closing
 * section of its own ("Các nội dung khác"), so every row of II.4.A is copied once.
 */
import { foldKey } from '../text';
import type { Topic } from '../workflow/types';
import type { SituationRow } from './read';

export interface PlanSection {
  /** As the form prints it: "a. Cơ sở hạ tầng:". */
  readonly text: string;
  /** Folded name without the letter and colon: "co so ha tang". */
  readonly key: string;
}

interface Rule {
  /** Topics whose rows go here when no section names them by words. */
  readonly topics?: readonly Topic[];
  /** Folded phrases, matched as whole words in the sector and the difficulty. */
  readonly words?: readonly string[];
}

/**
 * Rules by section name (folded): the GNBV lines of work of II.7.A; the NTM groups of 2016-2025
 * (QĐ 1980/QĐ-TTg, QĐ 318/QĐ-TTg); the ten criteria of 2026-2030 (QĐ 51/2025/QĐ-TTg). A section
 * without a rule takes rows only by the words of its own name.
 */
const RULES: Readonly<Record<string, Rule>> = {
  // II.7.A: the lines of work of the GNBV program.
  'co so ha tang': { topics: ['csht'] },
  'ho tro phat trien san xuat da dang hoa sinh ke': { topics: ['kinh-te'] },
  'nhan rong mo hinh giam ngheo': { words: ['mo hinh'] },
  'ho tro lao dong di lam viec co thoi han o nuoc ngoai': { words: ['nuoc ngoai', 'xuat khau lao dong'] },
  'truyen thong va giam ngheo ve thong tin': { words: ['truyen thong', 'tuyen truyen', 'thong tin'] },
  'nang cao nang luc cho can bo va cong dong': { words: ['nang luc', 'boi duong'] },
  'cong tac lap ke hoach thuc hien chuong trinh': { words: ['lap ke hoach'] },
  // II.7.B, 2016-2025: the five groups.
  'quy hoach': { words: ['quy hoach'] },
  'ha tang kinh te xa hoi': { topics: ['csht'] },
  'kinh te va to chuc san xuat': { topics: ['kinh-te'] },
  'van hoa xa hoi moi truong': { topics: ['vh-xh-mt'] },
  'he thong chinh tri': { words: ['chinh quyen', 'doan the', 'an ninh', 'quoc phong', 'phap luat', 'hoa giai', 'trat tu', 'he thong chinh tri'] },
  // II.7.B, 2026-2030: the ten criteria.
  'phat trien kinh te nong thon': { topics: ['kinh-te'] },
  'dao tao nguon nhan luc nong thon': { words: ['dao tao nghe', 'day nghe', 'nguon nhan luc', 'viec lam'] },
  'van hoa giao duc y te': { topics: ['vh-xh-mt'], words: ['van hoa', 'giao duc', 'y te', 'dinh duong', 'suc khoe'] },
  'giam ngheo va an sinh xa hoi': { words: ['ho ngheo', 'giam ngheo', 'nguoi ngheo', 'phu nu ngheo', 'can ngheo', 'an sinh', 'bao tro xa hoi'] },
  'khoa hoc cong nghe va chuyen doi so': { words: ['chuyen doi so', 'cong nghe thong tin', 'internet', 'so hoa', 'khoa hoc cong nghe'] },
  'moi truong va canh quan nong thon': { words: ['moi truong', 'rac thai', 'nuoc thai', 've sinh moi truong', 'canh quan', 'nghia trang', 'cay xanh', 'chat thai'] },
  'xay dung he thong chinh tri va hanh chinh cong': { words: ['chinh quyen', 'hanh chinh', 'doan the', 'he thong chinh tri'] },
  'tiep can phap luat va an ninh quoc phong': { words: ['phap luat', 'an ninh', 'quoc phong', 'trat tu', 'hoa giai', 'bao luc gia dinh'] },
};

/** Folded, punctuation as spaces: "Văn hóa, giáo dục, y tế" → "van hoa giao duc y te". */
function words(s: string): string {
  return ` ${foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** "a. Cơ sở hạ tầng:" → its section. */
export function planSection(text: string): PlanSection {
  const name = text.replace(/^\s*[a-zđ]\s*[.)]\s*/iu, '').replace(/[:：]\s*$/, '');
  return { text, key: words(name).trim() };
}

/** The rows of II.4.A of each section, in section order; `other` holds the rows no section takes. */
export function assignSections(sections: readonly PlanSection[], rows: readonly SituationRow[]): { bySection: Map<string, SituationRow[]>; other: SituationRow[] } {
  const bySection = new Map<string, SituationRow[]>(sections.map((s) => [s.key, []]));
  const other: SituationRow[] = [];
  const rule = (s: PlanSection): Rule => RULES[s.key] ?? { words: [s.key] };
  for (const row of rows) {
    const text = words(`${row.sector} ${row.difficulty}`);
    const named = sections.find((s) => (rule(s).words ?? []).some((w) => text.includes(` ${w} `)));
    const byTopic = sections.find((s) => (rule(s).topics ?? []).includes(row.topic));
    // Infrastructure stays with infrastructure (a school building is Hạ tầng, not Giáo dục).
    const chosen = row.topic === 'csht' && byTopic ? byTopic : (named ?? byTopic);
    if (chosen) bySection.get(chosen.key)?.push(row);
    else other.push(row);
  }
  return { bySection, other };
}
