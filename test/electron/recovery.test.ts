import { describe, expect, it } from "vitest";
import { RecoveryPolicy } from "../../electron/recovery.ts";

describe("RecoveryPolicy: what to do when the window's page is gone", () => {
  it.each([
    { reason: "oom", notice: /^Gradlens reloaded the window: it ran out of memory — a script holding very large tensors or lists can do that\. Your script is back from the autosave\.$/ },
    { reason: "crashed", notice: /: it crashed\. Your script/ },
    { reason: "killed", notice: /: the system stopped it\./ },
    { reason: "something-new", notice: /: it stopped \(something-new\)\./ },
  ])("$reason: reload, and say why", ({ reason, notice }) => {
    const r = new RecoveryPolicy().gone(reason);
    expect(r.action).toBe("reload");
    expect(r.action === "reload" && r.notice).toMatch(notice);
  });

  it("a page that closed on its own is left alone", () => {
    expect(new RecoveryPolicy().gone("clean-exit")).toEqual({ action: "none" });
  });

  it("asks after 3 reloads within a minute; deaths a minute apart never ask", () => {
    let now = 0;
    const policy = new RecoveryPolicy(3, 60_000, () => now);
    expect([1, 2, 3].map(() => policy.gone("oom").action)).toEqual(["reload", "reload", "reload"]);
    expect(policy.gone("oom")).toMatchObject({ action: "ask", buttons: ["Reload", "Close Window"], message: "The Gradlens window failed 4 times in a row: it ran out of memory." });
    const spaced = new RecoveryPolicy(3, 60_000, () => now);
    for (let i = 0; i < 10; i++) {
      now += 61_000;
      expect(spaced.gone("crashed").action).toBe("reload");
    }
  });
});
