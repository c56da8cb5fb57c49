# hooks on a tensor that does not require grad: register_hook refuses, register_multi_grad_hook
# fails its assertion
import torch
from torch.autograd.graph import register_multi_grad_hook

a = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    a.register_hook(print) and torch.ones(2).register_hook(print)
except RuntimeError as e:
    print("RuntimeError:", e)
register_multi_grad_hook((a, torch.ones(2)), print)
