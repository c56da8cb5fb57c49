# RMSprop: plain, with momentum, centered, weight decay; square_avg, grad_avg and momentum_buffer
import torch
torch.manual_seed(4)
x = torch.randn(20, 2)
t = torch.randn(20)
for kw in [dict(), dict(lr=0.01, momentum=0.9), dict(lr=0.005, centered=True), dict(lr=0.01, alpha=0.9, centered=True, momentum=0.5, weight_decay=0.1)]:
    w = torch.tensor([0.3, -0.7], requires_grad=True)
    opt = torch.optim.RMSprop([w], **kw)
    for i in range(6):
        opt.zero_grad()
        loss = ((x @ w - t) ** 2).mean()
        loss.backward()
        opt.step()
        print(i, loss.item(), w.tolist())
    print(opt.state[w])
print(opt)
