// `npm install` runs this (package.json's "prepare"): bundles the command line (bin/bundle.mjs)
// so the first `gradlens` starts as fast as the next. It never fails the install: without a
// bundle the CLI builds one on first use, or runs from its sources.
import { cliBundle } from "../bin/bundle.mjs";

const started = Date.now();
try {
  const main = await cliBundle();
  if (main) console.log(`gradlens: command line bundled in ${Date.now() - started} ms`);
  else
    console.log("gradlens: the command line could not be bundled here; it runs from its sources");
} catch (error) {
  console.log(
    `gradlens: the command line was not bundled (${error instanceof Error ? error.message : error}); it will be on first use`,
  );
}
