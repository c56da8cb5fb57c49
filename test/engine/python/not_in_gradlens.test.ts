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
    ["F.gelu(x)", "torch.nn.functional.gelu"],
    ["torch.nn.LSTM(2, 3)", "torch.nn.LSTM"],
    ["torch.optim.LBFGS", "torch.optim.LBFGS"],
    ["torch.autograd.profiler", "torch.autograd.profiler"],
    ["torch.cuda.memory_allocated()", "torch.cuda.memory_allocated"],
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
