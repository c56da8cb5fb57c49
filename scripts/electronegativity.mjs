#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the Electron shell's sources (and the built renderer,
// if built) and exits non-zero on any HIGH or MEDIUM finding. Part of `npm test`.
//
// Usage: node scripts/electronegativity.mjs [path ...]
//   default paths: electron/ and out/renderer/ (when present).
// The built main and preload bundles (out/main, out/preload) are not scanned: they are these
// same sources bundled, minus the reviewed `eng-disable` comments the bundler drops.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/** Findings at these severities fail the run. */
export const FAILING_SEVERITIES = new Set(["HIGH", "MEDIUM"]);

export function defaultInputs(base = root) {
  return ["electron", join("out", "renderer")]
    .map((p) => join(base, p))
    .filter((p) => existsSync(p));
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
  const inputs = argv.length > 0 ? argv.map((p) => resolve(p)) : defaultInputs();
  if (inputs.length === 0) {
    console.error("electronegativity: nothing to scan (no electron/ folder)");
    return 2;
  }
  // Electronegativity fetches translations for $LANG; pin English so output is predictable.
  process.env.LANG = "en-US";
  const run =
    require("@doyensec/electronegativity").default ?? require("@doyensec/electronegativity");
  const electronVersionOverride = installedElectronVersion();
  const all = [];
  const parseErrors = [];
  for (const input of inputs) {
    const result = await run(
      { input, isRelative: false, electronVersionOverride, parserPlugins: [] },
      false,
    );
    all.push(...result.issues);
    parseErrors.push(...(result.errors ?? []));
  }
  const bad = failing(all);
  const shown = relative(root, inputs[0])
    ? inputs.map((p) => relative(root, p) || ".").join(", ")
    : inputs.join(", ");
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
