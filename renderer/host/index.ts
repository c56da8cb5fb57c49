// getHost(): the Host for wherever the view runs — Electron when the preload's bridge is
// there, the browser otherwise. The view imports only this and host.ts.

import type { GradlensBridge } from "../../electron/channels.ts";
import { defaultBrowserEnv } from "./browser-env.ts";
import { createBrowserHost } from "./browser-host.ts";
import { createElectronHost } from "./electron-host.ts";
import type { Host } from "./host.ts";

export * from "./host.ts";

declare global {
  interface Window {
    /** Set by electron/preload.ts inside the desktop app only. */
    gradlens?: GradlensBridge;
  }
}

let host: Host | null = null;

export function getHost(): Host {
  host ??= window.gradlens
    ? createElectronHost(window.gradlens)
    : createBrowserHost(defaultBrowserEnv(window));
  return host;
}
