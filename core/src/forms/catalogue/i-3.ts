import type { Block, FieldsBlock, FormDefinition, LetterheadBlock, SignatureBlock, TextBlock } from '../types';

/** The village minutes' header (I.3, I.4): commune and village beside the Quốc hiệu. */
export const VILLAGE_MINUTES_LETTERHEAD: LetterheadBlock = {
  kind: 'letterhead',
  left: ['UBND CẤP XÃ ............................', 'Thôn .........................'],
  right: ['CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
};

/** The place-and-date line under the header of the village minutes. */
export const VILLAGE_MINUTES_DATE: TextBlock = {
  kind: 'text',
  style: 'italic',
  text: '...................., ngày .........tháng .......năm .........',
  align: 'right',
};

/** "(4.) Thời gian: Từ ….giờ đến …..giờ, ngày ….tháng ….năm ……..". */
export const VILLAGE_MINUTES_TIME: FieldsBlock = {
  kind: 'fields',
  fields: [
    { label: '(4.) Thời gian: Từ', value: 'blank' },
    { label: 'giờ đến', value: 'blank' },
    { label: 'giờ, ngày', value: 'blank' },
    { label: 'tháng', value: 'blank' },
    { label: 'năm', value: 'blank' },
  ],
};

/** The closing of the village minutes: time of adoption, then the two signatures. */
export const VILLAGE_MINUTES_CLOSING: readonly Block[] = [
  {
    kind: 'fields',
    fields: [
      { label: 'Biên bản được thông qua vào hồi', value: 'blank' },
      { label: 'giờ', value: 'blank' },
    ],
  },
  {
    kind: 'signatures',
    signers: [{ title: 'Thư ký' }, { title: 'Trưởng thôn' }],
  } satisfies SignatureBlock,
];

/** Mẫu biểu I.3 (L1527): minutes of the village meeting, with attendance and the number of women. */
export const FORM_I_3: FormDefinition = {
  id: 'I.3',
  code: 'Mẫu biểu I.3',
  title: 'Biên bản họp thôn',
  shortTitle: 'Biên bản họp thôn',
  level: 'thon',
  unitKind: 'thon',
  source: { line: 1527 },
  orientation: 'portrait',
  blocks: [
    { kind: 'text', style: 'title', text: 'Mẫu biểu I.3: Biên bản họp thôn' },
    VILLAGE_MINUTES_LETTERHEAD,
    VILLAGE_MINUTES_DATE,
    { kind: 'text', style: 'title', text: 'BIÊN BẢN HỌP THÔN', align: 'center' },
    { kind: 'text', style: 'heading', text: '(1.) Nội dung:' },
    { kind: 'lines', count: 2 },
    { kind: 'text', style: 'heading', text: '(2.) Thành phần tham gia:' },
    { kind: 'fields', fields: [{ label: '(2.1) Người chủ trì:', value: 'blank' }] },
    { kind: 'fields', fields: [{ label: '(2.2) Thư ký:', value: 'blank' }] },
    {
      kind: 'fields',
      fields: [
        { label: '(2.3) Người dân tham gia họp:', value: 'blank' },
        { label: 'người, trong đó nữ', value: 'blank' },
      ],
    },
    { kind: 'fields', fields: [{ label: '(3.) Địa điểm:', value: 'blank' }] },
    VILLAGE_MINUTES_TIME,
    { kind: 'text', style: 'heading', text: '(5.) Tiến trình cuộc họp:' },
    { kind: 'fields', fields: [{ label: 'Giới thiệu mục đích cuộc họp thôn:', value: 'blank' }] },
    { kind: 'fields', fields: [{ label: 'Giới thiệu Tổ xây dựng kế hoạch:', value: 'blank' }] },
    {
      kind: 'fields',
      fields: [
        {
          label: 'Trình bày văn bản chỉ đạo, hướng dẫn xây dựng kế hoạch thực hiện CTMTQG gắn với LKH PT KT-XH:',
          value: 'blank',
        },
      ],
    },
    { kind: 'fields', fields: [{ label: 'Thống nhất về số liệu cơ bản của thôn:', value: 'blank' }] },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Trình bày khái quát về tình hình kinh tế- xã hội trong năm qua và định hướng phát triển của thôn trong năm tới:',
    },
    { kind: 'lines', count: 2 },
    { kind: 'text', style: 'paragraph', text: 'Thảo luận về các khó khăn cần giải quyết trong năm tới:' },
    { kind: 'lines', count: 3 },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Thảo luận về các tiềm năng, điểm mạnh, sáng kiến của người dân cần phát huy nhằm thực hiện giảm nghèo bền vững và phát triển cộng đồng trong năm tới:',
    },
    { kind: 'lines', count: 3 },
    {
      kind: 'text',
      style: 'paragraph',
      text: 'Thống nhất đề ra giải pháp, kế hoạch hoạt động ưu tiên, thời gian, nguồn lực, trách nhiệm tổ chức và tham gia thực hiện của các bên cùng những chi tiết khác trong các tài liệu đính kèm (gồm Mẫu biểu I.1 về số liệu cơ bản của thôn và các Mẫu biểu I.2 về thuận lợi, khó khăn, nguyên nhân, giải pháp và hoạt động).',
    },
    { kind: 'text', style: 'heading', text: '(6.) Kết luận chung:' },
    { kind: 'lines', count: 4 },
    ...VILLAGE_MINUTES_CLOSING,
  ],
};
