# Adam over an nn.Sequential with two parameter groups (one per layer, the second with its own
# lr), named parameters, a StepLR schedule; the exact losses and parameters
import torch
from torch import nn
torch.manual_seed(1)
net = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(5, 1))
x = torch.randn(16, 2)
y = (x[:, :1] * 2 - x[:, 1:]).sin()
opt = torch.optim.Adam([{"params": net[0].parameters()}, {"params": net[2].parameters(), "lr": 0.01}], lr=0.05)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
print(opt)
for epoch in range(6):
    opt.zero_grad()
    loss = ((net(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    sched.step()
    print(epoch, loss.item(), sched.get_last_lr())
for name, p in net.named_parameters():
    print(name, p.flatten().tolist())
print(opt.state[net[2].bias])
