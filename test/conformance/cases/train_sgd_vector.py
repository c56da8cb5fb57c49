import torch
X = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
y = torch.tensor([2.0, -1.0, 1.0])
w = torch.zeros(2, requires_grad=True)
losses = []
for epoch in range(5):
    loss = ((X @ w - y) ** 2).sum()
    losses.append(round(loss.item(), 4))
    loss.backward()
    with torch.no_grad():
        w.sub_(0.1 * w.grad)
        w.grad = None
print(losses)
print(w)
