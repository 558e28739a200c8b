// `gongwen fonts`: which file serves each role, and which names the DOCX carries.

import type { Lang } from '../errors.js';
import type { ProjectConfig } from '../source/index.js';
import { FONT_ROLES, ROLE_LABEL, loadFontSet } from '../fonts/index.js';
import type { Io } from './main.js';
import { MSG, t } from './messages.js';

const ORIGIN: Record<string, { zh: string; en: string }> = {
  config: { zh: '配置文件指定', en: 'from the configuration' },
  folder: { zh: '项目 fonts 文件夹', en: 'project fonts folder' },
  system: { zh: '系统字体', en: 'system font' },
  bundled: { zh: 'npm 免费字体', en: 'free font from npm' },
};

export function runFonts(config: ProjectConfig, io: Io, lang: Lang): void {
  const set = loadFontSet({ ...(config.fonts ?? {}) }, { cwd: io.cwd });
  io.stdout(t(MSG.fontsHeader, lang) + '\n');
  for (const role of FONT_ROLES) {
    const rf = set.roles[role];
    const f = rf.font;
    const lines = [
      `${ROLE_LABEL[role]} [${role}]`,
      `  ${f.familyName} (${f.postscriptName}) — ${ORIGIN[f.origin]![lang]}`,
      `  ${f.path}`,
      `  ${t(MSG.docxName, lang)}: ${rf.officialName}`,
    ];
    if (rf.standIn && rf.remark) lines.push(`  ${t(MSG.standIn, lang)}: ${rf.remark}`);
    io.stdout(lines.join('\n') + '\n');
  }
}
