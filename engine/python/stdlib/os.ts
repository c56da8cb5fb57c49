// os: programs from tutorials import it (for paths to datasets they no longer load here) and often
// never use it. The import succeeds as in CPython; each name the program reads is refused with a
// clear NotImplementedError instead of failing the whole program at its first line.
import { PyModule, pyErr } from "../values.ts";

export function osModule(): PyModule {
  const mod = new PyModule("os", new Map([["name", "posix"], ["sep", "/"], ["linesep", "\n"]]));
  mod.fallback = (name) => {
    if (name.startsWith("__")) return undefined;
    throw pyErr("NotImplementedError", `os.${name} is not in Gradlens yet (Gradlens programs do not read files or the environment)`);
  };
  return mod;
}
