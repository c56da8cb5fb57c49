#!/usr/bin/env node
// Command-line entry point: registers tsx so the TypeScript CLI (bin/cli) runs from source
// right after `npm install`, then hands over the arguments.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
