// Where the recorded PyTorch cases live: every folder directly under test/conformance/ that
// holds NAME.py + NAME.expected pairs (cases/ is the shared set and the first sessions' cases;
// later topics get folders of their own: python/, nn/, autograd/...).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const CONFORMANCE_ROOT = join(import.meta.dirname);

export interface ConformanceCase {
  /** folder/name.py, as tests name the case */
  id: string;
  /** absolute path of the .py file */
  path: string;
  /** absolute path of the recorded .expected file */
  expected: string;
}

export function conformanceFolders(): string[] {
  return readdirSync(CONFORMANCE_ROOT)
    .filter((f) => statSync(join(CONFORMANCE_ROOT, f)).isDirectory())
    .sort()
    .map((f) => join(CONFORMANCE_ROOT, f));
}

export function conformanceCases(): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (const folder of conformanceFolders()) {
    for (const f of readdirSync(folder).filter((n) => n.endsWith(".py")).sort()) {
      const expected = join(folder, f.replace(/\.py$/, ".expected"));
      if (existsSync(expected)) out.push({ id: `${folder.split("/").at(-1)}/${f}`, path: join(folder, f), expected });
    }
  }
  return out;
}
