// 提案/建议答复 (reply): a 文件格式 document with local conventions (spec §13). All [C].

/** Category mark, e.g. `办理结果：B`, right-aligned in 3号黑体 in the first blank line under the red rule. */
export const CATEGORY_LABEL = '办理结果：';
/** Blank line under the red rule (1-based among TITLE_GAP_BELOW_RED_RULE_LINES) that holds the mark. */
export const CATEGORY_LINE_BELOW_RULE = 1;
/** Contact block labels (附注 position: the line after the date, indent 2 字). */
export const CONTACT_UNIT_LABEL = '联系单位及电话：';
export const CONTACT_PERSON_LABEL = '联系人：';
/** 公开方式 row label, first 版记 row above 抄送. */
export const PUBLICITY_LABEL = '公开方式：';
