// Entry point: finds the host (Electron or browser), restores the autosaved script, mounts the app.

import { mount } from "svelte";
import App from "./App.svelte";
import { getHost } from "../host/index.ts";
import { DEFAULT_SCRIPT } from "./lib/defaultScript.ts";
import "./theme.css";

const host = getHost();
const saved = await host.storage.load("editor").catch(() => null);
mount(App, { target: document.getElementById("app")!, props: { host, initial: saved ?? DEFAULT_SCRIPT } });
