import torch
x = torch.tensor([[3.0, -1.0], [7.0, 2.0]], requires_grad=True)
hi = x.max()
lo = torch.min(x)
print(hi, lo)
print(hi.item(), lo.item())
(hi - lo).backward()
print(x.grad)
print(torch.tensor([4, 9, 1]).max())
