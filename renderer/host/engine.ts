// Which engine the page's runs take: the desktop app's engine process when the preload offers one
// (electron/engine-host.ts), else a Web Worker (the browser build, and the desktop app by default).

import { ENGINE_PORT_MESSAGE, type EngineBridge } from "../../electron/channels.ts";
import { type EngineConnect, portLink, workerLink } from "../src/worker/link.ts";

/** The ports main hands this page, one per run, as window messages from the preload. */
export function windowEnginePorts(win: Window, bridge: EngineBridge) {
  return {
    engineBegin: (run: number) => bridge.begin(run),
    engineEnd: (run: number) => bridge.end(run),
    onEngineGone: (listener: (gone: { run: number; message: string }) => void) => bridge.onGone(listener),
    onEnginePort(listener: (run: number, port: MessagePort) => void): () => void {
      const heard = (ev: MessageEvent) => {
        const run = (ev.data as Record<string, unknown> | null)?.[ENGINE_PORT_MESSAGE];
        if (ev.source === win && typeof run === "number" && ev.ports.length === 1) listener(run, ev.ports[0]!);
      };
      win.addEventListener("message", heard);
      return () => win.removeEventListener("message", heard);
    },
  };
}

export function engineConnect(win: Window | undefined = typeof window === "undefined" ? undefined : window): EngineConnect | null {
  const bridge = win?.gradlens?.engine;
  if (win && bridge) {
    const ports = windowEnginePorts(win, bridge);
    return () => portLink(ports);
  }
  return typeof Worker === "undefined" ? null : workerLink;
}
