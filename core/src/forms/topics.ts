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

/** Section rows as printed: "1. Cơ sở hạ tầng". */
export function topicHeading(t: Topic): string {
  return `${TOPICS.indexOf(t) + 1}. ${TOPIC_LABELS[t]}`;
}
