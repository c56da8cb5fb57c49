// Entry point: finds the host (Electron or browser), restores the autosaved script, mounts the app.

import { mount } from "svelte";
import App from "./App.svelte";
import { getHost } from "../host/index.ts";
import { createSyncAutosave } from "../host/autosave.ts";
import { DEFAULT_SCRIPT } from "./lib/defaultScript.ts";
import { readShareFragment } from "./lib/share.ts";
import "./theme.css";

const host = getHost();
// a share link (#s=...) opens its script; the learner's own autosaved script is kept for later
const shared = await readShareFragment(location.hash);
// one autosave for the editor: saves in order, one at a time, and the last one as the page unloads
const autosave = await createSyncAutosave(host.storage, shared?.ok ? "shared" : "editor");
const initial = shared?.ok ? shared.shared.script : (autosave.load() ?? DEFAULT_SCRIPT);
mount(App, { target: document.getElementById("app")!, props: { host, initial, autosave, shared } });
