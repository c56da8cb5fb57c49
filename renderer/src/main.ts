// Entry point: finds the host (Electron or browser), restores the autosaved script, mounts the app.

import { mount } from "svelte";
import App from "./App.svelte";
import { getHost } from "../host/index.ts";
import { createSyncAutosave } from "../host/autosave.ts";
import { DEFAULT_SCRIPT } from "./lib/defaultScript.ts";
import "./theme.css";

const host = getHost();
// one autosave for the editor: saves in order, one at a time, and the last one as the page unloads
const autosave = await createSyncAutosave(host.storage, "editor");
mount(App, { target: document.getElementById("app")!, props: { host, initial: autosave.load() ?? DEFAULT_SCRIPT, autosave } });
