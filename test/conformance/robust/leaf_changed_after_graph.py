# AccumulateGrad looks at the leaf when backward reaches it: a leaf that stopped requiring grad
# gets none, one moved into the graph interior raises; backward(inputs=[y]) calls y.retain_grad().
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.ones(2, requires_grad=True)
y = a * w
w.requires_grad_(False)
y.sum().backward()
print(w.grad, a.grad)

w = torch.ones(2, requires_grad=True)
y = a * w
w.requires_grad_(False)
w.requires_grad_(True)
y.sum().backward()
print(w.grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = (y * y).sum()
z.backward(inputs=[y], retain_graph=True)
print(y.retains_grad, y.grad, x.grad)
z.backward()
print(y.retains_grad, y.grad, x.grad)

w = torch.ones(2, requires_grad=True)
y = a * w
w.requires_grad_(False)
try:
    y.sum().backward(inputs=[w])
except RuntimeError as e:
    print(e)
try:
    torch.autograd.grad(y.sum(), w)
except RuntimeError as e:
    print(e)

w = torch.ones(2, requires_grad=True)
y = a * w
w.requires_grad_(False)
w.add_(torch.ones(2, requires_grad=True))
print(w.grad_fn, w.is_leaf)
y.sum().backward()
