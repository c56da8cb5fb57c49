// Records the differential fuzzer's corpus: COUNT programs from generate.ts (fast-check, fixed
// seed), each run by the answer key (PyTorch 2.6, Python 3.13) in one batched process, written
// with their outcomes to test/fuzz/corpus.jsonl. Tests never run Python: they read this file.
//
//   node --import tsx test/fuzz/record.ts [COUNT=6000] [SEED=17]
//   node --import tsx test/fuzz/record.ts --verify 200   # batch vs one process per program
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { oracleEnv, oraclePython } from "../../scripts/oracle.mjs";
import { samplePrograms } from "./generate.ts";
import { CORPUS, FUZZ_DIR as here } from "./paths.ts";

const args = process.argv.slice(2);
const verify = args[0] === "--verify";
const count = Number(verify ? (args[1] ?? 200) : (args[0] ?? 6000));
const seed = Number(verify ? 17 : (args[1] ?? 17));

const programs = samplePrograms(count, seed).map((source, i) => ({ id: `s${seed}-${i}`, source }));
const input = programs.map((p) => JSON.stringify(p)).join("\n") + "\n";
// the oracle runs in a chroot that sees the working directory's top folder and /tmp
const cwd = mkdtempSync(join(tmpdir(), "gradlens-fuzz-"));
try {
  const started = Date.now();
  const p = spawnSync(oraclePython(), [join(here, "oracle_batch.py"), ...(verify ? ["--verify", String(count)] : [])], {
    cwd,
    input,
    // one intra-op thread, as every recording: ATen splits some kernels across threads
    env: oracleEnv(),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (p.error) throw p.error;
  if (verify) {
    process.stdout.write(p.stdout);
    process.exit(p.status ?? 1);
  }
  if (p.status !== 0) throw new Error(`oracle_batch.py failed (${p.status}):\n${p.stderr.slice(-2000)}`);
  const outcomes = new Map(
    p.stdout
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => {
        const o = JSON.parse(l) as { id: string; stdout: string; error: unknown };
        return [o.id, o];
      }),
  );
  const lines = programs.map((prog) => {
    const o = outcomes.get(prog.id);
    if (!o) throw new Error(`no outcome for ${prog.id}`);
    return JSON.stringify({ id: prog.id, source: prog.source, stdout: o.stdout, error: o.error });
  });
  writeFileSync(CORPUS, lines.join("\n") + "\n");
  console.log(`recorded ${lines.length} programs in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${CORPUS}`);
} finally {
  rmSync(cwd, { recursive: true, force: true });
}
