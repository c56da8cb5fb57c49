// The policy for PyTorch names Gradlens does not run yet: NotImplementedError naming them, never an
// AttributeError claiming PyTorch lacks them; names PyTorch itself lacks keep PyTorch's AttributeError
// (that side is a recorded conformance case, indexing/names_pytorch_lacks.py). Which names PyTorch
// has comes from dir() recorded with the answer key (engine/python/torch/pytorch_names.ts).
import { describe, expect, it } from "vitest";
import { runPython } from "../../../engine/python/run.ts";
import { pytorchHas } from "../../../engine/python/torch/pytorch_names.ts";

const error = (src: string) => runPython(`import torch\nimport torch.nn.functional as F\nx = torch.ones(2)\n${src}\n`).error;

describe("names PyTorch has that Gradlens does not run yet", () => {
  it.each([
    ["torch.kron", "torch.kron"],
    ["torch.linalg", "torch.linalg"],
    ["torch.fft.fft(x)", "torch.fft"],
    ["x.cholesky()", "torch.Tensor.cholesky"],
    ["x.real", "torch.Tensor.real"],
    ["x.roll(1)", "torch.Tensor.roll"],
    ["F.glu(x)", "torch.nn.functional.glu"],
    ["torch.nn.LSTM(2, 3)", "torch.nn.LSTM"],
    ["torch.optim.LBFGS", "torch.optim.LBFGS"],
    ["torch.autograd.profiler", "torch.autograd.profiler"],
    ["torch.cuda.memory_allocated()", "torch.cuda.memory_allocated"],
    ["torch.func.vmap(torch.sin)(x)", "torch.func.vmap"],
    ["from torch.func import stack_module_state", "torch.func.stack_module_state"],
    // library modules written in Python take the recorded names too (these were AttributeError)
    ["torch.nn.init.trunc_normal_(x)", "torch.nn.init.trunc_normal_"],
    ["torch.nn.init.orthogonal_", "torch.nn.init.orthogonal_"],
  ])("%s raises NotImplementedError: %s is not in Gradlens yet", (src, name) => {
    expect(error(src)).toMatchObject({ type: "NotImplementedError", message: `${name} is not in Gradlens yet`, line: 4 });
  });

  it("import of a torch submodule PyTorch has", () => {
    expect(error("import torch.distributions")).toMatchObject({ type: "NotImplementedError", message: "torch.distributions is not in Gradlens yet" });
  });

  it("names PyTorch lacks keep PyTorch's AttributeError", () => {
    expect(error("torch.foo")).toMatchObject({ type: "AttributeError", message: "module 'torch' has no attribute 'foo'" });
    expect(error("x.foo")).toMatchObject({ type: "AttributeError", message: "'Tensor' object has no attribute 'foo'" });
    expect(error("F.nope")).toMatchObject({ type: "AttributeError", message: "module 'torch.nn.functional' has no attribute 'nope'" });
  });

  it("the recorded lists hold what PyTorch 2.6 has and nothing it lacks", () => {
    expect(pytorchHas("torch", "einsum")).toBe(true);
    expect(pytorchHas("torch.Tensor", "index_put_")).toBe(true);
    expect(pytorchHas("torch.nn.functional", "cross_entropy")).toBe(true);
    expect(pytorchHas("torch", "foo")).toBe(false);
    expect(pytorchHas("torch.Tensor", "__add__")).toBe(false);
  });
});

describe("standard-library modules Gradlens does not run yet", () => {
  it.each(["pickle", "bisect", "json", "sys", "time", "os.path"])("import %s raises NotImplementedError naming it, not ModuleNotFoundError", (name) => {
    const err = runPython(`x = 1\nimport ${name}\n`).error;
    expect(err).toMatchObject({ type: "NotImplementedError", line: 2 });
    expect(err?.message).toContain(`'${name.split(".")[0]}' is not in it yet`);
  });

  it("a module neither Python nor Gradlens has is ModuleNotFoundError", () => {
    expect(runPython("import no_such_module_here\n").error).toMatchObject({ type: "ModuleNotFoundError", message: "No module named 'no_such_module_here'" });
  });

  it("import os succeeds (tutorials import it and never use it); reading a name from it says what is missing", () => {
    const r = runPython("import os\nprint(os.sep)\np = os.path.join('data', 'x')\n");
    expect(r.stdout).toBe("/\n");
    expect(r.error).toMatchObject({ type: "NotImplementedError", line: 3 });
    expect(r.error?.message).toContain("os.path is not in Gradlens yet");
  });

  it("torch.utils names PyTorch has and Gradlens lacks are refused by name", () => {
    expect(error("import torch.utils.checkpoint")).toMatchObject({ type: "NotImplementedError", message: "torch.utils.checkpoint is not in Gradlens yet" });
    expect(error("torch.utils.swap_tensors")).toMatchObject({ type: "NotImplementedError", message: "torch.utils.swap_tensors is not in Gradlens yet" });
    // as in PyTorch, a submodule `import torch` does not load is not an attribute
    expect(error("torch.utils.checkpoint")).toMatchObject({ type: "AttributeError", message: "module 'torch.utils' has no attribute 'checkpoint'" });
    expect(error("from torch.utils.data import WeightedRandomSampler")).toMatchObject({ type: "NotImplementedError", message: "torch.utils.data.WeightedRandomSampler is not in Gradlens yet" });
  });
});
