# saved_tensors_hooks and a custom autograd.Function: ctx.save_for_backward packs, ctx.saved_tensors unpacks
import torch

class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        print("  forward")
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        print("  backward")
        x, = ctx.saved_tensors
        print("  got", x)
        return 2 * x * g

def pack(t):
    print("  pack", t)
    return ("packed", t.clone())

def unpack(p):
    tag, t = p
    print("  unpack", tag)
    return t

x = torch.tensor([3.0, -1.0], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    y = Square.apply(x)
print(y)
print(y.grad_fn._saved_tensors if hasattr(y.grad_fn, "_saved_tensors") else "no _saved_tensors")
y.sum().backward()
print(x.grad)

# packing to a plain list and back
store = []
def to_list(t):
    store.append(t.tolist())
    return len(store) - 1
def from_list(i):
    return torch.tensor(store[i])
x.grad = None
with torch.autograd.graph.saved_tensors_hooks(to_list, from_list):
    z = (x * x.exp()).sum()
print(store)
z.backward()
print(x.grad)
