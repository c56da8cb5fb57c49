# Tangents through sum/mean (dim, keepdim), max, softmax and log_softmax, cumsum
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD

torch.manual_seed(2)
x = torch.randn(3, 5)
t = torch.randn(3, 5)
with fwAD.dual_level():
    d = fwAD.make_dual(x, t)
    for name, r in [
        ("sum", d.sum()), ("sum0", d.sum(0)), ("sum1k", d.sum(1, keepdim=True)), ("sum_dims", d.sum((0, 1))),
        ("mean", d.mean()), ("mean0", d.mean(dim=0)), ("mean1k", d.mean(1, keepdim=True)),
        ("max", d.max()), ("max_dim", d.max(dim=1).values), ("min_dim_k", d.min(0, keepdim=True)[0]),
        ("softmax1", torch.softmax(d, dim=1)), ("softmax0", F.softmax(d, dim=0)),
        ("log_softmax1", F.log_softmax(d, dim=1)), ("log_softmax0", d.log_softmax(0)),
        ("logsumexp", d.logsumexp(1)), ("cumsum", d.cumsum(1)),
    ]:
        print(name, fwAD.unpack_dual(r).tangent.tolist())
    print(torch.softmax(d, dim=-1))
