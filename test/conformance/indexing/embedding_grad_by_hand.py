# the embedding gradient by hand, as makemore part 4 writes it: dC[ix] += demb[k, j] in a loop
import torch
torch.manual_seed(7)
C = torch.randn(6, 3, requires_grad=True)
Xb = torch.randint(0, 6, (8, 2))
emb = C[Xb]
W = torch.randn(8, 2, 3)
(emb * W).sum().backward()
demb = W
dC = torch.zeros_like(C)
for k in range(Xb.shape[0]):
    for j in range(Xb.shape[1]):
        ix = Xb[k, j]
        dC[ix] += demb[k, j]
print(torch.all(dC == C.grad).item())
print((dC - C.grad).abs().max().item())
dC2 = torch.zeros_like(C)
dC2.index_add_(0, Xb.view(-1), demb.view(-1, 3))
print(torch.all(dC2 == C.grad).item())
dC3 = torch.zeros_like(C)
dC3.index_put_((Xb.view(-1),), demb.view(-1, 3), accumulate=True)
print(torch.all(dC3 == C.grad).item(), C.grad)
