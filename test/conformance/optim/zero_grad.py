# zero_grad(): .grad becomes None (set_to_none=True, the default) or zeros in place (the same
# tensor, so aliases see it); without it gradients add up across backward calls
import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
(w * 2).sum().backward()
g = w.grad
print(w.grad)
(w * 2).sum().backward()
print(w.grad, g is w.grad)
opt.zero_grad(set_to_none=False)
print(w.grad, g, g is w.grad, w.grad._version)
(3 * w).sum().backward()
print(w.grad)
opt.zero_grad()
print(w.grad, g)
opt.step()
print(w, w._version)
(w ** 3).sum().backward(create_graph=True)
print(w.grad)
opt.zero_grad(False)
print(w.grad, w.grad.requires_grad, w.grad.grad_fn)
