# StepLR and ExponentialLR: the lr per epoch, get_last_lr, initial_lr added to each group, the
# scheduler's state_dict, chained schedulers
import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)
print(opt)
for epoch in range(8):
    opt.zero_grad()
    ((w - 1) ** 2).sum().backward()
    opt.step()
    sched.step()
    print(epoch, sched.get_last_lr(), opt.param_groups[0]["lr"], w.tolist())
print(sched.state_dict())
from torch.optim.lr_scheduler import ExponentialLR, StepLR
v = torch.ones(1, requires_grad=True)
opt2 = torch.optim.Adam([v], lr=0.05)
e = ExponentialLR(opt2, gamma=0.9)
s = StepLR(opt2, step_size=2)
for epoch in range(5):
    opt2.zero_grad()
    (v * v).sum().backward()
    opt2.step()
    e.step()
    s.step()
    print(epoch, e.get_last_lr(), s.get_last_lr(), v.item())
print(e.base_lrs, e.last_epoch, s.last_epoch)
try:
    StepLR(w, 2)
except TypeError as err:
    print(err)
