// Types of scripts/oracle.mjs, for the TypeScript that runs the answer key (benchmarks).
export function oraclePython(): string;
export function oracleEnv(): NodeJS.ProcessEnv;
