/**
 * II.10 (L3227), the commune's answer to each village, drafted from what became of the village's
 * proposals in the consolidated plan: one section per village, in one document. Under A ("tiếp
 * thu và đưa vào Kế hoạch") every activity of II.6.A and II.6.B the village proposed — alone or
 * merged with other villages' — with where it went (the frame with known funding and its source,
 * or the proposals awaiting funding and their rank), beside the difficulty of II.4.A it answers;
 * under B ("chưa tiếp thu") every activity returned to the village, with the consolidation's
 * reason. What the commune concluded after the community's comments (step 6, L742-L752) is its
 * own to add; the letter's number and date are blanks.
 *
 * A village is found in the plan by the names the consolidation writes: "(Thôn Nà Lìu)" after an
 * activity, "Thôn Bản Chang, Cốc Phấy" in the place of a merged one, or the place itself.
 */
import { getForm } from '../forms/registry';
import type { TextBlock } from '../forms/types';
import { foldKey } from '../text';
import { matchDifficulty } from '../workflow/upper-level';
import type { DocBlock, DocRow, DocumentModel, TableBlock } from './model';
import { BLANK, blank, heading, para, run } from './model';
import { placeName, shortSource } from './plan-document';
import type { ActivityRow, PlanData } from './read';

/** "Thôn", "Bản", "Xóm"…: what village names begin with. */
const VILLAGE_WORD = /^(Thôn|Bản|Xóm|Ấp|Buôn|Làng|Plei|Tổ dân phố|Khu phố|Tổ)\s+/u;

/** "Thôn Bản Chang, Cốc Phấy" → ["Thôn Bản Chang", "Thôn Cốc Phấy"]; anything else → []. */
export function villageList(text: string | undefined): string[] {
  const t = (text ?? '').trim();
  const m = VILLAGE_WORD.exec(t);
  if (!m) return [];
  return t
    .slice(m[0].length)
    .split(/\s*,\s*/)
    // "Thôn A, Thôn B" as well as "Thôn A, B"; only the list's own word is dropped ("Thôn Bản Chang" keeps "Bản").
    .map((n) => (n.startsWith(`${m[1]} `) ? n.slice(m[1].length + 1) : n).trim())
    .filter((n) => n !== '')
    .map((n) => `${m[1]} ${n}`);
}

/** The villages an activity of the plan belongs to: its place, else the "(Thôn …)" after its name. */
export function villagesOf(a: Pick<ActivityRow, 'activity' | 'place'>): string[] {
  const fromPlace = villageList(a.place);
  if (fromPlace.length > 0) return fromPlace;
  const tag = /\(([^()]+)\)\s*$/u.exec(a.activity)?.[1];
  return villageList(tag);
}

const same = (a: string, b: string) => foldKey(a) === foldKey(b);

interface Answer {
  readonly village: string;
  readonly accepted: readonly { readonly difficulty: string; readonly answer: string }[];
  readonly returned: readonly { readonly activity: string; readonly reason: string }[];
}

function destination(a: ActivityRow, form: 'II.6.A' | 'II.6.B', village: string, period: PlanData['period']): string {
  const others = villagesOf(a).filter((v) => !same(v, village));
  const merged = others.length > 0 ? ` Gộp với đề xuất của ${others.join(', ')}.` : '';
  if (form === 'II.6.A') {
    const outside = a.group !== 'no-outside-money' && a.group !== undefined;
    return `${outside ? `Đưa vào Khung kế hoạch các hoạt động đã rõ nguồn vốn (Biểu II.6.A)${a.fundSource ? `, nguồn vốn: ${shortSource(a.fundSource, period)}` : ''}` : 'Đưa vào Khung kế hoạch (Biểu II.6.A), nhóm hoạt động không cần nguồn vốn bên ngoài: thôn tự thực hiện'}.${merged}`;
  }
  return `Đưa vào Khung đề xuất các hoạt động chưa rõ nguồn vốn (Biểu II.6.B)${a.priority !== undefined ? `, xếp ưu tiên ${a.priority}` : ''}; xã tiếp tục tìm nguồn vốn.${merged}`;
}

/** What became of each village's proposals. Villages: those the plan and the report name, in order of first mention. */
export function villageAnswers(plan: PlanData): Answer[] {
  const villages: string[] = [];
  const add = (v: string) => {
    if (!villages.some((x) => same(x, v))) villages.push(v);
  };
  for (const a of [...plan.ii6a, ...plan.ii6b]) villagesOf(a).forEach(add);
  for (const r of plan.returned ?? []) if (VILLAGE_WORD.test(r.origin)) add(r.origin);
  const situations = plan.situations.map((s) => ({ difficulty: s.difficulty, solutions: s.solutions, sector: s.sector }));
  return villages.map((village) => {
    const accepted: { difficulty: string; answer: string }[] = [];
    for (const [form, rows] of [['II.6.A', plan.ii6a], ['II.6.B', plan.ii6b]] as const) {
      for (const a of rows) {
        if (!villagesOf(a).some((v) => same(v, village))) continue;
        accepted.push({ difficulty: matchDifficulty(a.activity, situations) ?? '', answer: `${a.activity}. ${destination(a, form, village, plan.period)}` });
      }
    }
    const returned = (plan.returned ?? []).filter((r) => same(r.origin, village)).map((r) => ({ activity: r.activity, reason: r.reason }));
    return { village, accepted, returned };
  });
}

function table(columns: TableBlock['columns'], rows: DocRow[]): TableBlock {
  return { kind: 'table', columns, rows };
}

/** II.10 with a section per village, each on its own pages. */
export function feedbackDocument(plan: PlanData): DocumentModel {
  const form = getForm('II.10');
  const y = plan.planYear;
  const place = placeName(plan.communeName);
  const commune = place ?? '………';
  const texts = form.blocks.filter((b): b is TextBlock => b.kind === 'text');
  const headingA = texts.find((t) => t.text.startsWith('A.'))?.text ?? 'A.';
  const headingB = texts.find((t) => t.text.startsWith('B.'))?.text ?? 'B.';
  const intro = texts.find((t) => t.text.startsWith('Sau khi xem xét'))?.text ?? '';
  const closing = texts.find((t) => t.text.startsWith('Đề nghị Trưởng'))?.text ?? '';
  const withYear = (t: string) => (y !== undefined ? t.replace(/năm X\+1/gu, `năm ${y}`) : t);
  const blocks: DocBlock[] = [];
  const answers = villageAnswers(plan);
  answers.forEach((ans, i) => {
    // Each letter is a document of its own: its pages numbered from 1 (the second letter does not start at "3").
    if (i > 0) blocks.push({ kind: 'page-break', restart: true });
    blocks.push(
      {
        kind: 'letterhead',
        issuer: ['ỦY BAN NHÂN DÂN', place ? `XÃ ${place.toLocaleUpperCase('vi')}` : 'XÃ …………………'],
        number: 'Số: ……/UBND',
        subject: ['V/v Phản hồi ý kiến cộng đồng', withYear('về kế hoạch xã năm X+1')],
        motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
        placeDate: [run(`${place ?? '…………'}, ngày `), ...blank(), run(' tháng '), ...blank(), run(` năm ${y !== undefined ? y - 1 : '……'}`)],
      },
      { kind: 'title', lines: [`PHẢN HỒI KẾ HOẠCH XÃ ${commune.toLocaleUpperCase('vi')}`] },
      para([run('Kính gửi: ', { bold: true }), run(`Trưởng ${ans.village.charAt(0).toLocaleLowerCase('vi')}${ans.village.slice(1)} và nhân dân trong thôn.`)], 'center'),
      para(withYear(intro.replace(/Kế hoạch xã…….năm/u, `Kế hoạch xã ${commune} năm`))),
      heading(3, withYear(headingA)),
      table(
        [
          { key: 'stt', header: 'TT', width: 8, align: 'center' },
          { key: 'difficulty', header: 'Khó khăn', width: 40 },
          { key: 'activity', header: 'Giải pháp/Hoạt động', width: 62 },
        ],
        ans.accepted.length > 0
          ? ans.accepted.map((x, n) => ({ kind: 'data', cells: { stt: String(n + 1), difficulty: x.difficulty, activity: x.answer } }))
          : [{ kind: 'data', cells: { stt: '', difficulty: '', activity: 'Không có đề xuất nào của thôn trong Biểu II.6.A, II.6.B.' } }],
      ),
      heading(3, headingB),
      table(
        [
          { key: 'stt', header: 'TT', width: 8, align: 'center' },
          { key: 'difficulty', header: 'Khó khăn', width: 22 },
          { key: 'activity', header: 'Giải pháp/Hoạt động', width: 26 },
          { key: 'conclusion', header: 'Kết luận của UBND cấp xã', width: 24 },
          { key: 'reason', header: 'Lý do UBND cấp xã bảo lưu', width: 30 },
        ],
        [
          ...ans.returned.map((x, n): DocRow => ({ kind: 'data', cells: { stt: String(n + 1), difficulty: '', activity: x.activity, conclusion: 'Chưa đưa vào kế hoạch; trả lại thôn để làm rõ', reason: x.reason } })),
          // What the commune decided on the community's comments (step 6) is its own to add.
          { kind: 'data', cells: { stt: String(ans.returned.length + 1), difficulty: BLANK, activity: BLANK, conclusion: BLANK, reason: BLANK } },
        ],
      ),
      para([run('[Xã ghi thêm ở mục B các ý kiến của cộng đồng chưa tiếp thu sau khi phản hồi (bước 6), và sửa mục A theo kết quả cuối cùng của kế hoạch.]', { italic: true, role: 'note' })]),
      para(closing),
      { kind: 'signature', recipients: ['- Như trên;', '- Đảng uỷ xã;', '- CT, PCT UBND cấp xã;', '- Các thành viên Tổ công tác;', '- Lưu: VP; VT.'], authority: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: blank('họ và tên Chủ tịch UBND xã') },
    );
  });
  if (answers.length === 0) blocks.push(para(blank('kế hoạch chưa có hoạt động nào của thôn (Biểu II.6.A, II.6.B) và báo cáo tổng hợp không trả lại hoạt động nào')));
  return { id: 'II.10', title: `Phản hồi kế hoạch xã ${commune}${y !== undefined ? ` năm ${y}` : ''}`, fileName: 'II.10', blocks };
}
