// Screen identity: screenshots of the app at the same steps of the same scripts, to compare two
// builds (before and after a change that should not change the picture).
//   node test/e2e/screens.mjs --out DIR [--no-build]     shoot this checkout's app into DIR
//   node test/e2e/screens.mjs --compare DIR_A DIR_B       pixels that differ, per screenshot
// Shots are taken with reduced motion (no animation in flight), at fractions of each trace and
// zoomed out (fit) and in; a big MLP is included, whose zoomed-out graph has thousands of boxes.

import { mkdir, readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { buildApp, launchChromium, root, serveDist } from "./serve.mjs";

const args = process.argv.slice(2);
const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);

const SCRIPTS = ["problem2_accumulate.py", "problem3_alias.py", "objects_module.py", "mlp_2000.py"];
const FRACTIONS = [0.05, 0.3, 0.6, 0.75, 0.9, 1];

async function shoot(out) {
  if (!args.includes("--no-build")) await buildApp();
  const server = await serveDist();
  const browser = await launchChromium();
  await mkdir(out, { recursive: true });
  for (const name of SCRIPTS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(".cm-content");
    await page.locator(".cm-content").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(await readFile(join(root, "test/e2e/scripts", name), "utf8"));
    await page.locator(".cm-content").press("ControlOrMeta+Enter");
    await page.waitForSelector(".status:not(.running):not(.idle)", { timeout: 90_000 });
    // the status line says how long the run took: mask it, it is not the picture
    await page.addStyleTag({ content: ".status { visibility: hidden !important; } .cm-cursor { display: none !important; }" });
    await page.locator("header h1").click();
    const total = Number(await page.locator(".timeline input[type=range]").getAttribute("max")) + 1;
    for (const f of FRACTIONS) {
      const step = Math.max(0, Math.round(f * total) - 1);
      await page.evaluate((k) => {
        const range = document.querySelector(".timeline input[type=range]");
        range.value = String(k);
        range.dispatchEvent(new Event("input", { bubbles: true }));
      }, step);
      for (const zoom of ["fit", "in"]) {
        await page.getByRole("button", { name: "Fit graph to view" }).click();
        if (zoom === "in") for (let i = 0; i < 4; i++) await page.getByRole("button", { name: "Zoom in" }).click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: join(out, `${name.replace(".py", "")}-${String(Math.round(f * 100)).padStart(3, "0")}-${zoom}.png`) });
      }
    }
    await context.close();
  }
  await browser.close();
  server.close();
}

async function compare(a, b) {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const files = (await readdir(a)).filter((f) => f.endsWith(".png")).sort();
  let same = 0;
  for (const f of files) {
    const [pa, pb] = await Promise.all([readFile(join(a, f)), readFile(join(b, f)).catch(() => null)]);
    if (!pb) {
      console.log(`${f}: missing in ${b}`);
      continue;
    }
    const diff = await page.evaluate(
      async ([x, y]) => {
        const load = async (b64) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = new OffscreenCanvas(img.width, img.height);
          const ctx = c.getContext("2d");
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height);
        };
        const [p, q] = await Promise.all([load(x), load(y)]);
        if (p.width !== q.width || p.height !== q.height) return { size: true };
        let n = 0;
        let big = 0;
        let graph = 0;
        for (let i = 0; i < p.data.length; i += 4) {
          const d = Math.max(...[0, 1, 2].map((c) => Math.abs(p.data[i + c] - q.data[i + c])));
          if (d > 0) n++;
          if (d > 64) big++;
          // the graph pane at 1280x800: right of the editor, above the memory view
          const x = (i / 4) % p.width;
          const y = Math.floor(i / 4 / p.width);
          if (d > 0 && x > 462 && y > 34 && y < 464) graph++;
        }
        return { n, big, graph, total: p.width * p.height };
      },
      [pa.toString("base64"), pb.toString("base64")],
    );
    if (diff.size) console.log(`${f}: sizes differ`);
    else if (diff.n === 0) same++;
    else console.log(`${f}: ${diff.n} px differ (${((100 * diff.n) / diff.total).toFixed(3)}%), ${diff.big} by more than 64/255; ${diff.graph} in the graph pane`);
  }
  console.log(`${same} of ${files.length} screenshots identical`);
  await browser.close();
}

if (args.includes("--compare")) await compare(resolve(args[args.indexOf("--compare") + 1]), resolve(args[args.indexOf("--compare") + 2]));
else await shoot(resolve(arg("--out") ?? join(root, "test-results/screens")));
