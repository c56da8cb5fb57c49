// Modules a script imports from its own folder, as python3 finds them (the script's directory
// comes first on sys.path): `import helpers` reads helpers.py, `from pkg.mod import x` reads
// pkg/__init__.py then pkg/mod.py. Undefined when there is no such file (the engine then looks
// at its own modules).
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

export function moduleResolver(scriptPath: string): (name: string) => { filename: string; source: string } | undefined {
  const root = dirname(scriptPath);
  return (name) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) return undefined;
    const base = join(root, ...name.split("."));
    for (const file of [join(base, "__init__.py"), `${base}.py`]) {
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      try {
        return { filename: file, source: readFileSync(file, "utf8") };
      } catch {
        return undefined;
      }
    }
    return undefined;
  };
}
