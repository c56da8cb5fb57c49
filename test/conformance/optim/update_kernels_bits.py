# The elementwise kernels optimizers update with, to the last bit: add/sub with alpha and lerp
# are fused multiply-adds in ATen, addcmul fuses its last add, addcdiv rounds each step.
import torch
torch.manual_seed(1)
for dtype in (torch.float32, torch.float64):
    a = torch.randn(37).to(dtype)
    b = torch.randn(37).to(dtype)
    c = torch.rand(37).to(dtype) + 0.1
    print(a.add(b, alpha=-0.1).tolist())
    print(a.add(b, alpha=0.9).tolist())
    print(a.sub(b, alpha=0.3).tolist())
    print(torch.add(a, b, alpha=1e-3).tolist())
    print(a.clone().lerp_(b, 0.1).tolist())
    print(a.clone().lerp_(b, 0.7).tolist())
    print(a.clone().addcmul_(b, b, value=0.001).tolist())
    print(a.clone().addcmul_(b, c, value=-0.3).tolist())
    print(a.addcmul(b, c, value=-1).tolist())
    print(a.clone().addcdiv_(b, c, value=-0.01).tolist())
    print(torch.addcdiv(a, b, c).tolist())
    d = a.clone()
    d.mul_(0.9).add_(b, alpha=0.1).sub_(c, alpha=0.7)
    print(d.tolist())
