// The one way export components are compiled for svelte/server, shared by the CLI's bundler and
// the app's Vite plugin, so both produce the same markup byte for byte.

import { compile, type CompileOptions } from "svelte/compiler";

export const SERVER_COMPILE_OPTIONS: CompileOptions = {
  generate: "server",
  css: "injected",
  dev: false,
  // hash the CSS, not the file path: the class names must not depend on where the repo lives
  cssHash: ({ css, hash }) => `gl-${hash(css)}`,
};

/** A .svelte file as server JavaScript (ES module importing svelte/internal/server). */
export function compileServerComponent(source: string, filename: string): string {
  return compile(source, { ...SERVER_COMPILE_OPTIONS, filename }).js.code;
}
