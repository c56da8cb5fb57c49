# Adam with its defaults and with amsgrad / weight decay / maximize: step, exp_avg, exp_avg_sq
# (and max_exp_avg_sq) after each step, parameters to the last bit
import torch
torch.manual_seed(2)
x = torch.randn(32, 4)
t = torch.randn(32, 1)
for kw in [dict(), dict(lr=0.01, amsgrad=True), dict(lr=0.05, betas=(0.8, 0.99), weight_decay=0.1), dict(lr=0.02, eps=1e-3, maximize=True)]:
    w = torch.zeros(4, 1, requires_grad=True)
    b = torch.ones(1, requires_grad=True)
    opt = torch.optim.Adam([w, b], **kw)
    for i in range(6):
        opt.zero_grad()
        loss = ((x @ w + b - t) ** 2).mean()
        loss.backward()
        opt.step()
        print(i, loss.item(), b.item())
    print(w.flatten().tolist())
    for k, v in opt.state[w].items():
        print(k, v.flatten().tolist() if v.dim() else v)
    print(opt.state[b])
