// The spec module: the whole format in one place (see README «架构»).
export * from './units.js';
export * from './gbt9704.js';
export * as bulletinSpec from './bulletin.js';
export * as replySpec from './reply.js';
export * as layoutSpec from './layout.js';
export * as docxSpec from './docx.js';
export * as archiveSpec from './archive.js';
export * as limitsSpec from './limits.js';
