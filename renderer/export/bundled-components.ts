// The export components inside the command line's bundle (bin/cli/build.ts puts this module in
// place of node-components.ts): compiled for svelte/server when the bundle was built.

import type { ExportComponents } from "./components.ts";
import * as components from "./server-entry.ts";

export function loadExportComponents(): Promise<ExportComponents> {
  return Promise.resolve(components);
}
