/** A fake PaneClient for the pane's tests: jest.fn()s returning realistic data (Xã Tân Lập, 2027). */
import type { ConsolidateOptions, ConsolidationView, FindingView, FormSummary, RankingView, Settings, ValidationView } from '../../src/app/actions';
import type { ChecklistClient, ChecklistView } from '../../ui/checklist-types';
import type { ConsolidateProgress, HostKind, PaneClient } from '../../ui/client';

export const SETTINGS: Settings = { planYear: 2027, unitName: 'Xã Tân Lập', level: 'xa', period: '2021-2025', upperLevelName: 'Huyện' };

export const FORMS: FormSummary[] = [
  { id: 'I.1', code: 'I.1', title: 'Số liệu cơ bản của thôn', level: 'thon' },
  { id: 'I.2', code: 'I.2', title: 'Thuận lợi, khó khăn, nguyên nhân, giải pháp và đề xuất hoạt động cấp thôn', level: 'thon' },
  { id: 'II.3', code: 'II.3', title: 'Thuận lợi, khó khăn, nguyên nhân, giải pháp và đề xuất hoạt động của ban ngành', level: 'xa' },
  { id: 'II.4.B', code: 'II.4.B', title: 'Tổng hợp đề xuất các hoạt động', level: 'xa' },
  { id: 'III.1', code: 'III.1', title: 'Phiếu thông tin định hướng từ cấp huyện', level: 'huyen' },
  { id: 'IV.1', code: 'IV.1', title: 'Phiếu thông tin định hướng từ cấp tỉnh', level: 'tinh' },
] as FormSummary[];

export const ERROR_FINDING: FindingView = {
  code: 'AMOUNT_SUM_MISMATCH',
  severity: 'error',
  sheet: 'Thôn C - I.2',
  cell: 'G13',
  message: 'Hoạt động "Làm đường": Tổng số (70.000) khác Dân góp + Cần hỗ trợ (60.000) — ô G13, trang "Thôn C - I.2".',
  messageEn: 'Activity "Làm đường": Total (70,000) differs from Dân góp + Cần hỗ trợ (60,000) — cell G13, sheet "Thôn C - I.2".',
};

export const WARNING_FINDING: FindingView = {
  code: 'OUTSIDE_MONEY_WITHOUT_SUPPORT',
  severity: 'warning',
  sheet: 'Thôn A - I.2',
  cell: 'F14',
  message: 'Hoạt động "Nạo vét kênh" thuộc nhóm cần nguồn vốn bên ngoài nhưng không ghi số tiền cần hỗ trợ — ô F14, trang "Thôn A - I.2".',
  messageEn: 'Activity "Nạo vét kênh" needs outside money but has no amount — cell F14, sheet "Thôn A - I.2".',
};

export const VALIDATION: ValidationView = {
  forms: [
    { sheet: 'Thôn A - I.2', formId: 'I.2' },
    { sheet: 'Thôn C - I.2', formId: 'I.2' },
  ],
  unrecognised: ['Ghi chú'],
  findings: [WARNING_FINDING, ERROR_FINDING],
  errors: 1,
  warnings: 1,
};

export const CLEAN_VALIDATION: ValidationView = { forms: [{ sheet: 'Thôn A - I.2', formId: 'I.2' }], unrecognised: [], findings: [], errors: 0, warnings: 0 };

export function consolidation(accepted: readonly string[] = []): ConsolidationView {
  const id = 'k-a1+k-b1';
  return {
    reconciliation: {
      read: { count: 12, amount: 1250000 },
      written: { count: 10, amount: 1100000 },
      returned: { count: 2, amount: 150000 },
      balanced: true,
      vanished: 0,
      manual: 1,
    },
    returned: [
      { activity: 'Làm đường', origin: 'Thôn C', reason: 'Tổng số (70.000) khác Dân góp + Cần hỗ trợ (60.000)', sheet: 'Thôn C - I.2', cell: 'B13' },
      { activity: '(không tên)', origin: 'Hội Phụ nữ xã', reason: 'không ghi tên hoạt động', sheet: 'Hội Phụ nữ xã - II.3' },
    ],
    suggestions: [
      { id, keys: ['k-a1', 'k-b1'], activity: 'Hỗ trợ giống lúa mới', unit: 'kg', quantityText: '100 + 200', place: 'Thôn A, B', total: 9000, accepted: accepted.includes(id) },
      { id: 'k-a2+k-c2', keys: ['k-a2', 'k-c2'], activity: 'Tập huấn kỹ thuật chăn nuôi', unit: 'lớp', quantityText: '1 + 1', place: 'Thôn A, C', total: 20000, accepted: false },
    ],
    checks: [
      { id: 'village-share', label: 'Hoạt động do thôn đề xuất ≥ 75% nguồn lực', passed: true, detail: 'Các hoạt động do thôn đề xuất cần 900 triệu đồng trên tổng 1.100 triệu đồng của xã, chiếm 81,8%; Sổ tay yêu cầu ít nhất 75%.' },
      { id: 'p135', label: 'Vốn Chương trình 135 trong mức III.1', passed: false, detail: 'II.6.A dùng 1.200 triệu đồng, vượt mức 1.000 triệu đồng của III.1.' },
      { id: 'growth', label: 'Tăng không quá 10% so với năm trước', passed: undefined, detail: 'Chưa có III.1 năm trước để so sánh.' },
    ],
    sheets: ['II.4.A', 'II.4.B', 'II.6.A', 'II.6.B', 'II.6.C'],
    keptCopies: ['II.4.B (cũ)'],
    counts: { activities: 10, ii6a: 6, ii6b: 4 },
    findings: [ERROR_FINDING],
  };
}

export const RANKING: RankingView = {
  sheet: 'II.6.B',
  ranks: [
    { activity: 'Bê tông hóa đường trục thôn A', total: 42, rank: 1 },
    { activity: 'Nạo vét kênh mương nội đồng', total: 30, rank: 2 },
    { activity: 'Xây nhà văn hóa thôn C', total: 12, rank: 3 },
  ],
  participants: 14,
  findings: [{ code: 'BALLOT_EMPTY_ROW', severity: 'warning', sheet: 'Phiếu ưu tiên - II.6.B', cell: 'D9', message: 'Phiếu dòng 9 để trống.', messageEn: 'Ballot row 9 is empty.' }],
  validity: {
    valid: false,
    kind: 'commune-conference',
    text: 'Chưa hợp lệ: chưa ghi số người đồng ý. (nữ 28,6% (dưới 30%))',
    textEn: 'Not valid: the number of people who agreed is not given.',
    sheet: 'Phiếu ưu tiên - II.6.B',
    cell: 'F40',
  },
};

export function checklistView(ticked: readonly string[] = []): ChecklistView {
  const has = (id: string) => ticked.includes(id);
  return {
    level: 'xa',
    levelLabel: 'Xã',
    levelLabelEn: 'Commune',
    planYear: 2027,
    mode: 'annual',
    today: '2026-05-10',
    nextStep: 'buoc1',
    summary: '0/7 bước đã xong; Bước 1 còn 4 ngày (hạn 14/05/2026)',
    summaryEn: '0/7 steps done; step 1 due in 4 days (2026-05-14)',
    steps: [
      {
        id: 'buoc1',
        number: 1,
        applicable: true,
        heading: 'Bước 1: Công tác chuẩn bị',
        headingEn: 'Step 1: Preparation',
        start: '2026-04-01',
        end: '2026-05-14',
        when: 'Trước cuối tuần 2 tháng 5',
        whenEn: 'April – week 2 of May',
        overridden: false,
        status: 'due-soon',
        markedDone: has('buoc1'),
        forms: [
          { form: 'II.1', label: 'Biểu II.1', labelEn: 'Form II.1', sheets: ['II.1'], present: true },
          { form: 'II.2', label: 'Biểu II.2', labelEn: 'Form II.2', sheets: [], present: false },
        ],
        manual: [{ id: 'buoc1.2.ban-hanh', label: 'Văn bản chỉ đạo được ký ban hành', labelEn: 'Directive signed and sent', ticked: has('buoc1.2.ban-hanh') }],
        items: [
          {
            id: 'buoc1.2',
            title: 'Ban hành văn bản chỉ đạo về công tác LKH cấp xã hàng năm',
            titleEn: "Issue the commune's annual planning directive",
            start: '2026-04-01',
            end: '2026-04-30',
            when: 'Chậm nhất tuần thứ 4 tháng 4 hàng năm.',
            whenEn: 'By the end of week 4 of April',
            overridden: false,
            status: 'overdue',
            markedDone: false,
            forms: [
              { form: 'II.1', label: 'Biểu II.1', labelEn: 'Form II.1', sheets: ['II.1'], present: true },
              { form: 'II.2', label: 'Biểu II.2', labelEn: 'Form II.2', sheets: [], present: false },
            ],
            manual: [{ id: 'buoc1.2.ban-hanh', label: 'Văn bản chỉ đạo được ký ban hành', labelEn: 'Directive signed and sent', ticked: has('buoc1.2.ban-hanh') }],
          },
        ],
      },
      {
        id: 'buoc2',
        number: 2,
        applicable: true,
        heading: 'Bước 2: Thu thập thông tin',
        headingEn: 'Step 2: Collecting information',
        start: '2026-05-01',
        end: '2026-05-21',
        when: 'Trước cuối tuần 3 tháng 5',
        whenEn: 'By the end of week 3 of May',
        overridden: false,
        status: 'upcoming',
        markedDone: false,
        forms: [{ form: 'I.2', label: 'Biểu I.2 (từ các thôn)', labelEn: 'Form I.2 (from the villages)', sheets: ['Thôn A - I.2', 'Thôn C - I.2'], present: true }],
        manual: [],
        items: [],
      },
    ],
  };
}

export type FakeClient = { [K in keyof PaneClient]: PaneClient[K] extends (...a: infer A) => infer R ? jest.Mock<R, A> : PaneClient[K] } & {
  checklist: jest.Mock<Promise<ChecklistView | undefined>, [string]>;
  setChecklistTick: jest.Mock<Promise<ChecklistView | undefined | void>, [string, boolean]>;
};

export function fakeClient(host: HostKind = 'excel'): FakeClient {
  return {
    host,
    getSettings: jest.fn(async () => SETTINGS),
    saveSettings: jest.fn(async (s: Settings) => s),
    listForms: jest.fn(async () => FORMS),
    insertForm: jest.fn(async (formId: string, unitName?: string) => ({ sheet: unitName ? `${unitName} - ${formId}` : formId })),
    validate: jest.fn(async () => VALIDATION),
    selectCell: jest.fn(async () => undefined),
    consolidate: jest.fn(async (opts?: ConsolidateOptions, _onProgress?: ConsolidateProgress) => consolidation(Array.isArray(opts?.acceptMerges) ? (opts?.acceptMerges as readonly string[]) : [])),
    removeCopies: jest.fn(async () => ({ removed: ['II.4.B (cũ)', 'II.6.A (cũ)'] })),
    writeCatalogue: jest.fn(async () => ({ sheet: 'Danh mục', entries: 8, period: '2026-2030' })),
    createBallot: jest.fn(async (opts: { listSheet: string }) => ({ sheet: `Phiếu ưu tiên - ${opts.listSheet}`.slice(0, 31), items: 3 })),
    rankFromBallot: jest.fn(async () => RANKING),
    listSheets: jest.fn(async () => ['II.1', 'Thôn A - I.2', 'Thôn C - I.2', 'II.4.B', 'II.6.A', 'II.6.B']),
    importFiles: jest.fn(async (files: readonly { name: string }[]) => ({ sheets: files.map((f) => f.name.replace(/\.xlsx$/u, '')) })),
    exportPackage: jest.fn(async () => ({ fileName: 'Xã Tân Lập - KH 2027 - gửi Huyện.xlsx' })),
    checklist: jest.fn(async () => checklistView()),
    setChecklistTick: jest.fn(async (id: string) => checklistView([id])),
  } as unknown as FakeClient;
}

/** Jest's default matchers see a readonly tuple; this keeps the test lines short. */
export const paneClient = (c: FakeClient): PaneClient & Partial<ChecklistClient> => c as unknown as PaneClient & Partial<ChecklistClient>;
