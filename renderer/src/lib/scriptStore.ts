// Where the script is autosaved. The host (renderer/host) provides this in the app; until it is
// wired in, localStorage behind the same two calls.

export interface ScriptStore {
  load(): string | null;
  save(text: string): void;
}

const KEY = "gradlens.script.v1";

export const localScriptStore: ScriptStore = {
  load: () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  save: (text) => {
    try {
      localStorage.setItem(KEY, text);
    } catch {
      // storage full or disabled: the editor keeps the text; nothing else to do
    }
  },
};
