# minibatches as makemore draws them: random rows by torch.randint(generator=g), gathered with X[ix]
import torch
g = torch.Generator().manual_seed(2147483647)
X = torch.arange(60).view(20, 3)
Y = torch.arange(20) % 7
C = torch.randn((27, 4), generator=g, requires_grad=True)
for step in range(3):
    ix = torch.randint(0, X.shape[0], (5,), generator=g)
    Xb, Yb = X[ix], Y[ix]
    emb = C[Xb % 27]
    print(step, ix.tolist(), Yb.tolist(), emb.shape, emb.grad_fn)
    emb.sum().backward()
print(C.grad.sum(1))
