# step(closure) re-evaluates the loss and returns it; state_dict / load_state_dict carry the
# momentum buffers and options over to a fresh optimizer, which then continues the same path
import torch
torch.manual_seed(7)
x = torch.randn(10, 2)
t = torch.randn(10)
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
def closure():
    opt.zero_grad()
    loss = ((x @ w - t) ** 2).mean()
    loss.backward()
    return loss
for i in range(3):
    loss = opt.step(closure)
    print(i, loss, w.tolist())
sd = opt.state_dict()
w2 = w.detach().clone().requires_grad_()
opt2 = torch.optim.SGD([w2], lr=0.5)
opt2.load_state_dict(sd)
print(opt2)
print(opt2.state[w2]["momentum_buffer"] is opt.state[w]["momentum_buffer"])
for o, p in ((opt, w), (opt2, w2)):
    o.zero_grad()
    ((x @ p - t) ** 2).mean().backward()
    o.step()
print(w.tolist(), w2.tolist())
a = torch.ones(2, requires_grad=True)
adam = torch.optim.Adam([a], lr=0.1)
(a * 3).sum().backward()
adam.step()
print(adam.state_dict())
