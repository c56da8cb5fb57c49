# gradients through torch.einsum: the nodes it is made of, walked from the result, and the
# gradients backward gives (bit for bit: tolist)
import torch

torch.manual_seed(1)


def walk(fn, depth=0):
    if fn is None:
        return
    print("  " * depth + type(fn).__name__)
    for nxt, _ in fn.next_functions:
        walk(nxt, depth + 1)


A = torch.randn(4, 5, requires_grad=True)
B = torch.randn(5, 3, requires_grad=True)
v = torch.randn(5, requires_grad=True)
S = torch.randn(4, 4, requires_grad=True)
for eq, ops in [("ij,jk->ik", (A, B)), ("ij,kj->ik", (A, A)), ("ij,j->i", (A, v)), ("ii->i", (S,)), ("ij->", (A,)), ("i,j->ij", (v, v))]:
    r = torch.einsum(eq, *ops)
    print(eq)
    walk(r.grad_fn)

for t in (A, B, v, S):
    t.grad = None
out = torch.einsum("ij,jk->ik", A, B)
out.sum().backward()
print(A.grad.tolist())
print(B.grad.tolist())
A.grad = None
(torch.einsum("ij,j->i", A, v) ** 2).sum().backward()
print(A.grad.tolist())
print(v.grad.tolist())
torch.einsum("ii->", S).backward()
print(S.grad)
S.grad = None
torch.einsum("ii->i", S).pow(2).sum().backward()
print(S.grad.tolist())

X = torch.randn(2, 3, 4, requires_grad=True)
Y = torch.randn(2, 4, 2, requires_grad=True)
z = torch.einsum("bij,bjk->bik", X, Y)
g = torch.autograd.grad(z.sum(), (X, Y), create_graph=True)
print([t.grad_fn for t in g])
print(g[0].tolist())
print(g[1].tolist())
h = torch.autograd.grad(g[0].pow(2).sum(), Y)
print(h[0].tolist())
