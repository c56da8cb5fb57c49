# BatchNorm's statistics as the answer key (one thread) computes them: (N, C) input's rows into one
# float buffer, the running mean in float, the running variance's update a fused multiply-add
import torch
import torch.nn.functional as F
torch.manual_seed(7)
for n, c in [(4, 6), (16, 5), (33, 3), (7, 20), (64, 10)]:
    x = torch.randn(n, c, requires_grad=True)
    w = torch.randn(c, requires_grad=True)
    b = torch.randn(c, requires_grad=True)
    rm, rv = torch.randn(c) * 0.1, torch.rand(c) + 0.5
    out = F.batch_norm(x, rm, rv, w, b, training=True)
    print(out.flatten().tolist()[:12], rm.tolist(), rv.tolist())
    (out * torch.randn(n, c)).sum().backward()
    print(x.grad.flatten().tolist()[:12], w.grad.tolist(), b.grad.tolist())
for shape in [(4, 3, 5, 5), (2, 6, 7), (8, 4, 3, 3), (3, 10, 9)]:
    x = torch.randn(*shape)
    c = shape[1]
    rm, rv = torch.randn(c) * 0.1, torch.rand(c) + 0.5
    out = F.batch_norm(x, rm, rv, torch.randn(c), torch.randn(c), training=True, momentum=0.3)
    print(out.flatten()[:10].tolist(), rm.tolist(), rv.tolist())
