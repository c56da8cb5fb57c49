# torch.einsum's common equations, forward: values to the last bit of float32 (tolist prints
# each as a Python float), as ATen reduces them (bmm in k order, sums as sum does), and the
# grad_fn einsum leaves (the nodes of the ops it is made of)
import torch

torch.manual_seed(0)
A = torch.randn(5, 7, requires_grad=True)
B = torch.randn(7, 6, requires_grad=True)
v = torch.randn(7, requires_grad=True)
w = torch.randn(5, requires_grad=True)
S = torch.randn(6, 6, requires_grad=True)
X = torch.randn(3, 5, 7, requires_grad=True)
Y = torch.randn(3, 7, 4, requires_grad=True)
cases = [
    ("ij,jk->ik", A, B),
    ("ij,jk", A, B),
    ("bij,bjk->bik", X, Y),
    ("i,j->ij", w, v),
    ("i,i->", v, v),
    ("ij,j->i", A, v),
    ("ij,i->j", A, w),
    ("ii->", S),
    ("ii->i", S),
    ("ii", S),
    ("ij->", A),
    ("ij->j", A),
    ("ij->i", A),
    ("ij->ji", A),
    ("bij->bji", X),
    ("...ij->...ji", X),
    ("...ij,...jk->...ik", X, Y),
    ("bij,bij->bi", X, X),
    ("ij,kj->ik", A, A),
    ("ij,ij->ij", A, A),
    ("ij,ij->", A, A),
    ("bij,jk->bik", X, B),
    ("i,i,i->", v, v, v),
    ("ij,jk,kl->il", A, B, S),
    ("Ab,bC->AC", A, B),
    (" i j , j k -> i k ", A, B),
]
for eq, *ops in cases:
    r = torch.einsum(eq, *ops)
    print(repr(eq), tuple(r.shape), r.grad_fn)
    print(r.tolist())
print(torch.einsum("ij,jk->ik", [A, B]).tolist() == torch.einsum("ij,jk->ik", A, B).tolist())
print(torch.einsum(A, [0, 1], B, [1, 2], [0, 2]).tolist() == torch.einsum("ij,jk->ik", A, B).tolist())
print(torch.einsum(X, [Ellipsis, 0], [Ellipsis]).shape)
print(torch.einsum("ij,jk->ik", A.double(), B.double()).tolist())
with torch.no_grad():
    print(torch.einsum("ij,jk->ik", A, B).grad_fn)
M = torch.arange(12).reshape(3, 4)
print(torch.einsum("ij->j", M), torch.einsum("ij,kj->ik", M, M))
