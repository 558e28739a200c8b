// LibreOffice renders of DOCX files in tests: a private fontconfig file that maps the official
// faces (仿宋_GB2312, 方正小标宋简体 …, not free) to the free Noto faces shipped on npm, as an
// office machine maps them to the installed faces.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export const fontsConf = (dir: string): string => {
  const req = createRequire(import.meta.url);
  const serif = dirname(req.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  const sans = dirname(req.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const alias = (name: string, to: string): string =>
    `<alias binding="same"><family>${name}</family><prefer><family>${to}</family></prefer></alias>`;
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${serif}/400Regular</dir>
  <dir>${sans}/400Regular</dir>
  <cachedir>${dir}/fc-cache</cachedir>
  ${alias('仿宋_GB2312', 'Noto Serif SC')}
  ${alias('楷体_GB2312', 'Noto Serif SC')}
  ${alias('宋体', 'Noto Serif SC')}
  ${alias('方正小标宋简体', 'Noto Serif SC')}
  ${alias('黑体', 'Noto Sans SC')}
</fontconfig>
`;
};
