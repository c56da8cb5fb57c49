# nn.Linear / F.linear as ATen composes them: addmm for 2-D inputs with a bias, a flattened addmm
# viewed back for other contiguous inputs, matmul + add_ otherwise; values and gradients
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
l = nn.Linear(3, 4)
x = torch.randn(2, 3, requires_grad=True)
y = l(x)
print(y)
print(y.grad_fn, [f[0] for f in y.grad_fn.next_functions])
y.sum().backward()
print(x.grad)
print(l.weight.grad)
print(l.bias.grad)

x1 = torch.randn(3, requires_grad=True)
y1 = l(x1)
print(y1, y1.grad_fn, y1.grad_fn.next_functions[0][0])
x3 = torch.randn(2, 2, 3, requires_grad=True)
y3 = l(x3)
print(y3.shape, y3.grad_fn, y3.grad_fn.next_functions[0][0])
y3.pow(2).sum().backward()
print(x3.grad)
xt = torch.randn(3, 2).t()
print(l(xt).grad_fn)
xn = torch.randn(3, 2)[:, 0]
print(l(xn).grad_fn)
print(F.linear(x, l.weight).grad_fn, F.linear(x1, l.weight).grad_fn, F.linear(x3, l.weight).grad_fn)

nb = nn.Linear(3, 2, bias=False)
print(nb(x), nb(x).grad_fn)
try:
    l(torch.randn(2, 5))
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    F.linear(torch.tensor(1.0), l.weight)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    F.linear(x)
except TypeError as e:
    print("TypeError:", e)
l.zero_grad()
out = l(torch.ones(1, 3))
out.backward(torch.ones(1, 4))
print(l.weight.grad, l.bias.grad)
