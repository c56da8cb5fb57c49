// The module the Vite plugin (vite-plugin.ts) serves to the app.
declare module "virtual:gradlens-export-components" {
  import type { ExportComponents } from "./components.ts";
  export const GraphScene: ExportComponents["GraphScene"];
  export const MemoryView: ExportComponents["MemoryView"];
}
