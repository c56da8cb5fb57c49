// Entry point: mounts the app with the script store (the host's, or localStorage in a plain browser).

import { mount } from "svelte";
import App from "./App.svelte";
import { localScriptStore } from "./lib/scriptStore.ts";
import "./theme.css";

mount(App, { target: document.getElementById("app")!, props: { store: localScriptStore } });
