/**
 * Words of the Sheets-only screens (the upper level's roll-up, protecting a commune's tab), in
 * Vietnamese and English. The shared pane has its own (core/ui/i18n).
 */
const n = (x: number): string => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(x);
const nEn = (x: number): string => new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(x);
/** Nghìn đồng (the activity forms' unit) shown in triệu đồng, one decimal at most: the screen's one unit, as its funds field. */
const m = (thousands: number): string => n(Math.round(thousands / 100) / 10);
const mEn = (thousands: number): string => nEn(Math.round(thousands / 100) / 10);

export const sheetsVi = {
  nav: { label: 'Khu vực làm việc', pane: 'Kế hoạch', upper: 'Cấp trên', share: 'Chia sẻ' },
  upper: {
    title: 'Tổng hợp các xã',
    intro: (upper: string): string =>
      `${upper} tổng hợp biểu II.6.A, II.6.B (và II.4.A, II.4.B, III.1 nếu có) của các xã. Số liệu các xã nằm trong các bảng dữ liệu (mỗi hoạt động một dòng, không thêm trang cho từng xã); từ đó có bảng theo lĩnh vực có cột thẩm định, bảng theo xã, thứ tự ưu tiên trong nguồn vốn và bảng "Phản hồi các xã".`,
    sources:
      'Xã gửi tệp .xlsx (thư điện tử, Zalo) thì tải các tệp lên: số liệu của mỗi xã vào bảng dữ liệu, tệp mới của một xã thay số liệu cũ của xã đó. Trang của từng xã theo cách cũ (ví dụ "Xã Tân Lập - II.6.B") được nhập vào bảng dữ liệu ở lần tổng hợp đầu tiên.',
    notUpper: 'Cài đặt đang là cấp thôn/xã. Hãy đặt cấp Huyện hoặc Tỉnh trong Cài đặt nếu bảng tính này là của cấp trên.',
    upload: 'Tải tệp .xlsx của các xã',
    importing: (done: number, total: number): string => `Đang nhập ${n(done)}/${n(total)} xã…`,
    imported: (files: number, communes: number, balanced: boolean): string =>
      `Đã nhập ${n(files)} tệp: ${n(communes)} xã vào bảng dữ liệu${balanced ? ', số hoạt động đọc được = số dòng ghi vào bảng' : ' — CÓ XÃ KHÔNG KHỚP giữa số đọc được và số ghi vào bảng'}. Bấm «Tổng hợp các xã» để cập nhật các bảng tổng hợp.`,
    importedNone: 'Các tệp không có biểu II.6.A, II.6.B hay II.4.B nào của xã.',
    importStopped: (done: number, total: number, error: string): string => `Đã nhập ${n(done)}/${n(total)} tệp rồi dừng: ${error}`,
    resume: (left: number): string => `Nhập tiếp ${n(left)} tệp còn lại`,
    feedbackPick: 'Phiếu phản hồi in cho xã',
    feedbackShow: 'Xem phiếu phản hồi',
    feedbackShown: (commune: string, count: number): string => `Trang "Phiếu phản hồi" nay là của ${commune} (${n(count)} hoạt động): in trang này để gửi xã.`,
    downloadFeedback: 'Tải tệp phản hồi của các xã (.zip)',
    downloading: (done: number, total: number): string => `Đang chuẩn bị tệp phản hồi ${n(done)}/${n(total)} xã…`,
    downloaded: (count: number, file: string): string => `Đã tải ${file}: ${n(count)} tệp, mỗi xã một tệp; xã nhận tệp của mình trong LKH.`,
    notXlsx: (names: string): string => `Bỏ qua (không phải tệp .xlsx): ${names}.`,
    funds: 'Vốn cấp trên nắm giữ cho hoạt động chưa rõ nguồn (triệu đồng)',
    fundsHint: 'Để trống: dùng số của lần tổng hợp trước.',
    fundsInvalid: 'Nhập một số không âm.',
    run: 'Tổng hợp các xã',
    rerun: 'Tổng hợp lại',
    running: 'Đang tổng hợp các xã… (300 xã mất khoảng một phút)',
    rerunNote: 'Chạy lại không xoá gì: ý kiến thẩm định đã nhập được giữ theo "Mã dòng (LKH)" và ghi lại ở trang "Thẩm định lần trước".',
    reconciliation: (communes: number, read: number, amount: number, written: number, writtenAmount: number, balanced: boolean): string =>
      `${n(communes)} xã: đọc ${n(read)} hoạt động (${m(amount)} triệu đồng) → ${n(written)} dòng (${m(writtenAmount)} triệu đồng): ${balanced ? 'khớp' : 'KHÔNG khớp'}.`,
    kept: (appraisals: number, vanished: number): string =>
      [appraisals > 0 ? `Giữ nguyên ${n(appraisals)} ý kiến thẩm định đã nhập` : '', vanished > 0 ? `${n(vanished)} dòng cũ không còn xã nào đề xuất (vẫn giữ)` : ''].filter(Boolean).join('; '),
    ranking: (accepted: number, within: number, funds: number | undefined): string =>
      funds === undefined ? `${n(accepted)} hoạt động II.6.B được đồng ý, xếp theo thứ tự cấp vốn.` : `${n(accepted)} hoạt động II.6.B được đồng ý; ${n(within)} hoạt động nằm trong ${n(funds)} triệu đồng.`,
    communes: 'Các xã',
    commune: (name: string, count: number, total: number): string => `${name}: ${n(count)} hoạt động, ${m(total)} triệu đồng`,
    verdicts: (a: number, r: number, p: number): string => `đồng ý ${n(a)}, không đồng ý ${n(r)}, chưa thẩm định ${n(p)}`,
    unbalanced: 'không khớp',
    iii1: (within: boolean): string => (within ? 'III.1 đủ cho II.6.A' : 'III.1 không đủ cho II.6.A'),
    problems: 'Cần xem',
    omitted: (count: number): string => `… và ${n(count)} mục khác (xem trang "Báo cáo đọc các xã").`,
    skipped: (count: number): string => `${n(count)} trang không dùng để tổng hợp (trang của LKH, bản cũ, biểu khác).`,
    sheets: (names: string): string => `Đã ghi: ${names}.`,
    copies: (count: number): string => `Giữ lại ${n(count)} trang cũ với tên "(cũ)".`,
    elapsed: (seconds: number): string => `Thời gian trên máy chủ: ${n(seconds)} giây.`,
  },
  share: {
    title: 'Bảo vệ trang của xã',
    intro:
      'Trong bảng tính dùng chung, bảo vệ trang của một xã để chỉ cán bộ của xã đó (cùng chủ bảng tính và người bảo vệ) sửa được. Nhiều người cùng dùng LKH: mỗi lần ghi đều chờ người khác ghi xong.',
    sheet: 'Trang của xã',
    refresh: 'Tải lại danh sách',
    noSheets: 'Chưa có trang nào của xã.',
    editors: 'Email được sửa trang (cách nhau bằng dấu phẩy)',
    editorsHint: 'Ví dụ: can.bo.xa@gmail.com, ke.toan.xa@gmail.com',
    warningOnly: 'Chỉ cảnh báo: ai cũng sửa được nhưng được hỏi lại trước',
    needEditors: 'Nhập ít nhất một email, hoặc chọn "Chỉ cảnh báo".',
    protect: 'Bảo vệ trang của xã',
    protecting: 'Đang bảo vệ…',
    done: (sheet: string, editors: string): string => `Đã bảo vệ trang "${sheet}". Người được sửa: ${editors}.`,
    doneWarning: (sheet: string): string => `Đã bảo vệ trang "${sheet}" ở chế độ cảnh báo.`,
  },
  errors: { notInSheets: 'Bảng điều khiển này chỉ chạy trong Google Trang tính (Tiện ích → LKH → Mở bảng điều khiển).' },
};

export type SheetsStrings = typeof sheetsVi;

export const sheetsEn: SheetsStrings = {
  nav: { label: 'Work area', pane: 'Plan', upper: 'Upper level', share: 'Sharing' },
  upper: {
    title: 'Roll up the communes',
    intro: (upper: string): string =>
      `${upper} rolls the communes' II.6.A and II.6.B (and II.4.A, II.4.B, III.1 when present) up. The communes' data is kept in long tables (one row per activity, no tab per commune), and from them a summary by sector with appraisal columns, a table by commune, the funding order and the table "Phản hồi các xã".`,
    sources: 'Upload the .xlsx files communes send (e-mail, Zalo): each commune\'s data goes into the tables, a newer file of a commune replaces its earlier data. Communes\' tabs of the earlier layout (e.g. "Xã Tân Lập - II.6.B") are imported into the tables at the first roll-up.',
    notUpper: 'The settings say village/commune level. Set the level to District or Province in Settings if this spreadsheet belongs to the upper level.',
    upload: "Upload communes' .xlsx files",
    importing: (done: number, total: number): string => `Importing ${nEn(done)}/${nEn(total)} communes…`,
    imported: (files: number, communes: number, balanced: boolean): string =>
      `Imported ${nEn(files)} file(s): ${nEn(communes)} commune(s) into the tables${balanced ? ', activities read = rows written' : ' — SOME COMMUNES DO NOT BALANCE between what was read and what was written'}. Press «Roll up the communes» to update the summaries.`,
    importedNone: 'The files hold no II.6.A, II.6.B or II.4.B of a commune.',
    importStopped: (done: number, total: number, error: string): string => `Imported ${nEn(done)}/${nEn(total)} file(s), then stopped: ${error}`,
    resume: (left: number): string => `Import the ${nEn(left)} file(s) left`,
    feedbackPick: 'Printable feedback for commune',
    feedbackShow: 'Show its feedback',
    feedbackShown: (commune: string, count: number): string => `The sheet "Phiếu phản hồi" now shows ${commune} (${nEn(count)} activities): print it to send.`,
    downloadFeedback: "Download the communes' feedback files (.zip)",
    downloading: (done: number, total: number): string => `Preparing feedback files ${nEn(done)}/${nEn(total)}…`,
    downloaded: (count: number, file: string): string => `Downloaded ${file}: ${nEn(count)} files, one per commune; each commune reads its own in LKH.`,
    notXlsx: (names: string): string => `Skipped (not .xlsx): ${names}.`,
    funds: 'Funds the upper level holds for activities of unknown source (million đồng)',
    fundsHint: "Empty: the last run's figure.",
    fundsInvalid: 'Enter a number, zero or more.',
    run: 'Roll up the communes',
    rerun: 'Roll up again',
    running: 'Rolling up the communes… (300 communes take about a minute)',
    rerunNote: 'A re-run deletes nothing: appraisals typed in are kept by "Mã dòng (LKH)" and listed in the sheet "Thẩm định lần trước".',
    reconciliation: (communes: number, read: number, amount: number, written: number, writtenAmount: number, balanced: boolean): string =>
      `${nEn(communes)} communes: read ${nEn(read)} activities (${mEn(amount)} million đồng) → ${nEn(written)} rows (${mEn(writtenAmount)} million đồng): ${balanced ? 'balanced' : 'NOT balanced'}.`,
    kept: (appraisals: number, vanished: number): string =>
      [appraisals > 0 ? `${nEn(appraisals)} appraisals kept` : '', vanished > 0 ? `${nEn(vanished)} old rows no commune proposes any more (kept)` : ''].filter(Boolean).join('; '),
    ranking: (accepted: number, within: number, funds: number | undefined): string =>
      funds === undefined ? `${nEn(accepted)} accepted II.6.B activities, in funding order.` : `${nEn(accepted)} accepted II.6.B activities; ${nEn(within)} within ${nEn(funds)} million đồng.`,
    communes: 'Communes',
    commune: (name: string, count: number, total: number): string => `${name}: ${nEn(count)} activities, ${mEn(total)} million đồng`,
    verdicts: (a: number, r: number, p: number): string => `accepted ${nEn(a)}, rejected ${nEn(r)}, not appraised ${nEn(p)}`,
    unbalanced: 'not balanced',
    iii1: (within: boolean): string => (within ? 'III.1 covers II.6.A' : 'III.1 does not cover II.6.A'),
    problems: 'To look at',
    omitted: (count: number): string => `… and ${nEn(count)} more (see the sheet "Báo cáo đọc các xã").`,
    skipped: (count: number): string => `${nEn(count)} sheet(s) not used (LKH's own, old copies, other forms).`,
    sheets: (names: string): string => `Written: ${names}.`,
    copies: (count: number): string => `${nEn(count)} old tab(s) kept as "(cũ)".`,
    elapsed: (seconds: number): string => `Server time: ${nEn(seconds)} s.`,
  },
  share: {
    title: "Protect a commune's tab",
    intro:
      "In a shared spreadsheet, protect a commune's tab so that only its officers (and the owner and you) can edit it. Several people can use LKH at once: each write waits for the others to finish.",
    sheet: "Commune's tab",
    refresh: 'Reload the list',
    noSheets: 'No commune tab yet.',
    editors: 'E-mail addresses allowed to edit (comma-separated)',
    editorsHint: 'E.g. can.bo.xa@gmail.com, ke.toan.xa@gmail.com',
    warningOnly: 'Warn only: anyone may edit after confirming',
    needEditors: 'Enter at least one e-mail address, or choose "Warn only".',
    protect: "Protect the commune's tab",
    protecting: 'Protecting…',
    done: (sheet: string, editors: string): string => `Protected "${sheet}". Allowed to edit: ${editors}.`,
    doneWarning: (sheet: string): string => `Protected "${sheet}" with a warning only.`,
  },
  errors: { notInSheets: 'This panel runs only inside Google Sheets (Extensions → LKH → Mở bảng điều khiển).' },
};
