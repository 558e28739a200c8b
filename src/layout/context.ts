// What every planning step of one document shares: the model, the shaping context (fonts and
// warnings) and the grid pitch.

import type { FontSet } from '../fonts/types.js';
import type { GongwenDocument } from '../model/types.js';
import { pitchFor } from './page.js';
import { ShapeContext } from './text.js';

export interface PlanContext {
  doc: GongwenDocument;
  shaper: ShapeContext;
  /** Grid pitch of the document, pt. */
  pitch: number;
}

export const planContext = (doc: GongwenDocument, fonts: FontSet): PlanContext => ({
  doc,
  shaper: new ShapeContext(fonts, doc.file),
  pitch: pitchFor(doc.options),
});
