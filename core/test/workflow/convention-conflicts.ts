/**
 * Labels of the older corpora that the labelling conventions (C1-C19, issue 21's sixth round) contradict.
 * The corpora keep their labels as written; their tests score these names by the convention instead,
 * each named here with the convention that decides it, so that no label changes silently.
 */
import type { Topic } from '../../src/forms/topics';

export interface ConventionLabel {
  readonly topic: Topic;
  readonly sector: string;
  /** The convention that decides, and the label it replaces. */
  readonly why: string;
}

const MARKET = 'Tổ chức sản xuất, liên kết thị trường';

export const CONVENTION_LABELS: ReadonlyMap<string, ConventionLabel> = new Map<string, ConventionLabel>([
  // C2, C5: a market is market links whatever is built (the handbook corpus filed works on a market under CSHT, NTM criterion 7).
  ['Xây dựng chợ nông thôn', { topic: 'kinh-te', sector: MARKET, why: 'C2: a market is Tổ chức sản xuất, liên kết thị trường (was csht)' }],
  ['Nâng cấp chợ trung tâm xã', { topic: 'kinh-te', sector: MARKET, why: 'C2: a market is Tổ chức sản xuất, liên kết thị trường (was csht)' }],
  // C7, C8, C9: a mass organisation cleaning or tending trees and flower verges is filed by the work, the environment (the third corpus filed them under Hoạt động đoàn thể).
  ['Hội viên phụ nữ chăm sóc đoạn đường hoa', { topic: 'vh-xh-mt', sector: 'Môi trường', why: 'C7, C9: flower verges are Môi trường whoever tends them (was Hoạt động đoàn thể)' }],
  ['Ra quân chiến dịch TNTN hè, chăm sóc 100 cây xanh', { topic: 'vh-xh-mt', sector: 'Môi trường', why: 'C7, C9: shade trees are Môi trường whoever tends them (was Hoạt động đoàn thể)' }],
  ['Đoàn viên thanh niên Ngày thứ bảy tình nguyện dọn vệ sinh trường tiểu học', { topic: 'vh-xh-mt', sector: 'Môi trường', why: 'C7, C8: cleaning is Môi trường whoever does it, even at a school (was Hoạt động đoàn thể)' }],
  ['Phát quang, dọn cỏ hai bên đường thôn', { topic: 'vh-xh-mt', sector: 'Môi trường', why: 'C8: clearing along a road is Môi trường (the demo filed it under csht)' }],
  // C5: all credit is market links, whatever the loan raises; so is the large field (the handbook corpus and the unseen corpus filed the loan by its animals, the development corpus the large field under crops).
  ['Vận động nhân dân trong thôn vay vốn phát triển chăn nuôi lợn, trâu bò', { topic: 'kinh-te', sector: MARKET, why: 'C5: all credit is Tổ chức sản xuất, liên kết thị trường (was Chăn nuôi)' }],
  ['Xây dựng cánh đồng mẫu lớn sản xuất lúa chất lượng cao', { topic: 'kinh-te', sector: MARKET, why: 'C5: cánh đồng lớn is Tổ chức sản xuất, liên kết thị trường (was Trồng trọt)' }],
  ['Xây dựng cánh đồng lớn', { topic: 'kinh-te', sector: MARKET, why: 'C5: cánh đồng lớn is Tổ chức sản xuất, liên kết thị trường (was Trồng trọt)' }],
  ['Xây dựng mô hình cánh đồng lớn sản xuất lúa hàng hóa', { topic: 'kinh-te', sector: MARKET, why: 'C5: cánh đồng lớn is Tổ chức sản xuất, liên kết thị trường (was Trồng trọt)' }],
  // C1: water-supply works are Nước sạch wherever they are, even at a school (the older corpora filed a school's water tank under Trường học).
  ...['Xây bể chứa nước cho điểm trường mầm non bản Co Muông', 'Hỗ trợ xi măng làm bể nước cho điểm trường', 'Xây bể chứa nước tập trung cho điểm trường bản Tà Xùa', 'Xây bể chứa nước cho điểm trường lẻ bản Sáng'].map(
    (name) => [name, { topic: 'csht', sector: 'Nước sạch', why: 'C1: a water tank is Nước sạch even at a school (was Trường học)' }] as const,
  ),
  // C9: medicinal and other crops are Trồng trọt even under a forest's canopy (the older corpora filed them under Lâm nghiệp); farm machinery for the household is crop growing (a service sold says so).
  ...['Trồng sa nhân, dược liệu dưới tán rừng', 'Hỗ trợ giống sâm Ngọc Linh, phân bón cho hộ trồng dưới tán rừng', 'Tập huấn kỹ thuật trồng sa nhân, thảo quả dưới tán rừng'].map(
    (name) => [name, { topic: 'kinh-te', sector: 'Trồng trọt', why: 'C9: crops under forest are Trồng trọt (was Lâm nghiệp)' }] as const,
  ),
  ['Mô hình máy làm đất về nông thôn, nương rẫy', { topic: 'kinh-te', sector: 'Trồng trọt', why: 'C9, C18: farm machinery not sold as a service is Trồng trọt (was Ngành nghề và dịch vụ nông thôn)' }],
  // Class N (the lead's class list): livestock pens moved away from the house are Chăn nuôi (the older corpora filed them under Môi trường as the living area's hygiene).
  ...['Di dời chuồng trại chăn nuôi ra xa nhà ở', 'Di dời chuồng trại gia súc ra xa nhà ở'].map(
    (name) => [name, { topic: 'kinh-te', sector: 'Chăn nuôi', why: 'class N: pens moved away from the house are Chăn nuôi (was Môi trường)' }] as const,
  ),
]);

/** The label a corpus's name is scored by: the convention's where it contradicts the corpus, else the corpus's. */
export function conventionLabel<T extends { readonly topic: Topic; readonly sector?: string }>(name: string, label: T): T {
  const c = CONVENTION_LABELS.get(name);
  return c ? { ...label, topic: c.topic, ...(label.sector !== undefined ? { sector: c.sector } : {}) } : label;
}
