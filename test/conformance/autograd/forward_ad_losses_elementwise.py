# Tangents of binary_cross_entropy (with logits), smooth_l1_loss and huber_loss: the backward kernel
# with the tangent for grad plus the target's term (a zero tensor when the target has none), reduced
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD
torch.manual_seed(6)
p = torch.rand(3, 4) * 0.8 + 0.1
x = torch.randn(3, 4)
tgt = torch.rand(3, 4)
tp, tx, tt = torch.randn(3, 4), torch.randn(3, 4), torch.randn(3, 4)
w = torch.rand(4) + 0.5
pw = torch.rand(4) + 0.5
onehot = torch.zeros(3, 4); onehot[1, 2] = 1.0
L = lambda r: fwAD.unpack_dual(r).tangent.tolist()
with fwAD.dual_level():
    D = fwAD.make_dual
    for red in ["mean", "sum", "none"]:
        print("bce", red, L(F.binary_cross_entropy(D(p, tp), tgt, reduction=red)), L(F.binary_cross_entropy(D(p, tp), tgt, weight=w, reduction=red)))
        print("bce_onehot", red, L(F.binary_cross_entropy(D(p, onehot), tgt, reduction=red)))
        print("bcel", red, L(F.binary_cross_entropy_with_logits(D(x, tx), tgt, reduction=red)), L(F.binary_cross_entropy_with_logits(D(x, tx), tgt, weight=w, pos_weight=pw, reduction=red)))
        print("bcel_onehot", red, L(F.binary_cross_entropy_with_logits(D(x, onehot), tgt, reduction=red)))
        print("sl1", red, L(F.smooth_l1_loss(D(x, tx), tgt, reduction=red)), L(F.smooth_l1_loss(D(x, tx), tgt, beta=0.5, reduction=red)))
        print("sl1_onehot", red, L(F.smooth_l1_loss(D(x, onehot), tgt, reduction=red)))
        print("huber", red, L(F.huber_loss(D(x, tx), tgt, reduction=red)), L(F.huber_loss(D(x, tx), tgt, delta=0.3, reduction=red)))
        print("huber_onehot", red, L(F.huber_loss(D(x, onehot), tgt, reduction=red)))
    print("bce_target", L(F.binary_cross_entropy(D(p, tp), D(tgt, tt))), L(F.binary_cross_entropy(p, D(tgt, tt), reduction="none")))
    print("bcel_target", L(F.binary_cross_entropy_with_logits(D(x, tx), D(tgt, tt))), L(F.binary_cross_entropy_with_logits(x, D(tgt, tt), weight=w, reduction="sum")))
    print("sl1_target", L(F.smooth_l1_loss(D(x, tx), D(tgt, tt))), L(F.huber_loss(x, D(tgt, tt), reduction="none")))
    print(torch.nn.BCELoss()(D(p, tp), tgt), torch.nn.BCEWithLogitsLoss()(D(x, tx), tgt), torch.nn.SmoothL1Loss()(D(x, tx), tgt))
from torch.func import jacfwd, jacrev
xd = torch.randn(5, dtype=torch.float64)
td = torch.rand(5, dtype=torch.float64)
for f in [lambda v: F.binary_cross_entropy(torch.sigmoid(v), td), lambda v: F.binary_cross_entropy_with_logits(v, td, reduction="none"), lambda v: F.smooth_l1_loss(v, td), lambda v: F.huber_loss(v, td, delta=0.5)]:
    print(torch.allclose(jacfwd(f)(xd), jacrev(f)(xd)))
