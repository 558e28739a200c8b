// The `gongwen` command line: build, check, new, verify, fonts, watch, serve. Exit code 0 when every file was
// built, 1 when any file failed, 2 on usage errors.

import { Command, CommanderError, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import type { Lang } from '../errors.js';
import { BuildError } from '../errors.js';
import { loadConfig, typeOfValue, type ProjectConfig } from '../source/index.js';
import { TYPE_EXPECTED, TYPE_LIST } from '../source/doctypes.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../template/render.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../pipeline/build.js';
import { InputError } from '../pipeline/inputs.js';
import { errorSummary, runBuild, runCheck, type Reporter } from './build.js';
import { LETTER_STARTERS, runNew } from './new.js';
import { runFonts } from './fonts.js';
import { runVerify } from './verify.js';
import { MSG, t } from './messages.js';
import { WATCH_MSG } from '../serve/messages.js';

/** `gongwen serve` port unless --port: the standard's number. */
const DEFAULT_PORT = 9704;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

class UsageError extends Error {}

interface BuildOptions {
  out?: string;
  format: string;
  config?: string;
  verbose?: boolean;
  lang?: string;
  pdfa?: boolean;
  archive?: string;
  force?: boolean;
  stamp?: boolean;
  jobs?: string;
  strict?: boolean;
  debug?: boolean;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parseFormats(value: string, lang: Lang): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new UsageError(t(MSG.badFormat, lang, { f }));
  return [...new Set(list)] as Format[];
}

function parsePort(value: string, lang: Lang): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new UsageError(t(WATCH_MSG.badPort, lang, { v: value }));
  return n;
}

function parseJobs(value: string): number {
  if (!/^[1-9]\d*$/.test(value.trim())) throw new UsageError(`--jobs: ${value}（应为正整数 expected a positive integer）`);
  return Number(value);
}

/** The templates folder: the project's own `templates/` when it has one, else the built-in one. */
function templatesFor(cwd: string, config: ProjectConfig): string {
  const own = join(config.path ? dirname(config.path) : cwd, 'templates');
  return TYPE_LIST.some((ty) => existsSync(join(own, `${ty}.hbs`))) ? own : BUILTIN_TEMPLATE_DIR;
}

/** `--lang en` / `--lang=en` anywhere on the command line (for errors raised before an action runs). */
function argLang(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'en') || argv.includes('--lang=en') ? 'en' : 'zh';
}

export async function main(argv: string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const langOf = (o: { lang?: string }): Lang => (o.lang === 'en' ? 'en' : 'zh');
  const reporter = (o: { lang?: string; verbose?: boolean; debug?: boolean }): Reporter => ({
    lang: langOf(o),
    progress: io.isTTY || Boolean(o.verbose),
    debug: Boolean(o.debug),
    out: (s) => io.stdout(s + '\n'),
    err: (s) => io.stderr(s + '\n'),
  });
  const configOf = (o: { config?: string }): ProjectConfig =>
    loadConfig({ cwd: io.cwd, ...(o.config ? { configPath: resolve(io.cwd, o.config) } : {}) });
  const defaultInputs = (paths: string[]): string[] => (paths.length ? paths : ['content']);
  const langOption = new Option('--lang <lang>', '消息语言 message language').choices(['zh', 'en']).default('zh');

  const program = new Command('gongwen')
    .description('把 Markdown 排成符合 GB/T 9704-2012 的公文（简报、提案答复、通知、请示等），输出 PDF 和 DOCX')
    .version(version(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('build')
    .description('生成 PDF 和 DOCX（build documents）')
    .argument('[paths...]', 'Markdown 文件或文件夹（默认 content）')
    .option('-o, --out <dir>', '输出文件夹（默认 output）')
    .option('-f, --format <list>', '输出格式 pdf,docx,ofd', DEFAULT_FORMATS.join(','))
    .option('-c, --config <file>', '配置文件（默认 ./gongwen.config.yaml）')
    .option('-v, --verbose', '非终端时也显示进度')
    .option('--pdfa', 'PDF 输出为 PDF/A-2b（长期保存格式）')
    .option('--archive <dir>', '把生成的文件复制到归档文件夹 <dir>/<年份>/<文种>/（PDF 为 PDF/A-2b，OFD 为 OFD-A）')
    .option('--force', '归档中已有内容不同的同名文件时替换它（保留原档号）')
    .option('--stamp', '在归档 PDF 首页右上角加盖归档章（需在配置文件中设置 archive）')
    .option('-j, --jobs <n>', '并行生成的文件数（默认为 CPU 核数，1 为不并行）')
    .option('--strict', '把警告当作错误：有警告的文件不生成（也可在配置文件中写 strict: true）')
    .option('--debug', '内部错误时显示详细信息（调用栈）')
    .addOption(langOption)
    .action(async (paths: string[], o: BuildOptions) => {
      const r = reporter(o);
      const formats = parseFormats(o.format, r.lang);
      const config = configOf(o);
      if (o.stamp && !o.archive) throw new UsageError(t(MSG.stampNeedsArchive, r.lang));
      if (o.archive && (o.stamp || config.archive?.stamp) && !config.archive) throw new UsageError(t(MSG.stampNeedsSettings, r.lang));
      if (o.archive && config.archive && !formats.includes('pdf')) throw new UsageError(t(MSG.archiveNeedsPdf, r.lang));
      const res = await runBuild(
        {
          inputs: defaultInputs(paths),
          outDir: o.out ?? config.output ?? 'output',
          formats,
          config,
          templates: loadTemplates(templatesFor(io.cwd, config)),
          cwd: io.cwd,
          pdfa: Boolean(o.pdfa),
          ...(o.archive ? { archive: { dir: o.archive, force: Boolean(o.force), stamp: Boolean(o.stamp) } } : {}),
          ...(o.jobs ? { jobs: parseJobs(o.jobs) } : {}),
          // This process exists for the batch: tune it (larger young generation, helper threads lowered).
          tuneProcess: true,
          strict: Boolean(o.strict || config.strict),
        },
        r,
      );
      code = res.failed.length || res.refused.length ? EXIT_FAILED : EXIT_OK;
    });

  program
    .command('check')
    .description('只检查，不生成（validate only）')
    .argument('[paths...]', 'Markdown 文件或文件夹（默认 content）')
    .option('-c, --config <file>', '配置文件')
    .option('-v, --verbose', '非终端时也显示进度')
    .option('--strict', '把警告当作错误')
    .option('--debug', '内部错误时显示详细信息（调用栈）')
    .addOption(langOption)
    .action((paths: string[], o: { config?: string; verbose?: boolean; lang?: string; strict?: boolean; debug?: boolean }) => {
      const config = configOf(o);
      const res = runCheck(
        {
          inputs: defaultInputs(paths),
          config,
          templates: loadTemplates(templatesFor(io.cwd, config)),
          cwd: io.cwd,
          strict: Boolean(o.strict || config.strict),
        },
        reporter(o),
      );
      code = res.failed.length ? EXIT_FAILED : EXIT_OK;
    });

  program
    .command('new')
    .description('新建一个填好示例的文稿（write a starter file）')
    .argument('<type>', `文种：${TYPE_EXPECTED.zh}`)
    .argument('[path]', '文件路径（默认 ./<type>.md）')
    .option('--letter', '以信函格式发出（复函）：reply 与 letter 可用（as a 复函 in 信函格式: reply, letter）')
    .addOption(langOption)
    .action((type: string, path: string | undefined, o: { lang?: string; letter?: boolean }) => {
      const lang = langOf(o);
      const docType = typeOfValue(type);
      if (!docType) throw new UsageError(t(MSG.badType, lang, { t: type }));
      if (o.letter && !LETTER_STARTERS.includes(docType)) throw new UsageError(t(MSG.noLetterStarter, lang, { t: type }));
      code = runNew(docType, path, io, lang, !!o.letter);
    });

  program
    .command('verify')
    .description('按清单核对文件的 SHA-256；归档文件夹另做四性检测（check files against manifest.json; archive checks）')
    .argument('[dir]', '含 manifest.json 的文件夹（默认 output）')
    .option('-c, --config <file>', '配置文件')
    .addOption(langOption)
    .action((dir: string | undefined, o: { config?: string; lang?: string }) => {
      const lang = langOf(o);
      if (dir === undefined) dir = configOf(o).output ?? 'output';
      code = runVerify(dir, io, lang);
    });

  // watch and serve: the configuration and templates are read again when either changes.
  const projectOf = (o: { config?: string }) => () => {
    const config = configOf(o);
    const templatesDir = templatesFor(io.cwd, config);
    return { config, templates: loadTemplates(templatesDir), templatesDir };
  };

  program
    .command('watch')
    .description('生成后继续监视，保存即重新生成（rebuild on save）')
    .argument('[paths...]', 'Markdown 文件或文件夹（默认 content）')
    .option('-o, --out <dir>', '输出文件夹（默认 output）')
    .option('-f, --format <list>', '输出格式 pdf,docx', 'pdf,docx')
    .option('-c, --config <file>', '配置文件（默认 ./gongwen.config.yaml）')
    .addOption(langOption)
    .action(async (paths: string[], o: { out?: string; format: string; config?: string; lang?: string }) => {
      const r = { ...reporter(o), progress: true };
      const formats = parseFormats(o.format, r.lang);
      const load = projectOf(o);
      const outDir = o.out ?? load().config.output ?? 'output';
      // Loaded on use: the other commands never pay for the watcher or the server.
      const { runWatch, untilStopped } = await import('./watch.js');
      code = await runWatch({ inputs: defaultInputs(paths), cwd: io.cwd, formats, outDir, load }, r, untilStopped());
    });

  program
    .command('serve')
    .description('本机预览页面：文稿列表、版面、错误，保存即更新（local preview page）')
    .argument('[paths...]', 'Markdown 文件或文件夹（默认 content）')
    .option('-p, --port <n>', `端口（默认 ${DEFAULT_PORT}，0 为任选空闲端口）`)
    .option('--host <address>', '监听地址（默认 127.0.0.1，仅本机可访问）')
    .option('--open', '在浏览器中打开预览页面')
    .option('-o, --out <dir>', '同时把 PDF 和 DOCX 写入此文件夹')
    .option('-c, --config <file>', '配置文件（默认 ./gongwen.config.yaml）')
    .addOption(langOption)
    .action(async (paths: string[], o: { port?: string; host?: string; open?: boolean; out?: string; config?: string; lang?: string }) => {
      const r = { ...reporter(o), progress: true };
      const port = o.port === undefined ? DEFAULT_PORT : parsePort(o.port, r.lang);
      const load = projectOf(o);
      const { runServe } = await import('./serve.js');
      const { untilStopped } = await import('./watch.js');
      code = await runServe(
        {
          inputs: defaultInputs(paths),
          cwd: io.cwd,
          formats: ['pdf', 'docx'],
          outDir: o.out ?? 'output',
          write: o.out !== undefined,
          load,
          port,
          ...(o.host !== undefined ? { host: o.host } : {}),
          open: Boolean(o.open),
        },
        r,
        untilStopped(),
      );
    });

  program
    .command('fonts')
    .description('显示每个字体角色使用的字体文件（which font serves each role）')
    .option('-c, --config <file>', '配置文件')
    .addOption(langOption)
    .action((o: { config?: string; lang?: string }) => {
      runFonts(configOf(o), io, langOf(o));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr(e.message + '\n');
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      const lang = argLang(argv);
      io.stderr(`${t(MSG.missingInput, lang)}${lang === 'en' ? ': ' : '：'}${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof BuildError) {
      // A broken configuration file stops the whole run.
      for (const p of e.problems) io.stderr(p.format(argLang(argv)) + '\n');
      return EXIT_FAILED;
    }
    // A bug outside any one file: one line, the stack only with --debug.
    io.stderr(t(MSG.internalRun, argLang(argv), { what: errorSummary(e) }) + '\n');
    if (argv.includes('--debug') && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return EXIT_FAILED;
  }
}
