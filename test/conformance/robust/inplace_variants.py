# In-place variants of ops Gradlens has out of place (tril_, triu_, cumsum_, cumprod_, addmm_):
# PyTorch records the out-of-place op's node on the written tensor; they raised
# AttributeError / "not in Gradlens yet" (issue 17). cumsum of integers and bools is int64
# (it was float32).
import torch

a = torch.tensor([[1., 2., 3.], [4., 5., 6.], [7., 8., 9.]], requires_grad=True)
h = a * 1
h.tril_()
print(h, h._version)
h.sum().backward()
print(a.grad)

b = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
h = b * 1
h.triu_(1)
print(h)
(h * h).sum().backward()
print(b.grad)

c = torch.tensor([[1., 2., 3.], [0.5, -1., 2.]], requires_grad=True)
h = c * 1
print(h.cumsum_(1) is h, h)
(h * torch.tensor([1., 2., 3.])).sum().backward()
print(c.grad)

c.grad = None
h = c * 1
h.cumprod_(dim=0)
print(h)
h.sum().backward()
print(c.grad)

m1 = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
m2 = torch.tensor([[0.5, -1.], [2., 1.]], requires_grad=True)
s = torch.tensor([[1., 1.], [1., 1.]], requires_grad=True)
h = s * 1
h.addmm_(m1, m2, beta=0.5, alpha=2)
print(h)
h.sum().backward()
print(s.grad, m1.grad, m2.grad)

x = torch.tensor([[1., 2.], [3., 4.]])
print(x.tril_(-1), x)
y = torch.tensor([1, 2, 3])
print(y.cumsum_(0), y.dtype)
print(torch.tensor([1, 2, 3]).cumsum(0), torch.tensor([True, False, True]).cumsum(0), torch.tensor([1, 2], dtype=torch.int32).cumsum(0).dtype)
try:
    torch.tensor([[1., 2.]], requires_grad=True).triu_()
except RuntimeError as e:
    print(e)
try:
    torch.tensor([1, 2]).cumprod_(0, dtype=torch.float32)
except RuntimeError as e:
    print(e)
