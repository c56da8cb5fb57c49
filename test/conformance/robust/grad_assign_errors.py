# x.grad = ... checks what PyTorch 2.6 checks, with its messages.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
for bad in [3, [1.0, 2.0], "g", torch.zeros(3), torch.zeros(1, 2), torch.zeros(()),
            torch.zeros(2, dtype=torch.float64), torch.zeros(2, dtype=torch.long),
            torch.zeros(2, dtype=torch.int32), torch.zeros(2, dtype=torch.bool)]:
    try:
        x.grad = bad
        print("accepted", bad)
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
print(x.grad)

d = torch.zeros(2, dtype=torch.float64, requires_grad=True)
try:
    d.grad = torch.zeros(2)
except RuntimeError as e:
    print(e)

x.grad = torch.ones(2)
x.grad = None
print(x.grad)
y = x * 2
y.grad = torch.ones(2)
print(y.grad)
z = torch.zeros(2)
z.grad = torch.ones(2)
print(z.grad)

for dev in ["cuda", "cuda:0", "mps_typo"]:
    try:
        torch.zeros(2, device=dev)
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__, e)

x.grad = x
