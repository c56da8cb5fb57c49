// The page's Runner over a MessagePort to an engine that is not a Web Worker (the desktop app's
// engine process): a real MessageChannel, the real engine serving the other end (as
// electron/engine-process.ts does), and a stand-in for main that hands out the port and reports
// a process's death.
import { MessageChannel, type MessagePort as NodePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { servePort } from "../../../../electron/engine-port.ts";
import { type EnginePorts, portLink } from "../../../../renderer/src/worker/link.ts";
import type { FromWorker } from "../../../../renderer/src/worker/protocol.ts";
import { Runner } from "../../../../renderer/src/worker/runner.ts";
import type { TraceEvent } from "../../../../engine/events.ts";

/** main's part: a channel per run, one end served by the engine, the other given to the page
 *  (after `delayMs`: the page may send before its port is there) */
class FakeMain implements EnginePorts {
  begun: number[] = [];
  ended: number[] = [];
  private portListeners = new Set<(run: number, port: MessagePort) => void>();
  private goneListeners = new Set<(gone: { run: number; message: string }) => void>();
  private opened: NodePort[] = [];
  constructor(private readonly delayMs = 0, private readonly serve = true) {}

  engineBegin(run: number): void {
    this.begun.push(run);
    const { port1, port2 } = new MessageChannel();
    this.opened.push(port1, port2);
    if (this.serve) servePort({ on: (_e, l) => port1.on("message", (data) => l({ data })), postMessage: (m) => port1.postMessage(m), start: () => port1.start() });
    setTimeout(() => {
      for (const l of this.portListeners) l(run, port2 as unknown as MessagePort);
    }, this.delayMs);
  }
  engineEnd(run: number): void {
    this.ended.push(run);
  }
  onEnginePort(listener: (run: number, port: MessagePort) => void) {
    this.portListeners.add(listener);
    return () => void this.portListeners.delete(listener);
  }
  onEngineGone(listener: (gone: { run: number; message: string }) => void) {
    this.goneListeners.add(listener);
    return () => void this.goneListeners.delete(listener);
  }
  die(run: number, message: string): void {
    for (const l of this.goneListeners) l({ run, message });
  }
  get listening(): number {
    return this.portListeners.size + this.goneListeners.size;
  }
  close(): void {
    for (const p of this.opened) p.close();
  }
}

type Outcome = { kind: "done" | "crash" | "budget"; events: TraceEvent[]; message?: string };

function runOn(runner: Runner, source: string): Promise<Outcome> {
  const events: TraceEvent[] = [];
  return new Promise((done) =>
    runner.start(source, {
      onEvents: (batch) => events.push(...batch),
      onDone: () => done({ kind: "done", events }),
      onCrash: (message) => done({ kind: "crash", events, message }),
      onBudget: () => done({ kind: "budget", events }),
    }),
  );
}

const printed = (events: TraceEvent[]) => events.flatMap((e) => (e.kind === "output/printed" ? [e.text] : [])).join("");

let mains: FakeMain[] = [];
afterEach(() => {
  for (const m of mains) m.close();
  mains = [];
});
const fakeMain = (delayMs = 0, serve = true) => {
  const m = new FakeMain(delayMs, serve);
  mains.push(m);
  return m;
};

describe("a run on an engine reached by a MessagePort (the desktop app's engine process)", () => {
  it("runs the script there and streams its events back, as the Web Worker does", async () => {
    const main = fakeMain();
    const runner = new Runner(() => portLink(main));
    const out = await runOn(runner, "import torch\nx = torch.ones(2, requires_grad=True)\n(x * 2).sum().backward()\nprint(x.grad)\n");
    expect(out.kind).toBe("done");
    expect(printed(out.events)).toBe("tensor([2., 2.])\n");
    expect(out.events.some((e) => e.kind === "grad/accumulated")).toBe(true);
    // the run is over: its process is ended, and nothing listens for it any more
    expect(main.ended).toEqual(main.begun.slice(0, 1));
    expect(main.listening).toBe(0);
  });

  it("what the page sends before its port arrives waits for it", async () => {
    const main = fakeMain(50);
    const out = await runOn(new Runner(() => portLink(main)), "print(6 * 7)\n");
    expect(out.kind).toBe("done");
    expect(printed(out.events)).toBe("42\n");
  });

  it("a run's engine process dying is the run's crash, said in main's words; another run's death is not", async () => {
    const main = fakeMain(0, false);
    const runner = new Runner(() => portLink(main));
    const outcome = runOn(runner, "while True:\n    pass\n");
    await new Promise((r) => setTimeout(r, 10));
    const run = main.begun.at(-1)!;
    main.die(run + 1, "not this run's");
    main.die(run, "The engine stopped during the run: it ran out of memory.");
    const out = await outcome;
    expect(out).toMatchObject({ kind: "crash", message: "The engine stopped during the run: it ran out of memory." });
    expect(main.ended).toContain(run);
  });

  it("Stop ends the run's process at once; a later run asks for a new one", async () => {
    const main = fakeMain(0, false);
    const runner = new Runner(() => portLink(main));
    void runOn(runner, "while True:\n    pass\n");
    await new Promise((r) => setTimeout(r, 10));
    expect(runner.stop()).toBe(true);
    expect(main.ended).toEqual([main.begun[0]]);
    expect(main.listening).toBe(0);
    void runOn(runner, "print(1)\n");
    expect(main.begun).toHaveLength(2);
    expect(main.begun[1]).toBeGreaterThan(main.begun[0]!);
    runner.stop();
  });

  it("the engine's side ignores anything but a run message", async () => {
    const { port1, port2 } = new MessageChannel();
    const got: FromWorker[] = [];
    servePort({ on: (_e, l) => port1.on("message", (data) => l({ data })), postMessage: (m) => port1.postMessage(m), start: () => port1.start() });
    port2.on("message", (m: FromWorker) => got.push(m));
    for (const m of [null, 42, { type: "eval", source: "1" }, { type: "run", source: 5, filename: "x.py" }]) port2.postMessage(m);
    port2.postMessage({ type: "run", source: "print('ok')\n", filename: "x.py" });
    await new Promise((r) => setTimeout(r, 300));
    port1.close();
    expect(got.at(-1)?.type).toBe("done");
    expect(got.filter((m) => m.type === "done")).toHaveLength(1);
  });
});
