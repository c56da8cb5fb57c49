// The engine out of the page's process (issue 17): in the desktop app the interpreter runs in an
// Electron utility process, so a real V8 out-of-memory (or any crash) in it ends that process and
// not the window. This module decides what happens around it and imports nothing of Electron:
// which process a run gets (one is started ahead, as the browser build starts its Web Worker
// ahead), what ending a run does, what the page is told when the process dies and why, and when
// to stop starting new ones. main.ts wires it to utilityProcess.fork and to the page's messages.
import { WHY } from "./recovery.ts";

/** What the supervisor needs of one engine process (a UtilityProcess, or a fake in tests). */
export interface EngineProcess {
  /** hand the process one end of the page's channel for a run (a MessagePortMain in Electron) */
  connect(port: unknown): void;
  kill(): void;
}

/** How an engine process ended, as Electron reports it (child-process-gone's reason, the
 *  process's exit code, and whether V8 reported a fatal error first, as it does when out of memory). */
export interface EngineExit {
  reason?: string;
  exitCode?: number;
  fatalError?: string;
}

/** What the page is told when its run's engine process is gone (Push.engineGone). */
export interface EngineGone {
  run: number;
  message: string;
}

/** The status line for a run whose engine process died; the page, its steps so far and the
 *  script are unharmed. */
export function engineDeathMessage(exit: EngineExit): string {
  const oom = exit.reason === "oom" || /out of memory|heap limit|allocation failed/i.test(exit.fatalError ?? "");
  const why = oom ? WHY.oom : exit.reason && exit.reason !== "clean-exit" ? (WHY[exit.reason] ?? `it stopped (${exit.reason})`) : `it exited${exit.exitCode != null ? ` with code ${exit.exitCode}` : ""}`;
  const hint = oom ? " A script holding very large tensors or lists can do that: make them smaller and run it again." : " Run it again; if it keeps happening, change the script.";
  return `The engine stopped during the run: ${why}. The window is fine, your script is kept and the steps so far can be explored.${hint}`;
}

export class EngineSupervisor {
  /** started ahead, waiting for the next run */
  private spare: EngineProcess | null = null;
  /** the process running the page's current run, and that run's number */
  private current: { process: EngineProcess; run: number } | null = null;
  /** when processes died without being asked to (for the restart limit) */
  private readonly deaths: number[] = [];
  /** processes this supervisor killed itself: their exit is expected */
  private readonly killed = new WeakSet<EngineProcess>();

  constructor(
    /** starts a process; `onExit` must be called once when it ends, however it ends */
    private readonly spawn: (onExit: (exit: EngineExit) => void) => EngineProcess,
    /** tells the page its run's engine is gone */
    private readonly tell: (gone: EngineGone) => void,
    /** unexpected deaths within `windowMs` after which no process is started ahead any more
     *  (each run still gets one: the learner asked for it) */
    private readonly limit = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the process the next run will take, unless one waits already or processes keep dying. */
  prepare(): void {
    if (this.spare || this.recentDeaths() >= this.limit) return;
    this.spare = this.start();
  }

  /** A run starts: it takes the process started ahead (or a new one), connected to `port`; a run
   *  still going is ended first. */
  begin(run: number, port: unknown): void {
    this.end();
    const process = this.spare ?? this.start();
    this.spare = null;
    this.current = { process, run };
    process.connect(port);
  }

  /** The page ended its run (Stop, a new run, the run finished): its process is killed, as the
   *  browser build terminates its worker, and the next one is started ahead. */
  end(): void {
    const c = this.current;
    if (!c) return;
    this.current = null;
    this.killed.add(c.process);
    c.process.kill();
    this.prepare();
  }

  /** Every process ends (the window closed). */
  dispose(): void {
    for (const p of [this.spare, this.current?.process]) {
      if (!p) continue;
      this.killed.add(p);
      p.kill();
    }
    this.spare = null;
    this.current = null;
  }

  private start(): EngineProcess {
    const process: EngineProcess = this.spawn((exit) => this.exited(process, exit));
    return process;
  }

  private exited(process: EngineProcess, exit: EngineExit): void {
    if (this.killed.has(process)) return;
    this.deaths.push(this.now());
    if (this.spare === process) {
      // it died before any run took it: the next run starts a new one (prepare() stops trying
      // after `limit` deaths in a row)
      this.spare = null;
      this.prepare();
      return;
    }
    if (this.current?.process !== process) return;
    const run = this.current.run;
    this.current = null;
    this.tell({ run, message: engineDeathMessage(exit) });
    this.prepare();
  }

  private recentDeaths(): number {
    const t = this.now();
    while (this.deaths.length && t - this.deaths[0] > this.windowMs) this.deaths.shift();
    return this.deaths.length;
  }
}
