import torch
x = torch.tensor(1.0, requires_grad=True)
for name, f in [("x**4", x ** 4), ("exp", x.exp()), ("sin", x.sin()), ("tanh", x.tanh()), ("log", x.log())]:
    d1 = torch.autograd.grad(f, x, create_graph=True)[0]
    d2 = torch.autograd.grad(d1, x)[0]
    print(name, d1, d2)
