# Plain SGD fitting y = 3x - 1 on seeded data: the loss and every parameter's bits per step
import torch
torch.manual_seed(0)
x = torch.randn(20, 1)
y = 3 * x - 1 + 0.1 * torch.randn(20, 1)
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w, b], lr=0.1)
for step in range(8):
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(step, loss.item(), w.item(), b.item(), w._version, b._version)
print(w, b)
print(opt.state)
