// Entry of the engine's utility process (engine-host.ts forks it): main hands it one end of a
// run's channel; a V8 out-of-memory or a crash here ends this process, never the window.
import { servePort, type RunPort } from "./engine-port.ts";

process.parentPort.on("message", (e) => {
  const port = e.ports[0];
  if (port) servePort(port as unknown as RunPort);
});
