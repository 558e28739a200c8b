// OFD writer (GB/T 33190-2016): draws a laid-out document as an OFD package, the third writer
// of the layout's pages beside the PDF and the DOCX. It makes no layout decision. Fonts are
// embedded as subsets, images as multimedia; the bytes are deterministic (entries in a fixed
// order, dates from the document, DocID from the content). `archive`: DocType OFD-A.

import type { FontSet, LoadedFont } from '../../fonts/types.js';
import type { LaidOutDocument } from '../../layout/types.js';
import { BuildError, Problem, type Text } from '../../errors.js';
import { buildDate } from '../build-date.js';
import { zipFixedOffThread } from '../zip.js';
import type { Compressor } from '../pdf/deflatethread.js';
import { pageContent, type PageResources } from './content.js';
import { documentXml, DOCUMENT_RES, pageLoc, PUBLIC_RES } from './document.js';
import { docId, ofdXml } from './entry.js';
import { DocumentFonts, FontEmbeddingError, type EmbeddingRefusal } from './fonts.js';
import { Ids } from './ids.js';
import { documentRes, ImageResources, publicRes, RES_DIR, type FontResource } from './resources.js';
import { o, part } from './xml.js';

export interface OfdOptions {
  /** The archival profile: DocType OFD-A (GB/T 42133) and the archive's metadata. */
  archive?: boolean;
  /** The source file, named by errors. */
  file?: string;
  /** Deflates the package's parts off the main thread (the build session's; default libuv's pool). */
  compressor?: Compressor;
}

/** Folder of the (one) document inside the package. */
const DOC_DIR = 'Doc_0';

const REFUSAL: Record<EmbeddingRefusal, Text> = {
  restricted: { zh: '字体的授权不允许嵌入（OS/2 fsType 为“受限”）', en: 'the font licence forbids embedding (OS/2 fsType "restricted")' },
  bitmapOnly: { zh: '字体只允许嵌入点阵字形', en: 'the font allows embedding bitmaps only' },
  noOutlines: { zh: '字体无法读取字形', en: 'the font outlines cannot be read' },
};

/** Every face the document may draw with, keyed by LoadedFont.id. */
function facesById(fonts: FontSet): Map<string, LoadedFont> {
  const m = new Map<string, LoadedFont>();
  for (const r of Object.values(fonts.roles)) m.set(r.font.id, r.font);
  for (const f of fonts.fallbacks) m.set(f.id, f);
  return m;
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/**
 * Write the OFD package; resolves to its bytes. Everything is read from `laid` before the
 * first await (the parts are deflated off the main thread). Rejects with BuildError when a
 * font cannot be embedded.
 */
export async function writeOfd(laid: LaidOutDocument, fonts: FontSet, opts: OfdOptions = {}): Promise<Buffer> {
  try {
    return await write(laid, fonts, opts);
  } catch (e) {
    if (!(e instanceof FontEmbeddingError)) throw e;
    throw new BuildError([
      new Problem({
        file: opts.file ?? laid.info.title,
        key: e.font.path,
        what: { zh: `无法生成 OFD：${REFUSAL[e.reason].zh}`, en: `cannot write the OFD: ${REFUSAL[e.reason].en}` },
        hint: { zh: '请在配置中为该字体角色换用允许嵌入的字体文件', en: 'configure a font file that allows embedding for this role' },
      }),
    ]);
  }
}

function write(laid: LaidOutDocument, fonts: FontSet, opts: OfdOptions): Promise<Buffer> {
  const ids = new Ids();
  const colourSpace = ids.next();
  const docFonts = new DocumentFonts(facesById(fonts));
  const fontIds = new Map<string, number>();
  const images = new ImageResources(ids);
  const res: PageResources = {
    ids,
    fonts: docFonts,
    colourSpace,
    fontRes: (fontId) => {
      let id = fontIds.get(fontId);
      if (id === undefined) {
        id = ids.next();
        fontIds.set(fontId, id);
      }
      return id;
    },
    imageRes: (image) => images.idOf(image),
  };

  const pageIds: number[] = [];
  const pages: Array<readonly [string, Uint8Array]> = laid.pages.map((page, i) => {
    pageIds.push(ids.next());
    return [`${DOC_DIR}/${pageLoc(i)}`, utf8(part('Page', {}, pageContent(page, res)))] as const;
  });

  const fontFiles = docFonts.files();
  const fontRes: FontResource[] = fontFiles.map((f) => {
    const id = fontIds.get(f.fontId)!;
    return { id, fontName: f.font.postscriptName, familyName: f.font.familyName, file: `Font_${id}.${f.ext}` };
  });
  const parts: Array<readonly [string, Uint8Array]> = [
    [`${DOC_DIR}/Document.xml`, utf8(documentXml(ids.max, pageIds))],
    [`${DOC_DIR}/${PUBLIC_RES}`, utf8(publicRes(colourSpace, fontRes))],
    [`${DOC_DIR}/${DOCUMENT_RES}`, utf8(documentRes(images.list))],
    ...pages,
    ...fontFiles.map((f, i) => [`${DOC_DIR}/${RES_DIR}/${fontRes[i]!.file}`, f.bytes] as const),
    ...images.list.map((m) => [`${DOC_DIR}/${RES_DIR}/${m.file}`, m.bytes] as const),
  ];
  const date = buildDate(laid.info.isoDate);
  const entry = ofdXml(laid.info, { id: docId(parts), date, docRoot: `${DOC_DIR}/Document.xml`, archive: Boolean(opts.archive) });
  return zipFixedOffThread([['OFD.xml', utf8(entry)], ...parts], date, opts.compressor);
}

