import torch
import torch.nn.functional as F

# grad_fn names as PyTorch 2.6 prints them, and the name of each gradient's own grad_fn under
# create_graph (the formulas' last op): reshape of a contiguous tensor is a view (ViewBackward0,
# was ReshapeAliasBackward0), 2 ** x is PowBackward2, norm is linalg.vector_norm, diag is
# diag_embed / diagonal_copy, x @ m with a 1-D x ends in squeeze_ (SqueezeBackward4), sign has
# its own node; softmax, log_softmax, mse_loss and cross_entropy differentiate through their
# own backward ops
x = torch.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.5]], requires_grad=True)
v = torch.tensor([0.3, -0.7, 1.2], requires_grad=True)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
p = torch.tensor([0.2, 0.5, 0.9], requires_grad=True)


def name(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None


ops = [
    ("reshape", lambda: x.reshape(3, 2)), ("reshape_t", lambda: x.t().reshape(6)), ("view", lambda: x.view(6)),
    ("flatten", lambda: x.flatten()), ("flatten_t", lambda: x.t().flatten()), ("squeeze", lambda: x.unsqueeze(0).squeeze()),
    ("squeeze0", lambda: x.unsqueeze(0).squeeze(0)), ("transpose", lambda: x.transpose(0, 1)), ("T", lambda: x.T),
    ("pow2", lambda: x ** 2), ("pow_t", lambda: x ** x), ("rpow", lambda: 2 ** x), ("pow_fn", lambda: torch.pow(2.0, x)),
    ("sqrt", lambda: p.sqrt()), ("rsqrt", lambda: p.rsqrt()), ("rsub", lambda: 1 - x), ("rdiv", lambda: 1 / x),
    ("abs", lambda: x.abs()), ("sign", lambda: x.sign()), ("sgn", lambda: x.sgn()), ("reciprocal", lambda: x.reciprocal()),
    ("exp", lambda: x.exp()), ("exp2", lambda: x.exp2()), ("expm1", lambda: x.expm1()), ("log", lambda: p.log()),
    ("log1p", lambda: p.log1p()), ("tan", lambda: x.tan()), ("asin", lambda: p.asin()), ("acos", lambda: p.acos()),
    ("atan", lambda: x.atan()), ("tanh", lambda: x.tanh()), ("sigmoid", lambda: x.sigmoid()), ("relu", lambda: x.relu()),
    ("erf", lambda: x.erf()), ("clamp", lambda: x.clamp(-1, 1)), ("prod", lambda: x.prod()), ("std", lambda: x.std()),
    ("var", lambda: x.var()), ("norm", lambda: x.norm()), ("torch.norm", lambda: torch.norm(x)), ("cumsum", lambda: x.cumsum(1)),
    ("softmax", lambda: x.softmax(1)), ("log_softmax", lambda: x.log_softmax(1)), ("F.softmax", lambda: F.softmax(x, dim=0)),
    ("mm", lambda: x.mm(m)), ("matmul_1d", lambda: v @ m), ("mv", lambda: x.mv(v)), ("dot", lambda: v.dot(v)),
    ("diag1", lambda: torch.diag(v)), ("diag2", lambda: torch.diag(x)), ("diagonal", lambda: x.diagonal()),
    ("mse", lambda: F.mse_loss(x, torch.zeros(2, 3))), ("mse_none", lambda: F.mse_loss(x, torch.zeros(2, 3), reduction="none")),
    ("cross_entropy", lambda: F.cross_entropy(x, torch.tensor([0, 2]))), ("nll", lambda: F.nll_loss(x, torch.tensor([0, 2]))),
    ("bce_logits", lambda: F.binary_cross_entropy_with_logits(x, torch.zeros(2, 3))),
]
for n, f in ops:
    r = f()
    grads = torch.autograd.grad(r.sum(), [x, v, m, p], create_graph=True, allow_unused=True)
    print(n, name(r), [name(t) if t is not None else None for t in grads])
