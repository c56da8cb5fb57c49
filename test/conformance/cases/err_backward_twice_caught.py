import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x.sigmoid() * 2).sum()
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print("caught:", str(e)[:40])
print(x.grad)
