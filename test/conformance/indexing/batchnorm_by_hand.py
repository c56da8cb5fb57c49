# batch normalisation by hand (mean, Bessel-corrected variance, normalise, scale and shift) and its
# one-line backward, against autograd
import torch
g = torch.Generator().manual_seed(7)
x = torch.randn(8, 5, generator=g, requires_grad=True)
gain = (torch.randn(1, 5, generator=g) * 0.1 + 1).requires_grad_()
bias = (torch.randn(1, 5, generator=g) * 0.1).requires_grad_()
n = x.shape[0]
mean = x.mean(0, keepdim=True)
var = x.var(0, keepdim=True, unbiased=True)
var_inv = (var + 1e-5) ** -0.5
raw = (x - mean) * var_inv
out = gain * raw + bias
w = torch.randn(8, 5, generator=g)
(out * w).sum().backward()
dout = w
dx = gain * var_inv / n * (n * dout - dout.sum(0) - n / (n - 1) * raw * (dout * raw).sum(0))
print(torch.allclose(dx, x.grad), (dx - x.grad).abs().max().item())
print(torch.all((raw * dout).sum(0, keepdim=True) == gain.grad).item(), torch.all(dout.sum(0, keepdim=True) == bias.grad).item())
print(var.view(-1).tolist(), mean.view(-1).tolist())
print(x.grad)
