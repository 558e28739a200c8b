// User-facing CLI text, Chinese first; English with `--lang en`.

import type { Lang, Text } from '../errors.js';

export const MSG = {
  built: { zh: '已生成', en: 'built' },
  failed: { zh: '失败', en: 'failed' },
  checked: { zh: '检查通过', en: 'ok' },
  warning: { zh: '警告', en: 'warning' },
  noInput: { zh: '没有找到 Markdown 文件', en: 'no Markdown files found' },
  missingInput: { zh: '找不到文件或文件夹', en: 'file or folder not found' },
  summary: { zh: '共 {n} 个文件：成功 {ok} 个，失败 {bad} 个', en: '{n} files: {ok} built, {bad} failed' },
  checkSummary: { zh: '共 {n} 个文件：通过 {ok} 个，有错误 {bad} 个', en: '{n} files: {ok} ok, {bad} with errors' },
  badFormat: { zh: '未知的输出格式「{f}」，可用：pdf、docx、ofd', en: 'unknown format "{f}"; use pdf, docx, ofd' },
  badType: {
    zh: '未知的文种「{t}」，可用：bulletin（简报）、reply（提案答复）、notice（通知）、circular（通报）、request（请示）、report（报告）、opinion（意见）、approval（批复）、letter（函）',
    en: 'unknown type "{t}"; use bulletin, reply, notice, circular, request, report, opinion, approval or letter',
  },
  noLetterStarter: {
    zh: '「{t}」没有信函格式的示例文稿；--letter 可用于 reply（提案答复）和 letter（函）',
    en: '"{t}" has no 信函格式 starter; --letter applies to reply and letter',
  },
  exists: { zh: '文件已存在，不会覆盖：{p}', en: 'file exists, not overwritten: {p}' },
  created: { zh: '已创建 {p}', en: 'created {p}' },
  fontsHeader: { zh: '字体角色 → 使用的字体文件', en: 'font role → font file used' },
  standIn: { zh: '代用', en: 'stand-in' },
  docxName: { zh: 'DOCX 中的字体名', en: 'font name in DOCX' },
  internal: {
    zh: '内部错误（{what}）：请把这条消息和触发它的文件 {file} 报告给维护者；加 --debug 可显示详情',
    en: 'internal error ({what}): please report this message with the file that triggered it, {file}; add --debug for details',
  },
  internalRun: {
    zh: '内部错误（{what}）：请把这条消息和所用的命令报告给维护者；加 --debug 可显示详情',
    en: 'internal error ({what}): please report this message with the command used; add --debug for details',
  },
  stampNeedsArchive: { zh: '--stamp 只用于归档，请同时写 --archive <归档目录>', en: '--stamp applies to the archive: add --archive DIR' },
  stampNeedsSettings: {
    zh: '归档章需要全宗号等：请在配置文件 gongwen.config.yaml 中设置 archive（fonds 全宗号、retention 保管期限……）',
    en: 'the 归档章 needs the archive settings: set archive (fonds, retention, …) in gongwen.config.yaml',
  },
  archiveNeedsPdf: { zh: '按档号归档需要 PDF：--format 中应包含 pdf', en: 'archiving with 档号 needs the PDF: include pdf in --format' },
} satisfies Record<string, Text>;

export function t(text: Text, lang: Lang, vars: Record<string, string | number> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
