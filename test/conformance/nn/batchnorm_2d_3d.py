# BatchNorm1d on (N, C, L) and BatchNorm2d on (N, C, H, W): outputs and gradients to the last bit in
# training and eval modes, the running statistics (printed as tensors), num_batches_tracked, reprs, errors
import torch
import torch.nn as nn

torch.manual_seed(0)


def show(*ts):
    for t in ts:
        print(t.flatten().tolist())


for shape, cls in [((4, 3, 5), nn.BatchNorm1d), ((2, 3, 4, 4), nn.BatchNorm2d), ((3, 2, 17), nn.BatchNorm1d), ((5, 4, 3, 7), nn.BatchNorm2d)]:
    bn = cls(shape[1])
    with torch.no_grad():
        bn.weight.uniform_(0.5, 1.5)
        bn.bias.uniform_(-0.5, 0.5)
    x = (torch.randn(*shape) * 2 + 0.5).requires_grad_()
    y = bn(x)
    y.backward(torch.randn(*shape))
    print(cls.__name__, shape, y.grad_fn.name())
    show(y, x.grad, bn.weight.grad, bn.bias.grad, bn.running_mean)
    print(bn.running_var, bn.num_batches_tracked)
    bn.eval()
    x2 = torch.randn(*shape, requires_grad=True)
    y2 = bn(x2)
    y2.backward(torch.randn(*shape))
    show(y2, x2.grad, bn.weight.grad)
bn = nn.BatchNorm2d(3, momentum=None, affine=False)
for _ in range(3):
    out = bn(torch.randn(2, 3, 4, 4))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
print(bn, out.grad_fn)
try:
    nn.BatchNorm2d(3)(torch.randn(3, 4, 4))
except ValueError as e:
    print(e)
try:
    nn.BatchNorm1d(3)(torch.randn(1, 3, 1))
except ValueError as e:
    print(e)
