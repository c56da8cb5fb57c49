import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveAppPath,
} from "../../electron/app-protocol.ts";

describe("resolveAppPath: app:// serves files inside the renderer folder only", () => {
  it.each([
    { url: "app://gradlens/", path: "index.html" },
    { url: "app://gradlens/index.html", path: "index.html" },
    { url: "app://gradlens/assets/index-Bx1.js", path: "assets/index-Bx1.js" },
    {
      url: "app://gradlens/assets/engine.worker.js?worker_file&type=module",
      path: "assets/engine.worker.js",
    },
    { url: "app://gradlens/lessons/1%20mean.md", path: "lessons/1 mean.md" },
    { url: "app://gradlens/./a//b.css", path: "a/b.css" },
    // URL parsing clamps ".." at the root, so these stay inside the renderer folder.
    { url: "app://gradlens/../package.json", path: "package.json" },
    { url: "app://gradlens/%2e%2e/package.json", path: "package.json" },
    { url: "app://gradlens/assets/%2E%2E/%2E%2E/main/main.js", path: "main/main.js" },
    { url: "app://gradlens/a/%252e%252e/b", path: "a/%2e%2e/b" },
    { url: "app://gradlens/a%5c..%5c..%5csecret", path: null },
    { url: "app://gradlens/a%00.js", path: null },
    { url: "app://gradlens/C:/Windows/win.ini", path: null },
    { url: "app://gradlens/%E0%A4%A", path: null },
    { url: "app://other/index.html", path: null },
    { url: "app://user@gradlens/index.html", path: null },
    { url: "file:///etc/passwd", path: null },
    { url: "https://gradlens/index.html", path: null },
  ])("$url -> $path", ({ url, path }) => {
    expect(resolveAppPath(url)).toBe(path);
  });
});

describe("mimeTypeFor", () => {
  it.each([
    { path: "index.html", type: "text/html; charset=utf-8" },
    { path: "assets/a.JS", type: "text/javascript; charset=utf-8" },
    { path: "assets/KaTeX_Main.woff2", type: "font/woff2" },
    { path: "weird.bin", type: "application/octet-stream" },
    { path: "noext", type: "application/octet-stream" },
  ])("$path -> $type", ({ path, type }) => {
    expect(mimeTypeFor(path)).toBe(type);
  });
});

describe("the Content-Security-Policy", () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );

  // before: the README printed an older policy (no 'wasm-unsafe-eval', an ellipsis for the rest)
  it("is exactly the policy the README's security section prints", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const security = readme.slice(readme.indexOf("### Security"), readme.indexOf("### The host"));
    const printed = [...security.matchAll(/`(default-src [^`]*)`/g)].map((m) => m[1]);
    expect(printed).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it("never allows eval or inline scripts, only compiling WebAssembly", () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(directives.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it("denies everything not named, and every remote origin", () => {
    expect(directives.get("default-src")).toEqual(["'none'"]);
    for (const sources of directives.values()) {
      for (const source of sources)
        expect(source).toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|data:|blob:)$/);
    }
  });

  it("lets the engine's Web Worker start from the app or a blob: URL", () => {
    expect(directives.get("worker-src")).toEqual(["'self'", "blob:"]);
  });

  it("forbids plugins, frames, <base> and form posts", () => {
    for (const name of ["object-src", "frame-src", "frame-ancestors", "base-uri", "form-action"]) {
      expect(directives.get(name)).toEqual(["'none'"]);
    }
  });
});

describe("resolveAppPath never yields a path that climbs out", () => {
  const tricks = ["..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "...", "%252e%252e", "%c0%ae%c0%ae"];
  it.each(
    tricks.flatMap((t) => [
      `app://gradlens/${t}/${t}/etc/passwd`,
      `app://gradlens/assets/${t}/${t}/${t}/x`,
    ]),
  )("%s", (url) => {
    const path = resolveAppPath(url);
    if (path !== null) expect(path.split("/")).not.toContain("..");
  });
});
