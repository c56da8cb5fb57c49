# Parameter groups: per-group options over the defaults, add_param_group, changing a group's lr
# by hand, a parameter without a gradient skipped, state_dict's numbering
import torch
torch.manual_seed(6)
a = torch.randn(3, requires_grad=True)
b = torch.randn(2, requires_grad=True)
c = torch.randn(1, requires_grad=True)
opt = torch.optim.SGD([{"params": [a]}, {"params": (b,), "lr": 0.5, "momentum": 0.5}], lr=0.1)
opt.add_param_group({"params": c, "weight_decay": 0.1})
print(opt)
for i in range(3):
    opt.zero_grad()
    loss = (a ** 2).sum() + (b ** 3).sum()
    if i > 0:
        loss = loss + (c * 4).sum()
    loss.backward()
    opt.step()
    print(i, a.tolist(), b.tolist(), c.tolist(), c.grad)
    opt.param_groups[0]["lr"] *= 0.5
print([g["lr"] for g in opt.param_groups])
sd = opt.state_dict()
print(sd["state"])
print(sd["param_groups"])
print(list(opt.state.keys())[0] is b, len(opt.state))
