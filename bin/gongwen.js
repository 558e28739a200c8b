#!/usr/bin/env node
// Runs the compiled CLI (npm install compiles src/ into dist/ and bundles it into dist/bundle/;
// without the bundle, the compiled modules run as they are).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/bundle/cli.js', import.meta.url);
await import(existsSync(bundle) ? bundle.href : '../dist/cli.js');
