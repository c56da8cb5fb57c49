import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    y = w * 2
    w -= 0.5
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
print(y, y.requires_grad)
print(w, w._version, w.is_leaf)
z = (w * w).sum()
z.backward()
print(w.grad)
