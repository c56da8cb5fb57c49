# Conv2d's output and its three gradients to the last bit on both of PyTorch's CPU paths: a batch of
# one with a small kernel (im2col + BLAS) and oneDNN's direct convolution (batches, larger kernels,
# strides, dilation, groups, channel counts across the 16-channel blocks)
import torch
import torch.nn.functional as F
torch.manual_seed(7)
shapes = [
    (1, 1, 6, 6, 2, 3, 1, 0, 1, 1), (1, 3, 7, 5, 4, 2, 1, 1, 1, 1), (1, 2, 9, 9, 3, 3, 2, 1, 1, 1),
    (1, 2, 9, 9, 3, 3, 1, 2, 2, 1), (1, 2, 10, 10, 3, 4, 1, 0, 1, 1), (1, 4, 5, 5, 2, 1, 1, 0, 1, 1),
    (3, 1, 8, 8, 4, 3, 1, 1, 1, 1), (2, 3, 9, 9, 5, 3, 2, 1, 1, 1), (4, 2, 7, 7, 3, 5, 1, 2, 1, 1),
    (3, 2, 8, 8, 3, 3, 1, 0, 2, 1), (2, 20, 5, 5, 17, 3, 1, 1, 1, 1), (2, 3, 9, 9, 4, 3, 1, 2, 2, 1),
    (2, 8, 6, 6, 33, 3, 1, 1, 1, 1), (2, 6, 8, 8, 4, 3, 2, 0, 1, 1), (2, 36, 4, 4, 5, 2, 1, 0, 1, 1),
    (2, 3, 9, 8, 4, 3, 2, 1, 1, 1), (3, 2, 11, 11, 3, 5, 2, 2, 1, 1), (2, 2, 9, 9, 3, 3, 3, 1, 1, 1),
]
for (n, c, h, w, o, k, s, p, d, groups) in shapes:
    x = torch.randn(n, c, h, w, requires_grad=True)
    weight = (torch.randn(o, c // groups, k, k) * 0.4).requires_grad_()
    bias = torch.randn(o, requires_grad=True)
    y = F.conv2d(x, weight, bias, stride=s, padding=p, dilation=d, groups=groups)
    gx, gw, gb = torch.autograd.grad(y, [x, weight, bias], torch.randn(y.shape))
    print((n, c, h, w, o, k, s, p, d, groups), tuple(y.shape))
    print(sum(y.flatten().tolist()), y.flatten().tolist()[-5:])
    print(sum(gx.flatten().tolist()), gx.flatten().tolist()[:5], gw.flatten().tolist()[-5:], gb.tolist()[:3])
    bad = [v for v in gx.flatten().tolist() if v != v]
    print(len(bad), sum(abs(v) for v in gw.flatten().tolist()), sum(abs(v) for v in y.flatten().tolist()))
x = torch.randn(2, 3, 6, 6, dtype=torch.float64, requires_grad=True)
y = F.conv2d(x, torch.randn(4, 3, 3, 3, dtype=torch.float64), padding=1)
y.sum().backward()
print(y.flatten().tolist()[:4])
