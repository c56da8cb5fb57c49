#!/usr/bin/env node
// `npm start`: build the renderer (Vite) and the main process + preload (electron-vite) into
// out/, then launch Electron. Where Electron's binary is missing (an offline install: it
// downloads on first run), say so once and serve the same app in the browser with Vite.
//
// Options: --browser      serve in the browser even if Electron is installed
//          --port N       port for the browser fallback (default 5173; 0 picks a free one)
//          --build-only   build out/ and stop (what packaging needs)

import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_PORT = 5173;

export function fallbackMessage(url) {
  return `Electron's binary is not installed (it downloads on first run, and this machine is offline); serving the same app in your browser at ${url} instead`;
}

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it but without
 * its side effect: requiring that file starts a download when the binary is missing.
 */
export function findElectronBinary(root = ROOT, env = process.env) {
  const pkg = join(root, "node_modules", "electron");
  const pathFile = join(pkg, "path.txt");
  const relative = existsSync(pathFile) ? readFileSync(pathFile, "utf8").trim() : "";
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || "electron");
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(pkg, "dist", relative);
  return existsSync(candidate) ? candidate : null;
}

export function parseArgs(argv) {
  const options = { browser: false, port: DEFAULT_PORT, buildOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--browser") options.browser = true;
    else if (arg === "--build-only") options.buildOnly = true;
    else if (arg === "--port") {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port needs a port number, got ${argv[i]}`);
      options.port = port;
    } else throw new Error(`unknown option ${arg} (options: --browser, --port N, --build-only)`);
  }
  return options;
}

function rendererConfig(root) {
  const config = join(root, "renderer", "vite.config.ts");
  if (!existsSync(config)) {
    throw new Error(
      `the renderer is not there yet: ${config} is missing, so there is nothing to show`,
    );
  }
  return config;
}

/** out/renderer (Vite), out/main and out/preload (electron-vite). */
export async function buildAll(root = ROOT) {
  const { build } = await import("vite");
  await build({
    configFile: rendererConfig(root),
    logLevel: "warn",
    build: { outDir: join(root, "out", "renderer"), emptyOutDir: true },
  });
  const electronVite = await import("electron-vite");
  await electronVite.build({ configFile: join(root, "electron.vite.config.ts"), logLevel: "warn" });
}

async function serveInBrowser(root, port) {
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: rendererConfig(root),
    // Our one message says where the app is; Vite's own banner would say it twice.
    logLevel: "warn",
    server: { port, strictPort: port !== 0, host: "localhost" },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  console.log(fallbackMessage(`http://localhost:${actualPort}`));
  const stop = () => {
    // Closing waits for open browser connections; do not let that keep the terminal.
    setTimeout(() => process.exit(0), 1000).unref();
    server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function launchElectron(binary, root) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { stdio: "inherit", env });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on("error", (error) => {
    console.error(`Could not start Electron (${binary}): ${error.message}`);
    process.exit(1);
  });
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.buildOnly) {
    await buildAll(ROOT);
    console.log(`Built ${join(ROOT, "out")}`);
    return;
  }
  const binary = options.browser ? null : findElectronBinary(ROOT);
  if (!binary) {
    await serveInBrowser(ROOT, options.port);
    return;
  }
  await buildAll(ROOT);
  launchElectron(binary, ROOT);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
