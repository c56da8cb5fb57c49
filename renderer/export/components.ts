// What an export renders with: the screen's own Svelte components, compiled for svelte/server.
import type { Component } from "svelte";

export interface ExportComponents {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- server-compiled components are typed loosely by the bundler
  GraphScene: Component<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  MemoryView: Component<any>;
}
