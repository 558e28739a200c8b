// The spec module: the whole format in one place (see README «架构»).
export * from './units.js';
export * from './gbt9704.js';
export * as bulletinSpec from './bulletin.js';
export * as replySpec from './reply.js';
export * as letterSpec from './letter.js';
export * as orderSpec from './order.js';
export * as minutesSpec from './minutes.js';
export * as layoutSpec from './layout.js';
export * as docxSpec from './docx.js';
export * as archiveSpec from './archive.js';
export * as ofdSpec from './ofd.js';
export * as limitsSpec from './limits.js';
