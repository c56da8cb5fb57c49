// The theme's colours and fonts as data, for exported drawings: standalone SVG viewers and resvg
// know no CSS custom properties, so exports resolve `var(--x)` against these. Mirrors theme.css
// (a test keeps the two equal).

export type ExportTheme = "light" | "dark";

const light = {
  "--oi-orange": "#e69f00",
  "--oi-sky": "#56b4e9",
  "--oi-green": "#009e73",
  "--oi-yellow": "#f0e442",
  "--oi-blue": "#0072b2",
  "--oi-vermillion": "#d55e00",
  "--oi-purple": "#cc79a7",
  "--c-forward": "#0072b2",
  "--c-backward": "#e69f00",
  "--c-accumulate": "#009e73",
  "--c-free": "#8a8a8a",
  "--c-inplace": "#cc79a7",
  "--c-error": "#d55e00",
  "--c-order1": "#56b4e9",
  "--c-order2": "#f0e442",
  "--c-tangent": "#7b3fb0",
  "--bg": "#ffffff",
  "--bg-panel": "#f6f7f9",
  "--bg-raised": "#ffffff",
  "--fg": "#1b1f24",
  "--fg-muted": "#5a6270",
  "--border": "#d0d5dd",
  "--node-fill": "#eef4fb",
  "--node-stroke": "#0072b2",
  "--leaf-fill": "#e8f6f0",
  "--focus": "#0072b2",
  "--syn-keyword": "#8b2fa0",
  "--syn-atom": "#0060a0",
  "--syn-number": "#00745a",
  "--syn-string": "#a04800",
  "--syn-comment": "#6a737d",
  "--syn-def": "#005cc5",
  "--syn-prop": "#1b1f24",
  // fallbacks that every platform has last: resvg and viewers pick the first installed family
  "--mono": `ui-monospace, "DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", monospace`,
  "--sans": `system-ui, "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, "Liberation Sans", sans-serif`,
};

const dark: typeof light = {
  ...light,
  "--bg": "#15181d",
  "--bg-panel": "#1c2027",
  "--bg-raised": "#232830",
  "--fg": "#e6e9ee",
  "--fg-muted": "#a3acb9",
  "--border": "#3a414c",
  "--node-fill": "#1d2b3a",
  "--node-stroke": "#56b4e9",
  "--leaf-fill": "#17322a",
  "--focus": "#56b4e9",
  "--c-forward": "#56b4e9",
  "--c-tangent": "#c99af0",
  "--syn-keyword": "#e39cf5",
  "--syn-atom": "#7cc4f5",
  "--syn-number": "#5fd3b0",
  "--syn-string": "#f2b36b",
  "--syn-comment": "#8b95a3",
  "--syn-def": "#8fc3ff",
  "--syn-prop": "#e6e9ee",
};

export const THEMES: Record<ExportTheme, Readonly<Record<string, string>>> = { light, dark };
