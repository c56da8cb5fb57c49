// A synchronous face on the host's asynchronous autosave, for the editor: the text is loaded
// once before the app mounts; saves go out in the background, one at a time and coalesced, so
// that typing fast never queues more than one write behind the one in flight (each write is a
// whole file) and an older text never lands after a newer one; as the page unloads, the last
// text is stored synchronously (an asynchronous write may never finish then).

import type { AutosaveStorage } from "./host.ts";

export interface SyncAutosave {
  /** The text saved last time (read once, at creation). */
  load(): string | null;
  /** Schedules a save of `text`; returns at once. */
  save(text: string): void;
  /** Resolves when every save scheduled so far has been written (or has failed). */
  flush(): Promise<void>;
  /** Stores `text` before returning (the page is unloading); saves still waiting are dropped. */
  saveNow(text: string): void;
  /** Where failures go (set by whoever shows them); the creator's callback hears them too. */
  onError: ((error: unknown) => void) | null;
}

export async function createSyncAutosave(
  storage: AutosaveStorage,
  key: string,
  onError: (error: unknown) => void = () => undefined,
): Promise<SyncAutosave> {
  let saved: string | null = null;
  try {
    saved = await storage.load(key);
  } catch (error) {
    onError(error);
  }
  let pending: string | null = null;
  let inFlight: Promise<void> | null = null;
  const report = (error: unknown): void => {
    onError(error);
    autosave.onError?.(error);
  };

  const pump = async (): Promise<void> => {
    while (pending !== null) {
      const text = pending;
      pending = null;
      try {
        await storage.save(key, text);
      } catch (error) {
        report(error);
      }
    }
    inFlight = null;
  };

  const autosave: SyncAutosave = {
    load: () => saved,
    save(text) {
      pending = text;
      inFlight ??= pump();
    },
    flush: async () => {
      while (inFlight) await inFlight;
    },
    saveNow(text) {
      pending = null;
      try {
        storage.saveSync(key, text);
      } catch (error) {
        report(error);
      }
    },
    onError: null,
  };
  return autosave;
}
