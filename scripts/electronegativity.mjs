#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the Electron shell's sources (and the built renderer,
// if built) and exits non-zero on any HIGH or MEDIUM finding. Part of `npm test`.
//
// Usage: node scripts/electronegativity.mjs [path]
//   default: electron/ together with the built renderer's HTML (out/renderer/*.html, when
//   built), scanned as one app so the global checks (CSP, navigation limits, permission
//   handler) see the main process and the page at once.
// Not scanned: the built main and preload bundles (out/main, out/preload) are these same
// sources bundled, minus the reviewed `eng-disable` comments the bundler drops; the built
// renderer JavaScript is minified code Electronegativity's walker cannot read (private
// class fields) and holds no Electron API calls.

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Findings at these severities fail the run. */
export const FAILING_SEVERITIES = new Set(["HIGH", "MEDIUM"]);

/**
 * A temporary folder holding electron/ and the built renderer's HTML, and a function that maps
 * a file in it back to its place in the repository (for the report).
 */
export function stageDefaultInput(base = root) {
  const stage = mkdtempSync(join(tmpdir(), "gradlens-electronegativity-"));
  cpSync(join(base, "electron"), join(stage, "electron"), { recursive: true });
  const built = join(base, "out", "renderer");
  const pages = [];
  try {
    for (const name of readdirSync(built).filter((n) => n.endsWith(".html"))) {
      cpSync(join(built, name), join(stage, "out", "renderer", name));
      pages.push(name);
    }
  } catch {
    // Not built, or being rebuilt right now (npm start in another terminal): scan electron/ alone.
  }
  return {
    input: stage,
    description: pages.length > 0 ? "electron + out/renderer/*.html" : "electron",
    toRepoPath: (file) =>
      typeof file === "string" && file.startsWith(stage) ? join(base, relative(stage, file)) : file,
    cleanup: () => rmSync(stage, { recursive: true, force: true }),
  };
}

/** The Electron version the checks assume: the one installed, not a guess from package.json ranges. */
function installedElectronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve("electron/package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

export function failing(issues) {
  return issues.filter((issue) =>
    FAILING_SEVERITIES.has(String(issue.severity?.name).toUpperCase()),
  );
}

export function formatIssue(issue, base = root) {
  const where =
    issue.file && issue.file !== "N/A"
      ? `${relative(base, issue.file) || issue.file}:${issue.location?.line ?? 0}`
      : "(global)";
  const sample = issue.sample ? `\n      ${String(issue.sample).trim().slice(0, 160)}` : "";
  return `  ${issue.severity?.name ?? "?"} ${issue.confidence?.name ?? ""} ${issue.id}  ${where}${sample}\n      ${issue.description ?? ""}`;
}

async function main(argv) {
  if (argv.length > 1) {
    console.error("usage: node scripts/electronegativity.mjs [path]");
    return 2;
  }
  const staged = argv.length === 0 ? stageDefaultInput() : null;
  const input = staged ? staged.input : resolve(argv[0]);
  const shown = staged ? staged.description : relative(root, input) || input;
  // Electronegativity fetches translations for $LANG; pin English so output is predictable.
  process.env.LANG = "en-US";
  const run =
    require("@doyensec/electronegativity").default ?? require("@doyensec/electronegativity");
  const electronVersionOverride = installedElectronVersion();
  let result;
  try {
    result = await run(
      { input, isRelative: false, electronVersionOverride, parserPlugins: [] },
      false,
    );
  } finally {
    staged?.cleanup();
  }
  const all = result.issues.map((issue) => ({
    ...issue,
    file: staged ? staged.toRepoPath(issue.file) : issue.file,
  }));
  const parseErrors = (result.errors ?? []).map((error) => ({
    ...error,
    file: staged ? staged.toRepoPath(error.file) : error.file,
  }));
  const bad = failing(all);
  console.log(
    `\nElectronegativity (Electron ${electronVersionOverride ?? "unknown"}) over ${shown}: ${all.length} findings, ${bad.length} HIGH or MEDIUM`,
  );
  for (const issue of all) console.log(formatIssue(issue));
  for (const error of parseErrors)
    console.log(`  could not parse ${error.file ?? ""}: ${error.message ?? error}`);
  if (parseErrors.length > 0) {
    console.error("electronegativity: some files could not be parsed, so they were not checked");
    return 1;
  }
  return bad.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
