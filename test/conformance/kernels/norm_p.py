# p-norms other than 0, 1, 2 and inf take glibc's pow (powf for float32) for each |x|^p and for the root
import torch

def show(name, t):
    print(name, [repr(v) for v in t.reshape(-1).tolist()])

for dt in [torch.float64, torch.float32]:
    x = torch.tensor([((i * 7919) % 200) * 0.041 - 4.1 + i * 1e-7 for i in range(100)], dtype=dt)
    for p in [3, 1.5, 0.5, 4, -1]:
        show('%s p=%s' % (dt, p), x.norm(p=p))
    m = x[:98].reshape(14, 7)
    show('dim 1 p=3', m.norm(p=3, dim=1))
    show('dim 0 p=1.5', m.norm(p=1.5, dim=0))
xx = torch.tensor([0.5, -1.25, 2.0, 3.5], dtype=torch.float64, requires_grad=True)
xx.norm(p=3).backward()
show('grad p=3', xx.grad)
