// The lessons shipped in assets/lessons, read at build time by Vite and parsed like any teacher's file.

/// <reference types="vite/client" />
import { loadLessons } from "./parse.ts";

const files = import.meta.glob("../../assets/lessons/[0-9]*.md", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

export function shippedLessons() {
  return loadLessons(Object.entries(files).map(([path, text]) => ({ file: path.replace(/^(\.\.\/)+/, ""), text })));
}
