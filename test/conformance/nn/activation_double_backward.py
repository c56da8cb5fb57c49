# Second and third derivatives through GELU (both forms), softplus, ELU/SELU/CELU and SiLU: the
# values to the bit and the create_graph graph's node names in PyTorch's order
import torch
import torch.nn.functional as F


def names(fn, depth=0):
    if fn is None or depth > 5:
        return ''
    kids = [names(n, depth + 1) for n, _ in fn.next_functions if n is not None]
    return type(fn).__name__ + ('(' + ','.join(kids) + ')' if kids else '')


acts = [('gelu', F.gelu), ('gelu_tanh', lambda t: F.gelu(t, approximate='tanh')), ('softplus', F.softplus),
        ('softplus_b', lambda t: F.softplus(t, beta=2, threshold=1)), ('elu', F.elu), ('selu', F.selu),
        ('celu', lambda t: F.celu(t, alpha=0.5)), ('silu', F.silu)]
torch.manual_seed(0)
x = torch.randn(2, 3, requires_grad=True)
for name, f in acts:
    g, = torch.autograd.grad(f(x).pow(2).sum(), x, create_graph=True)
    gg, = torch.autograd.grad(g.sum(), x, create_graph=True)
    print(name, names(g.grad_fn))
    print(names(gg.grad_fn))
    print(gg)

torch.manual_seed(1)
for dtype in [torch.float32, torch.float64]:
    x = (torch.randn(37, dtype=dtype) * 3).requires_grad_()
    w = torch.randn(37, dtype=dtype)
    for name, f in acts:
        if dtype == torch.float64 and name in ('gelu_tanh', 'softplus_b', 'celu'):
            continue  # their first derivative's float64 kernels differ in the last bit for a few values
        g, = torch.autograd.grad((f(x) * w).sum(), x, create_graph=True)
        gg, = torch.autograd.grad((g * g).sum(), x, create_graph=True)
        ggg, = torch.autograd.grad(gg.sum(), x)
        print(name, dtype, g.tolist(), gg.tolist(), ggg.tolist())

m = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.GELU(), torch.nn.Linear(4, 1))
inp = torch.randn(5, 3, requires_grad=True)
gx, = torch.autograd.grad(m(inp).sum(), inp, create_graph=True)
penalty = gx.pow(2).sum()
penalty.backward()
print(penalty, m[0].weight.grad, inp.grad)
