import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
y = x * w
z = y + x
loss = z.sum()
loss.backward(retain_graph=True)
print(x.grad)
loss.backward()
print(x.grad)
