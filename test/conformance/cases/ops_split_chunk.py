import torch

def show_error(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5, 4.0], [0.1, -1.0, 3.0, 2.5]], requires_grad=True)
a, b = x.split(2, 1)
print(a, b)
print(a.grad_fn.name(), a.grad_fn is b.grad_fn, a._base is x, a.is_contiguous())
(a * b).sum().backward()
print(x.grad)

x.grad = None
parts = torch.chunk(x, 2, dim=1)
print(len(parts), parts[1])
(parts[1] * 3).sum().backward()
print(x.grad)

rows = x.split(1)
print(rows)
print(x.chunk(4, 1)[3])
print(torch.split(x, [1, 3], 1)[0].grad_fn.name())

# pieces of one size each (the usual case) under create_graph
w = torch.ones(2, 2, requires_grad=True)
(g,) = torch.autograd.grad(x.split(2, 1)[1], x, grad_outputs=w, create_graph=True)
print(g, g.grad_fn.name())

v = torch.arange(6.0)
print(v.split(4), v.chunk(3), torch.chunk(v, 4))

show_error(lambda: torch.split(x, [1, 1], 1))
show_error(lambda: x.chunk(0))
show_error(lambda: x.split(0))
show_error(lambda: torch.split(torch.zeros(3), -1))
show_error(lambda: torch.zeros(()).split(1))
show_error(lambda: torch.zeros(3).split([1, -1, 3]))

u = torch.arange(5.0, requires_grad=True)
p1, p2, p3 = u.chunk(3)
print(p3, p3.grad_fn.name())
(p1.sum() + 2 * p2.sum() + 3 * p3.sum()).backward()
print(u.grad)
xu = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
a, b = xu.unbind(1)
print(a, b, a.grad_fn.name(), a.grad_fn is b.grad_fn)
(a * b).sum().backward()
print(xu.grad)
print(torch.unbind(xu), torch.unbind(xu, dim=-1)[0])
try:
    torch.tensor(1.0).unbind()
except Exception as e:
    print(type(e).__name__ + ":", e)
