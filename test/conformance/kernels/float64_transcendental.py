# float64 pow, log1p, expm1, log2, log10, exp2, sin, cos, tan, asin, acos, atan and erf give PyTorch's
# bits (SLEEF's double kernels on whole vectors, glibc on a cpu_kernel_vec loop's tail), and so do the
# activations and gradients built on them; printed with repr so the last bit shows
import torch
import torch.nn.functional as F

def show(name, t):
    print(name, [repr(v) for v in t.tolist()])

x = torch.tensor([((i * 7919) % 200) * 0.041 - 4.1 + i * 1e-7 for i in range(37)], dtype=torch.float64)
pos = x.abs() + 0.1
show('pow', pos ** 0.37)
show('pow 2.5', torch.pow(pos, 2.5))
show('pow tensor', pos ** x)
show('rpow', 2.0 ** x)
for name in ['log1p', 'log2', 'log10']:
    show(name, getattr(torch, name)(pos))
for name in ['expm1', 'exp2', 'sin', 'cos', 'tan', 'atan', 'erf', 'sigmoid']:
    show(name, getattr(torch, name)(x))
show('sin medium', torch.sin(x * 4000.0))
show('cos medium', torch.cos(x * 4000.0))
show('tan medium', torch.tan(x * 4000.0))
show('asin', torch.asin(x / 4.2))
show('acos', torch.acos(x / 4.2))
special = torch.tensor([0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('nan'), 1e-300], dtype=torch.float64)
for name in ['log1p', 'expm1', 'log2', 'log10', 'exp2', 'sin', 'cos', 'tan', 'atan', 'asin', 'acos', 'erf']:
    show(name + ' special', getattr(torch, name)(special))
show('pow special', torch.pow(special, torch.tensor([2.5, -1.5, 0.0, 3.0, -2.0, 0.5, 1.0, -0.3], dtype=torch.float64)))
for name, f in [('softplus', F.softplus), ('gelu', F.gelu), ('gelu tanh', lambda t: F.gelu(t, approximate='tanh')), ('pow 1.7', lambda t: t.abs() ** 1.7), ('sin', torch.sin), ('erf', torch.erf)]:
    xx = x.clone().requires_grad_()
    y = f(xx)
    y.sum().backward()
    show(name + ' forward', y.detach())
    show(name + ' grad', xx.grad)
