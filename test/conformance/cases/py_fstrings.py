import torch
x = torch.tensor(2.0 / 3.0, requires_grad=True)
t = torch.tensor([1.0, 2.5])
n = 7
name = "loss"
print(f"{name}: {x.item():.4f}")
print(f"{x.item():.2f} {x.item()} {n:3d}|{n:<4}|{n:>4}|")
print(f"t = {t}")
print(f"x = {x}")
print(f"{name} {n * 2} {n / 2} {n // 2}")
print(f"{t.shape} {t.dtype} {t.sum().item():.1f}")
print(f"{1e-5:.3e} {1234.5:.1f} {0.000123:.2e} {3:.2f}")
