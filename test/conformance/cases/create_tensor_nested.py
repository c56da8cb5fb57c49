import torch
a = torch.tensor([[1, 2, 3], [4, 5, 6]])
b = torch.tensor([[1, 2.5], [3, 4]])
c = torch.tensor([1, 2], dtype=torch.float32, requires_grad=True)
d = torch.tensor(7)
e = torch.tensor([[[1.0], [2.0]]])
for t in [a, b, c, d, e]:
    print(t, t.dtype, t.shape, t.dim())
print(torch.tensor([True, 1]).dtype, torch.tensor(3.0).dtype)
