// What optimizer.step() tells the view: one optim/stepped event per parameter it updates, in
// place of the update's inner ops (clone, mul_, lerp_, addcdiv_...), which run with the event
// sink muted. _stepping mutes it (and sets the grad mode, as PyTorch's _use_grad_for_differentiable
// does) for the whole step; before(param) notes the parameter's storage, after(...) narrates it
// with the state the optimizer now keeps for it, every state tensor as it is at that moment.
import type { EventSink, Values } from "../../../events.ts";
import type { Runtime } from "../../../runtime.ts";
import type { Tensor } from "../../../tensor.ts";
import { PyClass, PyDict, PyInstance, type PyValue, objectClass } from "../../values.ts";
import { isTensor } from "../convert.ts";

interface Before {
  param: Tensor;
  version: number;
  storage: Values;
}

export class OptimNarrator {
  /** the sink muted by the step running now (null when it had none); undefined outside steps */
  private saved: EventSink | null | undefined = undefined;
  private before: Before | null = null;

  constructor(private readonly rt: Runtime) {}

  /** `with stepping(differentiable):` around an optimizer's step */
  stepping(differentiable: boolean): PyInstance {
    const rt = this.rt;
    let grad = rt.gradEnabled;
    let outer: EventSink | null | undefined;
    return new PyInstance(
      new PyClass("_stepping", objectClass, undefined, "torch.optim.optimizer"),
      "<torch.optim.optimizer._stepping object at 0x0>",
      () => {
        grad = rt.gradEnabled;
        outer = this.saved;
        if (outer === undefined) {
          this.saved = rt.sink;
          rt.sink = null;
        }
        rt.gradEnabled = differentiable;
        return null;
      },
      () => {
        rt.gradEnabled = grad;
        // an update an exception cut short (the time budget, a bad gradient) may have written the
        // parameter already: narrate what it holds now, so the view never misses a write
        if (this.before) this.narrateAfter("", this.before.param, null, null);
        if (outer === undefined && this.saved !== undefined) {
          rt.sink = this.saved;
          this.saved = undefined;
        }
      },
    );
  }

  noteBefore(param: PyValue): void {
    if (!isTensor(param) || !this.saved) return;
    this.before = { param, version: param.storage.version, storage: param.storage.data.slice() };
  }

  narrateAfter(optimizer: string, param: PyValue, state: PyValue, lr: PyValue): void {
    const sink = this.saved;
    const before = this.before;
    this.before = null;
    if (!sink || !before || before.param !== param) return;
    const p = before.param;
    const entries: { key: string; tensor: ReturnType<Tensor["info"]> }[] = [];
    if (state instanceof PyDict)
      for (const [k, v] of state.table.entries()) if (typeof k === "string" && isTensor(v)) entries.push({ key: k, tensor: v.info(true) });
    if (!optimizer && p.storage.version === before.version) return;
    sink({
      kind: "optim/stepped",
      optimizer: optimizer || "optimizer",
      param: p.id,
      storage: p.storage.id,
      versionBefore: before.version,
      versionAfter: p.storage.version,
      storageBefore: before.storage,
      storageAfter: p.storage.data.slice(),
      aliases: p.storage.viewers.slice(),
      grad: p.grad?.id ?? null,
      lr: typeof lr === "number" ? lr : typeof lr === "bigint" ? Number(lr) : isTensor(lr) ? lr.values()[0] : NaN,
      state: entries,
      span: this.rt.span,
    });
  }
}

