#!/usr/bin/env node
// Command-line entry point, plain JS so it works right after `npm install`. It runs the
// TypeScript CLI (bin/cli/main.ts) from a bundle (bin/bundle.mjs: built by `npm install`'s
// prepare step or on first use, rebuilt when a source file changes): starting from a bundle
// takes a fraction of the time that compiling ~100 modules through tsx does, and `export` then
// loads no compiler at all. If no bundle can be built or written, it falls back to tsx's loader.
import { pathToFileURL } from "node:url";
import { cliBundle } from "./bundle.mjs";
import { enableRelaxedSimd } from "./wasm_features.mjs";

enableRelaxedSimd();

async function load() {
  if (!process.env.GRADLENS_NO_BUNDLE) {
    try {
      const bundle = await cliBundle();
      if (bundle) return await import(pathToFileURL(bundle).href);
    } catch {
      // fall through to the loader
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("./cli/main.ts");
}

// `gradlens run x.py | head` closes the pipe early: stop quietly like python3 does
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const { main } = await load();
process.exitCode = await main(process.argv.slice(2));
