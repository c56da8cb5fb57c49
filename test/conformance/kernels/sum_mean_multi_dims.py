# sums and means over several dims that do not coalesce (a BatchNorm written by hand takes
# X.mean(dim=(0, 2, 3))): ATen adds each row of the innermost reduced dim, then the rows one by one
import torch
torch.manual_seed(0)
X = torch.randn(7, 5, 3, 3) * 3 + 1
print(X.mean(dim=(0, 2, 3)).tolist())
print(X.sum(dim=(0, 2, 3), keepdim=True).flatten().tolist())
print(X.sum(dim=(0, 2)).tolist())
print(X.mean(dim=(1, 3)).tolist())
print(X.sum(dim=(0, 1, 3)).tolist())
Y = torch.randn(16, 6, 12, 12)
print(Y.mean(dim=(0, 2, 3)).tolist())
print(((Y - Y.mean(dim=(0, 2, 3), keepdim=True)) ** 2).mean(dim=(0, 2, 3)).tolist())
print(Y.sum(dim=(0, 2)).sum(1).tolist())
Z = torch.randn(3, 4, 5, 6, 7).double() * 1.1
print(Z.sum(dim=(0, 2, 4)).tolist())
print(Z.mean(dim=(1, 3)).sum().item())
P = torch.randn(6, 9, 10).permute(2, 0, 1)
print(P.sum(dim=(0, 2)).tolist())
W = torch.randn(20, 3, 40, requires_grad=True)
m = W.mean(dim=(0, 2))
print(m)
m.sum().backward()
print(W.grad[0, :, 0])
