// The engine process's side of a run's port (engine-process.ts is its entry): each "run" message
// runs the script as the browser build's worker does (renderer/src/worker/serve.ts) and answers on
// the same port. Imports nothing of Electron: a MessagePortMain, or any port of that shape.
import type { FromWorker, ToWorker } from "../renderer/src/worker/protocol.ts";
import { serveRun } from "../renderer/src/worker/serve.ts";

/** What servePort needs of a port (Electron's MessagePortMain has it). */
export interface RunPort {
  on(event: "message", listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: FromWorker): void;
  start(): void;
}

export function servePort(port: RunPort): void {
  port.on("message", (e) => {
    const m = e.data as ToWorker | null;
    if (m?.type === "run" && typeof m.source === "string" && typeof m.filename === "string") serveRun(m, (out) => port.postMessage(out));
  });
  port.start();
}
