// End-to-end check of the lesson components in real Chromium: builds test/renderer/lessons/e2e
// with Vite, serves it, answers predictions wrongly and rightly, steps cells, reloads, and saves
// screenshots to test-results/lessons/. Usage: node test/renderer/lessons/e2e/run.mjs

import { createServer } from "node:http";
import { mkdir, readFile, rm } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const out = join(root, "test-results/lessons-harness");
const shots = join(root, "test-results/lessons");

await rm(out, { recursive: true, force: true });
await build({ root: here, base: "./", logLevel: "error", configFile: false, plugins: [svelte()], build: { outDir: out, emptyOutDir: true, target: "es2022" } });
await mkdir(shots, { recursive: true });

const MIME = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf" };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  if (path === "/favicon.ico") return res.writeHead(204).end();
  const file = normalize(join(out, path === "/" ? "index.html" : path));
  if (!file.startsWith(out)) return res.writeHead(403).end();
  let body;
  try {
    body = await readFile(file);
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" }).end(body);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const pageErrors = [];
page.on("pageerror", (e) => pageErrors.push(String(e)));
page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    await page.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, "-").slice(0, 60)}.png`) }).catch(() => undefined);
    console.log(`FAIL ${name}\n     ${String(e?.message ?? e).split("\n").slice(0, 6).join("\n     ")}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
const sidebarButton = (title) => page.locator(".sidebar li button", { hasText: title });
const card = (question) => page.locator(".prediction", { hasText: question });

await page.goto(url);
await page.waitForSelector(".sidebar li");

await check("sidebar lists the 8 lessons and reports the broken file with its line", async () => {
  assert((await page.locator(".sidebar li button").count()) === 9, "expected 9 lessons");
  const errors = await page.locator(".errors").innerText();
  assert(errors.includes("my-lessons/99-broken.md:3: predict block needs 'explain:'"), `errors shown: ${errors}`);
});

await check("lesson 3: a wrong f_prime prediction, then the truth and the explanation", async () => {
  await sidebarButton("Second derivatives").click();
  await page.waitForSelector("h1:has-text('Second derivatives')");
  const q = card("We call `f_prime.backward()`".replace(/`/g, ""));
  await q.scrollIntoViewIfNeeded();
  await q.getByLabel("tensor(18.)").check();
  await page.screenshot({ path: join(shots, "03-before-reveal.png") });
  await q.getByRole("button", { name: "Check my prediction" }).click();
  await q.locator(".reveal").waitFor();
  const text = await q.innerText();
  assert(text.includes("Not quite. You predicted tensor(18.)"), `verdict: ${text}`);
  assert(text.includes("PyTorch prints tensor(45., grad_fn=<CopyBackwards>)"), `truth: ${text}`);
  assert(text.includes("adds into .grad"), `explanation: ${text}`);
  assert((await q.locator(".explain .katex").count()) > 0, "the explanation's math is rendered by KaTeX");
  await q.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "03-f_prime-revealed.png") });
  // step on: the reveal offers to step through the very cell the question is about
  await q.getByRole("button", { name: /Step through cell 3/ }).click();
  const last = await page.evaluate(() => window.lessonCalls.at(-1));
  assert(last.kind === "run" && last.run.cellIndex === 2, `stepped cell: ${JSON.stringify(last?.run?.cellIndex)}`);
});

await check("a cell whose question is unanswered suggests predicting first", async () => {
  const hinted = page.locator("figure.cell", { hasText: "f_prime = x.grad\nx.grad.zero_()\nprint(f_prime)" });
  assert((await hinted.locator(".hint").count()) === 1, "hint missing before the zeroing prediction is answered");
  const answeredCell = page.locator("figure.cell", { hasText: "f_prime.backward()\nprint(x.grad)\nprint(f_prime)" });
  assert((await answeredCell.locator(".hint").count()) === 0, "no hint once the prediction is answered");
});

await check("lesson 3: Step through hands the shell the cell and a runnable program", async () => {
  const cell = page.locator("figure.cell", { hasText: "f_prime.backward()\nprint(x.grad)\nprint(f_prime)" });
  await cell.getByRole("button", { name: "Step through" }).click();
  const calls = await page.evaluate(() => window.lessonCalls);
  const last = calls.at(-1);
  assert(last.kind === "run" && last.code === "f_prime.backward()\nprint(x.grad)\nprint(f_prime)\n", `code: ${JSON.stringify(last?.code)}`);
  assert(last.run.program.includes("f_prime = x.grad\n") && last.run.program.endsWith(last.code), "program = cells above + this cell");
  const lines = last.run.program.split("\n").slice(last.run.startLine - 1, last.run.endLine);
  assert(lines.join("\n") + "\n" === last.code, `startLine/endLine point at the cell: ${JSON.stringify(lines)}`);
  await cell.locator(".badge.done").waitFor();
  await cell.getByRole("button", { name: "Open in editor" }).click();
  assert((await page.evaluate(() => window.lessonCalls.at(-1).kind)) === "open", "Open in editor calls onOpenInEditor");
});

await check("progress survives a reload: same lesson, answer still revealed, sidebar shows progress", async () => {
  await page.reload();
  await page.waitForSelector("h1:has-text('Second derivatives')");
  const q = card("We call f_prime.backward()");
  assert((await q.locator(".reveal").count()) === 1, "the answered prediction stays revealed");
  const cell = page.locator("figure.cell", { hasText: "f_prime.backward()\nprint(x.grad)\nprint(f_prime)" });
  await page.waitForTimeout(300);
  const box = await cell.boundingBox();
  assert(box && box.y >= 0 && box.y < 800, `the view reopens where the student left off (cell at y=${box?.y})`);
  const status = await sidebarButton("Second derivatives").locator(".status").innerText();
  assert(status !== "0%", `sidebar progress: ${status}`);
});

await check("a typed answer: '21' counts for tensor(21., grad_fn=<MeanBackward0>)", async () => {
  await sidebarButton("A tiny training loop").click();
  await page.waitForSelector("h1:has-text('A tiny training loop')");
  const q = card("every prediction is 0");
  await q.getByLabel("Your prediction").fill("21");
  await q.getByRole("button", { name: "Check my prediction" }).click();
  const text = await q.innerText();
  assert(text.includes("Right. You predicted 21"), text);
  await q.evaluate((el) => el.parentElement.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(shots, "07-typed-answer.png") });
});

await check("the next/previous buttons move between lessons", async () => {
  await page.locator(".pager button", { hasText: "In-place operations" }).click();
  await page.waitForSelector("h1:has-text('In-place operations')");
});

await check("a teacher opens a lesson file: shown at once; a broken one is listed with its line", async () => {
  const ok = await page.evaluate(() => window.openLessonFile("my-alias.md", "# My alias lesson\n\nShared storage.\n\n```python\nimport torch\nprint(torch.tensor(2.0))\n```\n"));
  assert(ok === true, "openLessonFile returned false");
  await page.waitForSelector("h1:has-text('My alias lesson')");
  assert((await page.locator(".sidebar li button").count()) === 10, "the teacher's lesson joins the list");
  const bad = await page.evaluate(() => window.openLessonFile("typo.md", "# Typo\n\n```python\nprint(1)\n"));
  assert(bad === false, "a broken file is not opened");
  const errors = await page.locator(".errors").innerText();
  assert(errors.includes("typo.md:3: ```python block opened here is never closed"), errors);
  assert(await page.locator("h1:has-text('My alias lesson')").isVisible(), "the current lesson stays");
});

await check("lesson text is escaped everywhere: HTML in a lesson never becomes elements", async () => {
  const evil = "<img src=x onerror=\"window.pwned=1\">";
  const text = `# Title ${evil}\n\nProse ${evil} and $x$ and \`${evil}\`.\n\n- item ${evil}\n\n\`\`\`predict\nquestion: Q ${evil}?\nchoices:\n- ${evil}\n- tensor(1.)\nanswer: ${evil}\nexplain: E ${evil}\n\`\`\`\n\n\`\`\`python\nprint("${evil.replace(/"/g, "'")}")\n\`\`\`\n`;
  assert(await page.evaluate((t) => window.openLessonFile("evil.md", t), text), "the lesson should parse");
  await page.waitForSelector("h1:has-text('Title')");
  const q = page.locator(".prediction").first();
  await q.locator("label.choice").first().locator("input").check();
  await q.getByRole("button", { name: "Check my prediction" }).click();
  await q.locator(".reveal").waitFor();
  assert((await page.locator(".lesson img, .sidebar img").count()) === 0, "an <img> element was created from lesson text");
  assert((await page.evaluate(() => window.pwned)) === undefined, "lesson text ran script");
  assert((await page.locator(".lesson").innerText()).includes("<img src=x"), "the HTML is shown as text");
});

// key moment of each lesson: its first prediction answered, revealed and in view
const keyMoments = [
  ["The gradient of a mean of squares", "What does `print(x.grad)` show after `f.backward()`?", "tensor([ 0.5000, -1.0000,  1.5000,  0.2500])"],
  ["The gradient of a matrix product", "What happens on `F.backward()`?", "RuntimeError: grad can be implicitly created only for scalar outputs"],
  ["Second derivatives", "After `f_prime = x.grad` and `x.grad.zero_()`", "tensor(27., grad_fn=<CopyBackwards>)"],
  ["Gradients accumulate", "The loop rebuilds `loss`", "2 tensor([  8., -16.,   4.])"],
  ["retain_graph and freed saved tensors", "`z = (x + 1).sum()`", "tensor([2., 2., 2.])"],
  ["In-place operations", "`h = x + 1`, `y = h * h`", "RuntimeError: one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of MulBackward0, is at version 1; expected version 0 instead. ..."],
  ["A tiny training loop", "After one such update", "False <SubBackward0 object at 0x0>"],
];
for (const [i, [lesson, question, choice]] of keyMoments.entries()) {
  await check(`key moment of lesson ${i + 1}: ${lesson}`, async () => {
    await sidebarButton(lesson).click();
    await page.waitForSelector(`h1:has-text(${JSON.stringify(lesson)})`);
    const q = card(question.replace(/`/g, ""));
    await q.scrollIntoViewIfNeeded();
    await q.locator("label.choice", { hasText: choice }).first().locator("input").check();
    await q.getByRole("button", { name: "Check my prediction" }).click();
    await q.locator(".reveal").waitFor();
    await q.evaluate((el) => el.parentElement.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(shots, `key-${String(i + 1).padStart(2, "0")}.png`) });
  });
}

await check("dark theme: lesson 3's revealed prediction", async () => {
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await sidebarButton("Second derivatives").click();
  const q = card("We call f_prime.backward()");
  await q.evaluate((el) => el.parentElement.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: join(shots, "03-dark.png") });
  const bg = await page.locator(".lesson").evaluate((el) => getComputedStyle(el.closest(".lessons").parentElement).backgroundColor);
  assert(bg !== "", "page rendered");
});

await check("no errors in the page console", async () => {
  assert(pageErrors.length === 0, pageErrors.join("\n"));
});

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed; screenshots in ${shots}`);
process.exit(failed === 0 ? 0 : 1);
