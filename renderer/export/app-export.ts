// The app's export, wired: the Host for where it runs, the server-compiled components from the
// Vite plugin (vite-plugin.ts), and the browser's own PNG encoder.

import * as components from "virtual:gradlens-export-components";
import { getHost } from "../host/index.ts";
import type { ExportFormat, ExportOptions } from "./exportData.ts";
import type { ExportTheme } from "./theme.ts";
import type { StepsControl } from "../host/host.ts";
import { exportAllSteps, exportCurrent, type CurrentStep, type ExportDeps } from "./exportCurrent.ts";
import { rasterizeInBrowser } from "./rasterize-browser.ts";

function deps(): ExportDeps {
  return { host: getHost(), exporter: { components, rasterize: rasterizeInBrowser } };
}

/** File > Export SVG/PNG/DOT and the toolbar's Export button. */
export function exportCurrentStep(format: ExportFormat, current: CurrentStep, options: ExportOptions = {}) {
  return exportCurrent(format, current, deps(), options);
}

/** File > Export all steps: with progress, and cancelled through `control.signal`. */
export function exportEveryStep(format: ExportFormat, current: CurrentStep, options: ExportOptions = {}, control: StepsControl = {}) {
  return exportAllSteps(format, current, deps(), options, control);
}

/** The theme the screen shows now: the user's choice, else the system's. */
export function screenTheme(): ExportTheme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "dark" || chosen === "light") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
