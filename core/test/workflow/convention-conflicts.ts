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
]);

/** The label a corpus's name is scored by: the convention's where it contradicts the corpus, else the corpus's. */
export function conventionLabel<T extends { readonly topic: Topic; readonly sector?: string }>(name: string, label: T): T {
  const c = CONVENTION_LABELS.get(name);
  return c ? { ...label, topic: c.topic, ...(label.sector !== undefined ? { sector: c.sector } : {}) } : label;
}
