// What crosses between the main thread and a build worker: plain data only. Problems lose
// their class on the way and are rebuilt on arrival; buffers arrive as Uint8Array.

import { BuildError, Problem } from '../errors.js';
import type { FontConfig } from '../fonts/index.js';
import type { ProjectConfig } from '../source/index.js';
import type { TemplateSet } from '../template/render.js';
import type { Built, Format } from './build.js';

export interface WorkerSetup {
  config: ProjectConfig;
  templates: TemplateSet;
  formats: readonly Format[];
  pdfa: boolean;
  fontConfig: FontConfig;
  cwd: string;
  /** Font file bytes the main thread has read, shared (path → sfnt bytes). */
  fontBytes?: Record<string, Uint8Array>;
}

export interface WorkerRequest {
  id: number;
  file: string;
}

export interface WireError {
  problems?: unknown[];
  message: string;
  stack?: string;
}

export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; built: Built }
  | { id: number; ok: false; error: WireError };

/** Problems as plain objects (structured clone drops the class anyway). */
export function toWire(built: Built): Built {
  return {
    ...built,
    source: { ...built.source, warnings: built.source.warnings.map((p) => ({ ...p }) as Problem) },
    warnings: built.warnings.map((p) => ({ ...p }) as Problem),
  };
}

const problem = (p: unknown): Problem => new Problem(p as ConstructorParameters<typeof Problem>[0]);

/** A worker's result back in the shapes the sequential build returns. */
export function fromWire(built: Built): Built {
  const outputs: Built['outputs'] = {};
  for (const [f, b] of Object.entries(built.outputs) as Array<[Format, Uint8Array]>) {
    outputs[f] = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }
  return {
    ...built,
    source: { ...built.source, warnings: built.source.warnings.map(problem) },
    warnings: built.warnings.map(problem),
    outputs,
  };
}

/** The error the sequential build would have thrown. */
export function errorFromWire(e: WireError): Error {
  if (e.problems) return new BuildError(e.problems.map(problem));
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
