# retain_grad keeps the gradient after every tensor hook ran, whichever came first;
# register_post_accumulate_grad_hook runs once .grad holds the new value
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)

def show(t):
    print("accumulated:", t.grad)

a.register_post_accumulate_grad_hook(show)
(a * a).sum().backward()
try:
    (a * 2).register_post_accumulate_grad_hook(show)
except RuntimeError as e:
    print(e)

def plus_one(g):
    print("plus_one sees", g)
    return g + 1

b = a * 3
b.retain_grad()
b.register_hook(plus_one)
b.sum().backward()
print(b.grad, a.grad)

c = a * 4
c.register_hook(plus_one)
c.retain_grad()
c.sum().backward()
print(c.grad, c.retains_grad)
try:
    torch.ones(1).register_post_accumulate_grad_hook(show)
except RuntimeError as e:
    print(e)
