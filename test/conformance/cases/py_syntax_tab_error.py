import torch
x = torch.tensor(1.0, requires_grad=True)
for step in range(3):
    loss = (x - 3) ** 2
    loss.backward()
    with torch.no_grad():
	x -= 0.1 * x.grad
    x.grad.zero_()
print(x)
