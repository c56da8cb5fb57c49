// Where the fuzzer's recorded corpus lives.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FUZZ_DIR = dirname(fileURLToPath(import.meta.url));
/** programs with PyTorch's outcomes, one JSON object a line (written by record.ts) */
export const CORPUS = join(FUZZ_DIR, "corpus.jsonl");
