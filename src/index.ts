// The programmatic interface: what the `gongwen` command runs, for scripts and benchmarks
// that build many documents in one process.
export { runBuild, type BatchResult, type BuildCommand, type Reporter } from './cli/build.js';
export { loadConfig } from './source/index.js';
export { BUILTIN_TEMPLATE_DIR, loadTemplates } from './template/render.js';
