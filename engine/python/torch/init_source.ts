// Functions torch/__init__.py writes in Python, as a library module whose names `torch` takes
// (torchPyName): torch.typename, which torch.nn's and torch.optim's messages use ("cannot assign
// 'torch.FloatTensor' as parameter 'w'", "an iterable of Tensors or dicts, but got torch.FloatTensor").
import { registerLibrary, setRealModuleNames } from "../library.ts";
import { pytorchHas } from "./pytorch_names.ts";
import { host } from "../host.ts";
import type { PyValue } from "../values.ts";

export const initSource = {
  name: "torch._gradlens_init",
  filename: "/usr/lib/python3/dist-packages/torch/__init__.py",
  source: String.raw`
import torch


def typename(obj, /):
    if isinstance(obj, torch.Tensor):
        return obj.type()

    module = getattr(obj, "__module__", "") or ""
    qualname = ""

    if hasattr(obj, "__qualname__"):
        qualname = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qualname = obj.__name__
    else:
        module = obj.__class__.__module__ or ""
        qualname = obj.__class__.__qualname__

    if module in {"", "builtins"}:
        return qualname
    return f"{module}.{qualname}"


typename.__module__ = "torch"
`,
};

registerLibrary(initSource);
// torch.nn.init, torch.autograd.functional... (library modules in Python): a name PyTorch has and they
// lack is NotImplementedError
setRealModuleNames(pytorchHas);

const NAMES = new Set(["typename"]);

/** torch.typename and the other names torch takes from its Python source */
export function torchPyName(name: string): PyValue | undefined {
  return NAMES.has(name) ? host.importModule(initSource.name).attrs.get(name) : undefined;
}
