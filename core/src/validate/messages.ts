/**
 * Every finding's text, in one place (STYLE.md §4). Vietnamese is the reference language;
 * English is typed against it. Hosts and tests compare codes, never prose.
 */

export type Severity = 'error' | 'warning';

export type Params = Readonly<Record<string, string | number>>;

interface MessageDef {
  readonly severity: Severity;
  readonly vi: string;
  readonly en: string;
}

/** `{name}` placeholders are filled from the finding's params. */
export const MESSAGES = {
  FILE_UNREADABLE: {
    severity: 'error',
    vi: 'Không đọc được tệp "{file}": {reason}',
    en: 'Cannot read file "{file}": {reason}',
  },
  SOURCE_DUPLICATE: {
    severity: 'warning',
    vi: '{copy} có nội dung giống hệt {original}: chỉ đọc một lần ({count} hoạt động không tính hai lần).',
    en: '{copy} has the same content as {original}: read once ({count} activities not counted twice).',
  },
  SOURCE_CONFLICT: {
    severity: 'error',
    vi: 'Có hai bản khác nhau của biểu {form} của {unit}{sector}: {sources}. Chưa ghi gì: hãy chọn giữ bản nào (hoặc xác nhận đây là các đơn vị khác nhau trùng tên), rồi tổng hợp lại.',
    en: 'Two different versions of form {form} of {unit}{sector}: {sources}. Nothing was written: choose the version to keep (or confirm these are different units sharing a name), then consolidate again.',
  },
  SOURCE_VERSION_LEFT_OUT: {
    severity: 'warning',
    vi: 'Không tính {left}: đã chọn giữ {kept} cho biểu {form} của {unit}.',
    en: 'Left out {left}: {kept} was chosen for form {form} of {unit}.',
  },
  SOURCE_SAME_UNIT_KEPT: {
    severity: 'warning',
    vi: 'Đã tính cả hai (hoặc nhiều) biểu {form} cùng tên đơn vị "{unit}" theo lựa chọn: {sources}. Hãy chắc đây là các đơn vị khác nhau.',
    en: 'Counted every form {form} named "{unit}" as chosen: {sources}. Make sure these are different units.',
  },
  EDIT_TWO_VALUES: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}": cột "{column}" ở {form} ghi "{kept}" nhưng ở II.4.B ghi "{other}"; đã giữ "{kept}" cho cả hai biểu. Nếu cần nội dung kia, hãy nhập lại.',
    en: 'Activity "{activity}": column "{column}" reads "{kept}" in {form} but "{other}" in II.4.B; "{kept}" is kept in both. Type the other text again if it is the right one.',
  },
  STRAY_CELL: {
    severity: 'warning',
    vi: 'Ô {cell} (trang "{sheet}") có "{text}" nằm rất xa phần biểu mẫu, không thuộc bảng nào nên không được tính. Nếu gõ nhầm, hãy xóa ô này.',
    en: 'Cell {cell} (sheet "{sheet}") holds "{text}" far from the form, in no table, so it is not counted. Delete it if it was typed by mistake.',
  },
  PERIOD_OF_YEAR_MISMATCH: {
    severity: 'warning',
    vi: 'Năm kế hoạch {year} thuộc giai đoạn {expected} nhưng sổ tính đang chọn giai đoạn {period}: chương trình, dự án và nguồn vốn được hiểu theo giai đoạn {period}. Nếu không đúng, hãy đổi giai đoạn trong Cài đặt.',
    en: 'Plan year {year} falls in {expected} but the workbook is set to {period}: programs, projects and fund sources are read as of {period}. If that is wrong, change the period in the settings.',
  },
  PERIOD_BEYOND_KNOWN: {
    severity: 'warning',
    vi: 'Năm kế hoạch {year} nằm sau giai đoạn mới nhất LKH biết ({period}): đang dùng danh mục chương trình của giai đoạn {period}. Nếu đã có quyết định mới, hãy cập nhật trang "Danh mục".',
    en: 'Plan year {year} lies after the latest period LKH knows ({period}): the program list of {period} is used. If a newer decision exists, update the "Danh mục" sheet.',
  },
  LEGACY_PROGRAM_MAPPED: {
    severity: 'warning',
    vi: '{count} hoạt động ghi nguồn vốn "{alias}" (tên của giai đoạn trước): đã hiểu là {program} của giai đoạn {period}.{note}{also}',
    en: '{count} activities name the fund source "{alias}" (a name of an earlier period): read as {program} of {period}.{note}{alsoEn}',
  },
  DISTRICT_SOURCE_GONE: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" của {unit} ghi nguồn vốn "{text}": từ 1/7/2025 không còn cấp huyện nên kế hoạch năm {year} không còn nguồn vốn này. Hãy hỏi lại xã (và {unit}) nguồn vốn đó nay là gì (ngân sách tỉnh, ngân sách xã hay một chương trình cụ thể) rồi sửa Tên nguồn vốn.',
    en: 'Activity "{activity}" of {unit} names the fund source "{text}": there have been no districts since 1 July 2025, so a plan for {year} has no such source. Ask the commune (and {unit}) what that money is now (province budget, commune budget or a named program) and correct the fund source.',
  },
  RANGE_DROPPED: {
    severity: 'warning',
    vi: 'Tệp "{file}" có {count} vùng gộp ô hoặc kiểm tra dữ liệu trải tới hàng triệu ô ({ranges}): bỏ qua khi đọc (giá trị vẫn đọc đủ). Nên bỏ gộp/kiểm tra thừa đó trong Excel.',
    en: 'File "{file}" has {count} merged or validated ranges covering millions of cells ({ranges}): left out when reading (every value is still read). Remove them in Excel.',
  },
  CATALOGUE_INVALID: {
    severity: 'error',
    vi: 'Trang "Danh mục" có lỗi ở ô {cell}: {problem}. Chưa dùng trang này; đang dùng danh mục có sẵn của LKH. Hãy sửa rồi tổng hợp lại.',
    en: 'The "Danh mục" sheet has a problem at cell {cell}: {problem}. The sheet is not used; LKH\'s built-in catalogue is. Fix it and consolidate again.',
  },
  CATALOGUE_USED: {
    severity: 'warning',
    vi: 'Đang dùng danh mục chương trình, dự án, nguồn vốn trong trang "Danh mục" của sổ tính ({count} mục, giai đoạn {period}) thay cho danh mục có sẵn.',
    en: 'Using the programs, projects and fund sources of the workbook\'s "Danh mục" sheet ({count} entries, {period}) instead of the built-in catalogue.',
  },
  ACTIVITY_MAYBE_COVERED: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" có thể đã nằm trong "{other}" của {department} (thực hiện toàn xã): chưa gộp, chưa cộng. Nếu trùng, hãy bỏ dòng của thôn hoặc ghi rõ phần riêng của thôn.',
    en: 'Activity "{activity}" may already be covered by "{other}" of {department} (for the whole commune): neither merged nor added. If it is the same, remove the village row or say what is the village\'s own part.',
  },
  SHEET_LABEL_OVERRULED: {
    severity: 'warning',
    vi: 'Trang "{sheet}" được ghi là "{label}", nhưng theo nội dung của chính hoạt động, {count} hoạt động thuộc chủ đề hoặc ngành/lĩnh vực khác nên đã được xếp theo nội dung: {rows}. Nếu hoạt động nào thật sự thuộc "{label}", hãy sửa cột Ngành/Lĩnh vực của dòng đó ở II.4.B hoặc chuyển dòng sang đúng mục.',
    en: 'Sheet "{sheet}" is labelled "{label}", but by their own words {count} of its activities belong to another topic or sector and were filed by their words: {rowsEn}. If one truly belongs to "{label}", correct its Ngành/Lĩnh vực in II.4.B or move the row to that section.',
  },
  MERGED_SECTORS_DIFFER: {
    severity: 'warning',
    vi: 'Hoạt động gộp "{activity}" gồm các dòng thuộc các ngành/lĩnh vực khác nhau ({sectors}): chưa ghi Ngành/Lĩnh vực cho dòng gộp. Hãy ghi ngành/lĩnh vực đúng vào dòng này ở II.4.B, hoặc bỏ gộp nếu đây không phải cùng một hoạt động.',
    en: 'Merged activity "{activity}" joins rows of different sectors ({sectors}): the merged row has no Ngành/Lĩnh vực yet. Type the right sector in II.4.B, or undo the merge if these are not the same activity.',
  },
  STATE_FORM_MISMATCH: {
    severity: 'warning',
    vi: 'Trạng thái đã lưu ghi trang "{sheet}" là biểu {saved} nhưng nội dung là biểu {found}: đọc theo nội dung.',
    en: 'The saved state says sheet "{sheet}" holds form {saved} but its content is form {found}: read by its content.',
  },
  STATE_FORM_UNKNOWN: {
    severity: 'warning',
    vi: 'Trạng thái đã lưu ghi trang "{sheet}" là "{saved}", không phải biểu mẫu nào: bỏ qua, nhận diện theo nội dung.',
    en: 'The saved state names "{saved}" for sheet "{sheet}", which is no form: ignored, recognised by content.',
  },
  STATE_DAMAGED: {
    severity: 'warning',
    vi: 'Trạng thái LKH lưu trong tệp bị hỏng ({reason}); đã dựng lại từ các trang tính{rebuilt}.',
    en: 'The LKH state saved in the file is damaged ({reason}); rebuilt from the sheets{rebuilt}.',
  },
  SHEET_HIDDEN_READ: {
    severity: 'warning',
    vi: 'Trang "{sheet}" đang bị ẩn nhưng có biểu {form}: vẫn đọc và tổng hợp. Nếu không muốn tính, hãy xóa trang này.',
    en: 'Sheet "{sheet}" is hidden but holds form {form}: read and consolidated anyway. Delete the sheet if it should not count.',
  },
  FORM_NOT_RECOGNISED: {
    severity: 'warning',
    vi: 'Trang "{sheet}" không giống biểu mẫu nào của Sổ tay; bỏ qua.',
    en: 'Sheet "{sheet}" does not look like any handbook form; skipped.',
  },
  TABLE_NOT_FOUND: {
    severity: 'error',
    vi: 'Trang "{sheet}" là biểu {form} nhưng không tìm thấy dòng tiêu đề của bảng "{table}".',
    en: 'Sheet "{sheet}" is form {form} but the header of table "{table}" was not found.',
  },
  COLUMN_NOT_FOUND: {
    severity: 'warning',
    vi: 'Bảng "{table}" của trang "{sheet}" thiếu cột "{column}".',
    en: 'Table "{table}" of sheet "{sheet}" has no column "{column}".',
  },
  CELL_ERROR: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" chứa lỗi {error}; không đọc được giá trị.',
    en: 'Cell {cell} of sheet "{sheet}" holds the error {error}; its value cannot be read.',
  },
  NOT_A_NUMBER: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" ({column}) ghi "{text}", không phải là số.',
    en: 'Cell {cell} of sheet "{sheet}" ({column}) holds "{text}", which is not a number.',
  },
  NUMBER_TOO_LARGE: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" ({column}) ghi {value}, lớn quá mức có thể ({limit}): hãy kiểm tra số chữ số và đơn vị tính. Dòng này chưa được cộng.',
    en: 'Cell {cell} of sheet "{sheet}" ({column}) holds {value}, beyond any possible value ({limit}): check the digits and the unit. The row is not summed.',
  },
  NEGATIVE_NUMBER: {
    severity: 'error',
    vi: 'Ô {cell} của trang "{sheet}" ({column}) là số âm ({value}).',
    en: 'Cell {cell} of sheet "{sheet}" ({column}) is negative ({value}).',
  },
  LEGACY_FONT: {
    severity: 'warning',
    vi: 'Trang "{sheet}" gõ bằng phông {encoding} cũ ({count} ô, ví dụ {cell}); đã chuyển sang Unicode để đọc.',
    en: 'Sheet "{sheet}" is typed in the legacy {encoding} encoding ({count} cells, e.g. {cell}); converted to Unicode for reading.',
  },
  ACTIVITY_WITHOUT_NAME: {
    severity: 'error',
    vi: 'Dòng {row} của trang "{sheet}" có số liệu nhưng không ghi tên hoạt động (ô {cell}).',
    en: 'Row {row} of sheet "{sheet}" has figures but no activity name (cell {cell}).',
  },
  ACTIVITY_OUTSIDE_GROUP: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" (ô {cell}, trang "{sheet}") nằm trước dòng nhóm "Không cần/Cần nguồn vốn bên ngoài"; xếp nhóm theo số tiền cần hỗ trợ.',
    en: 'Activity "{activity}" (cell {cell}, sheet "{sheet}") is above the "no/with outside money" group rows; grouped by its amount of outside money.',
  },
  TOTAL_ROW_SKIPPED: {
    severity: 'warning',
    vi: 'Dòng {row} của trang "{sheet}" là dòng cộng ("{text}"); không tính là hoạt động.',
    en: 'Row {row} of sheet "{sheet}" is a total row ("{text}"); not counted as an activity.',
  },
  AMOUNT_SUM_MISMATCH: {
    severity: 'error',
    vi: 'Hoạt động "{activity}": Tổng số ({total}) khác {parts} ({sum}) — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}": Total ({total}) differs from {parts} ({sum}) — cell {cell}, sheet "{sheet}".',
  },
  NO_OUTSIDE_MONEY_HAS_SUPPORT: {
    severity: 'error',
    vi: 'Hoạt động "{activity}" thuộc nhóm không cần nguồn vốn bên ngoài nhưng ghi {column} = {value} — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs no outside money but has {column} = {value} — cell {cell}, sheet "{sheet}".',
  },
  OUTSIDE_MONEY_WITHOUT_SUPPORT: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" thuộc nhóm cần nguồn vốn bên ngoài nhưng không ghi số tiền cần hỗ trợ — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs outside money but no amount is given — cell {cell}, sheet "{sheet}".',
  },
  NO_OUTSIDE_MONEY_RANKED: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" không cần nguồn vốn bên ngoài nên không xếp ưu tiên — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" needs no outside money and is not ranked — cell {cell}, sheet "{sheet}".',
  },
  TOO_MANY_STRENGTHS: {
    severity: 'warning',
    vi: 'Trang "{sheet}" ghi {count} Thuận lợi; Sổ tay chỉ nêu tối đa 3 (từ ô {cell}).',
    en: 'Sheet "{sheet}" lists {count} strengths; the handbook allows at most 3 (from cell {cell}).',
  },
  TOO_MANY_DIFFICULTIES: {
    severity: 'warning',
    vi: 'Trang "{sheet}" ghi {count} Khó khăn; Sổ tay chỉ nêu tối đa 3 (từ ô {cell}).',
    en: 'Sheet "{sheet}" lists {count} difficulties; the handbook allows at most 3 (from cell {cell}).',
  },
  TOO_MANY_RANKED_ACTIVITIES: {
    severity: 'warning',
    vi: 'Trang "{sheet}" đề xuất {count} hoạt động cần nguồn vốn bên ngoài; mỗi lĩnh vực tối đa 5 (từ ô {cell}).',
    en: 'Sheet "{sheet}" proposes {count} activities needing outside money; at most 5 per sector (from cell {cell}).',
  },
  ACTIVITY_INCOMPLETE: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" chưa ghi {column} — ô {cells}, trang "{sheet}".',
    en: 'Activity "{activity}" has no {column} — cells {cells}, sheet "{sheet}".',
  },
  DUPLICATE_PRIORITY: {
    severity: 'warning',
    vi: 'Mức ưu tiên {priority} ghi cho nhiều hoạt động (ô {cell}, trang "{sheet}").',
    en: 'Priority {priority} is given to several activities (cell {cell}, sheet "{sheet}").',
  },
  MEETING_HOUSEHOLDS_LOW: {
    severity: 'error',
    vi: 'Cuộc họp chỉ có {present}/{total} hộ tham dự ({percent}){basis}; danh mục ưu tiên chỉ có giá trị khi trên 50% số hộ tham gia — ô {cell}, trang "{sheet}".',
    en: 'Only {present}/{total} households attended ({percent}){basis}; a priority list is valid only with more than 50% of households — cell {cell}, sheet "{sheet}".',
  },
  MEETING_AGREEMENT_LOW: {
    severity: 'error',
    vi: 'Chỉ {agree}/{present} người dự họp nhất trí ({percent}); cần trên 50% — ô {cell}, trang "{sheet}".',
    en: 'Only {agree}/{present} attendees agreed ({percent}); more than 50% is required — cell {cell}, sheet "{sheet}".',
  },
  MEETING_WOMEN_LOW: {
    severity: 'warning',
    vi: 'Phụ nữ chiếm {percent} người dự họp; Sổ tay yêu cầu ít nhất 30% — ô {cell}, trang "{sheet}".',
    en: 'Women are {percent} of attendees; the handbook asks for at least 30% — cell {cell}, sheet "{sheet}".',
  },
  GROUP_WOMEN_LOW: {
    severity: 'warning',
    vi: 'Buổi thảo luận với nhóm người nghèo/nhóm đặc thù có {women}/{attendees} người là phụ nữ ({percent}); Sổ tay yêu cầu ít nhất 30% phụ nữ tham gia (Biểu I.4) — ô {cell}, trang "{sheet}".',
    en: 'The discussion with the poor or specific group had {women} women among {attendees} people ({percent}); the handbook asks for at least 30% women (form I.4) — cell {cell}, sheet "{sheet}".',
  },
  VILLAGE_FORMS_MISSING: {
    severity: 'warning',
    vi: '{unit} chưa gửi {missing} (chưa có trang nào của biểu này có nội dung); mỗi thôn gửi xã Biểu I.1, I.2 và I.3 để tổng hợp.',
    en: '{unit} has not sent {missing} (no sheet of it holds content yet); every village sends the commune forms I.1, I.2 and I.3.',
  },
  FINDINGS_OUTDATED: {
    severity: 'warning',
    vi: 'Có {count} lỗi, cảnh báo của {run} (ghi bên dưới) có thể đã cũ: các biểu I.2, II.3 hoặc III.1 đã thay đổi sau lần đó. Hãy tổng hợp lại để kiểm tra lại.',
    en: '{count} errors and warnings of {runEn} (listed below) may be out of date: forms I.2, II.3 or III.1 changed since. Consolidate again to check them again.',
  },
  FINDINGS_NOT_KEPT: {
    severity: 'warning',
    vi: '{count} lỗi, cảnh báo khác của {run} không được lưu trong sổ tính (quá nhiều để lưu); bấm Tổng hợp lại để xem đủ.',
    en: '{count} more errors and warnings of {runEn} were not kept in the workbook (too many to keep); consolidate again to see them all.',
  },
  ACTIVITY_RETURNED: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" ({origin}) chưa đưa vào tổng hợp mà trả lại để làm rõ: {reason} — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" ({origin}) was not consolidated but returned for clarification: {reasonEn} — cell {cell}, sheet "{sheet}".',
  },
  ROW_VANISHED: {
    severity: 'warning',
    vi: 'Dòng "{activity}" của biểu {form} không còn trong biểu nguồn nào; vẫn giữ lại và đánh dấu "không còn nguồn" (ô {cell}).',
    en: 'Row "{activity}" of form {form} is no longer proposed by any source; kept and marked (cell {cell}).',
  },
  SPLIT_RESET: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}": số cần hỗ trợ đổi từ {old} thành {new} nên phần chia Ngân sách/Đề xuất được đặt lại — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}": outside money changed from {old} to {new}, so the Budget/Proposed split was reset — cell {cell}, sheet "{sheet}".',
  },
  RECONCILIATION_MISMATCH: {
    severity: 'error',
    vi: 'Đối chiếu không khớp: đọc {readCount} hoạt động ({readAmount} nghìn đồng) nhưng ghi {writtenCount} ({writtenAmount}) và trả lại {returnedCount} ({returnedAmount}).',
    en: 'Reconciliation failed: read {readCount} activities ({readAmount} thousand VND) but wrote {writtenCount} ({writtenAmount}) and returned {returnedCount} ({returnedAmount}).',
  },
  NOTHING_TO_CONSOLIDATE: {
    severity: 'error',
    vi: 'Không tìm thấy biểu I.2 hay II.3 nào để tổng hợp.',
    en: 'No I.2 or II.3 sheet was found to consolidate.',
  },
  III1_MISSING: {
    severity: 'warning',
    vi: 'Chưa có Biểu III.1 (thông tin định hướng từ cấp trên) nên chưa kiểm tra được mức vốn phân bổ.',
    en: 'No form III.1 (orientation from the level above), so allocations cannot be checked.',
  },
  BUDGET_OVER_ALLOCATION: {
    severity: 'error',
    vi: 'Các hoạt động dùng {money} trong II.6.A cần {need} triệu đồng, vượt mức {allocation} triệu đồng dự kiến phân bổ ở Biểu III.1 (ô {cell}, trang "{sheet}").',
    en: 'Activities funded by {program} in II.6.A need {need} million VND, above the {allocation} million VND expected in form III.1 (cell {cell}, sheet "{sheet}").',
  },
  VILLAGE_SHARE_LOW: {
    severity: 'warning',
    vi: 'Các hoạt động do thôn đề xuất chỉ được {percent} {base} cho các hoạt động của xã; Sổ tay yêu cầu ít nhất 75% nguồn lực xã dành cho các hoạt động. Để so sánh: {outsidePercent} vốn cần từ bên ngoài (Ngân sách + Đề xuất), {allPercent} toàn bộ nguồn lực kể cả dân góp.',
    en: 'Activities proposed by villages get only {percent} of the Ngân sách (known-source money) the commune allocates to its activities; the handbook asks for at least 75%. For comparison: {outsidePercent} of the outside money (Ngân sách + Đề xuất), {allPercent} of all resources including people\'s contributions.',
  },
  ALLOCATION_GROWTH_HIGH: {
    severity: 'warning',
    vi: '{line}: năm kế hoạch {next} triệu đồng, tăng {percent} so với năm trước ({previous} triệu đồng); Sổ tay dự kiến tăng tối đa 10% (ô {cell}, trang "{sheet}").',
    en: '{line}: {next} million VND next year, {percent} more than this year ({previous}); the handbook expects at most +10% (cell {cell}, sheet "{sheet}").',
  },
  TALLY_OVER_LIMIT: {
    severity: 'warning',
    vi: 'Đại biểu "{participant}" đánh dấu {count} hoạt động, quá {limit} hoạt động được chọn (ô {cell}, trang "{sheet}").',
    en: 'Participant "{participant}" marked {count} activities, more than the {limit} allowed (cell {cell}, sheet "{sheet}").',
  },
  SCORE_OUT_OF_RANGE: {
    severity: 'error',
    vi: 'Điểm {value} ở ô {cell} (trang "{sheet}") nằm ngoài thang {min}-{max}.',
    en: 'Score {value} in cell {cell} (sheet "{sheet}") is outside {min}-{max}.',
  },
  TALLY_ACTIVITY_UNKNOWN: {
    severity: 'error',
    vi: 'Dòng {row} của phiếu kiểm đếm "{sheet}" ghi hoạt động "{activity}" không có trong danh sách xếp ưu tiên (ô {cell}).',
    en: 'Row {row} of tally sheet "{sheet}" names activity "{activity}", which is not in the list being ranked (cell {cell}).',
  },
  MEETING_ROWS_MARKED: {
    severity: 'warning',
    vi: 'Danh mục hoạt động của {unit} chưa hợp lệ ({reason}): {rows} dòng của thôn được đánh dấu trong II.4.B, II.6.A, II.6.B cho đến khi xã xác nhận ở trang "Báo cáo tổng hợp" — biên bản ô {cell}, trang "{sheet}".',
    en: 'The priority list of {unit} is not valid ({reason}): its {rows} rows are marked in II.4.B, II.6.A, II.6.B until the commune confirms it in the "Báo cáo tổng hợp" sheet — minutes cell {cell}, sheet "{sheet}".',
  },
  RANKING_NOT_VALID: {
    severity: 'error',
    vi: 'Kết quả xếp ưu tiên của {unit} chưa có giá trị: {reason}.',
    en: 'The priority list of {unit} is not valid: {reason}.',
  },
  // The upper level's roll-up (workflow/district*.ts). {commune} names the commune.
  NO_COMMUNE_PLAN: {
    severity: 'warning',
    vi: '{commune}: không tìm thấy hoạt động nào trong II.6.A, II.6.B hay II.4.B.',
    en: '{commune}: no activity found in II.6.A, II.6.B or II.4.B.',
  },
  III1_WITHOUT_PLAN: {
    severity: 'warning',
    vi: 'Có Biểu III.1 của {commune} nhưng chưa có II.6.A/II.6.B (hay II.4.B) của xã.',
    en: 'Form III.1 of {commune} was found but not its II.6.A/II.6.B (nor II.4.B).',
  },
  FORM_SENT_TWICE: {
    severity: 'warning',
    vi: '{commune} có biểu {form} ở {count} nơi ({places}); đã đọc tất cả — xem lại để không tính trùng.',
    en: '{commune} has form {form} in {count} places ({places}); all were read — check that nothing is counted twice.',
  },
  COMMUNE_VERSIONS_CONFLICT: {
    severity: 'error',
    vi: '{commune} có hai bản kế hoạch khác nhau ({sources}) mà không biết bản nào mới hơn: chưa nhập bản nào, số liệu cũ của xã được giữ nguyên. Chỉ để lại một tệp của xã rồi tổng hợp lại.',
    en: '{commune} has two different plans ({sources}) and which one is newer is unknown: neither was imported, the commune\'s previous data is kept. Leave one file of the commune and roll up again.',
  },
  FEEDBACK_COMMUNE_UNKNOWN: {
    severity: 'warning',
    vi: 'Không có xã "{commune}" trong bảng dữ liệu các xã: phiếu phản hồi in cho xã khác; kiểm tra lại tên xã.',
    en: 'No commune "{commune}" in the communes\' tables: the printable feedback shows another commune; check the name.',
  },
  COMMUNE_OLDER_VERSION_LEFT: {
    severity: 'warning',
    vi: '{commune} có hai bản kế hoạch khác nhau: đã dùng bản mới hơn ({kept}), bỏ qua bản cũ ({left}).',
    en: '{commune} has two different plans: the newer ({kept}) was used, the older ({left}) left out.',
  },
  ONLY_IN_II4B: {
    severity: 'warning',
    vi: '{commune}: {count} hoạt động có trong II.4.B nhưng không có trong II.6.A hay II.6.B của xã; đã tách vào II.6.A/II.6.B theo quy tắc tách nguồn vốn, đưa vào tổng hợp và ghi chú.',
    en: '{commune}: {count} activities are in II.4.B but in neither II.6.A nor II.6.B; split into II.6.A/II.6.B by the funding rule, consolidated and noted.',
  },
  II4B_II6_MISMATCH: {
    severity: 'warning',
    vi: '{commune}: II.4.B có {ii4bCount} hoạt động ({ii4bAmount} nghìn đồng) nhưng II.6.A + II.6.B có {ii6Count} ({ii6Amount} nghìn đồng).',
    en: '{commune}: II.4.B has {ii4bCount} activities ({ii4bAmount} thousand VND) but II.6.A + II.6.B have {ii6Count} ({ii6Amount} thousand VND).',
  },
  OPINION_UNKNOWN: {
    severity: 'warning',
    vi: 'Ý kiến "{opinion}" của hoạt động "{activity}" ({commune}) không phải "Đồng ý" hay "Không đồng ý"; coi như chưa có ý kiến.',
    en: 'Opinion "{opinion}" on activity "{activity}" ({commune}) is neither "Đồng ý" (agree) nor "Không đồng ý" (disagree); treated as no opinion yet.',
  },
  REJECTED_WITHOUT_REASON: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" ({commune}) không được đồng ý nhưng chưa ghi lý do; phiếu phản hồi cho xã cần nêu lý do.',
    en: 'Activity "{activity}" ({commune}) is rejected but no reason is given; the feedback to the commune must state one.',
  },
  UPPER_PRIORITY_NOT_A_NUMBER: {
    severity: 'warning',
    vi: '"Ưu tiên cấp trên" của hoạt động "{activity}" ({commune}) ghi "{text}", không phải số; xếp sau các hoạt động có số.',
    en: '"Ưu tiên cấp trên" (upper-level priority) of activity "{activity}" ({commune}) holds "{text}", which is not a number; ranked after the numbered ones.',
  },
  FUNDS_MISSING: {
    severity: 'warning',
    vi: 'Chưa nhập số vốn {upperLevel} nắm giữ (triệu đồng) nên chưa xác định được hoạt động II.6.B nào trong khả năng vốn.',
    en: 'The funds {upperLevel} holds (million VND) are not given, so it cannot be told which II.6.B activities fit within them.',
  },
  ROLLUP_ROW_VANISHED: {
    severity: 'warning',
    vi: 'Hoạt động "{activity}" của {commune} không còn trong biểu của xã; vẫn giữ lại dòng này cùng ý kiến thẩm định và ghi chú "Không còn trong biểu của xã" — ô {cell}, trang "{sheet}".',
    en: 'Activity "{activity}" of {commune} is no longer in the commune\'s plan; the row is kept with its appraisal and marked "Không còn trong biểu của xã" (no longer in the commune\'s forms) — cell {cell}, sheet "{sheet}".',
  },
  COMMUNE_RECONCILIATION_MISMATCH: {
    severity: 'error',
    vi: 'Đối chiếu {commune} không khớp: đọc được {readCount} hoạt động ({readAmount} nghìn đồng) nhưng đưa vào "{sheet}" {writtenCount} hoạt động ({writtenAmount} nghìn đồng).',
    en: 'Reconciliation of {commune} failed: read {readCount} activities ({readAmount} thousand VND) but wrote {writtenCount} ({writtenAmount} thousand VND) to "{sheet}".',
  },
} as const satisfies Record<string, MessageDef>;

export type FindingCode = keyof typeof MESSAGES;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** File the finding is about, when reading files (CLI); absent inside a single workbook. */
  readonly file?: string;
  readonly sheet: string;
  /** A1 address; absent only for findings about a whole file. */
  readonly cell?: string;
  readonly message: string;
  readonly messageEn: string;
  readonly params: Params;
}

function fill(template: string, params: Params): string {
  // "{reasonEn}" falls back to "{reason}" (findings kept in a workbook before the English was added).
  // "{cells}" falls back to "{cell}" (one cell: findings kept before a row's empty cells were said in one finding).
  // "{money}" falls back to "vốn {program}" (findings kept before "Vốn tỉnh" was said "vốn tỉnh", not "vốn Vốn tỉnh").
  const fallback = (k: string) => (k === 'money' && params.program !== undefined ? `vốn ${String(params.program)}` : undefined);
  const value = (k: string) => params[k] ?? (k.endsWith('En') ? params[k.slice(0, -2)] : k === 'cells' ? params.cell : fallback(k));
  // The template cut once into text and "{name}" places (a province's run makes tens of thousands of findings).
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = value(parts[i]);
    out += `${v !== undefined ? String(v) : `{${parts[i]}}`}${parts[i + 1]}`;
  }
  return out;
}

/** Each message template as [text, name, text, name, …, text]. */
const templateParts = new Map<string, readonly string[]>();

/** Makes a finding from its code: severity and both texts come from the catalogue. */
export function finding(code: FindingCode, at: { sheet: string; cell?: string; file?: string }, params: Params = {}): Finding {
  const def: MessageDef = MESSAGES[code];
  const all = { sheet: at.sheet, cell: at.cell ?? '', ...(at.file ? { file: at.file } : {}), ...params };
  return {
    code,
    severity: def.severity,
    ...(at.file ? { file: at.file } : {}),
    sheet: at.sheet,
    ...(at.cell ? { cell: at.cell } : {}),
    message: fill(def.vi, all),
    messageEn: fill(def.en, all),
    params: all,
  };
}

/** Shortens an activity name for a message. */
export function shortName(s: string, max = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
