// Errors the engine raises, carrying the Python exception type PyTorch would raise.
import type { ErrorBlame } from "./events.ts";

export type PyErrorType = "RuntimeError" | "IndexError" | "TypeError" | "ValueError" | "NotImplementedError";

export class TorchError extends Error {
  /** the grad_fn node (and saved tensor) a backward failed at, for the view */
  blame?: ErrorBlame;
  constructor(
    public pyType: PyErrorType,
    message: string,
  ) {
    super(message);
    this.name = pyType;
  }
}

export const runtimeError = (message: string): TorchError => new TorchError("RuntimeError", message);
export const indexError = (message: string): TorchError => new TorchError("IndexError", message);
export const typeError = (message: string): TorchError => new TorchError("TypeError", message);
export const valueError = (message: string): TorchError => new TorchError("ValueError", message);
