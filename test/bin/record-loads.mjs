// A Node module hook for tests: `node --import ./test/bin/record-loads.mjs ...` with LOADS_FILE set
// appends the URL of every module the process loads to that file, one per line.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (process.env.LOADS_FILE) appendFileSync(process.env.LOADS_FILE, url + "\\n");
  return next(url, context);
}
`),
);
