#!/usr/bin/env node
// Records NAME.expected for each NAME.py given (files or folders) with the answer key,
// PyTorch 2.6 on Python 3.13 (shared/oracle/python3 beside the repository), exactly as
// ../shared/conformance/record.py does: stdout, then the traceback's last line if the
// program raised; object addresses written as 0x0. PyTorch runs with one thread (scripts/oracle.mjs).
//
//   node test/conformance/record.mjs test/conformance/python/class_basics.py ...
//   node test/conformance/record.mjs test/conformance/nn        # every case in a folder
//   ORACLE=/path/to/python3 node test/conformance/record.mjs ... # another python3
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { oracleEnv, oraclePython } from "../../scripts/oracle.mjs";

const oracle = oraclePython();
const files = process.argv
  .slice(2)
  .flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".py")).sort().map((f) => join(p, f)) : [p]));
if (files.length === 0) {
  console.error("usage: node test/conformance/record.mjs CASE.py|FOLDER ...");
  process.exit(2);
}
for (const file of files) {
  const p = spawnSync(oracle, [basename(file)], { cwd: resolve(dirname(file)), encoding: "utf8", timeout: 120_000, env: oracleEnv() });
  if (p.error) throw p.error;
  let out = p.stdout;
  if (p.status !== 0) {
    const lines = p.stderr.split("\n").filter((l) => l.trim());
    out += (lines.at(-1) ?? `(exit ${p.status ?? p.signal})`) + "\n";
  }
  writeFileSync(file.replace(/\.py$/, ".expected"), out.replace(/0x[0-9a-fA-F]+/g, "0x0"));
  console.log("recorded", file);
}
