# huber_loss and smooth_l1_loss gradients as ATen's kernels compute them: the vector lambda on blocks
# of two vectors, the scalar tail with delta/beta as a double
import torch
import torch.nn.functional as F
torch.manual_seed(8)
for n in [5, 12, 16, 37, 64]:
    for dt in [torch.float32, torch.float64]:
        x = torch.randn(n).to(dt).requires_grad_()
        t = torch.randn(n).to(dt)
        for name, f in [("huber", lambda a, b, r: F.huber_loss(a, b, reduction=r, delta=0.3)), ("huber1", lambda a, b, r: F.huber_loss(a, b, reduction=r)),
                        ("sl1", lambda a, b, r: F.smooth_l1_loss(a, b, reduction=r, beta=0.3)), ("sl1_1", lambda a, b, r: F.smooth_l1_loss(a, b, reduction=r))]:
            for red in ["mean", "sum"]:
                g, = torch.autograd.grad(f(x, t, red), x)
                print(name, n, dt, red, g.tolist())
            g, = torch.autograd.grad(f(x, t, "none"), x, torch.randn(n).to(dt))
            print(name, n, dt, "none", g.tolist())
