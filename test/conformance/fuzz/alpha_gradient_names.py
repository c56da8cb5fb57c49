# Found by the differential fuzzer: add/sub's alpha multiplies the gradient as derivatives.yaml's
# maybe_multiply does, by a Scalar (MulBackward1), and not at all when alpha is 1.
import torch
a = torch.tensor(0.25, requires_grad=True)
b = torch.tensor([1., 2.], requires_grad=True)
for name, f in [("sub_", lambda x: x.sub_(a, alpha=0.5)), ("add_", lambda x: x.add_(a, alpha=0.5)), ("sub", lambda x: torch.sub(x, a, alpha=0.5)), ("add", lambda x: torch.add(x, a, alpha=2)), ("sub1", lambda x: x.sub_(a, alpha=1)), ("addint", lambda x: x.add(a, alpha=3))]:
    x = b * 1
    y = f(x)
    g = torch.autograd.grad(y.pow(2).sum(), [a, b], create_graph=True)
    print(name, g[0].grad_fn.name(), g[0].grad_fn.next_functions[0][0].name() if g[0].grad_fn.next_functions else None, g)
