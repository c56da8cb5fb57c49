# max()/min() over every element: the gradient is shared among the elements equal to the
# result and written into zeros (so the others are 0., not -0.); a NaN max sends it to the NaNs.
import torch

x = torch.tensor([1.0, 3.0, 3.0], requires_grad=True)
(x.max() * -1).backward()
print(x.grad)
x.grad = None
(x.min() * -1).backward()
print(x.grad)
g, = torch.autograd.grad(x.max(), x, create_graph=True)
print(g)
w = torch.tensor(2.0, requires_grad=True)
g, = torch.autograd.grad(x.max() * w, x, create_graph=True)
print(g)

n = torch.tensor([1.0, float("nan"), 3.0], requires_grad=True)
n.max().backward()
print(n.grad)
n.grad = None
n.min().backward()
print(n.grad)
