import { describe, expect, it } from "vitest";
import { EngineSupervisor, engineDeathMessage, type EngineExit } from "../../electron/engine-supervisor.ts";

/** fake engine processes: what was connected and killed, and a way to make one die */
function harness(limit = 3) {
  let now = 0;
  const spawned: { id: number; ports: unknown[]; killed: boolean; die: (exit: EngineExit) => void }[] = [];
  const told: { run: number; message: string }[] = [];
  const sup = new EngineSupervisor(
    (onExit) => {
      const p = { id: spawned.length, ports: [] as unknown[], killed: false, die: (exit: EngineExit) => onExit(exit) };
      spawned.push(p);
      return {
        connect: (port) => p.ports.push(port),
        kill: () => {
          p.killed = true;
          onExit({ reason: "killed" });
        },
      };
    },
    (gone) => told.push(gone),
    limit,
    60_000,
    () => now,
  );
  return { sup, spawned, told, advance: (ms: number) => (now += ms) };
}

describe("EngineSupervisor: the engine's process, apart from the window's", () => {
  it("a run takes the process started ahead; ending it kills that one and starts the next ahead", () => {
    const { sup, spawned, told } = harness();
    sup.prepare();
    expect(spawned.length).toBe(1);
    sup.begin(1, "port-1");
    expect(spawned[0].ports).toEqual(["port-1"]);
    expect(spawned.length).toBe(1);
    sup.end();
    expect(spawned[0].killed).toBe(true);
    expect(spawned.length).toBe(2);
    expect(told).toEqual([]); // a process killed on purpose is not a death
  });

  it("a new run ends the one still going", () => {
    const { sup, spawned } = harness();
    sup.begin(1, "a");
    sup.begin(2, "b");
    expect(spawned[0].killed).toBe(true);
    expect(spawned.find((p) => p.ports.includes("b"))?.killed).toBe(false);
  });

  it("a process that dies during a run: the page is told which run and why, and a new one is started ahead", () => {
    const { sup, spawned, told } = harness();
    sup.begin(7, "p");
    spawned[0].die({ reason: "oom" });
    expect(told).toHaveLength(1);
    expect(told[0].run).toBe(7);
    expect(told[0].message).toMatch(/^The engine stopped during the run: it ran out of memory\. The window is fine/);
    expect(spawned.length).toBe(2);
    sup.end(); // the page ends the dead run: nothing more to kill or say
    expect(told).toHaveLength(1);
  });

  it("stops starting processes ahead after 3 deaths within a minute; a run still gets one", () => {
    const { sup, spawned, advance } = harness();
    sup.prepare();
    for (let i = 0; i < 3; i++) spawned[spawned.length - 1].die({ reason: "launch-failed" });
    const count = spawned.length;
    sup.prepare();
    expect(spawned.length).toBe(count);
    sup.begin(1, "p");
    expect(spawned.length).toBe(count + 1);
    advance(61_000);
    sup.end();
    expect(spawned.length).toBe(count + 2); // a minute later it starts ahead again
  });

  it("dispose kills every process without telling the page", () => {
    const { sup, spawned, told } = harness();
    sup.prepare();
    sup.begin(1, "p");
    sup.prepare();
    sup.dispose();
    expect(spawned.every((p) => p.killed)).toBe(true);
    expect(told).toEqual([]);
  });
});

describe("engineDeathMessage", () => {
  it.each<[EngineExit, RegExp]>([
    [{ reason: "oom" }, /it ran out of memory\..*very large tensors or lists/],
    [{ reason: "abnormal-exit", fatalError: "Reached heap limit Allocation failed - JavaScript heap out of memory" }, /it ran out of memory/],
    [{ reason: "crashed" }, /it crashed\..*Run it again/],
    [{ reason: "something-new" }, /it stopped \(something-new\)/],
    [{ reason: "clean-exit", exitCode: 3 }, /it exited with code 3/],
  ])("%j", (exit, expected) => {
    expect(engineDeathMessage(exit)).toMatch(expected);
  });
});
