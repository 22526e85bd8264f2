/**
 * The handbook's own filled example (Bảng 2, L3522), typed by hand as an I.2 the way a village
 * would (amounts as text "6.000", multi-line cells, merged difficulty cells), reads back exactly.
 * Expected values are copied from the handbook text, not from the fixture's generator.
 */
import { readCorpus } from './load';

const EXPECTED_ACTIVITIES = [
  { activity: 'Nạo vét mương thủy lợi tại Khu giữa', group: 'no-outside-money', unit: 'm', quantity: 2000, time: 'Q.II/ 2017', place: 'Khu giữa', responsible: 'Trưởng thôn', total: 6000, contribution: 6000, support: 0, note: 'Dân góp công, tự làm' },
  { activity: 'Tổ chức họp bàn về chế độ khai thác và chia sẻ nguồn nước giữa 2 xã', group: 'no-outside-money', unit: 'Buổi', quantity: 1, time: 'T.2/2017', place: 'Xã D', responsible: 'Lãnh đạo xã', total: 0, contribution: 0, support: 0, note: 'Không sử dụng kinh phí' },
  { activity: 'Sửa chữa đập tạm tại Khu giữa', group: 'outside-money', unit: 'm', quantity: 15, time: 'Q.II/ 2017', place: 'Khu giữa', responsible: 'Lãnh đạo xã\nTrưởng thôn\nCB thủy lợi', total: 15000, contribution: 2000, support: 13000, note: 'CT Nông thôn mới\nDân góp công và tự thi công, xã hỗ trợ kỹ thuật' },
  { activity: 'Hỗ trợ giống lúa mới có năng suất cao, chịu hạn, chịu sâu bệnh tốt', group: 'outside-money', unit: 'kg', quantity: 560, time: 'Q.II/ 2017', place: 'Tại thôn', responsible: 'KNV xã\nTrưởng thôn', total: 10000, contribution: 5000, support: 5000, note: 'Nhà nước trợ giá 50% giá giống lúa mới' },
  { activity: 'Mở lớp tập huấn kỹ thuật trồng lúa giống mới', group: 'outside-money', unit: 'lớp', quantity: 1, time: 'Q.I/2017', place: 'Tại thôn', responsible: 'KNV xã\nTrưởng thôn', total: 2000, contribution: 0, support: 2000, note: 'CT Giảm nghèo\nTrạm KN hỗ trợ g/viên' },
];

describe('Bảng 2 typed as a village I.2', () => {
  it('is recognised as I.2 with its fields', async () => {
    const r = await readCorpus('bang2-i2.xlsx');
    expect(r.readings).toHaveLength(1);
    const [i2] = r.readings;
    expect(i2.formId).toBe('I.2');
    expect(i2.sheet).toBe('Trồng trọt');
    expect(i2.unitName).toBe('Thôn A');
    expect(i2.planYear).toBe(2017);
    expect(i2.sector).toBe('Nông nghiệp (Trồng trọt & Thủy lợi)');
  });

  it('reads strengths, difficulties with their causes and solutions', async () => {
    const [i2] = (await readCorpus('bang2-i2.xlsx')).readings;
    expect(i2.strengths.map((s) => s.text)).toEqual([
      'Công tác tuyên truyền, phổ biến kiến thức về giải pháp canh tác trên đất dốc được tổ chức tốt, người dân đánh giá cao',
      'Người dân tích cực hưởng ứng các biện pháp kiểm soát dịch bệnh trên cây ngô vụ Đông',
    ]);
    expect(i2.difficulties.map((d) => ({ difficulty: d.difficulty, causes: d.causes, solutions: d.solutions }))).toEqual([
      {
        difficulty: 'Người dân trong thôn sử dụng giống lúa tạp, năng suất thấp',
        causes: ['Người dân thiếu kiến thức kỹ thuật, chưa được hướng dẫn về canh tác giống lúa mới'],
        solutions: ['Tổ chức tập huấn kỹ thuật canh tác giống mới', 'Khuyến nông xã hỗ trợ xây dựng mô hình chuyên canh 1 giống lúa năng suất cao trên một cánh đồng'],
      },
      {
        difficulty: 'Thiếu phân bón và nước tưới phục vụ canh tác tại Khu giữa',
        causes: [
          'Phân chuồng từ sản xuất chăn nuôi chưa đủ đáp ứng nhu cầu trồng trọt',
          'Không vay được vốn ngân hàng để đầu tư mua phân bón hóa học, vi sinh',
          'Mương thủy lợi thô sơ, xuống cấp',
          'Xã D trên đầu nguồn làm đập ngăn nước nên mùa khô không còn nước tưới cho hạ lưu',
        ],
        solutions: [
          'Vận động nhân dân trong thôn vay vốn phát triển chăn nuôi lợn, trâu bò và thực hiện các biện pháp tạo nguồn phân chuồng',
          'Đề nghị cấp trên đảm bảo tín chấp, hỗ trợ người dân vay vốn của các ngân hàng tại xã và huyện',
          'Vận động nhân dân tham gia tu sửa mương tại Khu giữa',
          'Lãnh đạo xã bàn bạc với xã D để chia sẻ nguồn nước sử dụng trong mùa khô, tránh mất nước tưới cho các cánh đồng trong xã.',
        ],
      },
    ]);
  });

  it('reads every activity exactly, with its group and source cells', async () => {
    const [i2] = (await readCorpus('bang2-i2.xlsx')).readings;
    expect(i2.activities.map(({ source: _s, unreadable: _u, ...rest }) => rest)).toEqual(EXPECTED_ACTIVITIES);
    expect(i2.activities.every((a) => !a.unreadable)).toBe(true);
    const dam = i2.activities[2];
    expect(dam.source).toMatchObject({ file: 'bang2-i2.xlsx', sheet: 'Trồng trọt' });
    expect(dam.source.cells.activity).toBe(`A${dam.source.row + 1}`);
    expect(dam.source.cells.support).toBe(`I${dam.source.row + 1}`);
  });

  it('has no findings: the handbook example follows its own rules', async () => {
    const r = await readCorpus('bang2-i2.xlsx');
    expect(r.findings).toEqual([]);
  });
});
