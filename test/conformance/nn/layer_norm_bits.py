# LayerNorm's forward and gradients to the last bit over many row lengths (Welford cascades, lane sums)
import torch
import torch.nn as nn
torch.manual_seed(3)
for n in [1, 2, 7, 8, 9, 16, 17, 33, 70, 130, 257]:
    ln = nn.LayerNorm(n)
    with torch.no_grad():
        ln.weight.uniform_(-2, 2)
        ln.bias.uniform_(-1, 1)
    x = (torch.randn(2, 3, n) * 4 + 2).requires_grad_()
    y = ln(x)
    y.backward(torch.randn(2, 3, n))
    print(n, sum(y.flatten().tolist()), y[1, 2, :3].tolist())
    print(x.grad.flatten().tolist()[-3:], sum(abs(v) for v in x.grad.flatten().tolist()))
    print(ln.weight.grad.tolist()[:4], ln.bias.grad.tolist()[:4])
    plain = nn.LayerNorm(n, elementwise_affine=False)
    z = torch.randn(4, n, requires_grad=True)
    plain(z).backward(torch.randn(4, n))
    print(z.grad[3].tolist()[-4:])
x64 = torch.randn(3, 10, dtype=torch.float64, requires_grad=True)
y64 = nn.functional.layer_norm(x64, [10])
y64.sum().backward()
print(y64[0].tolist(), x64.grad[0].tolist())
