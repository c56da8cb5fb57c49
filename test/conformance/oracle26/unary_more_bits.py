import torch

# float32 math that changed its last bits in PyTorch 2.x: erf (a vectorised approximation with
# SLEEF's exp), exp2 (SLEEF's exp2f on blocks of 16, libm's on the tail), rsqrt (1 / sqrt, each
# rounded); sqrt, reciprocal and sigmoid alongside
torch.manual_seed(0)
x = torch.cat([torch.linspace(-10, 10, 161), torch.randn(200) * 20,
               torch.tensor([0.0, -0.0, 128.0, -150.0, -149.5, 127.9, float("inf"), float("-inf"), float("nan")])])
print("exp2", torch.exp2(x).tolist())
print("rsqrt", torch.rsqrt(x.abs()).tolist())
print("erf", torch.erf(x / 4).tolist())
print("sqrt", torch.sqrt(x.abs()).tolist())
print("reciprocal", torch.reciprocal(x).tolist())
print("sigmoid", torch.sigmoid(x).tolist())
print("exp2 short", torch.exp2(x[:7]).tolist())
print("erf short", torch.erf(x[:3]).tolist())
