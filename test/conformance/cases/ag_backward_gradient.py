import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
y.backward(gradient=torch.tensor([1.0, 0.1, 0.01]))
print(x.grad)
x.grad = None
z = x * 2
z.backward(torch.ones(3))
print(x.grad)
m = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
(m ** 2).backward(torch.tensor([[1.0, 0.0], [0.0, 1.0]]))
print(m.grad)
