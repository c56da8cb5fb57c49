# Integer and bool results never require grad and have no grad_fn, whatever path made them.
import torch

b = torch.tensor([1.5, -2.5, 3.0], requires_grad=True)
results = {
    "long()": b.long(),
    "int()": b.int(),
    "bool()": b.bool(),
    "to(torch.int64)": b.to(torch.int64),
    "to(torch.bool)": b.to(torch.bool),
    "type(torch.int64)": b.type(torch.int64),
    "b > 0": b > 0,
    "b == b": b == b,
    "argmax()": b.argmax(),
    "argmin(0)": b.argmin(0),
    "isnan()": b.isnan(),
    "max(0).indices": b.max(0).indices,
    "tensor(b, dtype=long)": torch.tensor(b.tolist(), dtype=torch.long),
    "(b * 2).long()": (b * 2).long(),
    "b.long() * 2": b.long() * 2,
    "b.long() + b.long()": b.long() + b.long(),
}
for name, t in results.items():
    print(name, t, t.requires_grad, t.grad_fn, t.is_leaf)

x = b.long()
try:
    x.requires_grad_()
except RuntimeError as e:
    print("requires_grad_:", e)

# a float view of the integer copy starts a fresh, constant leaf
f = b.long().float()
print(f.requires_grad, f.grad_fn)
(f * b).sum().backward()
print(b.grad)

(b.long() * 2).sum().backward()
