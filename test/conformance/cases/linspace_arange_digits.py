# linspace and arange digit for digit: ATen's vectorised kernels (8-float/4-double vectors,
# fused multiply-add bases) decide the last bits, and tolist() shows all 17 digits
import torch
cases = [(-17.6, -11.0, 3), (32.0, -13.0, 33), (-29.0, -7.0, 8), (-40.929, -44.0, 8), (13.0, 7.71, 2), (48.0, 5.7, 15), (-8.0, 7.1, 3), (8.2, -13.0, 50), (-44.0, -0.359, 16), (-3.44, -13.8, 7), (19.9, -41.81, 33), (-0.49, 22.94, 50), (48.0, 1.2, 16), (-34.802, -8.0, 33)]
for s, e, n in cases:
    print(torch.linspace(s, e, n).tolist())
    print(torch.linspace(s, e, n, dtype=torch.float64).tolist())
print(torch.linspace(-10, 10, 2001)[::97].tolist())
print(torch.linspace(0, 1, 1), torch.linspace(0, 1, 0), torch.linspace(3, 3, 5))
print(torch.linspace(0, 10, 7, dtype=torch.int64), torch.linspace(-5, 17, 9, dtype=torch.int64))
for a, b, st in [(0, 1, 0.1), (-3, 3, 0.37), (1.5, 20.25, 0.75), (0, 5, 0.3333333333333333), (-1, 1, 0.013), (10, -10, -0.7)]:
    print(torch.arange(a, b, st).tolist())
    print(torch.arange(a, b, st, dtype=torch.float64).tolist())
