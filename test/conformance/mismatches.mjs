#!/usr/bin/env node
// Counts, per printed line of the "bits" cases, how many numbers the engine prints differently
// from the recording (each line of those cases is one kernel over many inputs, so this is the
// per-kernel mismatch count a conformance pass/fail hides).
//
//   node test/conformance/mismatches.mjs test/conformance/cases/unary_bits.py [more cases]
//
// One row per line holding numbers: case, line, label (the line's leading word, e.g. "exp", or
// the exponent in pow_scalar_bits), mismatched/total numbers. Then the total per case.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";

const NUMBER = /-?(?:\d+\.?\d*(?:e[-+]?\d+)?|inf|nan)/g;
const cli = resolve(import.meta.dirname, "../../bin/gradlens.js");
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node test/conformance/mismatches.mjs CASE.py ...");
  process.exit(2);
}
for (const file of files) {
  const expected = readFileSync(file.replace(/\.py$/, ".expected"), "utf8").split("\n");
  const got = (spawnSync(process.execPath, [cli, "run", file], { encoding: "utf8" }).stdout ?? "").split("\n");
  let bad = 0, total = 0;
  expected.forEach((line, i) => {
    const want = line.match(NUMBER) ?? [];
    if (want.length < 2) return;
    const have = (got[i] ?? "").match(NUMBER) ?? [];
    const wrong = want.filter((n, k) => have[k] !== n).length;
    bad += wrong;
    total += want.length;
    const label = /^([A-Za-z_][\w.]*|-?[\d.]+(?:e-?\d+)?) \[/.exec(line)?.[1] ?? "";
    console.log(`${basename(file)}\tline ${i + 1}\t${label}\t${wrong}/${want.length}`);
  });
  console.log(`${basename(file)}\ttotal\t\t${bad}/${total}`);
}
