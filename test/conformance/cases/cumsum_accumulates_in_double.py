# cumsum adds float32 values in double precision and rounds each prefix to float32
import torch
x = torch.tensor([1e8, 1., 1., 1., -1e8], requires_grad=True)
c = x.cumsum(0)
print(c.tolist())
c.sum().backward()
print(x.grad)
y = torch.tensor([[0.1, 0.2, 0.3, 1e7, 0.4, -1e7]])
print(torch.cumsum(y, dim=1).tolist(), torch.cumsum(y.double(), 1).tolist())
