// What an export renders with: the screen's own Svelte components, compiled for svelte/server.
import type { Component } from "svelte";

export interface ExportComponents {
  // the bundle is loaded at run time, so its components are typed loosely
  GraphScene: Component<any>;
  MemoryView: Component<any>;
}
