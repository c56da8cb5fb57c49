"""Writes engine/python/torch/pytorch_names.ts: the public names of PyTorch's modules and of
torch.Tensor, as the answer key (PyTorch 2.6) lists them with dir(). Gradlens uses the lists to
tell a name PyTorch has but Gradlens does not run yet (NotImplementedError) from a name PyTorch
lacks too (AttributeError, as PyTorch gives).

    node scripts/oracle.mjs scripts/record_torch_names.py
"""
import os
import torch
import torch.nn.functional
import torch.autograd.functional
import torch.nn.init

MODULES = [
    ("torch", torch),
    ("torch.Tensor", torch.Tensor),
    ("torch.nn", torch.nn),
    ("torch.nn.functional", torch.nn.functional),
    ("torch.nn.init", torch.nn.init),
    ("torch.autograd", torch.autograd),
    ("torch.autograd.functional", torch.autograd.functional),
    ("torch.optim", torch.optim),
    ("torch.linalg", torch.linalg),
    ("torch.cuda", torch.cuda),
    ("torch.random", torch.random),
]


def chunks(names, width=110):
    line = []
    for n in names:
        if sum(len(x) + 1 for x in line) + len(n) > width and line:
            yield " ".join(line)
            line = []
        line.append(n)
    if line:
        yield " ".join(line)


out = [
    "// The names PyTorch 2.6 has, by module (dir() of each, recorded with the answer key by",
    "// scripts/record_torch_names.py; regenerate rather than edit). A name here that Gradlens does not",
    "// run raises NotImplementedError; a name missing here raises PyTorch's own AttributeError.",
    f"// torch {torch.__version__}",
    "",
    "const RAW: Record<string, string> = {",
]
for qualified, obj in MODULES:
    names = sorted(n for n in dir(obj) if not (n.startswith("__") and n.endswith("__")))
    out.append(f"  {qualified!r}: [".replace("'", '"'))
    for c in chunks(names):
        out.append(f'    "{c}",')
    out.append('  ].join(" "),')
out += [
    "};",
    "",
    "const sets = new Map<string, Set<string>>();",
    "",
    "/** does PyTorch's `qualified` (a module, or torch.Tensor) have an attribute `name`? */",
    "export function pytorchHas(qualified: string, name: string): boolean {",
    "  let s = sets.get(qualified);",
    "  if (!s) {",
    "    s = new Set((RAW[qualified] ?? \"\").split(\" \"));",
    "    sets.set(qualified, s);",
    "  }",
    "  return s.has(name);",
    "}",
    "",
]
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "python", "torch", "pytorch_names.ts")
with open(target, "w") as f:
    f.write("\n".join(out))
print("wrote", os.path.normpath(target))
