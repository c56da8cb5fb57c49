// The run worker of the browser build: runs each script it is sent off the page's main thread
// (serve.ts does the work). The app stops runaway code by terminating this worker.

import type { FromWorker, ToWorker } from "./protocol.ts";
import { serveRun } from "./serve.ts";

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  if (ev.data.type === "run") serveRun(ev.data, post);
};
