// 纪要格式 [GB/T 9704 10.3]: the measures that differ from 文件格式. [S] = the standard,
// [C] = office practice, which 10.3 leaves to the issuer.

/** Top edge of the `…纪要` mark below the 版心 top, mm [S 10.3]. */
export const MARK_TOP_BELOW_TYPE_TOP_MM = 35;
/** 期号 centred 2 blank lines below the mark, as the 文件格式 number [C, after 7.2.5]. */
export const ISSUE_GAP_BELOW_MARK_LINES = 2;
/** Body (or a title) 2 blank lines below the 期号, as below an order's number [C, after 10.2]. */
export const BODY_GAP_BELOW_ISSUE_LINES = 2;
/** The first attendance list 1 blank line below the body or the 附件说明 [S 10.3]. */
export const ATTENDANCE_GAP_LINES = 1;
/** Attendance lists indented 2 字; wrapped lines align after the label's colon [S 10.3]. */
export const ATTENDANCE_INDENT_CHARS = 2;
