/**
 * The sixth classifier round (issue 21): the classes of error the lead measured on held-out text,
 * each aligned with the labelling conventions C1-C19 (the activity's nature decides, never the
 * actor, the beneficiary, the place or the programme). Every name here is hand-made in the way
 * communes word them, and each failed before its class was fixed. Each is also checked under a
 * sheet titled "Cơ sở hạ tầng": the words decide, the sheet's topic is only a hint. The seventh
 * round (issue 21) adds its classes a-l the same way, aligned with the conventions C20-C28: each name
 * failed before its class was fixed, except those introduced by "…while", which guard what must not move.
 * The eighth and ninth rounds do the same with C29-C41 and C42-C45.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topic } from '../../src/forms/topics';
import { placeActivity } from '../../src/workflow/classify';
import { CONVENTION_LABELS } from './convention-conflicts';
import { readLabelled } from './labelled-corpus';

const GT = 'Giao thông';

/** Where a name goes by its words, and under a sheet titled "Cơ sở hạ tầng" (which must change nothing). */
function expectPlaced(name: string, topic: Topic, sector: string): void {
  const alone = placeActivity(name, undefined, undefined, undefined);
  const underCsht = placeActivity(name, undefined, 'Cơ sở hạ tầng', undefined);
  expect([name, alone.topic, alone.sector]).toEqual([name, topic, sector]);
  expect([name, underCsht.topic, underCsht.sector]).toEqual([name, topic, sector]);
}

describe('the classes of error of the sixth round, by the labelling conventions', () => {
  it('A. the South\'s road words: "lộ", "đắp lề", "vá ổ gà", "láng nhựa" are roads, even before "xã <Name>" or "đạt chuẩn NTM"', () => {
    expectPlaced('Bê tông hóa lộ nông thôn ấp Tân Hòa', 'csht', GT);
    expectPlaced('Nâng cấp tuyến lộ liên ấp Bình Phú - Bình Thạnh', 'csht', GT);
    expectPlaced('Đắp lề, vá ổ gà tuyến lộ xã Long Điền', 'csht', GT);
    expectPlaced('Mở rộng lộ đal ấp Phước Lợi đạt chuẩn NTM', 'csht', GT);
    expectPlaced('Nâng cấp lộ xã Vĩnh Thuận đạt chuẩn NTM', 'csht', GT);
    expectPlaced('Đắp lề đường trục xã', 'csht', GT);
    expectPlaced('lang nhua lo nong thon ap 4', 'csht', GT);
    expectPlaced('be tong hoa tuyen lo lien ap', 'csht', GT);
    // …but a roadmap is no road.
    expectPlaced('Đăng ký lộ trình xây dựng xã không ma túy', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('M. the topic is always the topic of the sector found: a market is Kinh tế, built or repaired', () => {
    expectPlaced('Xây dựng chợ nông thôn xã', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('Sửa chữa mái chợ xã', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('Nâng cấp chợ phiên đạt chuẩn', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    // …also when only the object is named (a soft verb), under a sheet of another topic.
    expectPlaced('Tập huấn vận hành chợ nông thôn', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    const water = placeActivity('Tập huấn tổ vận hành công trình nước sinh hoạt', undefined, 'Văn hóa - Xã hội - Môi trường', undefined);
    expect([water.topic, water.sector, water.overrules]).toEqual(['csht', 'Nước sạch', 'Văn hóa - Xã hội - Môi trường']);
    // "hướng dẫn quản lý" (to guide the running of) folds through "dân quân" (the militia) and names none.
    expectPlaced('Hướng dẫn quản lý chợ phiên', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
  });

  it('B. the actor does not decide (C7): a mass organisation doing a work is filed by the work; its own business stays Hoạt động đoàn thể', () => {
    expectPlaced('Đoàn viên thanh niên nạo vét kênh nội đồng', 'csht', 'Thủy lợi');
    expectPlaced('ĐTN xã ra quân làm đường giao thông nông thôn', 'csht', GT);
    expectPlaced('Chi đoàn thôn lắp đặt đèn chiếu sáng đường quê', 'csht', 'Điện');
    expectPlaced('Hội LHPN xã tổng dọn vệ sinh đường làng', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Hội CCB sửa chữa nhà cho hội viên nghèo', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Hội CCB xây nhà nghĩa tình đồng đội cho hội viên khó khăn', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Hội viên Hội Nông dân góp công làm đường nội đồng', 'csht', GT);
    expectPlaced('Đoàn thanh niên tổ chức giải bóng đá thanh niên xã', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Thanh niên tình nguyện khơi thông mương thủy lợi', 'csht', 'Thủy lợi');
    expectPlaced('Đoàn viên ra quân ngày chủ nhật xanh nạo vét mương nội đồng', 'csht', 'Thủy lợi');
    expectPlaced('Đoàn viên ra quân giúp dân sửa nhà sau bão', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Hội CCB tham gia tuyên truyền pháp luật', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Đoàn viên, thanh niên tham gia vận động hiến đất làm đường', 'csht', GT);
    // Abbreviated as communes write them.
    expectPlaced('ĐVTN ra quân nạo vét kênh mương', 'csht', 'Thủy lợi');
    expectPlaced('Hội PN xã tổng dọn vệ sinh đường làng', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Hội ND bình xét hộ SXKD giỏi', 'vh-xh-mt', 'Hoạt động đoàn thể');
    // The organisations' own business: members, their emulation, congresses, their own gatherings and campaigns.
    expectPlaced('Hội Nông dân bình xét hộ sản xuất kinh doanh giỏi', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Vận động hội viên đăng ký hộ sản xuất kinh doanh giỏi', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Chi đoàn thôn kết nạp đoàn viên mới', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Hội CCB xã gặp mặt kỷ niệm ngày thành lập hội', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Hội phụ nữ thăm hỏi hội viên ốm đau', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Đoàn viên xung kích tham gia xây dựng nông thôn mới', 'vh-xh-mt', 'Hoạt động đoàn thể');
  });

  it('E. cleaning, clearing and landscaping are the environment (C8, C9), even along a road, at a cultural house or a school', () => {
    expectPlaced('Tổng dọn vệ sinh đường làng ngõ xóm', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Phát quang hai bên tuyến đường liên xã', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Chỉnh trang khuôn viên nhà văn hóa thôn', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Tổng vệ sinh khuôn viên trường học', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Phát dọn cỏ dại, chỉnh trang đường trục thôn', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Gỡ bỏ quảng cáo rao vặt trên cột điện', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Bóc xóa quảng cáo rao vặt sai quy định', 'vh-xh-mt', 'Môi trường');
    expectPlaced('tong don ve sinh khu trung tam xa', 'vh-xh-mt', 'Môi trường');
    // Repairing the road or the building is works; clearing a canal or a power line's corridor their upkeep.
    expectPlaced('Phát quang, duy tu hành lang đường liên xóm', 'csht', GT);
    expectPlaced('Chỉnh trang, nâng cấp nhà văn hóa thôn', 'csht', 'Cơ sở vật chất văn hóa - thông tin');
    expectPlaced('Phát quang hành lang tuyến điện hạ thế', 'csht', 'Điện');
    expectPlaced('Trồng hoa ven đường liên xã', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Hội Nông dân xã ra quân trồng cây dọc kênh N2', 'vh-xh-mt', 'Môi trường');
    // Clearing in a forest or a field is farming, and flowers grown to sell a crop.
    expectPlaced('Phát dọn thực bì trồng rừng keo', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Nhổ cỏ, chăm sóc lúa', 'kinh-te', 'Trồng trọt');
    expectPlaced('Mô hình trồng hoa cúc thương phẩm', 'kinh-te', 'Trồng trọt');
  });

  it('C. gender and Dự án 8 (C10): communication teams, gender mainstreaming, stereotypes, child marriage, the law of marriage and family are Xã hội - Bình đẳng giới', () => {
    const G = 'Xã hội - Bình đẳng giới';
    expectPlaced('Thành lập tổ truyền thông cộng đồng tại thôn', 'vh-xh-mt', G);
    expectPlaced('Ra mắt tổ truyền thông cộng đồng thôn', 'vh-xh-mt', G);
    expectPlaced('Truyền thông xóa bỏ định kiến, khuôn mẫu giới', 'vh-xh-mt', G);
    expectPlaced('Giáo dục phòng chống tảo hôn cho học sinh DTTS', 'vh-xh-mt', G);
    expectPlaced('Tập huấn Dự án 8 cho cán bộ hội phụ nữ', 'vh-xh-mt', G);
    expectPlaced('Hội thi pháp luật về hôn nhân gia đình cho thanh niên', 'vh-xh-mt', G);
    expectPlaced('hoi thi tim hieu luat hon nhan va gia dinh', 'vh-xh-mt', G);
  });

  it('D. vocational courses are Đào tạo nghề - Việc làm whatever the trade (C3); short technical training and composting for crops are the production sector', () => {
    const J = 'Đào tạo nghề - Việc làm';
    expectPlaced('Mở lớp sơ cấp cơ khí hàn cho thanh niên', 'kinh-te', J);
    expectPlaced('Lớp sơ cấp chăn nuôi thú y cấp chứng chỉ', 'kinh-te', J);
    expectPlaced('Lớp sơ cấp kỹ thuật trồng nấm', 'kinh-te', J);
    expectPlaced('mo lop so cap nghe han dien cho doan vien', 'kinh-te', J);
    expectPlaced('Hướng dẫn ủ phân bón cây từ phế phụ phẩm', 'kinh-te', 'Trồng trọt');
    expectPlaced('Tập huấn kỹ thuật ủ phân hữu cơ từ rơm rạ', 'kinh-te', 'Trồng trọt');
    // …but first aid ("sơ cấp cứu") is health, and composting household waste the environment.
    expectPlaced('Tập huấn sơ cấp cứu cho tình nguyện viên', 'vh-xh-mt', 'Y tế');
    expectPlaced('Phân loại rác tại nguồn, ủ phân hữu cơ tại hộ', 'vh-xh-mt', 'Môi trường');
  });

  it('F. all credit is market links (C5), whatever the loan raises or grows; so is the large field', () => {
    const M = 'Tổ chức sản xuất, liên kết thị trường';
    expectPlaced('Cho vay vốn Quỹ hỗ trợ nông dân nuôi bò sinh sản', 'kinh-te', M);
    expectPlaced('Giải ngân vốn Quỹ HTND cho hộ nuôi heo', 'kinh-te', M);
    expectPlaced('Vay vốn NHCSXH trồng cà phê', 'kinh-te', M);
    expectPlaced('Hỗ trợ vốn vay ưu đãi cho hộ nghèo nuôi trâu', 'kinh-te', M);
    expectPlaced('Cho vay vốn ưu đãi nuôi tôm thẻ chân trắng', 'kinh-te', M);
    expectPlaced('Xây dựng cánh đồng lớn sản xuất lúa', 'kinh-te', M);
    expectPlaced('cho vay von quy ho tro nong dan nuoi de', 'kinh-te', M);
    // …but a loan for a job is the job's.
    expectPlaced('Hỗ trợ vay vốn tạo việc làm cho thanh niên', 'kinh-te', 'Đào tạo nghề - Việc làm');
  });

  it('G. rituals and festivals of the ethnic groups are culture: a crop or a forest named in them makes no farming', () => {
    expectPlaced('Tổ chức lễ cúng cơm mới của đồng bào Xơ Đăng', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Phục dựng lễ cất lúa vào kho', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tổ chức Tết nhảy của người Dao', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Lễ cúng rừng đầu năm', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tổ chức lễ mừng lúa mới', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Phục dựng lễ hội cầu mùa', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('phuc dung le cung ben nuoc', 'vh-xh-mt', 'Văn hóa');
    // …but a festival ground is a works.
    expectPlaced('Xây dựng sân lễ hội của xã', 'csht', 'Cơ sở vật chất văn hóa - thông tin');
  });

  it('H. water-supply works are clean water wherever they are (C1): at a school, a health station, for poor households', () => {
    const W = 'Nước sạch';
    expectPlaced('Khoan giếng cho điểm trường mầm non', 'csht', W);
    expectPlaced('Lắp bồn lọc nước cho trường tiểu học', 'csht', W);
    expectPlaced('Hỗ trợ dụng cụ chứa nước cho hộ nghèo', 'csht', W);
    expectPlaced('Khoan giếng cho hộ nghèo thiếu nước', 'csht', W);
    expectPlaced('Xây bể chứa nước cho trường mầm non', 'csht', W);
    expectPlaced('Xây bể nước trạm y tế xã', 'csht', W);
    expectPlaced('khoan gieng cho diem truong', 'csht', W);
    // …while a school's toilet and classrooms stay the school's, and fish farming that treats its water stays fisheries.
    expectPlaced('Xây nhà vệ sinh cho điểm trường', 'csht', 'Trường học');
    expectPlaced('Mô hình nuôi cá lồng xử lý nước bằng chế phẩm', 'kinh-te', 'Thủy sản');
  });

  it('I. power works are power whatever they serve (C15): a transformer for shrimp farming, lights along the village roads', () => {
    expectPlaced('Lắp trạm biến áp cho vùng nuôi tôm công nghiệp', 'csht', 'Điện');
    expectPlaced('Xây trạm biến áp phục vụ nuôi tôm', 'csht', 'Điện');
    expectPlaced('Thắp sáng đường quê tuyến liên ấp', 'csht', 'Điện');
    expectPlaced('Lắp bóng đèn đường ngõ xóm', 'csht', 'Điện');
    expectPlaced('Mô hình thắp sáng đường quê của Hội Phụ nữ', 'csht', 'Điện');
    expectPlaced('Bàn giao tuyến ánh sáng đường quê cho chi đoàn quản lý', 'csht', 'Điện');
  });

  it('J. small processing and crafts revived or kept are crafts; selling a service is a rural service (C18)', () => {
    const T = 'Tiểu thủ công nghiệp';
    const S = 'Ngành nghề và dịch vụ nông thôn';
    expectPlaced('Hỗ trợ máy sao chè cho hộ', 'kinh-te', T);
    expectPlaced('Mua máy sấy chè cho tổ hợp tác', 'kinh-te', T);
    expectPlaced('Khôi phục nghề làm giấy dó', 'kinh-te', T);
    expectPlaced('Bảo tồn nghề dệt lanh của người Mông', 'kinh-te', T);
    expectPlaced('Hỗ trợ mở quán ăn cho hộ nghèo', 'kinh-te', S);
    expectPlaced('Hỗ trợ mở tiệm may đo', 'kinh-te', S);
    expectPlaced('Dịch vụ phun thuốc bằng drone', 'kinh-te', S);
    expectPlaced('Hỗ trợ hộ mở đại lý thu mua nông sản', 'kinh-te', S);
    expectPlaced('ho tro mo quan an sang', 'kinh-te', S);
    // …but a self-managed security team keeps no food stall ("tự quản an ninh").
    expectPlaced('Duy trì tổ tự quản an ninh trật tự thôn', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('L. protective planting on river banks is forestry; crops under forest, coffee nurseries and farm machinery are crop growing (C9)', () => {
    expectPlaced('Trồng cây chắn sóng bảo vệ bờ sông', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng cây ven sông chống xói lở', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng sâm dưới tán rừng', 'kinh-te', 'Trồng trọt');
    expectPlaced('Trồng cây dược liệu dưới tán rừng', 'kinh-te', 'Trồng trọt');
    expectPlaced('Xây dựng vườn ươm cây giống cà phê', 'kinh-te', 'Trồng trọt');
    expectPlaced('Hỗ trợ máy cày mini cho hộ', 'kinh-te', 'Trồng trọt');
    expectPlaced('trong sam duoi tan rung', 'kinh-te', 'Trồng trọt');
    expectPlaced('trong rung go lon keo', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Hỗ trợ giống ba kích tím', 'kinh-te', 'Trồng trọt');
    expectPlaced('Hỗ trợ giống ngan Pháp cho hộ nghèo', 'kinh-te', 'Chăn nuôi');
    // …a group of households founded to grow them is cooperation (C5), and a communal house no medicinal plant.
    expectPlaced('Thành lập nhóm hộ trồng sa nhân', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('Tu bổ đình làng Đông', 'vh-xh-mt', 'Văn hóa');
    // …a machine that sells its work is a service, and a class in driving it vocational.
    expectPlaced('Hỗ trợ máy cày mini làm dịch vụ làm đất', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Mở lớp dạy lái máy cày', 'kinh-te', 'Đào tạo nghề - Việc làm');
  });

  it('N. livestock pens built or moved away from the house are animal husbandry, not housing; their waste treated is the environment', () => {
    expectPlaced('Di dời chuồng trại ra xa nhà ở', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Hỗ trợ di dời chuồng trại chăn nuôi ra khỏi gầm sàn', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Làm chuồng trại cách xa nhà ở', 'kinh-te', 'Chăn nuôi');
    expectPlaced('di doi chuong gia suc ra khoi gam nha san', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Xử lý chất thải chuồng trại bằng hầm biogas', 'vh-xh-mt', 'Môi trường');
  });

  it('O. learning families and clans are schooling, tournaments culture, liên thế hệ clubs social, smartphones and online procedures for the elderly digital government (C7, C11)', () => {
    expectPlaced('Xây dựng gia đình học tập, dòng họ học tập', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Công nhận dòng họ học tập', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Bình xét gia đình học tập', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Giải cầu lông người cao tuổi', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Thành lập câu lạc bộ liên thế hệ tự giúp nhau', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Duy trì CLB liên thế hệ', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Mở lớp hướng dẫn sử dụng điện thoại thông minh cho người cao tuổi', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Hướng dẫn người cao tuổi làm thủ tục trực tuyến', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('huong dan nguoi cao tuoi su dung dien thoai thong minh', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('P. fire alarms and a tổ liên gia are security (C17)', () => {
    expectPlaced('Lắp chuông báo cháy cho tổ liên gia', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Lắp đặt hệ thống báo cháy liên gia', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('lap chuong bao chay cho cac ho kinh doanh', 'vh-xh-mt', 'An ninh trật tự');
    // …while forest fires stay forestry's.
    expectPlaced('Tuần tra phòng cháy chữa cháy rừng mùa khô', 'kinh-te', 'Lâm nghiệp');
  });

  it('K. names written without diacritics are read in every class', () => {
    expectPlaced('phong chong sot ret', 'vh-xh-mt', 'Y tế');
    expectPlaced('tong ve sinh duong lang', 'vh-xh-mt', 'Môi trường');
    expectPlaced('sua chua nha van hoa thon', 'csht', 'Cơ sở vật chất văn hóa - thông tin');
    expectPlaced('van dong tre 5 tuoi ra lop', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('keo dien ve thon', 'csht', 'Điện');
    expectPlaced('nuoi ca long tren song', 'kinh-te', 'Thủy sản');
    expectPlaced('doan vien nao vet kenh muong noi dong', 'csht', 'Thủy lợi');
    expectPlaced('to chuc le mung lua moi', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('giai ngan von quy htnd cho hoi vien nuoi bo', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
    expectPlaced('thanh lap to truyen thong cong dong', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
  });

  it('the classes\' near misses: a credit word is no public investment, a Tết gift no festival, a shelter built by volunteers social, vaccinating children health', () => {
    expectPlaced('Giải ngân vốn đầu tư công xây dựng đường giao thông', 'csht', GT);
    expectPlaced('Quay vòng bò giống cho hộ nghèo', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Thăm hỏi, tặng quà các ngày lễ, tết cho gia đình chính sách', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Thanh niên xung kích làm nhà nhân đạo cho hộ nghèo', 'vh-xh-mt', 'Xã hội - Bình đẳng giới');
    expectPlaced('Vệ sinh khuôn viên nhà văn hóa ấp', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Tiêm phòng vắc xin cho trẻ em', 'vh-xh-mt', 'Y tế');
    expectPlaced('Tiêm phòng vắc xin lở mồm long móng cho đàn bò', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Lập kế hoạch phát triển kinh tế xã hội', 'vh-xh-mt', 'Tổ chức chính quyền');
  });
});

describe('the seventh round: the classes of error measured after the sixth, by the conventions C1-C28', () => {
  const MARKET = 'Tổ chức sản xuất, liên kết thị trường';

  it('a. cinnamon (C9, C20): its growing is forestry, its processing crafts, its certification market links (C5)', () => {
    expectPlaced('Chuyển đổi quế hữu cơ', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Phát cỏ, chăm sóc quế năm thứ hai', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Làm cỏ vườn quế', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Hỗ trợ bạt phơi vỏ quế', 'kinh-te', 'Tiểu thủ công nghiệp');
    expectPlaced('HTX chưng cất tinh dầu quế', 'kinh-te', 'Tiểu thủ công nghiệp');
    expectPlaced('Chứng nhận quế hữu cơ', 'kinh-te', MARKET);
    expectPlaced('Duy trì chứng nhận VietGAP cho vùng quế', 'kinh-te', MARKET);
    expectPlaced('Cấp giấy chứng nhận hữu cơ cho hộ trồng quế', 'kinh-te', MARKET);
    // …while a land-use certificate is no certification of produce.
    expectPlaced('Cấp giấy chứng nhận quyền sử dụng đất', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('b. medicinal plants, fruit-tree pest control and seed for poor households are crops, not social protection nor security', () => {
    expectPlaced('Hỗ trợ giống actiso cho hộ nghèo', 'kinh-te', 'Trồng trọt');
    expectPlaced('Hỗ trợ giống cho hộ nghèo', 'kinh-te', 'Trồng trọt');
    expectPlaced('Cấp giống cho hộ nghèo, cận nghèo', 'kinh-te', 'Trồng trọt');
    // "hướng dẫn phòng trừ" folds through "dân phòng" (a security team) and names none.
    expectPlaced('Hướng dẫn phòng trừ sâu bệnh cho vườn cây ăn quả', 'kinh-te', 'Trồng trọt');
    expectPlaced('huong dan phong tru sau benh cay buoi', 'kinh-te', 'Trồng trọt');
    // …while a road to be planned is no angelica, and a named animal's seed stays the animal's.
    expectPlaced('Làm đường quy hoạch khu dân cư', 'csht', 'Giao thông');
    expectPlaced('Hỗ trợ giống bò cho hộ nghèo', 'kinh-te', 'Chăn nuôi');
  });

  it('c. water stored by its use (C23): drinking water and cisterns are Nước sạch, a team building them for hire a service, a sluice or a dam for the fields irrigation', () => {
    expectPlaced('Xây hồ trữ ngọt phục vụ nước uống', 'csht', 'Nước sạch');
    expectPlaced('Xây cống chứa nước sinh hoạt', 'csht', 'Nước sạch');
    expectPlaced('Làm cống chứa nước cho hộ nghèo', 'csht', 'Nước sạch');
    expectPlaced('Nâng cấp trạm bơm cấp nước cho nhà máy nước', 'csht', 'Nước sạch');
    expectPlaced('Tổ thợ xây cống chứa nước thuê', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Thành lập tổ thợ xây bồn chứa nước', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Nạo vét cống trữ ngọt trên kênh', 'csht', 'Thủy lợi');
    expectPlaced('Sửa chữa đập cấp nước đồng bị rò rỉ', 'csht', 'Thủy lợi');
    expectPlaced('xay cong tru ngot kenh so 3', 'csht', 'Thủy lợi');
    // …while a culvert under a road stays the road's.
    expectPlaced('Xây cống qua đường liên ấp', 'csht', 'Giao thông');
  });

  it('d. housing and moving out of hazard zones are social protection (C21), not security for "sạt lở"; works for the new site keep their sector', () => {
    const SOCIAL = 'Xã hội - Bình đẳng giới';
    expectPlaced('Hỗ trợ nhà tôn cho hộ di dời', 'vh-xh-mt', SOCIAL);
    expectPlaced('Di dời khẩn cấp hộ dân khỏi vùng sạt lở', 'vh-xh-mt', SOCIAL);
    expectPlaced('Di dời khẩn cấp các hộ vùng lũ quét', 'vh-xh-mt', SOCIAL);
    expectPlaced('Định canh định cư cho đồng bào', 'vh-xh-mt', SOCIAL);
    expectPlaced('Thực hiện định canh định cư tập trung', 'vh-xh-mt', SOCIAL);
    expectPlaced('San nền nhà cho hộ vùng sạt lở', 'vh-xh-mt', SOCIAL);
    // …while a road or water for the new site is a road and water.
    expectPlaced('Làm đường vào khu tái định cư', 'csht', GT);
    expectPlaced('Xây bể nước cho khu tái định cư', 'csht', 'Nước sạch');
  });

  it('e. tourism and crafts (C18, C27): lodging and visitors are a service, designs and packed meat crafts, a showroom market links, a craft village\'s gate cultural works, heritage houses culture', () => {
    const SERVICES = 'Ngành nghề và dịch vụ nông thôn';
    expectPlaced('Bồi dưỡng kỹ năng phục vụ lưu trú', 'kinh-te', SERVICES);
    expectPlaced('Tập huấn nghiệp vụ buồng phòng cho chủ homestay', 'kinh-te', SERVICES);
    expectPlaced('Đón khách tham quan làng nghề', 'kinh-te', SERVICES);
    expectPlaced('Nghệ nhân cải tiến mẫu mã sản phẩm', 'kinh-te', 'Tiểu thủ công nghiệp');
    expectPlaced('Chế biến, đóng gói thịt trâu gác bếp', 'kinh-te', 'Tiểu thủ công nghiệp');
    expectPlaced('Xây dựng phòng trưng bày sản phẩm làng nghề', 'kinh-te', MARKET);
    expectPlaced('Xây cổng làng nghề', 'csht', 'Cơ sở vật chất văn hóa - thông tin');
    expectPlaced('Bảo tồn nhà trình tường', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tu sửa nhà trình tường cổ', 'vh-xh-mt', 'Văn hóa');
  });

  it('f. the commune\'s digital transformation (C26): Zalo groups, QR codes and bank apps taught are local government, a union\'s cadres trained its own business, a cashless fair market links', () => {
    const GOVERNMENT = 'Tổ chức chính quyền';
    expectPlaced('Lập nhóm Zalo thôn', 'vh-xh-mt', GOVERNMENT);
    expectPlaced('Duy trì nhóm zalo của thôn', 'vh-xh-mt', GOVERNMENT);
    expectPlaced('Hướng dẫn thanh toán bằng mã QR', 'vh-xh-mt', GOVERNMENT);
    expectPlaced('Hướng dẫn tiểu thương sử dụng app ngân hàng', 'vh-xh-mt', GOVERNMENT);
    expectPlaced('Hướng dẫn hộ kinh doanh mở ví điện tử', 'vh-xh-mt', GOVERNMENT);
    expectPlaced('Tập huấn kỹ năng số cho cán bộ Đoàn', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Tổ chức phiên chợ không dùng tiền mặt', 'kinh-te', MARKET);
    expectPlaced('Chợ phiên không dùng tiền mặt', 'kinh-te', MARKET);
  });

  it('g. family and gender: domestic violence, marital mediation and the "leaders of change" clubs are social, whoever holds them; the Women\'s Union\'s "5 không 3 sạch" is its own', () => {
    const SOCIAL = 'Xã hội - Bình đẳng giới';
    expectPlaced('Hội LHPN truyền thông phòng chống BLGĐ', 'vh-xh-mt', SOCIAL);
    expectPlaced('Truyền thông phòng chống BLGĐ tại cộng đồng', 'vh-xh-mt', SOCIAL);
    expectPlaced('Hòa giải mâu thuẫn vợ chồng', 'vh-xh-mt', SOCIAL);
    expectPlaced('Duy trì CLB thủ lĩnh của sự thay đổi', 'vh-xh-mt', SOCIAL);
    expectPlaced('Ra mắt CLB Thủ lĩnh của sự thay đổi', 'vh-xh-mt', SOCIAL);
    expectPlaced('Xây dựng gia đình 5 không 3 sạch', 'vh-xh-mt', 'Hoạt động đoàn thể');
    // …while mediating a land dispute is local government's.
    expectPlaced('Hòa giải tranh chấp đất đai', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('h. fishing at sea and its rules are fisheries (C25): fishing teams, VMS on vessels, shellfish seed grounds; a fishers\' union is market links', () => {
    expectPlaced('Thành lập tổ đoàn kết khai thác trên biển', 'kinh-te', 'Thủy sản');
    expectPlaced('Hỗ trợ lắp đặt thiết bị VMS', 'kinh-te', 'Thủy sản');
    expectPlaced('Lắp thiết bị giám sát hành trình cho tàu khai thác xa bờ', 'kinh-te', 'Thủy sản');
    expectPlaced('Bảo vệ bãi ngao giống', 'kinh-te', 'Thủy sản');
    expectPlaced('Bảo vệ bãi sò huyết giống ven biển', 'kinh-te', 'Thủy sản');
    expectPlaced('Khoanh vùng bảo vệ nguồn lợi nghêu giống', 'kinh-te', 'Thủy sản');
    expectPlaced('Thành lập nghiệp đoàn nghề cá', 'kinh-te', MARKET);
    expectPlaced('Duy trì hoạt động nghiệp đoàn nghề cá xã', 'kinh-te', MARKET);
  });

  it('i. markets and services: a forest-products market day and a trial export are market links, a self-managed team at a market security, a repair shop and hired collecting trucks services', () => {
    const SERVICES = 'Ngành nghề và dịch vụ nông thôn';
    expectPlaced('Tổ chức phiên giao dịch lâm sản định kỳ', 'kinh-te', MARKET);
    expectPlaced('Tổ tự quản chợ', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Thành lập tổ dân tự quản tại chợ', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Mở tiệm sửa chữa tại chợ', 'kinh-te', SERVICES);
    expectPlaced('Thuê xe thu gom nông sản', 'kinh-te', SERVICES);
    expectPlaced('Dịch vụ xe thu gom rau quả', 'kinh-te', SERVICES);
    expectPlaced('Xuất khẩu thử nghiệm lô vải thiều', 'kinh-te', MARKET);
    expectPlaced('Xuất khẩu thử lô bưởi sang Mỹ', 'kinh-te', MARKET);
    // …while collecting rubbish stays the environment's, and labour export jobs.
    expectPlaced('Thuê xe thu gom rác thải', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Tư vấn xuất khẩu lao động', 'kinh-te', 'Đào tạo nghề - Việc làm');
  });

  it('j. swimming and rescue (C22): lessons for children are social, a mass movement culture, drowning first aid for a shock team security', () => {
    const SOCIAL = 'Xã hội - Bình đẳng giới';
    expectPlaced('Dạy bơi cho trẻ em', 'vh-xh-mt', SOCIAL);
    expectPlaced('Mở lớp dạy bơi cho học sinh', 'vh-xh-mt', SOCIAL);
    expectPlaced('Tổ chức lớp học bơi an toàn cho trẻ dịp hè', 'vh-xh-mt', SOCIAL);
    expectPlaced('Phong trào toàn dân tập bơi', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Phát động phong trào toàn dân tập bơi phòng chống đuối nước', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tập huấn sơ cứu đuối nước cho đội xung kích', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Hướng dẫn sơ cứu người đuối nước cho tổ xung kích thôn', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('k. a union\'s cultural events are culture: a veterans\' singing festival, a women\'s cooking contest', () => {
    expectPlaced('Hội CCB tổ chức liên hoan tiếng hát', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Liên hoan tiếng hát cựu chiến binh', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Hội phụ nữ tổ chức hội thi nấu ăn', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Hội thi nấu ăn ngon của phụ nữ', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Chi hội phụ nữ thi cắm hoa nhân ngày 20/10', 'vh-xh-mt', 'Văn hóa');
  });

  it('l. a bridge for pupils is a bridge, a kindergarten\'s toys the school\'s, a law bookcase and poor-household lists local government, pines planted forestry without diacritics too', () => {
    expectPlaced('Làm cầu qua suối cho học sinh', 'csht', GT);
    expectPlaced('Xây cầu qua suối cho học sinh đi học', 'csht', GT);
    expectPlaced('Mua đồ chơi ngoài trời cho trẻ mầm non', 'csht', 'Trường học');
    expectPlaced('Bổ sung tủ sách pháp luật NVH', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Rà soát danh sách hộ nghèo', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Hòa giải tranh chấp ranh giới đất rừng', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Tổ hòa giải giải quyết tranh chấp đất ở', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('trong moi 10 ha thong', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('ho tro trong moi thong', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('trong thong nhua', 'kinh-te', 'Lâm nghiệp');
    // …while a classroom for pupils stays the school's, and news told is no pine.
    expectPlaced('Xây phòng học cho học sinh', 'csht', 'Trường học');
    expectPlaced('tuyen truyen trong thong tin dai chung', 'vh-xh-mt', 'Tổ chức chính quyền');
  });
});

describe('the eighth round (issue 21): the conventions C29-C41 and the eighth corpus\'s classes of error, on names of their own', () => {
  const SOCIAL = 'Xã hội - Bình đẳng giới';
  const CRAFTS = 'Tiểu thủ công nghiệp';
  const MARKET = 'Tổ chức sản xuất, liên kết thị trường';
  const CULTURE = 'Cơ sở vật chất văn hóa - thông tin';

  it('a. salt making is small-scale production (C29): its fields, beds and stores, even worked on like a bank or a path; a canal bringing sea water stays irrigation', () => {
    expectPlaced('Làm sân phơi muối cho hộ diêm dân', 'kinh-te', CRAFTS);
    expectPlaced('Nâng cấp bờ bao ruộng muối thôn Đông', 'kinh-te', CRAFTS);
    expectPlaced('Xây kho chứa muối cho tổ sản xuất', 'kinh-te', CRAFTS);
    expectPlaced('Mua bạt lót ô kết tinh', 'kinh-te', CRAFTS);
    // …while the canal that brings the water is irrigation, and a residential site no salt maker.
    expectPlaced('Nạo vét kênh dẫn nước ruộng muối', 'csht', 'Thủy lợi');
    expectPlaced('Quy hoạch lại điểm dân cư nông thôn', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('b. bees, mushrooms, mulberry, seaweed and fish in rice fields (C32), read by their marks: "đàn ong" is no "đàn ông", "nấm" no "năm"', () => {
    expectPlaced('Hỗ trợ đàn ong cho hộ cận nghèo', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Tập huấn chữa bệnh cho đàn ong', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Hỗ trợ rơm và phôi làm nấm cho phụ nữ', 'kinh-te', 'Trồng trọt');
    expectPlaced('Cấp hom dâu cho hộ', 'kinh-te', 'Trồng trọt');
    expectPlaced('Nuôi rong sụn ven đầm', 'kinh-te', 'Thủy sản');
    expectPlaced('Đào rãnh, đắp bờ cho ruộng nuôi cá', 'kinh-te', 'Thủy sản');
    expectPlaced('Máy vắt mật cho tổ nuôi ong', 'kinh-te', CRAFTS);
    // …while men are no bees.
    expect(placeActivity('Tuyên truyền nam giới, đàn ông cùng chia sẻ việc nhà', undefined, undefined, undefined).sector).not.toBe('Chăn nuôi');
  });

  it('c. what land or a building is converted into is the activity: a pen turned into a mushroom shed, rice land turned to salt', () => {
    expectPlaced('Cải tạo chuồng lợn thành nhà trồng nấm sò', 'kinh-te', 'Trồng trọt');
    expectPlaced('Chuyển ruộng trũng sang làm muối', 'kinh-te', CRAFTS);
  });

  it('d. storm- and flood-resistant houses for vulnerable households are housing (C33), their loan too', () => {
    expectPlaced('Hỗ trợ xây nhà chống bão cho hộ nghèo ven biển', 'vh-xh-mt', SOCIAL);
    expectPlaced('Làm sàn tránh lũ cho hộ khó khăn', 'vh-xh-mt', SOCIAL);
    expectPlaced('Cho vay làm nhà tránh lũ', 'vh-xh-mt', SOCIAL);
  });

  it('e. the border is security (C31), works done by its teams keep their sector', () => {
    expectPlaced('Tự quản đường biên và cột mốc', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Tuyên truyền bảo vệ chủ quyền biển đảo cho ngư dân', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Thành lập tổ tàu thuyền an toàn', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Tổ tự quản đường biên phối hợp làm đường nội đồng', 'csht', GT);
  });

  it('f. community and sacred forests and a forest quy ước are forestry (C34); a general hương ước stays culture', () => {
    expectPlaced('Ban hành quy ước giữ gìn rừng cộng đồng', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Giữ rừng thiêng đầu nguồn của bản', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Sửa đổi hương ước thôn', 'vh-xh-mt', 'Văn hóa');
  });

  it('g. reading (C36): a village library furnished is cultural works, reading days and running a shelf culture, pupils\' reading schooling', () => {
    expectPlaced('Mua máy tính cho thư viện cộng đồng', 'csht', CULTURE);
    expectPlaced('Ngày hội đọc sách thôn', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Duy trì tủ sách cộng đồng', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Phát động đọc sách trong học sinh', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Mua tủ sách cho thư viện trường', 'csht', 'Trường học');
  });

  it('h. a liên thế hệ club is set aside like a mass organisation (C40): its health checks health, its loans credit, the club itself social', () => {
    expectPlaced('CLB liên thế hệ tự giúp nhau khám sức khỏe cho hội viên', 'vh-xh-mt', 'Y tế');
    expectPlaced('Thành viên CLB liên thế hệ vay vốn chăn nuôi', 'kinh-te', MARKET);
    expectPlaced('Duy trì CLB liên thế hệ tự giúp nhau', 'vh-xh-mt', SOCIAL);
  });

  it('i. health and social care (C22, C37, C39): orphans, elderly care, rehabilitation, herbs at the health station, sports events', () => {
    expectPlaced('Nhận đỡ đầu học sinh có hoàn cảnh khó khăn', 'vh-xh-mt', SOCIAL);
    expectPlaced('Tình nguyện viên chăm sóc người cao tuổi cô đơn', 'vh-xh-mt', SOCIAL);
    expectPlaced('Phục hồi chức năng cho trẻ khuyết tật', 'vh-xh-mt', 'Y tế');
    expectPlaced('Trồng cây thuốc nam tại trạm y tế', 'vh-xh-mt', 'Y tế');
    expectPlaced('Giải bóng chuyền hơi hội người cao tuổi', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Giải việt dã vì sức khỏe cộng đồng', 'vh-xh-mt', 'Văn hóa');
  });

  it('j. what is done before whom it is for: a production named in whom it helps does not decide, one named in what is done does', () => {
    expectPlaced('Tặng sách vở cho học sinh hộ nuôi tôm', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Hỗ trợ giống cỏ cho hộ nuôi bò', 'kinh-te', 'Chăn nuôi');
    // …while animals vaccinated are the animals.
    expectPlaced('Tiêm vắc xin dại cho chó mèo', 'kinh-te', 'Chăn nuôi');
  });

  it('k. jobs, services, market links and government as the conventions say (C3, C5, C11, C18, C35)', () => {
    expectPlaced('Giới thiệu 15 lao động đi làm khu công nghiệp', 'kinh-te', 'Đào tạo nghề - Việc làm');
    expectPlaced('Tổ thu mua cà phê làm đại lý cho công ty', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Cấp mã vùng trồng bưởi', 'kinh-te', MARKET);
    expectPlaced('Livestream bán măng khô', 'kinh-te', MARKET);
    expectPlaced('Sấy cà phê, đóng gói tại hộ', 'kinh-te', CRAFTS);
    expectPlaced('Duy trì trung tâm phục vụ hành chính công', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Giao đất sản xuất cho hộ nghèo thiếu đất', 'vh-xh-mt', SOCIAL);
    expectPlaced('ĐỔI TÊN THÔN SAU SÁP NHẬP', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('l. words, marks and abbreviations: PCCCR, "cống tiêu", a water works\' pipe line, flowers along a road, star anise by the hectare, "bò" no "bờ"', () => {
    expectPlaced('Tuần tra PCCCR mùa hanh khô', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('lam cong tieu dong Ma', 'csht', 'Thủy lợi');
    expectPlaced('Duy tu tuyến ống công trình nước tự chảy', 'csht', 'Nước sạch');
    expectPlaced('Trồng hàng hoa mười giờ ven đường liên thôn', 'vh-xh-mt', 'Môi trường');
    expectPlaced('TRỒNG MỚI 10 HA HỒI', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng cỏ nuôi bò vùng đồi', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Canh tác lúa hữu cơ trên ruộng có thả cá', 'kinh-te', 'Trồng trọt');
  });

  it('m. the conventions\' other wordings: a salt filter, salt hauled for pay, safe ferry teams, silkworm eggs, honey extracted, mushrooms dried, solar panels and solar pumps, early detection, cinnamon by the hectare', () => {
    expectPlaced('Làm chạt lọc cho ruộng muối', 'kinh-te', CRAFTS);
    expectPlaced('Dịch vụ vận chuyển muối thuê', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Thành lập tổ đò an toàn', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Hỗ trợ trứng tằm cho hộ', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Quay mật ong tại hộ', 'kinh-te', CRAFTS);
    expectPlaced('Sấy nấm hương', 'kinh-te', CRAFTS);
    expectPlaced('Lắp tấm pin năng lượng mặt trời trên mái trụ sở xã', 'csht', 'Điện');
    expectPlaced('Lắp bơm năng lượng mặt trời tưới vườn cà phê', 'csht', 'Thủy lợi');
    expectPlaced('Phát hiện sớm trẻ tự kỷ', 'vh-xh-mt', 'Y tế');
    expectPlaced('Trồng mới 30 ha quế', 'kinh-te', 'Lâm nghiệp');
    // …while the mulberry stays a crop and a building in a village named after salt is the building.
    expectPlaced('Hỗ trợ giống dâu tằm', 'kinh-te', 'Trồng trọt');
    expectPlaced('sua chua nha van hoa thon Dong Muoi', 'csht', CULTURE);
  });

  it('n. what the older corpora still missed, by class: "và đường" is no "vá đường", a market sells whatever it sells, a place at the market, hire, food stalls, empty pesticide packs, processing first, a kindergarten class\'s site, a mass swimming movement', () => {
    expectPlaced('Tổng vệ sinh quanh nhà văn hóa và đường thôn', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Duy trì chợ phiên cho bà con bán gà, vịt', 'kinh-te', MARKET);
    expectPlaced('Mở tiệm sửa chữa xe máy tại chợ xã', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Mua xe chở hàng thuê', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Mở quầy giải khát ở chợ phiên', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('Đặt bể chứa vỏ bao bì thuốc trừ sâu ở đầu bờ', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Chế biến măng khô có nhãn mác, bao bì', 'kinh-te', CRAFTS);
    expectPlaced('Lát sân, làm đồ chơi cho lớp mẫu giáo', 'csht', 'Trường học');
    expectPlaced('Vận động toàn dân tập luyện bơi', 'vh-xh-mt', 'Văn hóa');
    // …while a market built is still the market, and a road patched a road.
    expectPlaced('Xây dựng chợ trâu bò', 'kinh-te', MARKET);
    expectPlaced('Vá đường liên thôn', 'csht', GT);
  });

  it('o. tillage for hire (C18), bees written without marks (C32), men sharing housework (C10), helmets (C13), a cashless fair (C26)', () => {
    expectPlaced('HTX làm đất thuê cho xã viên', 'kinh-te', 'Ngành nghề và dịch vụ nông thôn');
    expectPlaced('cap dan ong cho ho can ngheo', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Vận động nam giới chia sẻ việc nhà', 'vh-xh-mt', SOCIAL);
    expectPlaced('Tuyên truyền đội mũ bảo hiểm khi đi xe máy', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Tổ chức hội chợ không dùng tiền mặt', 'kinh-te', MARKET);
    // …while men are still no bees when talked to.
    expect(placeActivity('tuyen truyen cho dan ong ve binh dang gioi', undefined, undefined, undefined).sector).not.toBe('Chăn nuôi');
  });

  it('p. what frames an activity is no part of it: a list\'s mark, "Tiếp tục"/"Triển khai" before it, the document it follows', () => {
    expectPlaced('1. Trồng cây dọc bờ sông chống sạt lở', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('b) Đoàn viên nạo vét kênh mương nội đồng', 'csht', 'Thủy lợi');
    expectPlaced('Tiếp tục trồng cây dọc bờ sông chống sạt lở', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Triển khai cải tạo chuồng bò thành nhà trồng nấm', 'kinh-te', 'Trồng trọt');
    expectPlaced('Làm đường BTXM nối ra đường liên xã theo Kế hoạch số 12/KH-UBND', 'csht', GT);
    expectPlaced('Thành lập CLB liên thế hệ tự giúp nhau theo Quyết định 1336', 'vh-xh-mt', SOCIAL);
  });

  it('q. water stored decides by its stated use (C23), and a spillway across a stream carries the road', () => {
    expectPlaced('Xây hồ chứa nước sinh hoạt cho bản', 'csht', 'Nước sạch');
    expectPlaced('Làm tràn qua khe', 'csht', GT);
    // …while a reservoir watering fields stays irrigation.
    expectPlaced('Nâng cấp hồ chứa nước tưới ruộng', 'csht', 'Thủy lợi');
  });

  it('r. equipment for an arts or sports team is culture (C16), information poverty reduction social (Dự án 6)', () => {
    expectPlaced('Mua trống, chiêng cho đội văn nghệ thôn', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Mua áo thi đấu cho đội bóng đá', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tổ chức truyền thông giảm nghèo về thông tin', 'vh-xh-mt', SOCIAL);
    // …while equipment for the cultural house stays its works.
    expectPlaced('Mua loa, âm ly cho nhà văn hóa', 'csht', CULTURE);
  });

  it('s. a name written without diacritics sets aside its places and programmes too: the capitalised name after a village word in small letters, a programme in parentheses', () => {
    expectPlaced('Ho tro giong ngo lai cho ho ngheo ban Co Muong', 'kinh-te', 'Trồng trọt');
    expectPlaced('Nhua hoa duong truc xa Con Lon', 'csht', GT);
    expectPlaced('Kham suc khoe cho nguoi cao tuoi thon Kenh Moi', 'vh-xh-mt', 'Y tế');
    expectPlaced('Thanh lap to tiet kiem thon (Du an 8)', 'kinh-te', MARKET);
    expectPlaced('Tuyen truyen phong chong lua dao qua mang', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Gop tien lap ngon den an ninh', 'csht', 'Điện');
    expectPlaced('Do be tong ngo 3 xom Gieng', 'csht', GT);
    // …while the works named after a village word in small letters without a capital stay ("thon" alone names nothing).
    expectPlaced('sua chua nha van hoa thon', 'csht', CULTURE);
  });
});

describe('the ninth round (issue 21): the conventions C42-C45 and the ninth corpus\'s classes of error, on names of their own', () => {
  const SOCIAL = 'Xã hội - Bình đẳng giới';
  const CRAFTS = 'Tiểu thủ công nghiệp';
  const MARKET = 'Tổ chức sản xuất, liên kết thị trường';
  const CULTURE = 'Cơ sở vật chất văn hóa - thông tin';
  const SERVICES = 'Ngành nghề và dịch vụ nông thôn';

  it('a. school consolidation is schooling (C45), pupils\' transport too (C12); what is built to receive them stays the school\'s works', () => {
    expectPlaced('Sáp nhập điểm trường Nà Hin vào trường tiểu học trung tâm xã', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Rà soát, sắp xếp mạng lưới trường học giai đoạn 2026-2030', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Don diem truong le ve truong chinh', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('DỒN ĐIỂM TRƯỜNG LẺ VỀ TRƯỜNG TRUNG TÂM', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Thuê xe đưa đón trẻ mầm non từ bản xa về trường chính', 'vh-xh-mt', 'Giáo dục');
    // …while classrooms and toilets built after the merger are the school's (C1), and so are surplus premises converted into a school (C42).
    expectPlaced('Xây 3 phòng học tiếp nhận học sinh sau dồn điểm trường', 'csht', 'Trường học');
    expectPlaced('Xây nhà vệ sinh cho học sinh bán trú sau sáp nhập điểm trường', 'csht', 'Trường học');
    expectPlaced('Cải tạo trụ sở UBND xã cũ thành trường mầm non', 'csht', 'Trường học');
    expectPlaced('Chuyển trụ sở xã dôi dư thành trạm y tế khu vực', 'vh-xh-mt', 'Y tế');
    expectPlaced('Sửa chữa trụ sở dôi dư làm nhà văn hóa thôn', 'csht', CULTURE);
  });

  it('a2. surplus premises inventoried, disposed of or assigned are local government (C42); "tài sản" (assets) is no "tại sân" (at the yard)', () => {
    expectPlaced('Kiểm kê, lập phương án xử lý tài sản công dôi dư', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Thanh lý tài sản công dôi dư sau sắp xếp đơn vị hành chính', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Rà soát, bố trí sử dụng trụ sở dôi dư sau sáp nhập', 'vh-xh-mt', 'Tổ chức chính quyền');
  });

  it('b. drinking water delivered is clean water (C43), and water works decide by their stated use (C1, C23)', () => {
    expectPlaced('Phát nước đóng chai cho người dân vùng lũ', 'csht', 'Nước sạch');
    expectPlaced('Đoàn thanh niên vận chuyển nước sinh hoạt cho bà con vùng khô hạn', 'csht', 'Nước sạch');
    expectPlaced('Xây đập dâng lấy nước sinh hoạt cho bản', 'csht', 'Nước sạch');
    expectPlaced('Làm bể lắng, đập đầu mối lấy nước khe cấp sinh hoạt', 'csht', 'Nước sạch');
    expectPlaced('Rào bảo vệ mó nước bản', 'csht', 'Nước sạch');
    // …while cash relief stays social, and a dam or a stream watering fields irrigation.
    expectPlaced('Hỗ trợ tiền mặt cho hộ bị thiệt hại do hạn mặn', 'vh-xh-mt', SOCIAL);
    expectPlaced('Xây đập dâng tưới ruộng bậc thang', 'csht', 'Thủy lợi');
    expectPlaced('Nạo vét suối lấy nước tưới', 'csht', 'Thủy lợi');
  });

  it('c. relics, festival boats, instruments and costumes are culture (C44); a practice ground\'s apparatus is cultural works (C16)', () => {
    expectPlaced('Trùng tu đình làng Đông Sơn', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Sửa ghe ngo cho chùa đua lễ hội', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Mua trống, chiêng cho đội văn nghệ thôn', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Xây dựng sân tập luyện thể thao cho thôn', 'csht', CULTURE);
    // …while a cultural house's sound system stays its works, a club's gear culture, and a gathering of people named "tập trung" no restoration.
    expectPlaced('Mua dàn âm thanh cho nhà văn hóa thôn', 'csht', CULTURE);
    expectPlaced('Mua dụng cụ tập luyện cho CLB dưỡng sinh', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Tập trung thu gom rác thải', 'vh-xh-mt', 'Môi trường');
  });

  it('d. drills and rescue gear are security (C14), embankments of any material irrigation', () => {
    expectPlaced('Diễn tập ứng phó sự cố vỡ đập hồ chứa', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Mua tàu thuyền cứu hộ cho xã', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Kè rọ đá chống sạt lở bờ sông', 'csht', 'Thủy lợi');
    expectPlaced('Ke ro da chong sat lo bo song', 'csht', 'Thủy lợi');
    expectPlaced('Làm kè mềm bảo vệ bờ biển', 'csht', 'Thủy lợi');
    // …while a livelihood ("sinh kế") is no embankment, and lines painted on a road stay the road's.
    expectPlaced('Hỗ trợ tổ nhóm sinh kế làm chủ bán hàng qua mạng', 'kinh-te', MARKET);
    expectPlaced('Kẻ vạch sơn đường trục xã', 'csht', GT);
  });

  it('e. identity cards and residence filing are local government whoever leads them (C11); methadone is health (C30); a meeting for border security is security (C31)', () => {
    expectPlaced('Công an xã làm căn cước cho người dân tại thôn', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Điều trị methadone cho người nghiện', 'vh-xh-mt', 'Y tế');
    expectPlaced('Gặp mặt già làng, người có uy tín bàn việc giữ gìn ANBG', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('f. a cooperative\'s membership and a certified area are market links (C5, C20); a buying point opened is a service (C18); jobs placed are jobs (C3)', () => {
    expectPlaced('HTX nông nghiệp kết nạp thêm 20 thành viên', 'kinh-te', MARKET);
    expectPlaced('Kết nạp thêm xã viên vào HTX rau an toàn', 'kinh-te', MARKET);
    expectPlaced('Mở rộng diện tích bưởi đạt VietGAP lên 30 ha', 'kinh-te', MARKET);
    expectPlaced('Mở điểm thu mua cà phê tại thôn', 'kinh-te', SERVICES);
    expectPlaced('Mo diem thu mua nong san', 'kinh-te', SERVICES);
    expectPlaced('Đưa 15 lao động vào làm việc tại khu công nghiệp', 'kinh-te', 'Đào tạo nghề - Việc làm');
    // …while a union's own membership stays its business, and a service team given a machine a service.
    expectPlaced('Kết nạp hội viên mới hội nông dân', 'vh-xh-mt', 'Hoạt động đoàn thể');
    expectPlaced('Hỗ trợ máy gặt cho tổ dịch vụ', 'kinh-te', SERVICES);
  });

  it('g. telecom cables tidied are information works; mangroves and firebreaks forestry (C9, C17)', () => {
    expectPlaced('Chỉnh trang, bó gọn dây cáp internet trên các tuyến đường', 'csht', CULTURE);
    expectPlaced('Trồng cây đước, cây mắm bảo vệ đê biển', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng sú vẹt ven đầm nuôi tôm', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Làm đường ranh cản lửa', 'kinh-te', 'Lâm nghiệp');
    // …while tidying a road's verges stays the environment's (C8), and medicinal plants a crop.
    expectPlaced('Phát quang, chỉnh trang đường làng', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Trồng cây dược liệu bán cho công ty', 'kinh-te', 'Trồng trọt');
  });

  it('h. aquaculture ponds and shrimp in rice fields are fisheries (C32); pumps bringing water irrigation (C29, C38); what is planted first decides', () => {
    expectPlaced('Gia co bo ao nuoi tom', 'kinh-te', 'Thủy sản');
    expectPlaced('Cải tạo ruộng lúa sang mô hình lúa - tôm', 'kinh-te', 'Thủy sản');
    expectPlaced('Lắp máy bơm nước mặn vào ruộng muối', 'csht', 'Thủy lợi');
    expectPlaced('Hỗ trợ giống lúa cho vụ lúa trên đất nuôi tôm', 'kinh-te', 'Trồng trọt');
    expectPlaced('Trồng dâu nuôi tằm cho hộ nghèo', 'kinh-te', 'Trồng trọt');
    expectPlaced('Trong dau nuoi tam 2 ha', 'kinh-te', 'Trồng trọt');
    expectPlaced('Trồng nấm rơm, HTX nấm', 'kinh-te', 'Trồng trọt');
    // …while forage feeds the animals (C28), fish raised with rice are fisheries (C32), canals bringing water irrigate, power lines are power.
    expectPlaced('Trồng cỏ voi nuôi bò', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Trồng lúa kết hợp thả cá', 'kinh-te', 'Thủy sản');
    expectPlaced('Nạo vét kênh cấp nước cho vùng nuôi tôm', 'csht', 'Thủy lợi');
    expectPlaced('Kéo điện 3 pha cho vùng nuôi tôm', 'csht', 'Điện');
  });

  it('i. what an activity is for, when and how it is told are no part of it: jobs made, "gắn với", "bằng tiếng dân tộc"; "công tơ" is no culvert; NLMT is solar power', () => {
    expectPlaced('Duy trì nghề dệt thổ cẩm, tạo việc làm cho phụ nữ', 'kinh-te', CRAFTS);
    expectPlaced('Dệt thổ cẩm gắn với du lịch cộng đồng', 'kinh-te', CRAFTS);
    expectPlaced('Phổ biến pháp luật bằng tiếng dân tộc', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Thay công tơ điện cho hộ nghèo', 'csht', 'Điện');
    expectPlaced('Lắp đặt hệ thống NLMT cho trụ sở UBND xã', 'csht', 'Điện');
    // …while jobs made alone, or by credit, stay jobs; the language taught stays schooling.
    expectPlaced('Tạo việc làm cho lao động nông thôn', 'kinh-te', 'Đào tạo nghề - Việc làm');
    expectPlaced('Hỗ trợ vay vốn tạo việc làm cho thanh niên', 'kinh-te', 'Đào tạo nghề - Việc làm');
    expectPlaced('Dạy tiếng Việt cho trẻ DTTS trước tuổi vào lớp 1', 'vh-xh-mt', 'Giáo dục');
  });

  it('j. the same classes in other wordings: gongs for a nhà rông (C44), residence filed online with the police (C11), field days and performances written without marks, a health station\'s toilet (C2), planting against erosion (C9), grass for fish, a fire watchtower (C17), safe ferry teams (C31), solar panels on a school (C38), a crop planted for its oil, a well\'s source (C1), social insurance', () => {
    expectPlaced('Trang bị bộ cồng chiêng cho nhà rông', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Công an xã hỗ trợ người dân đăng ký thường trú trực tuyến', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Hoi thao dau bo giong ngo moi chiu han', 'kinh-te', 'Trồng trọt');
    expectPlaced('Doi mua xoang bieu dien phuc vu du khach', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Cai tao vuon tap trong buoi Dien', 'kinh-te', 'Trồng trọt');
    expectPlaced('Xây nhà vệ sinh trạm y tế', 'vh-xh-mt', 'Y tế');
    expectPlaced('Trồng cây xanh ven sông chống sạt lở', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng cỏ nuôi cá trắm', 'kinh-te', 'Thủy sản');
    expectPlaced('Làm chòi canh lửa rừng', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Tổ đò ngang an toàn', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Lắp điện mặt trời áp mái cho trường học', 'csht', 'Điện');
    expectPlaced('Trồng sả lấy tinh dầu', 'kinh-te', 'Trồng trọt');
    expectPlaced('Làm hàng rào bảo vệ nguồn nước giếng', 'csht', 'Nước sạch');
    expectPlaced('Hỗ trợ đóng BHXH tự nguyện cho lao động tự do', 'vh-xh-mt', SOCIAL);
    // …while a nhà rông's stage and sound system stay its works (C44), a forest fire drill forestry (C17), rice grown intensively ("thâm canh lúa") no fire watch.
    expectPlaced('Lắp sân khấu và hệ thống âm thanh nhà rông', 'csht', CULTURE);
    expectPlaced('Diễn tập phòng cháy chữa cháy rừng', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Thâm canh lúa lai vụ xuân 20 ha', 'kinh-te', 'Trồng trọt');
    expectPlaced('Chưng cất tinh dầu sả', 'kinh-te', CRAFTS);
    expectPlaced('Lắp bơm năng lượng mặt trời tưới vườn cà phê', 'csht', 'Thủy lợi');
  });
});

describe('the tenth round (issue 21): the conventions C46-C49 and the tenth corpus\'s classes of error, on names of their own', () => {
  const SOCIAL = 'Xã hội - Bình đẳng giới';
  const CULTURE = 'Cơ sở vật chất văn hóa - thông tin';
  const SERVICES = 'Ngành nghề và dịch vụ nông thôn';
  const JOBS = 'Đào tạo nghề - Việc làm';

  it('a. a vocational course is jobs whatever trade it teaches, tourism too (C3)', () => {
    expectPlaced('Lớp sơ cấp nghề nấu ăn phục vụ du lịch homestay', 'kinh-te', JOBS);
    expectPlaced('Đào tạo nghề hướng dẫn viên du lịch cho thanh niên DTTS', 'kinh-te', JOBS);
    // …while the tourism service itself stays a service (C27).
    expectPlaced('Nâng cấp nhà ở thành homestay đón khách du lịch cộng đồng', 'kinh-te', SERVICES);
  });

  it('b. a pump watering crops is irrigation whatever powers it (C38, C23); solar panels alone stay power', () => {
    expectPlaced('Lắp máy bơm chạy điện mặt trời tưới cà phê', 'csht', 'Thủy lợi');
    expectPlaced('Bơm nước tưới cho 5ha lúa bằng máy bơm dầu', 'csht', 'Thủy lợi');
    expectPlaced('Lắp đặt hệ thống điện năng lượng mặt trời trụ sở UBND xã', 'csht', 'Điện');
  });

  it('c. fresh water shipped or pumped and handed out to households is clean water (C43)', () => {
    expectPlaced('Chở nước ngọt bằng ghe phát cho hộ dân vùng mặn', 'csht', 'Nước sạch');
    expectPlaced('Cấp nước ngọt từ xe bồn cho các hộ thiếu nước', 'csht', 'Nước sạch');
  });

  it('d. cooking for boarding pupils is schooling (C12), food-safety checks of a kitchen health (C19); the kitchen built stays the school\'s (C1)', () => {
    expectPlaced('Nấu cơm trưa cho học sinh bán trú', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Tổ chức bữa ăn bán trú cho học sinh tiểu học', 'vh-xh-mt', 'Giáo dục');
    expectPlaced('Kiểm thực ba bước tại bếp ăn trường mầm non', 'vh-xh-mt', 'Y tế');
    expectPlaced('Lưu mẫu thức ăn tại bếp ăn tập thể', 'vh-xh-mt', 'Y tế');
    expectPlaced('Xây bếp ăn bán trú trường tiểu học', 'csht', 'Trường học');
    // "cấp dưỡng" folds like "nâng cấp đường": an upgraded road to a boarding school is still a road.
    expectPlaced('Nâng cấp đường vào điểm trường bán trú', 'csht', GT);
  });

  it('e. a cultural house\'s shelf and computers are its works (C36); loudspeakers are information works wherever they hang (C2)', () => {
    expectPlaced('Tủ sách và máy tính cho NVH thôn', 'csht', CULTURE);
    expectPlaced('Loa truyền thanh không dây thôn Tân Lập', 'csht', CULTURE);
    expectPlaced('Lắp cụm loa truyền thanh tại chợ xã', 'csht', CULTURE);
    // …while what is said over them decides.
    expectPlaced('Tuyên truyền trên loa phát thanh về phòng chống ma túy', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('f. tours and experiences sold to visitors, buying agents and hauling for hire are services (C18, C27); pupils\' experiences stay schooling', () => {
    expectPlaced('Tour du lịch trải nghiệm làm nông cho khách', 'kinh-te', SERVICES);
    expectPlaced('Trải nghiệm làm bánh dân gian cho du khách', 'kinh-te', SERVICES);
    expectPlaced('Đại lý thu mua sắn lát tại thôn', 'kinh-te', SERVICES);
    expectPlaced('Hoạt động trải nghiệm sáng tạo cho học sinh THCS', 'vh-xh-mt', 'Giáo dục');
  });

  it('g. passing on an ethnic script or songs to the young is culture (C44 by analogy)', () => {
    expectPlaced('Truyền dạy hát dân ca cho thiếu nhi bản', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Lớp dạy chữ Nôm cho người cao tuổi', 'vh-xh-mt', 'Văn hóa');
    expectPlaced('Lớp truyền dạy đánh chiêng cho thanh niên', 'vh-xh-mt', 'Văn hóa');
  });

  it('h-j. social housing is social (C2); a digital team local government (C26); gifts to policy families and houses for the poor social (C22, C2), a union\'s visits to its own members its business', () => {
    expectPlaced('Rà soát đối tượng được mua nhà ở xã hội', 'vh-xh-mt', SOCIAL);
    expectPlaced('Kiện toàn tổ công nghệ số cộng đồng thôn', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Tổ CNS cộng đồng hướng dẫn người dân cài VNeID', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Thăm hỏi, tặng quà gia đình chính sách dịp 27/7', 'vh-xh-mt', SOCIAL);
    expectPlaced('Đoàn thanh niên giúp hộ nghèo dựng nhà', 'vh-xh-mt', SOCIAL);
    expectPlaced('Hội CCB thăm hỏi hội viên ốm đau', 'vh-xh-mt', 'Hoạt động đoàn thể');
    // …while livestock given to policy families stays the livestock.
    expectPlaced('Cấp bò giống cho gia đình chính sách', 'kinh-te', 'Chăn nuôi');
  });

  it('k. guarding one\'s own crops or herds is that production (C47); forest cover kept is forestry, crops under forest stay crops (C9)', () => {
    expectPlaced('Canh giữ vườn cam mùa thu hoạch', 'kinh-te', 'Trồng trọt');
    expectPlaced('Tổ canh gác đàn trâu thả rông', 'kinh-te', 'Chăn nuôi');
    expectPlaced('Bảo vệ, duy trì độ che phủ rừng', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Trồng cà phê dưới tán rừng', 'kinh-te', 'Trồng trọt');
  });

  it('l. fertilising a crop is growing it; a composting site for waste or compost made at home is the environment\'s (class D); a silage pit is the herd\'s', () => {
    expectPlaced('Bón vôi, bón phân cho cà phê tái canh', 'kinh-te', 'Trồng trọt');
    expectPlaced('Xây bể ủ phân hữu cơ từ rác tại hộ gia đình', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Hướng dẫn hộ dân ủ phân từ rác hữu cơ tại nhà', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Xây dựng hầm ủ thức ăn chăn nuôi', 'kinh-te', 'Chăn nuôi');
  });

  it('m. a road or bridge to a resettlement site is the road (C21); houses for the resettled stay social; field earthworks raising fish are fisheries (C32)', () => {
    expectPlaced('Đường vào khu tái định cư thôn Làng Nủ', 'csht', GT);
    expectPlaced('Cầu dẫn vào khu định canh định cư', 'csht', GT);
    expectPlaced('Xây nhà cho hộ tái định cư', 'vh-xh-mt', SOCIAL);
    expectPlaced('Đắp bờ ruộng để nuôi cá', 'kinh-te', 'Thủy sản');
  });

  it('o. a retaining wall or taluy takes the sector of the building it holds (C46); a road\'s stays the road\'s, a river\'s or the sea\'s irrigation (C14)', () => {
    expectPlaced('Xây tường kè taluy trụ sở UBND xã', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Xây kè chống sạt lở nền trường tiểu học', 'csht', 'Trường học');
    expectPlaced('Kè bảo vệ nền nhà văn hóa thôn', 'csht', CULTURE);
    expectPlaced('Kè taluy âm đường vào bản', 'csht', GT);
    expectPlaced('Kè bờ sông chống xói lở đoạn qua thôn 3', 'csht', 'Thủy lợi');
    expectPlaced('Xây kè biển chống triều cường', 'csht', 'Thủy lợi');
  });

  it('p. guarding one\'s own pond or orchard is that production (C47); community security and forest patrols keep their sectors (C24, C17)', () => {
    expectPlaced('Tổ canh giữ ao cá', 'kinh-te', 'Thủy sản');
    expectPlaced('Thuê người trông giữ vườn cam', 'kinh-te', 'Trồng trọt');
    expectPlaced('Tổ tuần tra bảo vệ rừng thôn', 'kinh-te', 'Lâm nghiệp');
    expectPlaced('Tổ an ninh tự quản ban đêm', 'vh-xh-mt', 'An ninh trật tự');
  });

  it('q. a group or HTX that runs a work takes the work\'s sector (C48); a production HTX stays market links (C5)', () => {
    expectPlaced('Kiện toàn tổ thủy nông thôn', 'csht', 'Thủy lợi');
    expectPlaced('Thành lập tổ dùng nước kênh N2', 'csht', 'Thủy lợi');
    expectPlaced('HTX tiếp nhận quản lý nhà máy nước xã', 'csht', 'Nước sạch');
    expectPlaced('Tập huấn tổ quản lý vận hành công trình cấp nước sinh hoạt', 'csht', 'Nước sạch');
    expectPlaced('Thành lập HTX nông nghiệp dịch vụ tổng hợp', 'kinh-te', 'Tổ chức sản xuất, liên kết thị trường');
  });

  it('r. testing drinking water is clean water (C49); food tests stay health (C19), wastewater the environment\'s, pond water fisheries', () => {
    expectPlaced('Xét nghiệm mẫu nước giếng hộ gia đình', 'csht', 'Nước sạch');
    expectPlaced('Test nhanh chất lượng nước giếng khoan', 'csht', 'Nước sạch');
    expectPlaced('Kiểm tra mẫu thực phẩm tại chợ', 'vh-xh-mt', 'Y tế');
    expectPlaced('Quan trắc nước thải làng nghề', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Kiểm tra chất lượng nước ao nuôi tôm', 'kinh-te', 'Thủy sản');
  });

  it('s-u. pupils\' and teachers\' toilets are the school\'s (C1), a household latrine the environment\'s (C4); "phổ cập bơi" social (C22); a village assembly on its plan local government, one for a road the road (C6); a tillage service a service (C18); bời lời forestry (C9)', () => {
    expectPlaced('Xây nhà vệ sinh học sinh', 'csht', 'Trường học');
    expectPlaced('Sửa chữa nhà vệ sinh giáo viên', 'csht', 'Trường học');
    expectPlaced('Hỗ trợ xây nhà tiêu cho hộ nghèo', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Phổ cập bơi cho học sinh tiểu học', 'vh-xh-mt', SOCIAL);
    expectPlaced('Họp dân bàn kế hoạch phát triển thôn năm 2027', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Họp dân bàn làm đường bê tông', 'csht', GT);
    expectPlaced('Mua máy cày cho HTX cung cấp dịch vụ làm đất', 'kinh-te', SERVICES);
    expectPlaced('Trồng bời lời đỏ xen cà phê', 'kinh-te', 'Lâm nghiệp');
    // "định hướng" (orientation) is no tree.
    expect(placeActivity('Thu thập thông tin định hướng từ huyện', undefined, undefined, undefined).sector).toBe('Tổ chức chính quyền');
  });

  it('v. wastewater treatment works are the environment\'s (C4), water treated to drink clean water\'s (C1); premarital counselling is social (C10); the commune offices\' hall local government, a village hall cultural works (C2)', () => {
    expectPlaced('Xây dựng khu xử lý nước thải tập trung', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Xây trạm xử lý nước thải khu dân cư', 'vh-xh-mt', 'Môi trường');
    expectPlaced('Lắp hệ thống xử lý nước sinh hoạt', 'csht', 'Nước sạch');
    expectPlaced('Tư vấn tiền hôn nhân cho thanh niên', 'vh-xh-mt', SOCIAL);
    expectPlaced('Cải tạo hội trường UBND xã', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Sửa chữa hội trường thôn', 'csht', CULTURE);
  });

  it('n. a village\'s communication team is Dự án 8\'s (C10); one named for the law or for drugs keeps that subject', () => {
    expectPlaced('Tổ truyền thông thôn họp định kỳ', 'vh-xh-mt', SOCIAL);
    expectPlaced('Tổ tuyên truyền pháp luật thôn', 'vh-xh-mt', 'Tổ chức chính quyền');
    expectPlaced('Thành lập tổ tuyên truyền phòng chống ma túy', 'vh-xh-mt', 'An ninh trật tự');
  });
});

describe('the other conventions, checked on names of their own', () => {
  it('drugs wherever they are talked of are security (C10); brooms are crafts (C18); a BTS station is information works (C2)', () => {
    expectPlaced('Tuyên truyền phòng chống ma túy trong học đường', 'vh-xh-mt', 'An ninh trật tự');
    expectPlaced('Sản xuất chổi đót', 'kinh-te', 'Tiểu thủ công nghiệp');
    expectPlaced('Lắp đặt trạm BTS', 'csht', 'Cơ sở vật chất văn hóa - thông tin');
    // …while schooling's own words stay schooling's.
    expectPlaced('Dạy tiếng Việt cho trẻ em DTTS trước khi vào lớp 1', 'vh-xh-mt', 'Giáo dục');
  });
});

describe('the older labels the conventions contradict', () => {
  it('each is a row of an older corpus whose label differs from the convention\'s, and the classifier files it by the convention', () => {
    const raw = new Map<string, { topic: string; sector?: string }>();
    for (const folder of ['unseen-activities', 'heldout-activities', 'heldout3-activities', 'heldout4-activities', 'heldout5-activities', 'dev6-activities']) {
      for (const line of readFileSync(join(__dirname, '..', 'fixtures', folder, `${folder}.tsv`), 'utf8').split('\n').slice(1)) {
        const [name, topic, sector] = line.split('\t');
        if (name) raw.set(name, { topic, sector });
      }
    }
    const json = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'activity-topics.json'), 'utf8')) as { cases: { activity: string; topic: string; sector?: string }[] };
    for (const c of json.cases) raw.set(c.activity, c);
    for (const [name, convention] of CONVENTION_LABELS) {
      const old = raw.get(name);
      expect([name, old !== undefined]).toEqual([name, true]);
      expect([name, old?.topic !== convention.topic || old.sector !== convention.sector]).toEqual([name, true]);
      const placed = placeActivity(name, undefined, undefined, undefined);
      expect([name, placed.topic, placed.sector]).toEqual([name, convention.topic, convention.sector]);
    }
    // The corpora are read with the convention's label.
    expect(readLabelled('dev6-activities').corpus.find((c) => c.name === 'Di dời chuồng trại chăn nuôi ra xa nhà ở')?.sector).toBe('Chăn nuôi');
  });
});
