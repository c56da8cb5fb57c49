// Node only (tests, and the CLI run from sources without its bundle): the export components
// compiled for svelte/server at first use and cached under node_modules/.cache/gradlens. The
// cache is rebuilt when any file it was built from changes or the checkout moved (it imports
// svelte by absolute URL). The CLI's bundle compiles them in instead (bin/cli/build.ts).

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { VERSION } from "svelte/compiler";
import { compileServerComponent } from "./compile-server.ts";
import type { ExportComponents } from "./components.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const entry = join(here, "server-entry.ts");

interface CacheMeta {
  /** the checkout it was built in: the bundle imports packages by absolute URL from there */
  root: string;
  svelte: string;
  /** repo-relative path -> sha1 of its contents when the bundle was built */
  inputs: Record<string, string>;
  bundle: string;
}

const sha1 = (text: string | Buffer) => createHash("sha1").update(text).digest("hex");

function cacheDirs(): string[] {
  const checkout = sha1(root).slice(0, 12);
  return [join(root, "node_modules", ".cache", "gradlens"), join(tmpdir(), `gradlens-cache-${process.getuid?.() ?? "user"}-${checkout}`)];
}

function fresh(meta: CacheMeta, dir: string): boolean {
  if (meta.root !== root || meta.svelte !== VERSION || !existsSync(join(dir, meta.bundle))) return false;
  for (const [path, hash] of Object.entries(meta.inputs)) {
    try {
      if (sha1(readFileSync(join(root, path))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}

const sveltePlugin: Plugin = {
  name: "gradlens-svelte-server",
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, (args) => ({
      contents: compileServerComponent(readFileSync(args.path, "utf8"), relative(root, args.path)),
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

/** Packages stay outside the bundle, imported by absolute URL: svelte's runtime must be the very
 *  module instance svelte/server's render() uses, and the bundle must load from any folder. */
const packagesByUrl: Plugin = {
  name: "gradlens-packages-by-url",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: import.meta.resolve(args.path), external: true }));
  },
};

async function bundle(): Promise<{ code: string; inputs: Record<string, string> }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    plugins: [sveltePlugin, packagesByUrl],
    logLevel: "silent",
  });
  const inputs: Record<string, string> = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const abs = resolve(process.cwd(), path);
    inputs[relative(root, abs)] = sha1(readFileSync(abs));
  }
  return { code: result.outputFiles[0].text, inputs };
}

let loaded: Promise<ExportComponents> | null = null;

/** The export components, compiled (or taken from the cache) once per process. */
export function loadExportComponents(): Promise<ExportComponents> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<ExportComponents> {
  for (const dir of cacheDirs()) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, "export-components.json"), "utf8")) as CacheMeta;
      if (fresh(meta, dir)) return (await import(pathToFileURL(join(dir, meta.bundle)).href)) as ExportComponents;
    } catch {
      // no cache here yet
    }
  }
  const { code, inputs } = await bundle();
  const name = `export-components-${sha1(code).slice(0, 12)}.mjs`;
  let lastError: unknown = null;
  for (const dir of cacheDirs()) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, code);
      renameSync(tmp, join(dir, name));
      const meta: CacheMeta = { root, svelte: VERSION, inputs, bundle: name };
      const metaTmp = join(dir, `.export-components.json.${process.pid}.tmp`);
      writeFileSync(metaTmp, JSON.stringify(meta, null, 1));
      renameSync(metaTmp, join(dir, "export-components.json"));
      return (await import(pathToFileURL(join(dir, name)).href)) as ExportComponents;
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`could not compile the export components: ${(lastError as Error)?.message ?? lastError}`);
}
