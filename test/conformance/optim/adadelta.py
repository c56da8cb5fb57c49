# torch.optim.Adadelta (pytorch/examples mnist uses it with StepLR): the single-tensor update, its state, options and checks
import torch
from torch.optim.lr_scheduler import StepLR
torch.manual_seed(0)
w = torch.nn.Parameter(torch.randn(5, 3))
b = torch.nn.Parameter(torch.zeros(3))
o = torch.optim.Adadelta([w, b], lr=1.0)
s = StepLR(o, step_size=1, gamma=0.7)
x = torch.randn(8, 5)
for i in range(4):
    o.zero_grad()
    loss = ((x @ w + b) ** 2).mean()
    loss.backward()
    o.step()
    s.step()
    print(i, loss.item(), s.get_last_lr())
print(w, b)
print(o.state[w])
print(o)
o2 = torch.optim.Adadelta([torch.nn.Parameter(torch.ones(2))], rho=0.5, eps=1e-3, weight_decay=0.1, maximize=True)
p = o2.param_groups[0]['params'][0]
(p * torch.tensor([1.0, -2.0])).sum().backward()
o2.step(); o2.step()
print(p, o2.state_dict()['state'])
for bad in [dict(lr=-1), dict(rho=1.5), dict(eps=-1), dict(weight_decay=-0.1)]:
    try:
        torch.optim.Adadelta([p], **bad)
    except ValueError as e:
        print(e)
