# SGD's momentum buffer (cloned from the first gradient), dampening, weight decay, Nesterov and
# maximize, on a small seeded problem: parameters and buffers to the last bit
import torch
torch.manual_seed(1)
x = torch.randn(16, 3)
t = torch.randn(16)
for kw in [dict(momentum=0.9), dict(momentum=0.9, dampening=0.3), dict(momentum=0.8, weight_decay=0.01),
           dict(momentum=0.9, nesterov=True), dict(momentum=0.5, nesterov=True, weight_decay=0.1),
           dict(weight_decay=0.05), dict(momentum=0.9, maximize=True)]:
    w = torch.full((3,), 0.5, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.05, **kw)
    for i in range(5):
        opt.zero_grad()
        loss = ((x @ w - t) ** 2).mean()
        loss.backward()
        opt.step()
    print(kw, loss.item())
    print(w.tolist())
    print(opt.state[w])
