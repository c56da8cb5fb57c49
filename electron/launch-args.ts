// Finding the file to open in a launch's command line (`gradlens-app lesson.md`, a double
// click on a .py file, a second launch that hands its arguments to the running app).

import { isOpenableName } from "./file-rules.ts";

/**
 * The first argument that names a script or lesson. Electron's own arguments come first
 * (the executable, then the app folder when unpackaged) and switches start with "-".
 */
export function fileArgument(argv: readonly string[], isPackaged: boolean): string | null {
  const userArgs = argv.slice(isPackaged ? 1 : 2);
  for (const arg of userArgs) {
    if (arg === "--") continue;
    if (arg.startsWith("-")) continue;
    if (isOpenableName(arg)) return arg;
  }
  return null;
}
