// The command line's bundle (bin/cli/build.ts makes it): where it is kept, whether it is fresh,
// building it when not. Plain JavaScript: it runs before any TypeScript loader.
//
// Kept in node_modules/.cache/gradlens-cli (or, where that is read-only, a folder of the OS's temp
// dir named after this checkout's path). A stamp lists every file the bundle was built from with
// its mtime, size and SHA-1. Same mtimes and sizes in the same checkout: fresh, at the cost of a
// stat per file. Otherwise (a copied checkout, a `git checkout` that touched files) the contents
// are hashed, and only a real change rebuilds; the stamp then takes the new mtimes. The bundle
// holds no absolute path, so a copied or moved checkout uses it as it is.

import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = "bundle.json";
const STAMP_VERSION = 1;
/** files that shape the bundle without being part of it */
const BUILD_FILES = [
  "bin/bundle.mjs",
  "bin/cli/build.ts",
  "renderer/export/compile-server.ts",
  "package.json",
];

const sha1 = (data) => createHash("sha1").update(data).digest("hex");

/** The checkout's own cache first, then one in the temp dir keyed by the checkout's path. */
export function cacheDirs() {
  const user = process.getuid?.() ?? "user";
  return [
    join(root, "node_modules/.cache/gradlens-cli"),
    join(tmpdir(), `gradlens-cli-${user}-${sha1(root).slice(0, 12)}`),
  ];
}

function readStamp(cacheDir) {
  try {
    const stamp = JSON.parse(readFileSync(join(cacheDir, STAMP), "utf8"));
    return stamp.version === STAMP_VERSION ? stamp : null;
  } catch {
    return null;
  }
}

function fileStamp(rel) {
  const path = join(root, rel);
  const st = statSync(path);
  return [st.mtimeMs, st.size, sha1(readFileSync(path))];
}

function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** The bundle's main.mjs in `cacheDir` if it was built from exactly the files here, else null. */
export function freshBundle(cacheDir) {
  const stamp = readStamp(cacheDir);
  if (!stamp) return null;
  const main = join(cacheDir, stamp.dir, "main.mjs");
  if (!existsSync(main)) return null;
  let restamped = false;
  for (const [rel, [mtime, size, hash]] of Object.entries(stamp.inputs)) {
    let st;
    try {
      st = statSync(join(root, rel));
    } catch {
      return null;
    }
    if (stamp.root === root && st.mtimeMs === mtime && st.size === size) continue;
    if (st.size !== size || sha1(readFileSync(join(root, rel))) !== hash) return null;
    stamp.inputs[rel] = [st.mtimeMs, size, hash];
    restamped = true;
  }
  if (restamped || stamp.root !== root) {
    stamp.root = root;
    try {
      writeAtomic(join(cacheDir, STAMP), JSON.stringify(stamp));
    } catch {
      // a read-only cache still serves; it is checked by content again next time
    }
  }
  return main;
}

/** Builds the bundle into `cacheDir` (esbuild and svelte/compiler, through tsx: build time only). */
export async function buildBundle(cacheDir) {
  const { register } = await import("tsx/esm/api");
  const unregister = register();
  let built;
  try {
    const { buildCliBundle } = await import(pathToFileURL(join(root, "bin/cli/build.ts")).href);
    built = await buildCliBundle(root);
  } finally {
    await unregister?.();
  }
  mkdirSync(cacheDir, { recursive: true });
  const digest = createHash("sha1");
  for (const [name, bytes] of [...built.files].sort(([a], [b]) => a.localeCompare(b)))
    digest.update(name).update(bytes);
  const dir = `bundle-${digest.digest("hex").slice(0, 12)}`;
  if (!existsSync(join(cacheDir, dir, "main.mjs"))) {
    // a whole folder appears at once: written aside, then renamed into place
    const tmp = join(cacheDir, `.${dir}.${process.pid}.tmp`);
    rmSync(tmp, { recursive: true, force: true });
    for (const [name, bytes] of built.files) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), bytes);
    }
    try {
      renameSync(tmp, join(cacheDir, dir));
    } catch (error) {
      rmSync(tmp, { recursive: true, force: true });
      // another process built the same bundle first
      if (!existsSync(join(cacheDir, dir, "main.mjs"))) throw error;
    }
  }
  const inputs = {};
  for (const rel of [...built.inputs, ...BUILD_FILES]) inputs[rel] = fileStamp(rel);
  writeAtomic(join(cacheDir, STAMP), JSON.stringify({ version: STAMP_VERSION, root, dir, inputs }));
  removeStale(cacheDir, dir);
  return join(cacheDir, dir, "main.mjs");
}

/** Older bundles, once nothing started in the last hour could still be loading them. */
function removeStale(cacheDir, current) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(cacheDir)) {
    if (name === current || !/^\.?bundle-/.test(name)) continue;
    try {
      if (statSync(join(cacheDir, name)).mtimeMs < hourAgo)
        rmSync(join(cacheDir, name), { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

/** The path of a fresh bundle's main.mjs, building one if needed; null if none can be had. */
export async function cliBundle() {
  const dirs = cacheDirs();
  for (const dir of dirs) {
    const main = freshBundle(dir);
    if (main) return main;
  }
  for (const dir of dirs) {
    try {
      return await buildBundle(dir);
    } catch {
      // read-only or unbuildable here: try the next place
    }
  }
  return null;
}
