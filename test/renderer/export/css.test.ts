import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hoistImportant, mixColors, parseColor, resolveVars, standaloneAttributes, standaloneCss } from "../../../renderer/export/css.ts";
import { THEMES } from "../../../renderer/export/theme.ts";

describe("colour mixing (CSS Color 5, hand-computed)", () => {
  it.each([
    // 22% orange into the node fill: 0.22*e6 + 0.78*ee = ec, 0.22*9f + 0.78*f4 = e1, 0.22*00 + 0.78*fb = c4 (rounded)
    { args: "in srgb, #e69f00 22%, #eef4fb", expected: "#ece1c4" },
    { args: "in srgb, #000000 50%, #ffffff", expected: "#808080" },
    // mixing with transparent keeps the colour and scales alpha (premultiplied)
    { args: "in srgb, #0072b2 15%, transparent", expected: "rgba(0,114,178,0.15)" },
    { args: "in srgb, #ff0000, #0000ff", expected: "#800080" },
    { args: "in oklch, red 10%, blue", expected: null },
  ])("color-mix($args) = $expected", ({ args, expected }) => {
    expect(mixColors(args)).toBe(expected);
  });

  it.each([
    { text: "#fff", expected: [255, 255, 255, 1] },
    { text: "#0072B2", expected: [0, 114, 178, 1] },
    { text: "transparent", expected: [0, 0, 0, 0] },
    { text: "rgba(1, 2, 3, 0.5)", expected: [1, 2, 3, 0.5] },
    { text: "chartreuse", expected: null },
  ])("parses $text", ({ text, expected }) => {
    expect(parseColor(text)).toEqual(expected);
  });
});

describe("var() against the export theme", () => {
  it.each([
    { css: "fill: var(--fg, #000)", theme: "light", expected: "fill: #1b1f24" },
    { css: "fill: var(--fg, #000)", theme: "dark", expected: "fill: #e6e9ee" },
    { css: "fill: var(--nope, #123456)", theme: "light", expected: "fill: #123456" },
    { css: "fill: var(--nope, var(--bg))", theme: "dark", expected: "fill: #15181d" },
    { css: "font-family: var(--mono, monospace)", theme: "light", expected: `font-family: ${THEMES.light["--mono"]}` },
  ] as const)("$css ($theme)", ({ css, theme, expected }) => {
    expect(resolveVars(css, theme)).toBe(expected);
  });

  it("resolves presentation attributes but leaves text alone", () => {
    const markup = `<path fill="var(--fg-muted, #5a6270)"></path><text>var(--fg)</text>`;
    expect(standaloneAttributes(markup)).toBe(`<path fill="#5a6270"></path><text>var(--fg)</text>`);
  });
});

describe("standalone CSS", () => {
  it("unwraps :where(), drops animations and pointer rules, computes mixes", () => {
    const css = `.a.s-1 rect:where(.s-1) {cursor:pointer;fill:color-mix(in srgb, var(--c-backward) 50%, #ffffff);animation: grow 0.5s;}
@keyframes grow { 0% { opacity: 0; } }
.b.s-1 {stroke: var(--fg);}`;
    const out = standaloneCss(css);
    expect(out).not.toMatch(/where|cursor|animation|keyframes|var\(|color-mix/);
    expect(out).toContain(".a.s-1 rect.s-1 {fill:#f3cf80;}");
    expect(out).toContain(".b.s-1 {stroke: #1b1f24;}");
  });

  it("gives !important declarations a weightier copy, since resvg ignores !important", () => {
    const out = hoistImportant(".names.s-1 {font-size:11px;fill:#0072b2 !important;}");
    expect(out).toBe(".names.s-1 {font-size:11px;fill:#0072b2;}\n.names.s-1.names.names.names.names {fill:#0072b2;}");
  });

  it("the theme table matches renderer/src/theme.css", () => {
    const css = readFileSync(new URL("../../../renderer/src/theme.css", import.meta.url), "utf8");
    const block = (selector: string) => {
      const start = css.indexOf(`${selector} {`);
      const body = css.slice(start, css.indexOf("}", start));
      return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
    };
    const rootVars = block(":root");
    const darkVars = block(':root[data-theme="dark"]');
    const resolve = (v: string, vars: Record<string, string>): string => v.replace(/var\((--[\w-]+)\)/g, (_m, n: string) => resolve(vars[n], vars));
    for (const [name, value] of Object.entries(rootVars)) {
      if (name === "--mono" || name === "--sans") continue;
      expect(THEMES.light[name], name).toBe(resolve(value, rootVars));
    }
    for (const [name, value] of Object.entries(darkVars)) expect(THEMES.dark[name], name).toBe(resolve(value, { ...rootVars, ...darkVars }));
    // the export's font lists start with the screen's and only add fallbacks
    for (const name of ["--mono", "--sans"]) {
      const screen = rootVars[name].split(",").map((s) => s.trim());
      const file = THEMES.light[name].split(",").map((s) => s.trim());
      expect(file.filter((f) => screen.includes(f))).toEqual(screen);
    }
  });
});
