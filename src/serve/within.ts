// Whether a path lies in a folder (or is the folder): the one test the watcher, the document
// list and the server use to keep to the served folders.

import { isAbsolute, relative, sep } from 'node:path';

export function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}
