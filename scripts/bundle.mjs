// Bundles the compiled CLI (and the programmatic interface, src/index.ts) into dist/bundle/
// (run by `npm run compile` after tsc, and by scripts/pack.mjs for the archives): Node then resolves and compiles a handful of files
// instead of ~400 modules, which is most of the cold-start time of a one-document build. bin/gongwen.js falls back to dist/cli.js when the
// bundle is missing. The PDF and DOCX writers stay in chunks of their own, loaded on demand.
//
// Two modules are wired up lazily, since their load-time work is never needed in practice:
// brotli (decompresses its 120 KB dictionary on load; fontkit needs it only for WOFF2 fonts)
// and linebreak (decodes a Unicode table on load; pdfkit needs it only to wrap text, which
// only the archive's printed catalogue asks of it). Both are loaded from node_modules on first use.
//
// `node scripts/bundle.mjs [folder]`: another output folder, two levels below the repository
// like dist/bundle (the code finds package.json, templates/ and node_modules/ from there).
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}dist/bundle`;

// `new URL(…, import.meta.url)` and `createRequire(import.meta.url)` in pdfkit must keep
// pointing into pdfkit's own folder (ICC profile, standard-font data).
const PDFKIT_URL =
  "import { createRequire as __gwCr } from 'node:module';\n" +
  "import { pathToFileURL as __gwUrl } from 'node:url';\n" +
  "const __gwPdfkitUrl = __gwUrl(__gwCr(import.meta.url).resolve('pdfkit')).href;\n";

/** A module that loads `spec` (as resolved from package `from`) on first call or construction. */
const lazy = (from, spec) =>
  "import { createRequire } from 'node:module';\n" +
  'let m;\n' +
  `const load = () => (m ??= createRequire(createRequire(import.meta.url).resolve(${JSON.stringify(from)}))(${JSON.stringify(spec)}));\n` +
  'export default function (...a) { return new.target ? new (load())(...a) : load()(...a); }\n';

const LAZY = { 'brotli/decompress.js': ['fontkit', 'brotli/decompress.js'], linebreak: ['pdfkit', 'linebreak'] };

const gongwen = {
  name: 'gongwen',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (a) => ({
      contents: PDFKIT_URL + (await readFile(a.path, 'utf8')).replaceAll('import.meta.url', '__gwPdfkitUrl'),
      loader: 'js',
    }));
    b.onResolve({ filter: /^(brotli\/decompress\.js|linebreak)$/ }, (a) => ({ path: a.path, namespace: 'gw-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'gw-lazy' }, (a) => ({ contents: lazy(...LAZY[a.path]), loader: 'js' }));
  },
};

// A stale bundle must never outlive the build it came from.
await rm(out, { recursive: true, force: true });
let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.warn('esbuild is not installed: bin/gongwen.js runs the unbundled dist/cli.js');
  process.exit(0);
}
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts', worker: 'src/pipeline/worker.ts', index: 'src/index.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __gwRequire } from 'node:module'; const require = __gwRequire(import.meta.url);" },
  plugins: [gongwen],
  legalComments: 'none',
  logLevel: 'warning',
});
