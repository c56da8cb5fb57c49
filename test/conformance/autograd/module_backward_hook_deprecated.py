# The deprecated nn.Module.register_backward_hook: the hook sits on the grad_fn of the first tensor
# forward returns, so grad_input are that one node's input gradients (a Linear's AddmmBackward0:
# bias, input, weight.t()), whatever else the module did; it may replace them
import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(3, 2)

def show(mod, grad_input, grad_output):
    print(type(mod).__name__, "grad_input", [None if g is None else tuple(g.shape) for g in grad_input])
    print(type(mod).__name__, "grad_output", [tuple(g.shape) for g in grad_output])

handle = lin.register_backward_hook(show)
print(type(handle), lin._is_full_backward_hook)
x = torch.randn(4, 3)
y = lin(x)
print(y.grad_fn.name(), [None if f is None else f.name() for f, _ in y.grad_fn.next_functions])
y.sum().backward()
x.requires_grad_()
lin(x).pow(2).sum().backward()
print(x.grad)
handle.remove()
print(len(lin._backward_hooks), lin._is_full_backward_hook)
lin(x).sum().backward()

# a hook that returns new grad_input: what flows on is its return value
relu = nn.ReLU()
def double(mod, grad_input, grad_output):
    print("relu got", grad_input, grad_output)
    return (grad_input[0] * 2,)
relu.register_backward_hook(double)
z = torch.tensor([-1.0, 2.0, 3.0], requires_grad=True)
relu(z).sum().backward()
print(z.grad)

# an identity module returns its input: the hook lands on the node that made the input
class Same(nn.Module):
    def forward(self, a):
        return a
same = Same()
same.register_backward_hook(show)
w = z * 3
out = same(w)
print(out.grad_fn)
out.sum().backward()

# a module returning two tensors made by two nodes: only the first one's node has the hook
class Two(nn.Module):
    def forward(self, a):
        return a * 2, a.exp()
two = Two()
two.register_backward_hook(show)
p, q = two(z)
(p.sum() + q.sum()).backward()

# a dict output: the first tensor among its values
class Named(nn.Module):
    def forward(self, a):
        return {"double": a * 2}
named = Named()
named.register_backward_hook(show)
named(z)["double"].sum().backward()

# a module whose output needs no gradient: nothing to hook, no call
class Frozen(nn.Module):
    def forward(self, a):
        return a.detach() + 1
frozen = Frozen()
frozen.register_backward_hook(show)
print(frozen(z))

# returning the wrong number of grad_input
def wrong(mod, grad_input, grad_output):
    return (grad_input[0], grad_input[0])
relu2 = nn.ReLU()
relu2.register_backward_hook(wrong)
relu2(z).sum().backward()
