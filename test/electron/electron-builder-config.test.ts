// electron-builder.yml cannot be exercised here (packaging downloads Electron), so check it
// with electron-builder's own loader and schema, and check what it would ship.
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const require = createRequire(import.meta.url);
const builderConfig = require("app-builder-lib/out/util/config/config.js") as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: unknown,
  ): Promise<Record<string, any>>;
  validateConfiguration(
    config: unknown,
    logger: { isEnabled: boolean; add(): void },
  ): Promise<void>;
};

async function load() {
  return builderConfig.getConfig(root, join(root, "electron-builder.yml"), null);
}

describe("electron-builder.yml", () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(
      builderConfig.validateConfiguration(await load(), { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined();
  });

  it("(the validation is real: a misspelt option is rejected)", async () => {
    await expect(
      builderConfig.validateConfiguration(
        { ...(await load()), linux: { targets: ["AppImage"] } },
        { isEnabled: false, add() {} },
      ),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it("builds AppImage and deb for Linux, dmg for macOS, NSIS for Windows", async () => {
    const config = await load();
    expect(config.linux.target).toEqual(["AppImage", "deb"]);
    expect(config.mac.target).toBe("dmg");
    expect(config.win.target).toBe("nsis");
  });

  it("ships the built out/ folder (where package.json's main points) and no sources or node_modules", async () => {
    const config = await load();
    const pkg = require(join(root, "package.json")) as { main: string };
    expect(pkg.main.startsWith("out/")).toBe(true);
    const patterns: string[] = config.files.flatMap((f: string | { filter: string[] }) =>
      typeof f === "string" ? [f] : f.filter,
    );
    expect(patterns).toEqual(
      expect.arrayContaining(["out/**/*", "package.json", "!node_modules/**/*"]),
    );
    expect(patterns.some((f) => /^(electron|renderer|engine)\//.test(f))).toBe(false);
  });

  it("turns off the fuses that would let Node options or ELECTRON_RUN_AS_NODE into the app", async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
