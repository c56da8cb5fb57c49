# PyTorch's autograd tutorial's first example, then binary_cross_entropy_with_logits' reductions, weight and pos_weight
import torch
torch.manual_seed(0)
x = torch.ones(5)  # input tensor
y = torch.zeros(3)  # expected output
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
z = torch.matmul(x, w)+b
loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)
print(f"Gradient function for z = {z.grad_fn}")
print(f"Gradient function for loss = {loss.grad_fn}")
print(loss, loss.grad_fn.next_functions)
loss.backward()
print(w.grad)
print(b.grad)
logits = torch.linspace(-30, 30, 41, requires_grad=True)
t = (torch.arange(41) % 2).float()
for red in ["mean", "sum", "none"]:
    l = torch.nn.functional.binary_cross_entropy_with_logits(logits, t, reduction=red)
    print(red, l.tolist() if red == "none" else l.item())
wt = torch.linspace(0.5, 2, 41)
l = torch.nn.functional.binary_cross_entropy_with_logits(logits, t, weight=wt)
g, = torch.autograd.grad(l, logits)
print(l.item(), g.tolist())
pw = torch.linspace(0.2, 3, 41)
l = torch.nn.functional.binary_cross_entropy_with_logits(logits, t, pos_weight=pw, reduction="sum")
g, = torch.autograd.grad(l, logits)
print(l.item(), g.tolist())
try:
    torch.nn.functional.binary_cross_entropy_with_logits(logits, t[:3])
except ValueError as e:
    print("ValueError:", e)
