/**
 * The three topics a commune consolidates by (L3680; the conference's three groups, L691):
 * Cơ sở hạ tầng; Kinh tế và tổ chức sản xuất; Văn hóa - Xã hội - Môi trường. Consolidated
 * sheets print them as section rows; the reader knows them so it never takes one for an activity.
 */
export type Topic = 'csht' | 'kinh-te' | 'vh-xh-mt';

export const TOPICS: readonly Topic[] = ['csht', 'kinh-te', 'vh-xh-mt'];

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  csht: 'Cơ sở hạ tầng',
  'kinh-te': 'Kinh tế và tổ chức sản xuất',
  'vh-xh-mt': 'Văn hóa - Xã hội - Môi trường',
};

/**
 * The sectors (Ngành/Lĩnh vực) a commune usually writes, by topic, as the handbook lists them
 * under its three topics (L547: giao thông, thủy lợi, nước sạch, điện, trường học, cơ sở vật chất
 * văn hóa - thông tin; sản xuất, ngành nghề, dịch vụ, đào tạo nghề, việc làm; giáo dục, y tế, văn
 * hóa, môi trường, chính quyền, đoàn thể, an ninh trật tự) and its smaller topics (Trồng trọt,
 * Chăn nuôi, Lâm nghiệp, Tiểu thủ công nghiệp). Offered as a drop-down that accepts other text.
 */
export const SECTORS: readonly { readonly name: string; readonly topic: Topic }[] = [
  { name: 'Giao thông', topic: 'csht' },
  { name: 'Thủy lợi', topic: 'csht' },
  { name: 'Nước sạch', topic: 'csht' },
  { name: 'Điện', topic: 'csht' },
  { name: 'Trường học', topic: 'csht' },
  { name: 'Cơ sở vật chất văn hóa - thông tin', topic: 'csht' },
  { name: 'Trồng trọt', topic: 'kinh-te' },
  { name: 'Chăn nuôi', topic: 'kinh-te' },
  { name: 'Lâm nghiệp', topic: 'kinh-te' },
  { name: 'Thủy sản', topic: 'kinh-te' },
  { name: 'Tiểu thủ công nghiệp', topic: 'kinh-te' },
  { name: 'Ngành nghề và dịch vụ nông thôn', topic: 'kinh-te' },
  { name: 'Đào tạo nghề - Việc làm', topic: 'kinh-te' },
  { name: 'Tổ chức sản xuất, liên kết thị trường', topic: 'kinh-te' },
  { name: 'Giáo dục', topic: 'vh-xh-mt' },
  { name: 'Y tế', topic: 'vh-xh-mt' },
  { name: 'Văn hóa', topic: 'vh-xh-mt' },
  { name: 'Môi trường', topic: 'vh-xh-mt' },
  { name: 'Xã hội - Bình đẳng giới', topic: 'vh-xh-mt' },
  { name: 'Tổ chức chính quyền', topic: 'vh-xh-mt' },
  { name: 'Hoạt động đoàn thể', topic: 'vh-xh-mt' },
  { name: 'An ninh trật tự', topic: 'vh-xh-mt' },
];

/** Section rows as printed: "1. Cơ sở hạ tầng". */
export function topicHeading(t: Topic): string {
  return `${TOPICS.indexOf(t) + 1}. ${TOPIC_LABELS[t]}`;
}
