# Tangents through layer_norm and batch_norm (layer_norm_jvp, batch_norm_jvp: the normalized
# input's tangent, then weight and bias), training and eval, with and without affine parameters,
# tangents on the input, the weight or the bias only; modules through functional_call
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD
from torch.func import functional_call, jacfwd, jacrev, jvp

torch.manual_seed(7)
x = torch.randn(4, 6)
tx = torch.randn(4, 6)
w, tw = torch.randn(6), torch.randn(6)
b, tb = torch.randn(6), torch.randn(6)
x3, tx3 = torch.randn(2, 3, 5), torch.randn(2, 3, 5)
x4, tx4 = torch.randn(2, 3, 4, 4), torch.randn(2, 3, 4, 4)
w3, tw3 = torch.randn(3), torch.randn(3)
b3, tb3 = torch.randn(3), torch.randn(3)
rm, rv = torch.randn(6) * 0.1, torch.rand(6) + 0.5


def show(name, r):
    print(name, fwAD.unpack_dual(r).tangent.flatten().tolist())


with fwAD.dual_level():
    D = fwAD.make_dual
    show("ln", F.layer_norm(D(x, tx), (6,)))
    show("ln_affine", F.layer_norm(D(x, tx), (6,), w, b))
    show("ln_all", F.layer_norm(D(x, tx), (6,), D(w, tw), D(b, tb)))
    show("ln_weight_only", F.layer_norm(x, (6,), D(w, tw), b))
    show("ln_bias_only", F.layer_norm(x, (6,), w, D(b, tb)))
    show("ln_eps", F.layer_norm(D(x, tx), (6,), w, None, eps=1e-2))
    show("ln_2d", F.layer_norm(D(x3, tx3), (3, 5), D(torch.ones(3, 5), torch.randn(3, 5))))
    show("bn", F.batch_norm(D(x, tx), None, None, training=True))
    show("bn_affine", F.batch_norm(D(x, tx), None, None, D(w, tw), D(b, tb), training=True))
    show("bn_weight_only", F.batch_norm(x, None, None, D(w, tw), b, training=True))
    show("bn_eval", F.batch_norm(D(x, tx), rm, rv, w, b, training=False))
    show("bn_eval_all", F.batch_norm(D(x, tx), rm, rv, D(w, tw), D(b, tb), training=False))
    show("bn3", F.batch_norm(D(x3, tx3), None, None, w3, b3, training=True))
    show("bn4", F.batch_norm(D(x4, tx4), None, None, D(w3, tw3), D(b3, tb3), training=True))
    show("bn4_eval", F.batch_norm(D(x4, tx4), torch.zeros(3), torch.ones(3), w3, b3, training=False))
    y = F.layer_norm(D(x, tx), (6,), w, b)
    print(y)

ln = nn.LayerNorm(6)
bn = nn.BatchNorm2d(3)
params = {k: v.detach() for k, v in ln.named_parameters()}
tangents = {k: torch.randn_like(v) for k, v in params.items()}
out, tout = jvp(lambda p: functional_call(ln, p, (x,)), (params,), (tangents,))
print(tout)
with fwAD.dual_level():
    show("bn_module", bn(fwAD.make_dual(x4, tx4))[0, 0])
print(bn.running_mean, bn.running_var)
bn.eval()
out, tout = jvp(lambda inp: bn(inp), (x4,), (tx4,))
print(tout[1, 2])

xd = torch.randn(3, 4, dtype=torch.float64)
f = lambda v: F.layer_norm(v, (4,))
print(torch.allclose(jacfwd(f)(xd), jacrev(f)(xd)))
g = lambda v: F.batch_norm(v, None, None, training=True)
print(torch.allclose(jacfwd(g)(xd.float()), jacrev(g)(xd.float()), atol=1e-5))
