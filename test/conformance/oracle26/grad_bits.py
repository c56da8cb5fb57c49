import torch
import torch.nn.functional as F

# first-order gradients to the last bit (.tolist() prints 17 digits): each formula as PyTorch 2.6
# writes it, in the same order, rounding where ATen's kernels round (asin's rsqrt, exp2's
# grad * result * ln2, prod's result / input, cumsum's flipped cumsum, mse_loss_backward, the fused
# 1 - y*y of tanh_backward, softmax/log_softmax backward over last and inner dims)
torch.manual_seed(3)
x = torch.randn(37) * 2
p = torch.rand(37) * 0.9 + 0.05
w = torch.rand(37) + 0.5
g = torch.randn(37)
m = torch.randn(5, 7)
gm = torch.randn(5, 7)
one = torch.tensor(1.3)


def grad_of(f, inp, gout):
    t = inp.clone().requires_grad_()
    (r,) = torch.autograd.grad(f(t), t, gout)
    return r.tolist()


cases = [
    ("exp", lambda t: t.exp(), x, g), ("log", lambda t: t.log(), w, g), ("sqrt", lambda t: t.sqrt(), w, g),
    ("rsqrt", lambda t: t.rsqrt(), w, g), ("sin", lambda t: t.sin(), x, g), ("cos", lambda t: t.cos(), x, g),
    ("tan", lambda t: t.tan(), p, g), ("tanh", lambda t: t.tanh(), x, g), ("sigmoid", lambda t: t.sigmoid(), x, g),
    ("asin", lambda t: t.asin(), p, g), ("acos", lambda t: t.acos(), p, g), ("atan", lambda t: t.atan(), x, g),
    ("sinh", lambda t: t.sinh(), x, g), ("cosh", lambda t: t.cosh(), x, g), ("log2", lambda t: t.log2(), w, g),
    ("log10", lambda t: t.log10(), w, g), ("log1p", lambda t: t.log1p(), w, g), ("expm1", lambda t: t.expm1(), x, g),
    ("exp2", lambda t: t.exp2(), x, g), ("reciprocal", lambda t: t.reciprocal(), w, g), ("rdiv", lambda t: 1 / t, w, g),
    ("div", lambda t: t / 3.7, x, g), ("pow2", lambda t: t ** 2, x, g), ("pow3", lambda t: t ** 3, x, g),
    ("pow2.5", lambda t: t ** 2.5, w, g), ("pow-1.3", lambda t: t ** -1.3, w, g), ("rpow", lambda t: 2.3 ** t, x, g),
    ("powtt", lambda t: t ** w, w, g), ("abs", lambda t: t.abs(), x, g), ("relu", lambda t: t.relu(), x, g),
    ("erf", lambda t: t.erf(), x, g), ("square", lambda t: t.square(), x, g), ("mean", lambda t: t.mean(), x, one),
    ("sum", lambda t: t.sum(), x, one), ("prod", lambda t: t.prod(), w, one), ("norm", lambda t: t.norm(), x, one),
    ("var", lambda t: t.var(), x, one), ("std", lambda t: t.std(), x, one), ("logsumexp", lambda t: t.logsumexp(0), x, one),
    ("cumsum", lambda t: t.cumsum(0), x, g), ("cumprod", lambda t: t.cumprod(0), w, g), ("max", lambda t: t.max(), x, one),
    ("clamp", lambda t: t.clamp(-1, 1), x, g), ("mse", lambda t: F.mse_loss(t, w), x, one),
    ("mse_sum", lambda t: F.mse_loss(t, w, reduction="sum"), x, one), ("mse_none", lambda t: F.mse_loss(t, w, reduction="none"), x, g),
    ("bce_logits", lambda t: F.binary_cross_entropy_with_logits(t, p), x, one),
    ("bce_logits_pw", lambda t: F.binary_cross_entropy_with_logits(t, p, pos_weight=w), x, one),
    ("softmax", lambda t: t.softmax(0), x, g), ("log_softmax", lambda t: t.log_softmax(0), x, g),
    ("lerp", lambda t: torch.lerp(t, w, 0.3), x, g), ("mm", lambda t: t @ m.t(), torch.randn(3, 7), torch.randn(3, 5)),
    ("cross_entropy", lambda t: F.cross_entropy(t, torch.tensor([1, 4, 0, 2, 6])), m, one),
    ("nll", lambda t: F.nll_loss(t.log_softmax(1), torch.tensor([1, 4, 0, 2, 6])), m, one),
    ("softmax_rows", lambda t: t.softmax(1), m, gm), ("log_softmax_rows", lambda t: t.log_softmax(1), m, gm),
]
for name, f, inp, gout in cases:
    print(name, grad_of(f, inp, gout))
