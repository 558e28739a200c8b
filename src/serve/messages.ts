// User-facing text of `gongwen watch` and `gongwen serve`, Chinese first; English with `--lang en`.

import type { Text } from '../errors.js';

export const WATCH_MSG = {
  rebuilt: { zh: '{time} 已生成 {file} → {out}（{s} 秒）', en: '{time} built {file} → {out} ({s} s)' },
  rebuiltMem: { zh: '{time} 已生成 {file}（{s} 秒）', en: '{time} built {file} ({s} s)' },
  failed: { zh: '{time} 失败 {file}：保留上次生成的文件', en: '{time} failed {file}: the last good output is kept' },
  watching: { zh: '正在监视 {n} 个文件的改动，按 Ctrl-C 停止', en: 'watching {n} files for changes; press Ctrl-C to stop' },
  stopped: { zh: '已停止监视', en: 'stopped watching' },
  serving: { zh: '预览页面：{url}', en: 'preview page: {url}' },
  openHost: {
    zh: '警告：--host {host} 使本机以外的计算机也能访问预览页面和文稿，请只在可信的网络中使用',
    en: 'warning: --host {host} lets other computers reach the preview page and the documents; use it on a trusted network only',
  },
  badPort: { zh: '--port：{v}（应为 0–65535 的整数）', en: '--port: {v} (expected an integer 0–65535)' },
  portBusy: { zh: '端口 {port} 已被占用，请用 --port 指定其他端口', en: 'port {port} is in use; choose another with --port' },
} satisfies Record<string, Text>;
