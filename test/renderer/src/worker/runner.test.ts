// The Runner when its engine dies mid-run (issue 17: the page survives a dead worker and says
// why): the events already received are kept, the run ends as a crash with a reason, and the
// next run takes a fresh engine. The engine here is a stand-in link that dies on cue.
import { describe, expect, it } from "vitest";
import type { EngineLink } from "../../../../renderer/src/worker/link.ts";
import type { ToWorker } from "../../../../renderer/src/worker/protocol.ts";
import { Runner } from "../../../../renderer/src/worker/runner.ts";
import { encodeBatch } from "../../../../renderer/src/worker/wire.ts";
import type { TraceEvent } from "../../../../engine/events.ts";

class DyingEngine implements EngineLink {
  failed = false;
  onMessage: EngineLink["onMessage"] = null;
  onFailure: EngineLink["onFailure"] = null;
  sent: ToWorker[] = [];
  ended = false;
  send(m: ToWorker): void {
    this.sent.push(m);
  }
  end(): void {
    this.ended = true;
  }
}

const printed: TraceEvent = { kind: "output/printed", text: "before the end\n", stream: "stdout" } as TraceEvent;

function start(runner: Runner) {
  const got: { events: TraceEvent[]; crash?: string; done?: boolean } = { events: [] };
  const over = new Promise<void>((resolve) =>
    runner.start("x = 1\n", {
      onEvents: (e) => got.events.push(...e),
      onDone: () => ((got.done = true), resolve()),
      onCrash: (m) => ((got.crash = m), resolve()),
      onBudget: () => resolve(),
    }),
  );
  return { got, over };
}

describe("a run whose engine dies", () => {
  it.each([
    { name: "after it spoke, without a reason", heard: true, reason: null, says: "the engine's worker stopped without a word (it may have run out of memory)" },
    { name: "before it spoke, without a reason", heard: false, reason: null, says: "the run worker failed to start" },
    { name: "with its reason (main's words for a dead engine process)", heard: true, reason: "The engine stopped during the run: it ran out of memory.", says: "The engine stopped during the run: it ran out of memory." },
  ])("$name: the events so far are kept and the crash says why", async ({ heard, reason, says }) => {
    const engines: DyingEngine[] = [];
    const runner = new Runner(() => {
      const e = new DyingEngine();
      engines.push(e);
      return e;
    });
    const { got, over } = start(runner);
    const engine = engines.at(-1)!;
    expect(engine.sent).toEqual([{ type: "run", source: "x = 1\n", filename: "script.py" }]);
    if (heard) engine.onMessage!({ type: "events", batch: encodeBatch([printed]) });
    engine.onFailure!(reason);
    await over;
    expect(got.done).toBeUndefined();
    expect(got.crash).toBe(says);
    expect(got.events).toHaveLength(heard ? 1 : 0);
    expect(engine.ended).toBe(true);
    expect(runner.running).toBe(false);
    // the next run gets an engine of its own, not the dead one
    start(runner);
    expect(engines.at(-1)).not.toBe(engine);
    expect(engines.at(-1)!.sent).toHaveLength(1);
    runner.stop();
  });

  it("a spare engine that failed to load is not given the next run", () => {
    const engines: DyingEngine[] = [];
    const runner = new Runner(() => {
      const e = new DyingEngine();
      engines.push(e);
      return e;
    });
    expect(engines).toHaveLength(1);
    engines[0]!.failed = true;
    start(runner);
    expect(engines[0]!.ended).toBe(true);
    expect(engines[0]!.sent).toHaveLength(0);
    expect(engines[1]!.sent).toHaveLength(1);
    runner.stop();
  });
});
