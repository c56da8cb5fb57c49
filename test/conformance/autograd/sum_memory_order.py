# sums of permuted views add in memory order, as ATen's reductions walk memory (einsum sums
# permuted operands), and neighbouring reduced dims sum as one (sum((0, 1)) of a contiguous
# tensor is a column sum over both); mean follows sum
import torch

torch.manual_seed(0)
A = torch.randn(37, 29)
print(A.t().sum().item(), A.sum().item(), A.t().mean().item())
print(A.t().sum(1).tolist() == A.sum(0).tolist(), A.t().sum(0).tolist() == A.sum(1).tolist())
print(A.t().sum(1).tolist()[:5])
X = torch.randn(6, 5, 40)
P = X.permute(2, 0, 1)
print(P.sum(0).reshape(-1).tolist()[:5])
print(P.sum([1, 2]).tolist()[:4])
print(P.sum([0], keepdim=True).shape, P.sum([0], keepdim=True).reshape(-1).tolist()[:4])
print(X.permute(1, 0, 2).sum(1).reshape(-1).tolist()[:6])
print(X.permute(1, 0, 2).sum(0).reshape(-1).tolist()[:6])
print(X.sum([0, 1]).tolist()[:4])
print(X.sum([1, 2]).tolist())
print(X.mean([0, 1]).tolist()[:4])
print(P.mean(0).reshape(-1).tolist()[:4])
print(X.transpose(0, 1).sum([0, 1]).tolist()[:4])
E = torch.randn(3, 1, 50)
print(E.sum([0, 1]).tolist()[:4], E.permute(2, 1, 0).sum(2).reshape(-1).tolist()[:4])
