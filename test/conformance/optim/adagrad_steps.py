# Adagrad: the state made when the optimizer is built, lr_decay, initial_accumulator_value,
# weight decay; the sum of squared gradients and parameters to the last bit
import torch
torch.manual_seed(5)
x = torch.randn(12, 3)
t = torch.randn(12)
for kw in [dict(), dict(lr=0.1, lr_decay=0.01), dict(lr=0.05, initial_accumulator_value=0.1, weight_decay=0.01, eps=1e-6)]:
    w = torch.zeros(3, requires_grad=True)
    opt = torch.optim.Adagrad([w], **kw)
    print(opt.state[w])
    for i in range(5):
        opt.zero_grad()
        loss = ((x @ w - t) ** 2).mean()
        loss.backward()
        opt.step()
        print(i, loss.item(), w.tolist())
    print(opt.state[w]["sum"].tolist(), opt.state[w]["step"])
print(opt)
