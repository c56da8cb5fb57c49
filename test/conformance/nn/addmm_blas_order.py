# torch.addmm with a row-major mat2 starts each element from beta*input (the reference BLAS
# untransposed); with a column-major mat2 (w.t(), as nn.Linear) it sums the products first
import torch
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for (n, k, m) in [(3, 5, 4), (4, 7, 1), (1, 6, 3), (5, 1, 3), (2, 9, 2)]:
        A = torch.randn(n, k).to(dt)
        B = torch.randn(k, m).to(dt)
        W = torch.randn(m, k).to(dt)
        c = torch.randn(m).to(dt)
        c2 = torch.randn(n, m).to(dt)
        print(torch.addmm(c, A, B).tolist())
        print(torch.addmm(c, A, W.t()).tolist())
        print(torch.addmm(c2, A.t().contiguous().t(), B, beta=0.5, alpha=2.0).tolist())
        print(torch.addmm(c2, A, W.t(), beta=2, alpha=0.3).tolist())
        print(torch.addmm(c, A, B[:, :1].expand(k, m)).tolist())
