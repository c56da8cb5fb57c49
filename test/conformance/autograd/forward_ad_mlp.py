# Dual numbers through a small MLP: the tangent of the output is J·v, checked against the Jacobian
import torch
import torch.nn.functional as F
import torch.autograd.forward_ad as fwAD

torch.manual_seed(3)
W1 = torch.randn(4, 3)
b1 = torch.randn(4)
W2 = torch.randn(2, 4)
b2 = torch.randn(2)


def mlp(x):
    h = torch.tanh(x @ W1.t() + b1)
    return F.relu(h @ W2.t() + b2) + torch.sigmoid(h).sum()


x = torch.randn(3)
v = torch.randn(3)
with fwAD.dual_level():
    out = mlp(fwAD.make_dual(x, v))
    y, jv = fwAD.unpack_dual(out)
print(y)
print(jv)
J = torch.autograd.functional.jacobian(mlp, x)
print(J)
print(J @ v)
print(torch.allclose(J @ v, jv))
_, jvp_out = torch.autograd.functional.jvp(mlp, x, v)
print(jvp_out, torch.allclose(jvp_out, jv))

batch = torch.randn(5, 3)
with fwAD.dual_level():
    hidden = F.linear(fwAD.make_dual(batch, torch.ones(5, 3)), W1, b1)
    print(hidden)
    act = hidden.relu()
    print(fwAD.unpack_dual(F.linear(act, W2)).tangent)
