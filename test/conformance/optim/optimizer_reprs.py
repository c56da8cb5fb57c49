# Each optimizer as print shows it: its class, then every group's options sorted by name
import torch
w = torch.zeros(2, requires_grad=True)
print(torch.optim.SGD([w], lr=0.1))
print(torch.optim.Adam([w]))
print(torch.optim.AdamW([w], lr=0.01, amsgrad=True))
print(torch.optim.RMSprop([w], momentum=0.9, centered=True))
print(torch.optim.Adagrad([w], lr_decay=0.5))
opt = torch.optim.SGD([{"params": [w]}, {"params": [torch.ones(1, requires_grad=True)], "lr": 0.5}], lr=0.01, momentum=0.9)
print(opt)
print(repr(opt))
print(type(opt).__name__, isinstance(opt, torch.optim.Optimizer), opt.defaults)
print(len(opt.param_groups), opt.param_groups[1]["lr"], opt.param_groups[0]["params"][0] is w)
