#!/usr/bin/env node
// Command-line entry point, plain JS so it works right after `npm install`. It runs the
// TypeScript CLI (bin/cli/main.ts) from one bundle that esbuild (installed with tsx) builds
// into node_modules/.cache/gradlens and rebuilds whenever a source file changed: starting
// from a bundle takes a fraction of the time that compiling ~80 modules through tsx does.
// If the bundle cannot be built or written, it falls back to tsx's loader.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "bin/cli/main.ts");
const cacheDir = join(root, "node_modules/.cache/gradlens-cli");
const bundle = join(cacheDir, "cli.mjs");
const stamp = join(cacheDir, "cli.inputs.json");

/** the bundle is fresh when every input it was built from has the mtime it had then */
function fresh() {
  if (!existsSync(bundle) || !existsSync(stamp)) return false;
  try {
    const inputs = JSON.parse(readFileSync(stamp, "utf8"));
    return Object.entries(inputs).every(([file, mtime]) => statSync(join(root, file)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

async function buildBundle() {
  const { build } = await import("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: bundle,
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: root,
    // packages resolve from node_modules at run time; export.ts (the renderer's exporter, which
    // finds its files relative to itself) stays a separate module loaded on first use
    packages: "external",
    plugins: [
      {
        name: "lazy-export",
        setup(b) {
          b.onResolve({ filter: /^\.\/export\.ts$/ }, (args) => ({ path: join(args.resolveDir, args.path), external: true }));
        },
      },
    ],
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = statSync(join(root, file)).mtimeMs;
  inputs["bin/gradlens.js"] = statSync(join(root, "bin/gradlens.js")).mtimeMs;
  // write-then-rename, bundle before stamp: a CLI starting in parallel never loads half a file
  atomicWrite(bundle, result.outputFiles[0].contents);
  atomicWrite(stamp, JSON.stringify(inputs));
}

function atomicWrite(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

async function load() {
  if (!process.env.GRADLENS_NO_BUNDLE) {
    try {
      if (!fresh()) await buildBundle();
      return await import(pathToFileURL(bundle).href);
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
