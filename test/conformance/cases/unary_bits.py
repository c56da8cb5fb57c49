import torch

# float32 elementwise math to the last bit: .tolist() prints 17 significant digits, so every
# element must carry PyTorch's exact float (ATen's SLEEF kernels, not correctly rounded libm)
xs = torch.cat([
    torch.linspace(-10, 10, 161),
    torch.linspace(-0.01, 0.01, 33),
    torch.linspace(-200, 200, 81),
    torch.linspace(-1000000, 1000000, 17),
    torch.tensor([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-30, -1e-30, 1e-40,
                  3.4e38, -3.4e38, 88.7, 89.5, -103.9, -104.5, 1e-07, 8.66, 8.67, 0.5, -0.5,
                  1.0, -1.0, 2.0, 3.14159265, 1.5707963, 0.7, 125.0, 124.9, 1e10, -1e20,
                  0.25, 0.75, 16.0]),
    torch.linspace(0.001, 5, 12),
])
print(xs.shape)
for name in ["exp", "log", "sin", "cos", "tan", "tanh", "sigmoid", "sinh", "cosh", "expm1",
             "log1p", "log2", "log10", "atan"]:
    print(name, getattr(torch, name)(xs).tolist())
unit = torch.linspace(-1.05, 1.05, 320)
print("asin", torch.asin(unit).tolist())
print("acos", torch.acos(unit).tolist())
# the last len % 16 elements of sigmoid take ATen's scalar path (1 / (1 + expf(-x)))
small = torch.tensor([-3.0, -0.5, 0.25, 1.0, 2.5, 7.0, 12.0])
print(torch.sigmoid(small).tolist())
print(torch.tanh(small).tolist(), torch.exp(small).tolist(), torch.log(small.abs()).tolist())
# float64: SLEEF's double kernels (exp, log, tanh, sigmoid, sinh, cosh)
xd = torch.cat([torch.linspace(-20, 20, 161, dtype=torch.float64), torch.linspace(-1e-3, 1e-3, 15, dtype=torch.float64),
                torch.tensor([0.0, -0.0, 709.0, -745.0, 1e-310, 1e300, float("inf"), float("nan")], dtype=torch.float64)])
for name in ["exp", "log", "tanh", "sigmoid", "sinh", "cosh"]:
    print(name, getattr(torch, name)(xd).tolist())
