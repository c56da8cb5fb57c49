# @torch.no_grad() and @torch.no_grad as decorators: the function runs without recording,
# keeps its name, and grad mode comes back after it returns (or raises)
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

@torch.no_grad()
def evaluate(t):
    print("inside:", torch.is_grad_enabled())
    return (t * 2).sum()

loss = evaluate(x)
print(loss, loss.requires_grad, loss.grad_fn)
print(evaluate.__name__, torch.is_grad_enabled())

@torch.no_grad
def bare(t):
    return t ** 2

print(bare(x))

@torch.no_grad()
def fails(t):
    raise ValueError("stop")

try:
    fails(x)
except ValueError as e:
    print("caught", e, torch.is_grad_enabled())

y = (x * 3).sum()
print(y)
print(torch.no_grad, torch.no_grad())
