# torch.func.jvp, jacfwd and hessian (jacfwd over jacrev) without vmap
import torch
from torch.func import jvp, jacfwd, jacrev, hessian

x = torch.tensor([1.0, 2.0, 3.0])
v = torch.tensor([0.5, 1.0, -1.0])


def f(a):
    return (a ** 2).sin()


print(jvp(f, (x,), (v,)))
print(jvp(lambda a, b: a * b + b, (x, x * 2), (v, v)))
print(jvp(lambda a: (a.sum(), a * 2), (x,), (v,)))
out, tangent, aux = jvp(lambda a: (a.exp(), a.detach()), (x,), (v,), has_aux=True)
print(out, tangent, aux)
print(jvp(lambda a: torch.ones(2), (x,), (v,)))
try:
    jvp(lambda a: torch.ones(2), (x,), (v,), strict=True)
except RuntimeError as e:
    print(e)
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(jvp(f, (w,), (v,)))
print(jacfwd(f)(x))
print(jacfwd(lambda a, b: a * b, argnums=(0, 1))(x, x * 2))
print(jacfwd(lambda a, b: a * b, argnums=1)(x, x * 2))
print(jacfwd(lambda a: a.sum())(x))
m = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
print(jacfwd(lambda a: a @ a)(m))
print(jacfwd(lambda a: (a.exp(), a.sum()))(x))
print(jacfwd(lambda a: a.tanh(), has_aux=False)(torch.tensor(0.5)))
print(hessian(lambda a: (a ** 3).sum())(x))
print(hessian(lambda a: a.sin().sum())(x))
print(hessian(lambda a: (a.tanh() * a).sum())(x))
print(hessian(lambda a: (a * a).sum())(x))
print(hessian(lambda a: torch.softmax(a, 0)[0])(x))
print(jacfwd(jacrev(lambda a: (a.exp() * a[0]).sum()))(x))
print(torch.allclose(jacfwd(f)(x), jacrev(f)(x)))
for bad in [lambda: jvp(f, x, (v,)), lambda: jvp(f, (x,), (v, v)), lambda: jvp(f, (x,), v), lambda: jvp(lambda a: 3, (x,), (v,)),
            lambda: jvp(f, (x,), (torch.ones(2),)), lambda: jacfwd(f)(torch.tensor([1, 2])), lambda: jvp(f, (), ()),
            lambda: jvp(lambda a: (a, a), (x,), (v,), has_aux=True) and jvp(lambda a: a, (x,), (v,), has_aux=True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# primals and tangents as dicts (pytrees), and their structures in the mismatch message
out, tout = torch.func.jvp(lambda p: p["a"] * p["b"], ({"a": torch.tensor(2.0), "b": torch.tensor(3.0)},), ({"a": torch.tensor(1.0), "b": torch.tensor(0.5)},))
print(out, tout)
try:
    torch.func.jvp(lambda p: p["a"], ({"a": torch.tensor(2.0)},), ({"b": torch.tensor(1.0)},))
except RuntimeError as e:
    print(e)
