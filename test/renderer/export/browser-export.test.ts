import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import { loadExportComponents } from "../../../renderer/export/node-components.ts";
import { stepSvg } from "../../../renderer/export/svg.ts";
import { gradlensExportComponents } from "../../../renderer/export/vite-plugin.ts";
import { caseSource, stepOf, traceOf } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";

describe.skipIf(!existsSync(CHROMIUM))("the app's export in real Chromium", () => {
  it("exports the same SVG bytes as the CLI, and a PNG of the right size", async () => {
    const result = await build({
      configFile: new URL("../../../renderer/vite.config.ts", import.meta.url).pathname,
      logLevel: "silent",
      plugins: [gradlensExportComponents()],
      build: {
        write: false,
        minify: false,
        rollupOptions: { input: new URL("./fixtures/browser-entry.ts", import.meta.url).pathname, output: { codeSplitting: false } },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ("output" in r ? r.output : []));
    const code = outputs.filter((o) => o.type === "chunk").map((o) => (o as { code: string }).code);
    expect(code).toHaveLength(1);

    const source = caseSource("seed_problem3_backward.py");
    const cursor = traceOf(source);
    const step = stepOf(cursor, "node/executed", 1);
    const expected = stepSvg(await loadExportComponents(), cursor, step);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.setContent("<!doctype html><title>export</title>");
      await page.addScriptTag({ content: code[0], type: "module" });
      await page.waitForFunction(() => "runExport" in window);
      type Run = (s: string, k: number, kind: string, scale: number) => Promise<{ name: string; text: string | null; bytes: number[] | null }>;
      const svg = await page.evaluate(([s, k]) => (window as unknown as { runExport: Run }).runExport(s, k, "svg", 1), [source, step] as const);
      expect(svg.name).toBe(`script-step-${step + 1}.svg`);
      expect(svg.text).toBe(expected);
      const png = await page.evaluate(([s, k]) => (window as unknown as { runExport: Run }).runExport(s, k, "png", 2), [source, step] as const);
      const bytes = Uint8Array.from(png.bytes!);
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
      const view = new DataView(bytes.buffer);
      const width = Number(/ width="(\d+)"/.exec(expected)![1]);
      const height = Number(/ height="(\d+)"/.exec(expected)![1]);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([width * 2, height * 2]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
    // Chromium's first font lookup here can take half a minute
  }, 180_000);
});
