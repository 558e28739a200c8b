// Document.xml [GB/T 33190 7.5]: the common data (largest object id, the A4 page area, the
// resource parts) and the list of pages with the location of each page's content.

import { PAGE_H_MM, PAGE_W_MM } from '../../spec/gbt9704.js';
import { num, o, part } from './xml.js';

export const PUBLIC_RES = 'PublicRes.xml';
export const DOCUMENT_RES = 'DocumentRes.xml';

/** Location of page i's content, relative to the document's folder. */
export const pageLoc = (i: number): string => `Pages/Page_${i}/Content.xml`;

export function documentXml(maxUnitId: number, pageIds: readonly number[]): string {
  return part(
    'Document',
    {},
    o(
      'CommonData',
      {},
      o('MaxUnitID', {}, String(maxUnitId)) +
        o('PageArea', {}, o('PhysicalBox', {}, `0 0 ${num(PAGE_W_MM)} ${num(PAGE_H_MM)}`)) +
        o('PublicRes', {}, PUBLIC_RES) +
        o('DocumentRes', {}, DOCUMENT_RES),
    ) + o('Pages', {}, pageIds.map((id, i) => o('Page', { ID: id, BaseLoc: pageLoc(i) })).join('')),
  );
}
