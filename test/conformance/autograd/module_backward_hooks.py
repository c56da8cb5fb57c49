# nn.Module's full backward hooks: register_full_backward_pre_hook sees the gradients of the
# module's outputs, register_full_backward_hook those of its inputs too (and may replace them);
# BackwardHookFunctionBackward nodes wrap the module's inputs and outputs
import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(3, 2)

def pre(module, grad_output):
    print("pre-hook", type(module).__name__, grad_output)

def post(module, grad_input, grad_output):
    print("hook", type(module).__name__, grad_input, grad_output)

h1 = lin.register_full_backward_pre_hook(pre)
h2 = lin.register_full_backward_hook(post)
print(h1, h2)
x = torch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
y = lin(x)
print(y.grad_fn, y.grad_fn.next_functions)
print(y.grad_fn.next_functions[0][0].next_functions)
y.sum().backward()
print(x.grad)
print(lin.weight.grad)

# a hook that scales the input's gradient, a pre-hook that replaces the output's
def double_input(module, grad_input, grad_output):
    return (grad_input[0] * 2,)

def ones_out(module, grad_output):
    return (torch.ones_like(grad_output[0]) * 10,)

x.grad = None
lin.weight.grad = None
h2.remove()
h1.remove()
ha = lin.register_full_backward_hook(double_input)
hb = lin.register_full_backward_pre_hook(ones_out)
lin(x).sum().backward()
print(x.grad)
print(lin.weight.grad)
ha.remove()
hb.remove()

# input that does not require grad: grad_input is (None,)
lin.register_full_backward_hook(post)
x2 = torch.tensor([[1.0, 0.0, -1.0]])
out = lin(x2)
print(out.grad_fn)
out.sum().backward()

# a hook returning the wrong number of gradients
m = nn.Tanh()
m.register_full_backward_hook(lambda mod, gi, go: (gi[0], gi[0]))
try:
    m(x).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
m2 = nn.Tanh()
m2.register_full_backward_pre_hook(lambda mod, go: (go[0], go[0]))
try:
    m2(x).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
# no_grad: no hook nodes
with torch.no_grad():
    print(lin(x))
