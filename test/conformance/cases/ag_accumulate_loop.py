import torch
x = torch.tensor(1.5, requires_grad=True)
for step in range(4):
    y = x * x
    y.backward()
    print("no zero", step, x.grad.item())
x.grad = None
for step in range(3):
    if x.grad is not None:
        x.grad.zero_()
    y = x * x
    y.backward()
    print("zeroed", step, x.grad.item())
