# torch.func's grad, grad_and_value, vjp and jacrev (without vmap): gradients as plain tensors,
# argnums and has_aux, nesting (grad of grad), an outer graph seen through them when the inputs
# require grad, the Jacobian of elementwise and matrix functions, and their errors
import torch
from torch.func import grad, grad_and_value, vjp, jacrev

torch.manual_seed(0)
x = torch.tensor([1.0, 2.0, 3.0])
f = lambda x: (x ** 2).sum()
print(grad(f)(x))
print(grad_and_value(f)(x))
print(grad(lambda x, y: (x * y).sum(), argnums=(0, 1))(x, x + 1))
print(grad(lambda x, y: (x * y).sum(), argnums=1)(x, x + 1))
print(grad(lambda x: ((x ** 2).sum(), x.mean()), has_aux=True)(x))
print(grad_and_value(lambda x: ((x.exp()).sum(), x.max()), has_aux=True)(x))
print(grad(grad(lambda t: t.sin()))(torch.tensor(1.0)))
print(grad(grad(grad(lambda t: t ** 4)))(torch.tensor(2.0)))
print(grad(lambda t: t.tanh().sum())(torch.randn(4)))

out, fn = vjp(lambda x: x ** 2, x)
print(out, fn)
print(fn(torch.ones(3)))
print(fn(torch.tensor([1.0, 0.0, 2.0])))
outs, fn2 = vjp(lambda a, b: (a * b, a + b), x, x * 2)
print(outs)
print(fn2((torch.ones(3), torch.ones(3))))

print(jacrev(lambda x: x ** 2)(x))
print(jacrev(lambda x, y: x * y, argnums=(0, 1))(x, x))
A = torch.randn(2, 3)
print(jacrev(lambda v: A @ v)(x))
print(jacrev(lambda v: v.softmax(0))(x))
print(jacrev(lambda m: m.sum(0))(torch.randn(2, 2)))

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
g = grad(f)(w)
print(g)
g.sum().backward()
print(w.grad)
print(grad)

for bad in [lambda: grad(lambda x: x ** 2)(x), lambda: grad(f)(torch.tensor([1, 2])), lambda: grad(lambda x: 3.0)(x), lambda: grad(f, argnums=2)(x)]:
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)
