// The components exports draw with, as one module: the CLI bundles it compiled for svelte/server.
export { default as GraphScene } from "../src/graph/GraphScene.svelte";
export { default as MemoryView } from "../src/memory/MemoryView.svelte";
