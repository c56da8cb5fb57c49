import torch
x = torch.tensor(0.5, requires_grad=True)
t = x.tanh()
u = t * 3
t.zero_()
u.backward()
