import { describe, expect, it } from "vitest";
import { embedSnippet, MAX_SHARED_CHARS, readShareFragment, shareFragment, shareLink } from "../../../renderer/src/lib/share.ts";

describe("share links", () => {
  const scripts = [
    { name: "problem3.py", script: "import torch\nx = torch.tensor(3.0, requires_grad=True)\nf = x ** 3\nf.backward()\nprint(x.grad)\n", step: 12 },
    { name: "unicode.py", script: "# ∂f/∂x — λ\nprint('héllo')\n", step: 0 },
    { name: "empty.py", script: "", step: 1 },
  ];
  for (const s of scripts)
    it(`${s.name} round-trips through the fragment`, async () => {
      const read = await readShareFragment(await shareFragment(s));
      expect(read).toEqual({ ok: true, shared: s });
    });

  it("a long script is compressed: the link is shorter than the script", async () => {
    const script = "import torch\n" + Array.from({ length: 200 }, (_, i) => `y${i} = (x * ${i}).tanh().sum()\n`).join("");
    const link = await shareLink({ script, step: 5, name: "long.py" }, "https://example.org/gradlens/#old");
    expect(link.startsWith("https://example.org/gradlens/#s=")).toBe(true);
    expect(link.length).toBeLessThan(script.length / 3);
  });

  it("a fragment without a script shares nothing", async () => {
    expect(await readShareFragment("")).toBeNull();
    expect(await readShareFragment("#step=3")).toBeNull();
  });

  const damaged = [
    { what: "not base64", hash: "#s=%%%%&step=1" },
    { what: "cut short", hash: "#s=q1YqzkvXQ&step=1" },
  ];
  for (const d of damaged)
    it(`a damaged link (${d.what}) says so`, async () => {
      const read = await readShareFragment(d.hash);
      expect(read?.ok).toBe(false);
      expect(read && !read.ok ? read.reason : "").toMatch(/damaged|could not be read/);
    });

  it("a link that unpacks into too much is refused before it is all unpacked", async () => {
    const bomb = await shareFragment({ script: "#".repeat(MAX_SHARED_CHARS * 5), step: 0, name: "big.py" });
    expect(bomb.length).toBeLessThan(20_000);
    const read = await readShareFragment(bomb);
    expect(read && !read.ok ? read.reason : "").toMatch(/unpacks to more than/);
  });

  it("a name is kept to plain file-name characters; a bad step is no step (-1)", async () => {
    const frag = (await shareFragment({ script: "x = 1\n", step: 2, name: "a.py" })).replace("name=a.py", "name=%3Cb%3Eevil%3C%2Fb%3E.py").replace("step=2", "step=-4");
    const read = await readShareFragment(frag);
    expect(read).toEqual({ ok: true, shared: { script: "x = 1\n", step: -1, name: "bevilb.py" } });
  });

  it("the embed snippet is an iframe of the link, its attributes escaped", () => {
    const html = embedSnippet('https://example.org/#s=abc&step=3&name="x"', 'a"b.py');
    expect(html).toBe(
      '<iframe src="https://example.org/#s=abc&amp;step=3&amp;name=%22x%22" title="Gradlens: a&quot;b.py" width="100%" height="720" style="border:1px solid #ccc;border-radius:6px" loading="lazy"></iframe>',
    );
  });
});
