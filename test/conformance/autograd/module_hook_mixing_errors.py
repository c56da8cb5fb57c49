# Mixing the deprecated and the full backward hooks on one module is refused both ways; the
# deprecated hook on a module of several ops sees only its last op's gradients
import torch
import torch.nn as nn

lin = nn.Linear(2, 2)
lin.register_backward_hook(lambda m, gi, go: None)
try:
    lin.register_full_backward_hook(lambda m, gi, go: None)
except RuntimeError as e:
    print("RuntimeError:", e)
relu = nn.ReLU()
relu.register_full_backward_hook(lambda m, gi, go: None)
try:
    relu.register_backward_hook(lambda m, gi, go: None)
except RuntimeError as e:
    print("RuntimeError:", e)
# a pre-hook goes with either
lin.register_full_backward_pre_hook(lambda m, go: print("pre-hook", [tuple(g.shape) for g in go]))

class ScaledExp(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([2.0, 3.0]))

    def forward(self, x):
        return x.exp() * self.w

def show(mod, grad_input, grad_output):
    print("grad_input", grad_input)
    print("grad_output", grad_output)

m = ScaledExp()
m.register_backward_hook(show)
x = torch.tensor([0.0, 1.0], requires_grad=True)
y = m(x)
print(y.grad_fn, [f for f, _ in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad, m.w.grad)

# called twice: each call's last node gets the hook, so it runs twice
m2 = ScaledExp()
m2.register_backward_hook(lambda mod, gi, go: print("call", [None if g is None else g.tolist() for g in gi]))
(m2(x) + m2(x * 2)).sum().backward()

# returning a new grad_input changes what flows into the module's ops below
m3 = ScaledExp()
m3.register_backward_hook(lambda mod, gi, go: (gi[0] * 0, gi[1]))
x.grad = None
m3(x).sum().backward()
print(x.grad, m3.w.grad)
lin(torch.ones(1, 2)).sum().backward()
m4 = nn.Linear(2, 2)
m4.register_full_backward_hook(lambda m, gi, go: None)
m4.register_backward_hook(lambda m, gi, go: None)
