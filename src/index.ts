// The programmatic interface (`import { build } from 'gongwen'`): build() for one document to
// buffers, sessions to share fonts between builds, and what the `gongwen` command runs for
// scripts and benchmarks that build whole folders.
export { build, type BuildInput, type BuildOptions, type BuildResult, type Format } from './api.js';
export { BuildError, Problem } from './errors.js';
export { createSession, type Session, type SessionOptions } from './session.js';
export { runBuild, type BatchResult, type BuildCommand, type Reporter } from './cli/build.js';
export { loadConfig } from './source/index.js';
export { BUILTIN_TEMPLATE_DIR, loadTemplates } from './template/render.js';
