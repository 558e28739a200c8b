#!/usr/bin/env node
// Runs the compiled CLI (shipped prebuilt in the package; in a checkout, `npm run compile` compiles
// src/ into dist/ and bundles it into dist/bundle/; without the bundle, the compiled modules run
// as they are).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
const modules = new URL('../dist/cli.js', import.meta.url);
if (existsSync(bundle)) await import(bundle.href);
else if (existsSync(modules)) await import(modules.href);
else {
  // A checkout that was never compiled (the package itself ships dist/).
  console.error('gongwen 尚未编译：请在源码目录运行 npm run compile（或 npm run build）\n' +
    'gongwen is not compiled: run npm run compile (or npm run build) in its folder');
  process.exitCode = 1;
}
