# AdamW: decoupled weight decay (param *= 1 - lr*wd before the Adam update), default wd 0.01,
# with amsgrad; parameters and state to the last bit
import torch
torch.manual_seed(3)
x = torch.randn(24, 3)
t = (x * torch.tensor([1.5, -2.0, 0.5])).sum(1, keepdim=True)
for kw in [dict(lr=0.1), dict(lr=0.05, weight_decay=0.5, amsgrad=True), dict(lr=0.01, betas=(0.5, 0.9), weight_decay=0)]:
    w = torch.ones(3, 1, requires_grad=True)
    opt = torch.optim.AdamW([w], **kw)
    for i in range(7):
        opt.zero_grad()
        loss = ((x @ w - t) ** 2).mean()
        loss.backward()
        opt.step()
    print(loss.item(), w.flatten().tolist())
    print(opt.state[w]["step"], opt.state[w]["exp_avg_sq"].flatten().tolist())
    print(opt)
