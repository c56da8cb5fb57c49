// What the desktop shell does when the window's page dies or stops answering: reload it (the
// script comes back from the autosave) and tell the learner why, unless it keeps dying, when
// it asks first. Pure: main.ts wires it to render-process-gone and unresponsive.

/** Chromium's render-process-gone (and child-process-gone) reasons, as a learner would read them */
export const WHY: Record<string, string> = {
  oom: "it ran out of memory",
  crashed: "it crashed",
  killed: "the system stopped it",
  "abnormal-exit": "it stopped unexpectedly",
  "launch-failed": "it could not start",
  "integrity-failure": "its code failed an integrity check",
  "memory-eviction": "the system took its memory back",
};

export type Recovery =
  /** a page that closed on its own: nothing to do */
  | { action: "none" }
  /** reload now; `notice` is shown by the page once it is back */
  | { action: "reload"; notice: string }
  /** it died again and again: ask before reloading */
  | { action: "ask"; message: string; detail: string; buttons: string[]; reloadButton: number; notice: string };

export const UNRESPONSIVE_PROMPT = {
  message: "The Gradlens window is not responding.",
  detail: "It may finish what it is doing. Reloading it loses the current run and its steps; your script is autosaved and comes back.",
  buttons: ["Reload", "Keep Waiting"],
  reloadButton: 0,
  notice: "Gradlens reloaded the window because it stopped responding. Your script is back from the autosave.",
} as const;

export class RecoveryPolicy {
  private readonly reloads: number[] = [];

  constructor(
    /** reloads allowed within `windowMs` before asking */
    private readonly limit = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page's process is gone for `reason` (Electron's RenderProcessGoneDetails.reason). */
  gone(reason: string): Recovery {
    if (reason === "clean-exit") return { action: "none" };
    const why = WHY[reason] ?? `it stopped (${reason})`;
    const notice = `Gradlens reloaded the window: ${why}${reason === "oom" ? " — a script holding very large tensors or lists can do that" : ""}. Your script is back from the autosave.`;
    const t = this.now();
    while (this.reloads.length && t - this.reloads[0] > this.windowMs) this.reloads.shift();
    if (this.reloads.length >= this.limit)
      return {
        action: "ask",
        message: `The Gradlens window failed ${this.reloads.length + 1} times in a row: ${why}.`,
        detail: "Reloading brings your autosaved script back. If it keeps failing, change the script before running it again.",
        buttons: ["Reload", "Close Window"],
        reloadButton: 0,
        notice,
      };
    this.reloads.push(t);
    return { action: "reload", notice };
  }

  /** a reload the learner asked for counts like one made without asking */
  reloaded(): void {
    this.reloads.push(this.now());
  }
}
