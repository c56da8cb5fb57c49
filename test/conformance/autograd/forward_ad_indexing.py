# Tangents through indexing and the ops that pick, put or fill elements (derivatives.yaml's
# auto_linear: the op applied to the tangent; index_put/scatter/index_add/masked_fill with the
# tangents of both inputs, a missing one a zero tensor), in-place forms, and split/chunk
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD
from torch.func import functional_call, jacfwd, jacrev, jvp

torch.manual_seed(11)
m, tm = torch.randn(4, 5), torch.randn(4, 5)
s, ts = torch.randn(3, 5), torch.randn(3, 5)
idx = torch.tensor([0, 2, 2, 1])
mask = m > 0
T = lambda r: fwAD.unpack_dual(r).tangent
L = lambda r: fwAD.unpack_dual(r).tangent.tolist()

with fwAD.dual_level():
    D = fwAD.make_dual
    d = D(m, tm)
    print("index", T(d[idx]))
    print("index_bool", T(d[mask]))
    print("index_pair", T(d[idx, idx]))
    print("index_slice", T(d[1:, idx[:3]]))
    print("embedding", T(F.embedding(torch.tensor([[0, 3], [3, 1]]), d)))
    print("embedding_pad", T(F.embedding(torch.tensor([0, 3, 1]), d, padding_idx=3)))
    print("index_select", T(d.index_select(1, torch.tensor([4, 0]))))
    print("masked_fill", T(d.masked_fill(mask, 2.0)))
    print("masked_fill_t", T(d.masked_fill(mask, D(torch.tensor(1.5), torch.tensor(-3.0)))))
    print("masked_fill_value_only", T(m.masked_fill(mask, D(torch.tensor(1.5), torch.tensor(-3.0)))))
    print("masked_select", T(d.masked_select(mask)))
    print("masked_scatter", T(d.masked_scatter(mask, D(s, ts))))
    print("take", T(d.take(torch.tensor([[0, 19], [7, 7]]))))
    print("put", T(d.put(torch.tensor([1, 3]), D(torch.tensor([5.0, 6.0]), torch.tensor([0.25, -1.0])))))
    print("index_put", T(d.index_put((idx[:2],), D(s[:2], ts[:2]))))
    print("index_put_acc", L(d.index_put((idx,), D(torch.randn(4, 5), torch.randn(4, 5)), accumulate=True)))
    print("index_put_values_only", T(m.index_put((idx[:2],), D(s[:2], ts[:2]))))
    print("index_add", L(d.index_add(0, torch.tensor([0, 3, 0]), D(s, ts), alpha=0.5)))
    print("index_add_source_only", T(m.index_add(0, torch.tensor([0, 3, 0]), D(s, ts))))
    print("index_fill", T(d.index_fill(1, torch.tensor([1, 3]), 7.0)))
    print("scatter", T(torch.zeros(4, 5).scatter(0, torch.tensor([[0, 1, 2, 3, 0]]), D(s, ts))))
    print("scatter_both", T(d.scatter(0, torch.tensor([[0, 1, 2, 3, 0]]), D(s, ts))))
    print("scatter_value", T(d.scatter(1, torch.tensor([[0], [1], [2], [3]]), 4.0)))
    print("scatter_add", L(d.scatter_add(0, torch.tensor([[1, 1, 0, 0, 3]]), D(s, ts))))
    print("gather", T(d.gather(1, torch.tensor([[0, 0], [1, 4], [2, 2], [3, 1]]))))
    print("tril", T(d.tril()), T(d.triu(1)))
    print("diagonal", T(d.diagonal()), T(d.diagonal(1)))
    print("diag", T(torch.diag(d)), T(torch.diag(D(s[0], ts[0]), 1)))
    print("trace", T(d.trace()))
    print("split", [T(p) for p in d.split(2, 1)])
    print("split_sizes", [T(p) for p in d.split([1, 3], 0)])
    print("chunk", [T(p) for p in d.chunk(2)])
    print("to64", T(d.double()))
    print("floor", T(d.floor()), T(d.round()))
    print("frac", T(d.frac()))
    print("remainder", L(d.remainder(0.7)), L(d % D(s[0] + 3, ts[0])), L(m % D(s[0] + 3, ts[0])))
    print("maximum", L(torch.maximum(d, s[0])), L(torch.minimum(d, D(s[0], ts[0]))), L(torch.maximum(m, D(s[0], ts[0]))))
    print("maximum_ties", L(torch.maximum(d, m.clone())))
    print("addcmul", L(torch.addcmul(d, m, D(m, tm), value=0.5)), L(torch.addcmul(m, D(s[0], ts[0]), d)))
    print("addcdiv", L(torch.addcdiv(d, D(m, ts[:1].expand(4, 5)), s[0] + 3, value=2.0)), L(torch.addcdiv(m, m, D(s[0] + 3, ts[0]))))
    print("lerp", L(torch.lerp(d, s[0], 0.3)), L(torch.lerp(d, D(s[0], ts[0]), 0.7)))
    print("lerp_tensor", L(torch.lerp(d, s[0], D(torch.full((5,), 0.25), ts[1]))))

    # in place: the tangent changes with the primal
    a = D(m.clone(), tm.clone())
    a.masked_fill_(mask, 0.0)
    print("masked_fill_", T(a))
    a[idx[:2]] = D(s[:2], ts[:2])
    print("setitem", T(a))
    a.index_add_(1, torch.tensor([0, 0]), D(torch.ones(4, 2), torch.full((4, 2), 0.5)))
    print("index_add_", T(a))
    b = D(m.clone(), tm.clone())
    b[mask] = 1.0
    print("setitem_mask", T(b))
    c = torch.zeros(4, 5)
    with torch.no_grad():
        c[1] = D(s[0], ts[0])
    print("setitem_into_plain", T(c))

    # cross_entropy with label smoothing masks the ignored targets in place
    logits = D(m, tm)
    print("ce_smooth", L(F.cross_entropy(logits, torch.tensor([0, 4, 2, 1]), label_smoothing=0.1)))
    print("ce_ignore", L(F.cross_entropy(logits, torch.tensor([0, -100, 2, 1]), label_smoothing=0.2)))

emb = nn.Embedding(6, 3)
params = {k: v.detach() for k, v in emb.named_parameters()}
out, tout = jvp(lambda p: functional_call(emb, p, (torch.tensor([5, 0, 5]),)), (params,), ({"weight": torch.ones(6, 3)},))
print(tout)
f = lambda v: v[idx].sum(0) * v.index_select(0, torch.tensor([3]))
x = torch.randn(4, 5, dtype=torch.float64)
print(torch.allclose(jacfwd(f)(x), jacrev(f)(x)))
