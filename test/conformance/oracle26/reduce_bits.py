import torch

# whole-tensor reductions to the last bit: norm (linalg.vector_norm's 8-lane squares, then a tail
# the compiler split into a 4-wide step and fused multiply-adds), prod (four vectors of lanes),
# std (the square root of the double variance, rounded once), var, sum, mean, logsumexp
torch.manual_seed(1)
for k in [3, 5, 8, 9, 12, 17, 33, 47, 84, 100, 218, 1000, 4099]:
    a = torch.randn(k) * 3 + 0.5
    b = torch.rand(k) + 0.5
    print(k, a.norm().item(), a.double().norm().item(), b.prod().item(), b.double().prod().item(),
          a.std().item(), a.var().item(), a.sum().item(), a.mean().item(), a.logsumexp(0).item())
print(torch.norm(torch.randn(3, 7)).item(), torch.randn(4, 9).norm().item())
