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
 * The sectors (Ngành/Lĩnh vực) a commune usually writes, one canonical name each, by topic, as the
 * handbook lists them under its three topics (L547: giao thông, thủy lợi, nước sạch, điện, trường
 * học, cơ sở vật chất văn hóa - thông tin; sản xuất, ngành nghề, dịch vụ, đào tạo nghề, việc làm,
 * tổ chức sản xuất, liên kết thị trường; giáo dục, y tế, văn hóa, môi trường, chính quyền, đoàn
 * thể, an ninh trật tự) and its smaller topics (Trồng trọt, Chăn nuôi, Lâm nghiệp, Tiểu thủ công
 * nghiệp). Offered as a drop-down that accepts other text. `aliases` are other ways communes
 * write the same sector (folded: no diacritics, lower case, punctuation as spaces), read as it.
 */
export const SECTORS: readonly { readonly name: string; readonly topic: Topic; readonly aliases: readonly string[] }[] = [
  { name: 'Giao thông', topic: 'csht', aliases: ['giao thong nong thon', 'gtnt', 'duong giao thong', 'giao thong van tai', 'cau duong'] },
  { name: 'Thủy lợi', topic: 'csht', aliases: ['thuy loi noi dong', 'thuy loi nho'] },
  { name: 'Nước sạch', topic: 'csht', aliases: ['nuoc sinh hoat', 'cap nuoc', 'nuoc sach nong thon', 'nuoc sach va ve sinh moi truong'] },
  { name: 'Điện', topic: 'csht', aliases: ['dien luc', 'luoi dien', 'dien sinh hoat', 'dien nong thon', 'dien chieu sang'] },
  { name: 'Trường học', topic: 'csht', aliases: ['co so vat chat truong hoc', 'co so vat chat giao duc'] },
  {
    name: 'Cơ sở vật chất văn hóa - thông tin',
    topic: 'csht',
    aliases: ['co so vat chat van hoa', 'co so vat chat van hoa thong tin the thao', 'thiet che van hoa', 'thong tin va truyen thong', 'thong tin truyen thong', 'buu chinh vien thong', 'vien thong', 'truyen thanh'],
  },
  { name: 'Trồng trọt', topic: 'kinh-te', aliases: ['nong nghiep trong trot', 'trong trot bao ve thuc vat', 'khuyen nong', 'bao ve thuc vat'] },
  { name: 'Chăn nuôi', topic: 'kinh-te', aliases: ['chan nuoi thu y', 'thu y'] },
  { name: 'Lâm nghiệp', topic: 'kinh-te', aliases: ['lam nghiep rung', 'bao ve rung', 'phat trien rung'] },
  { name: 'Thủy sản', topic: 'kinh-te', aliases: ['nuoi trong thuy san', 'ngu nghiep'] },
  { name: 'Tiểu thủ công nghiệp', topic: 'kinh-te', aliases: ['ttcn', 'cong nghiep tieu thu cong nghiep', 'thu cong my nghe', 'lang nghe'] },
  { name: 'Ngành nghề và dịch vụ nông thôn', topic: 'kinh-te', aliases: ['nganh nghe dich vu', 'nganh nghe nong thon', 'dich vu nong thon', 'dich vu', 'du lich', 'nganh nghe'] },
  { name: 'Đào tạo nghề - Việc làm', topic: 'kinh-te', aliases: ['lao dong viec lam', 'dao tao nghe', 'viec lam', 'lao dong', 'day nghe'] },
  {
    name: 'Tổ chức sản xuất, liên kết thị trường',
    topic: 'kinh-te',
    aliases: ['kinh te hop tac', 'hop tac xa', 'to chuc san xuat', 'lien ket thi truong', 'lien ket san xuat', 'hop tac nong dan', 'thuong mai', 'thuong mai dich vu', 'tin dung', 'ocop'],
  },
  { name: 'Giáo dục', topic: 'vh-xh-mt', aliases: ['giao duc dao tao', 'khuyen hoc'] },
  { name: 'Y tế', topic: 'vh-xh-mt', aliases: ['y te dan so', 'dan so', 'suc khoe', 'y te cham soc suc khoe'] },
  { name: 'Văn hóa', topic: 'vh-xh-mt', aliases: ['van hoa the thao', 'van hoa thong tin', 'van hoa the thao du lich', 'the thao', 'the duc the thao'] },
  { name: 'Môi trường', topic: 'vh-xh-mt', aliases: ['ve sinh moi truong', 'tai nguyen moi truong', 'tai nguyen va moi truong'] },
  { name: 'Xã hội - Bình đẳng giới', topic: 'vh-xh-mt', aliases: ['xa hoi', 'binh dang gioi', 'an sinh xa hoi', 'bao tro xa hoi', 'chinh sach xa hoi', 'lao dong thuong binh xa hoi', 'gioi', 'nha o'] },
  { name: 'Tổ chức chính quyền', topic: 'vh-xh-mt', aliases: ['chinh quyen', 'xay dung chinh quyen', 'quan ly nha nuoc', 'hanh chinh', 'cai cach hanh chinh', 'chuyen doi so', 'tu phap'] },
  { name: 'Hoạt động đoàn thể', topic: 'vh-xh-mt', aliases: ['doan the', 'mat tran', 'cac doan the', 'mat tran doan the'] },
  { name: 'An ninh trật tự', topic: 'vh-xh-mt', aliases: ['an ninh', 'quoc phong', 'an ninh quoc phong', 'quoc phong an ninh', 'trat tu an toan xa hoi', 'an ninh trat tu an toan xa hoi'] },
];

/**
 * Broad groups a sheet may be labelled with, and the sectors they hold: "Nông nghiệp" (or
 * "Nông nghiệp (Trồng trọt & Thủy lợi)") holds crops, livestock, forests, fish, irrigation, the
 * farmers' cooperation and the rural trades;
 * "Giáo dục" holds the school buildings, "Văn hóa" the cultural and information buildings.
 * A group's own name is canonical too ("Nông nghiệp"), so the roll-up groups its spellings.
 */
export const SECTOR_GROUPS: readonly { readonly name: string; readonly topic: Topic; readonly aliases: readonly string[]; readonly holds: readonly string[] }[] = [
  {
    name: 'Nông nghiệp',
    topic: 'kinh-te',
    aliases: ['nong nghiep trong trot thuy loi', 'nong lam nghiep', 'nong lam ngu nghiep', 'nong lam thuy san', 'nong nghiep va phat trien nong thon', 'san xuat nong nghiep', 'nong nghiep nong thon'],
    // Agriculture and rural development: the farm sectors, irrigation, and the farmers' cooperation and rural trades.
    holds: ['Trồng trọt', 'Chăn nuôi', 'Lâm nghiệp', 'Thủy sản', 'Thủy lợi', 'Tổ chức sản xuất, liên kết thị trường', 'Ngành nghề và dịch vụ nông thôn', 'Tiểu thủ công nghiệp'],
  },
  { name: 'Giáo dục', topic: 'vh-xh-mt', aliases: [], holds: ['Trường học'] },
  { name: 'Văn hóa', topic: 'vh-xh-mt', aliases: [], holds: ['Cơ sở vật chất văn hóa - thông tin'] },
];

/** Section rows as printed: "1. Cơ sở hạ tầng". */
export function topicHeading(t: Topic): string {
  return `${TOPICS.indexOf(t) + 1}. ${TOPIC_LABELS[t]}`;
}
