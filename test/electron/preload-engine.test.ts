// The preload when main runs the engine in a process of its own (electron/engine-host.ts): the
// page gets `engine` (begin, end, onGone) and each run's port as a window message, never a
// channel name or the IPC event.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ENGINE_PORT_MESSAGE, ENGINE_PROCESS_ARG, Push, Send } from "../../electron/channels.ts";

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
  send: vi.fn(),
  posted: [] as unknown[][],
}));

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: {
    invoke: vi.fn(),
    sendSync: vi.fn(),
    send: electron.send,
    on: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.set(channel, [...(electron.listeners.get(channel) ?? []), fn]);
    },
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => {
      electron.listeners.set(channel, (electron.listeners.get(channel) ?? []).filter((f) => f !== fn));
    },
  },
}));

type Engine = { begin(run: number): void; end(run: number): void; onGone(l: (g: unknown) => void): () => void };
let engine: Engine;
beforeAll(async () => {
  process.argv.push(ENGINE_PROCESS_ARG);
  vi.stubGlobal("window", { postMessage: (...args: unknown[]) => electron.posted.push(args) });
  try {
    await import("../../electron/preload.ts");
  } finally {
    process.argv.pop();
  }
  engine = (electron.exposed.get("gradlens") as { engine: Engine }).engine;
});

const push = (channel: string, event: unknown, payload: unknown) => {
  for (const fn of electron.listeners.get(channel) ?? []) fn(event, payload);
};

describe("the preload's engine bridge", () => {
  it("begin and end send the run's number on their channels", () => {
    engine.begin(3);
    engine.end(3);
    expect(electron.send.mock.calls).toEqual([
      [Send.engineBegin, 3],
      [Send.engineEnd, 3],
    ]);
  });

  it("a run's port goes to the page as a window message carrying the port; anything else is dropped", () => {
    const port = { a: "MessagePort" };
    push(Push.enginePort, { ports: [port], sender: "the IpcRendererEvent" }, 3);
    push(Push.enginePort, { ports: [], sender: "x" }, 4);
    push(Push.enginePort, { ports: [port], sender: "x" }, "5");
    expect(electron.posted).toEqual([[{ [ENGINE_PORT_MESSAGE]: 3 }, "*", [port]]]);
  });

  it("onGone passes well-formed deaths only, without the event, and unsubscribes", () => {
    const heard: unknown[] = [];
    const stop = engine.onGone((g) => heard.push(g));
    push(Push.engineGone, { sender: "x" }, { run: 2, message: "it ran out of memory" });
    push(Push.engineGone, { sender: "x" }, { run: "2" });
    stop();
    push(Push.engineGone, { sender: "x" }, { run: 3, message: "again" });
    expect(heard).toEqual([{ run: 2, message: "it ran out of memory" }]);
  });
});
