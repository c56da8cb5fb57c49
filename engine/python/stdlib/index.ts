// The standard-library modules written in TypeScript (CPython writes them in C): each run makes
// its own, the first time the program imports it, so module state (random's generator) is per run.
// Modules written in Python are in ../lib/.
import { mathModule } from "./math.ts";
import type { PyModule } from "../values.ts";
import { inspectModule } from "./inspect.ts";
import { itertoolsModule } from "./itertools.ts";
import { osModule } from "./os.ts";
import { randomModule } from "./random.ts";

const STDLIB: Record<string, () => PyModule> = {
  math: mathModule,
  random: randomModule,
  itertools: itertoolsModule,
  os: osModule,
  inspect: inspectModule,
};

/** the run's importer of these modules, and of those the run makes itself (`_warnings`, which
 *  holds the run's warning filters) */
export function stdlibImporter(runModules: Record<string, () => PyModule> = {}): (name: string) => PyModule | undefined {
  const made = new Map<string, PyModule>();
  return (name) => {
    let mod = made.get(name);
    if (!mod) {
      const make = Object.hasOwn(STDLIB, name) ? STDLIB[name] : Object.hasOwn(runModules, name) ? runModules[name] : undefined;
      if (!make) return undefined;
      made.set(name, (mod = make()));
    }
    return mod;
  };
}
