// 命令(令)格式 [GB/T 9704 10.2] and the signer's signature seal [7.3.5.3]: the measures that
// differ from 文件格式. [S] = the standard, [C] = convention.

/** Top edge of the `…令` / `…命令` mark below the 版心 top, mm [S 10.2]. */
export const MARK_TOP_BELOW_TYPE_TOP_MM = 20;
/**
 * The `…令` mark is set unscaled (a short name; too wide, its size shrinks instead): a reader
 * that takes the size from the text matrix then measures the top edge where it is, 20 mm [C].
 */
export const MARK_H_SCALE = 1;
/** 令号 centred 2 blank lines below the mark [S 10.2] (the 文件格式 number gap, 7.2.5). */
export const NUMBER_GAP_BELOW_MARK_LINES = 2;
/** Body (or a title) 2 blank lines below the 令号 [S 10.2]. */
export const BODY_GAP_BELOW_NUMBER_LINES = 2;
/** Blank lines between the body and the signer's seal (or name) [S 7.3.5.3]. */
export const SIGNATURE_GAP_LINES = 2;
/** Larger side of a signature seal (签名章) image, mm: a personal seal is smaller than an organ's [C]. */
export const SIGNATURE_SEAL_SIZE_MM = 25;
/** The seal (or the name in its place) ends 4 字 from the 版心 right edge [S 7.3.5.3]. */
export const SEAL_RIGHT_INSET_CHARS = 4;
/** The signer's title ends 2 字 left of the seal (or name) [S 7.3.5.3]. */
export const TITLE_GAP_CHARS = 2;
/** Blank lines between the seal (or name) and the date [S 7.3.5.3]. */
export const DATE_GAP_LINES = 1;
/** The date ends 4 字 from the 版心 right edge [S 7.3.5.3]. */
export const DATE_RIGHT_INSET_CHARS = 4;
