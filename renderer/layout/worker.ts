// Web Worker entry for the debounced full relayout: new Worker(new URL("./worker.ts", import.meta.url), { type: "module" }).

import { handleRelayout } from "./relayout-request.ts";
import type { RelayoutRequest, RelayoutResponse } from "./relayout-request.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<RelayoutRequest>) => void) | null;
  postMessage(message: RelayoutResponse): void;
}

// Only inside a dedicated worker: importing this module elsewhere has no side effect.
const scope = globalThis as unknown as WorkerScope & { WorkerGlobalScope?: unknown };
if (typeof scope.WorkerGlobalScope !== "undefined") {
  scope.onmessage = (event) => scope.postMessage(handleRelayout(event.data));
}
