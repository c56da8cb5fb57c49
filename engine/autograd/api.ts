// tensor.backward(...) and torch.autograd.grad(...), with PyTorch's defaults
// (retain_graph defaults to create_graph).
import { typeError } from "../errors.ts";
import type { Runtime } from "../runtime.ts";
import type { Tensor } from "../tensor.ts";
import { type GradInput, runBackward } from "./engine.ts";

export interface BackwardOptions {
  gradient?: Tensor | null;
  retainGraph?: boolean | null;
  createGraph?: boolean;
  inputs?: GradInput[] | null;
  /** called as torch.autograd.backward(...) rather than x.backward(...) */
  viaFunction?: boolean;
}

export function backward(t: Tensor, opts: BackwardOptions = {}): void {
  const createGraph = opts.createGraph ?? false;
  const inputs = opts.inputs ?? null;
  if (inputs !== null && inputs.length === 0) throw typeError("'inputs' argument to backward() cannot be empty.");
  runBackward(t.rt, {
    mode: "backward",
    outputs: [t],
    gradOutputs: [opts.gradient ?? null],
    retainGraph: opts.retainGraph ?? createGraph,
    createGraph,
    inputs,
    entry: opts.viaFunction ? "function" : "tensor",
  });
}

export interface GradOptions {
  gradOutputs?: (Tensor | null)[] | null;
  retainGraph?: boolean | null;
  createGraph?: boolean;
  allowUnused?: boolean;
}

export function grad(rt: Runtime, outputs: Tensor[], inputs: GradInput[], opts: GradOptions = {}): (Tensor | null)[] {
  const createGraph = opts.createGraph ?? false;
  return runBackward(rt, {
    mode: "grad",
    outputs,
    gradOutputs: opts.gradOutputs ?? outputs.map(() => null),
    retainGraph: opts.retainGraph ?? createGraph,
    createGraph,
    inputs,
    allowUnused: opts.allowUnused ?? false,
  })!;
}
