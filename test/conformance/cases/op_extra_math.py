import torch
x = torch.tensor([0.25, 0.5, 0.75], requires_grad=True)
ops = [x.tan(), x.asin(), x.acos(), x.atan(), x.sinh(), x.cosh(), x.log2(), x.log10(), x.log1p(), x.expm1(), x.exp2(), x.rsqrt()]
for y in ops:
    g = torch.autograd.grad(y.sum(), x)[0]
    print(y.grad_fn.name(), y, g)
z = torch.tensor([-1.5, -0.5, 0.5, 1.5, 2.5])
print(z.floor(), z.ceil(), z.round(), z.trunc(), z.frac())
a = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 2.0, 3.0], requires_grad=True)
m = torch.maximum(a, b)
m.sum().backward()
print(m, a.grad, b.grad)
print(torch.outer(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0])))
print(torch.isnan(torch.tensor([1.0, float('nan')])))
