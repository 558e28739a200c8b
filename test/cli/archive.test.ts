// The manifest beside the outputs, `gongwen verify`, and `gongwen build --archive DIR`.

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { exampleProject, filesUnder, GOOD_REPLY, project, run } from './helpers.js';

const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');
const manifest = (f: string): { entries: Array<Record<string, unknown>> } => JSON.parse(readFileSync(f, 'utf8'));

describe('manifest', () => {
  it('lists every output with format, source, type, number, date, hashes, fonts and tool version', async () => {
    const dir = exampleProject();
    const r = await run(dir, 'build', 'content', '--out', 'output');
    expect(r.code, r.err).toBe(0);
    const m = manifest(join(dir, 'output', 'manifest.json'));
    expect(m.entries.map((e) => e['path'])).toEqual([
      'bulletins/2024-12-campus-safety.docx',
      'bulletins/2024-12-campus-safety.pdf',
      'bulletins/2024-13-teacher-training.docx',
      'bulletins/2024-13-teacher-training.pdf',
      'replies/2024-proposal-031-A.docx',
      'replies/2024-proposal-031-A.pdf',
      'replies/2024-proposal-047-B.docx',
      'replies/2024-proposal-047-B.pdf',
      'replies/2024-proposal-062.docx',
      'replies/2024-proposal-062.pdf',
      ...['approvals/2024-134-school-merger', 'circulars/2024-121-homework-inspection', 'notices/2024-118-winter-safety']
        .concat(['opinions/2024-128-reading', 'reports/2024-126-preschool', 'requests/2024-131-school-bus'])
        .concat(['letters/2024-12-research-base', 'notices/2024-125-flood-season'])
        .concat(['orders/2024-3-campus-safety-regulation', 'minutes/2024-9-bureau-office-meeting'])
        .flatMap((n) => [`${n}.docx`, `${n}.pdf`]),
    ].sort());
    const pdf = m.entries.find((e) => e['path'] === 'replies/2024-proposal-031-A.pdf')!;
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
    expect(pdf).toMatchObject({
      format: 'pdf',
      source: '../content/replies/2024-proposal-031-A.md',
      type: 'reply',
      number: '江教提〔2024〕31号',
      date: '2024-07-16',
      sha256: sha(join(dir, 'output/replies/2024-proposal-031-A.pdf')),
      sourceSha256: sha(join(dir, 'content/replies/2024-proposal-031-A.md')),
      tool: `gongwen ${pkg.version}`,
    });
    expect(pdf).not.toHaveProperty('conformance');
    const fonts = pdf['fonts'] as Record<string, { file: string; postscriptName: string }>;
    expect(Object.keys(fonts).sort()).toEqual(['fangsong', 'hei', 'kai', 'song', 'songti']);
    expect(fonts['fangsong']!.file).toMatch(/\.(ttf|otf|ttc|woff2?)$/i);
    expect(fonts['fangsong']!.postscriptName).toBeTruthy();
    const docx = m.entries.find((e) => e['path'] === 'replies/2024-proposal-031-A.docx')!;
    expect((docx['fonts'] as Record<string, { name: string }>)['fangsong']!.name).toBe('仿宋_GB2312');
    const bulletin = m.entries.find((e) => e['path'] === 'bulletins/2024-12-campus-safety.pdf')!;
    expect(bulletin).toMatchObject({ type: 'bulletin', issue: '第12期', date: '2024-11-18' });
    expect(m.entries.find((e) => e['path'] === 'orders/2024-3-campus-safety-regulation.pdf')).toMatchObject({ type: 'order', number: '第3号' });
    expect(m.entries.find((e) => e['path'] === 'minutes/2024-9-bureau-office-meeting.pdf')).toMatchObject({ type: 'minutes', issue: '第9期' });
  });

  it('merges: entries of other sources stay; a file that now fails loses its outputs and entries', async () => {
    const dir = project({ 'a.md': GOOD_REPLY, 'b.md': GOOD_REPLY.replace('31号', '32号') });
    expect((await run(dir, 'build', 'a.md')).code).toBe(0);
    expect((await run(dir, 'build', 'b.md')).code).toBe(0);
    const file = join(dir, 'output', 'manifest.json');
    expect(manifest(file).entries.map((e) => e['path'])).toEqual(['a.docx', 'a.pdf', 'b.docx', 'b.pdf']);
    writeFileSync(join(dir, 'b.md'), GOOD_REPLY.replace('category: A', 'category: D'));
    expect((await run(dir, 'build', 'b.md')).code).toBe(1);
    expect(manifest(file).entries.map((e) => e['path'])).toEqual(['a.docx', 'a.pdf']);
    expect(filesUnder(join(dir, 'output'))).toEqual(['a.docx', 'a.pdf', 'manifest.json']);
    expect((await run(dir, 'verify')).code).toBe(0);
  });

  it('records PDF/A conformance with --pdfa', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    expect((await run(dir, 'build', 'a.md', '--pdfa', '--format', 'pdf')).code).toBe(0);
    expect(manifest(join(dir, 'output', 'manifest.json')).entries[0]).toMatchObject({ path: 'a.pdf', conformance: 'PDF/A-2b' });
  });
});

describe('gongwen verify', () => {
  it('passes when all match, names a tampered or missing file, passes again when restored', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    expect((await run(dir, 'build', 'a.md')).code).toBe(0);
    let r = await run(dir, 'verify');
    expect(r.code).toBe(0);
    expect(r.out).toContain('全部 2 个文件与清单一致');

    const pdf = join(dir, 'output', 'a.pdf');
    const good = readFileSync(pdf);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0x01;
    writeFileSync(pdf, bad);
    r = await run(dir, 'verify', 'output');
    expect(r.code).toBe(1);
    expect(r.err).toContain('已改动：output/a.pdf');
    expect(r.err).toContain(sha(pdf));
    expect(r.err).toContain('1 个文件与清单不一致，共 2 个');
    r = await run(dir, 'verify', '--lang', 'en');
    expect(r.err).toContain('changed: output/a.pdf');

    writeFileSync(pdf, good);
    expect((await run(dir, 'verify')).code).toBe(0);

    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'output', 'a.docx'));
    r = await run(dir, 'verify');
    expect(r.code).toBe(1);
    expect(r.err).toContain('缺失：output/a.docx');
  });

  it('notes files the manifest does not list without failing', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    await run(dir, 'build', 'a.md', '--format', 'pdf');
    writeFileSync(join(dir, 'output', 'stray.pdf'), 'x');
    const r = await run(dir, 'verify');
    expect(r.code).toBe(0);
    expect(r.err).toContain('清单中没有记录此文件：output/stray.pdf');
  });

  it('exit 1 without a manifest or with a broken one, 2 for a folder that does not exist', async () => {
    const dir = project({});
    let r = await run(dir, 'verify', '.');
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到清单文件');
    writeFileSync(join(dir, 'manifest.json'), '{ not json');
    r = await run(dir, 'verify', '.', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read the manifest');
    r = await run(dir, 'verify', 'nowhere');
    expect(r.code).toBe(2);
    expect(r.err).toContain('找不到文件夹：nowhere');
  });
});

describe('gongwen build --archive', () => {
  const REPLY_PDF = 'arch/2024/提案答复/江教提〔2024〕31号.pdf';

  it('lays documents out by year and type, with PDF/A PDFs and a manifest of its own', async () => {
    const dir = exampleProject();
    const r = await run(dir, 'build', 'content', '--archive', 'arch');
    expect(r.code, r.err).toBe(0);
    expect(filesUnder(join(dir, 'arch'))).toEqual([
      '2024/提案答复/江教提〔2024〕31号.docx',
      '2024/提案答复/江教提〔2024〕31号.pdf',
      '2024/提案答复/江教提〔2024〕47号.docx',
      '2024/提案答复/江教提〔2024〕47号.pdf',
      '2024/简报/江川市教育局“平安校园”建设简报第12期.docx',
      '2024/简报/江川市教育局“平安校园”建设简报第12期.pdf',
      '2024/简报/江川市教育局“平安校园”建设简报第13期.docx',
      '2024/简报/江川市教育局“平安校园”建设简报第13期.pdf',
      '2024/提案答复/江教提〔2024〕62号.docx',
      '2024/提案答复/江教提〔2024〕62号.pdf',
      '2024/函/江教函〔2024〕12号.docx',
      '2024/函/江教函〔2024〕12号.pdf',
      ...[['意见', 128], ['批复', 134], ['报告', 126], ['请示', 131], ['通报', 121], ['通知', 118], ['通知', 125]].flatMap(([t, n]) => [
        `2024/${t}/江教〔2024〕${n}号.docx`,
        `2024/${t}/江教〔2024〕${n}号.pdf`,
      ]),
      '2024/命令/江川市人民政府令第3号.docx',
      '2024/命令/江川市人民政府令第3号.pdf',
      '2024/纪要/江川市教育局局长办公会议纪要第9期.docx',
      '2024/纪要/江川市教育局局长办公会议纪要第9期.pdf',
      'manifest.json',
    ].sort());
    // The archived file is the output, byte for byte, and it is PDF/A.
    expect(readFileSync(join(dir, REPLY_PDF))).toEqual(readFileSync(join(dir, 'output/replies/2024-proposal-031-A.pdf')));
    expect(readFileSync(join(dir, REPLY_PDF)).toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
    const m = manifest(join(dir, 'arch', 'manifest.json'));
    expect(m.entries.find((e) => e['path'] === '2024/提案答复/江教提〔2024〕31号.pdf')).toMatchObject({
      conformance: 'PDF/A-2b',
      source: '../content/replies/2024-proposal-031-A.md',
    });
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);
  });

  it('is idempotent, refuses different bytes without --force (naming both files), replaces with --force', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const target = join(dir, 'arch', '2024', '提案答复', '江教提〔2024〕31号.pdf');
    expect((await run(dir, 'build', 'a.md', '--archive', 'arch')).code).toBe(0);
    const first = readFileSync(target);

    let r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--verbose');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('归档中已有相同文件');

    writeFileSync(join(dir, 'a.md'), GOOD_REPLY.replace('我市课后服务工作全面开展。', '我市课后服务工作全面开展，成效明显。'));
    r = await run(dir, 'build', 'a.md', '--archive', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('归档文件已存在且内容不同，未替换：arch/2024/提案答复/江教提〔2024〕31号.pdf');
    expect(r.err).toContain('本次生成的文件：output/a.pdf');
    expect(r.err).toContain('--force');
    expect(readFileSync(target)).toEqual(first);
    // Neither file of the pair was replaced; the archive still verifies.
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);

    r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--lang', 'en');
    expect(r.err).toContain('a different file is already in the archive, not replaced: arch/2024/提案答复/江教提〔2024〕31号.pdf');

    r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--force');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('已替换归档文件（--force）');
    expect(readFileSync(target)).toEqual(readFileSync(join(dir, 'output', 'a.pdf')));
    expect(readFileSync(target)).not.toEqual(first);
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);
  });

  it('two sources with the same number: the second is refused, not silently replacing the first', async () => {
    const dir = project({ 'a.md': GOOD_REPLY, 'b.md': GOOD_REPLY.replace('全面开展。', '全面开展，覆盖全市。') });
    const r = await run(dir, 'build', 'a.md', 'b.md', '--archive', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('本次生成的文件：output/b.pdf');
    expect(readFileSync(join(dir, 'arch/2024/提案答复/江教提〔2024〕31号.pdf'))).toEqual(readFileSync(join(dir, 'output/a.pdf')));
    expect(existsSync(join(dir, 'output/b.pdf'))).toBe(true);
  });
});
