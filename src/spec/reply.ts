// 提案/建议答复 (reply): a 文件格式 document with local conventions (spec §13). All [C].

/** Category mark (`办理结果：B`, worded by the template): right-aligned 3号黑体. Blank line under the red rule (1-based among TITLE_GAP_BELOW_RED_RULE_LINES) that holds the mark. */
export const CATEGORY_LINE_BELOW_RULE = 1;
