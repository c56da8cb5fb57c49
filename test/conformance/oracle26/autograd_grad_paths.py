import torch

# torch.autograd.grad(F, A) runs only what leads to A: MmBackward0 computes A's gradient alone,
# so create_graph records one TBackward0 and one MmBackward0 (the seed notebook's Problem 2)
A = torch.tensor([[-1.4157, -0.5494, -0.3957], [-0.2589, 0.4123, 0.0835]], requires_grad=True)
X = torch.tensor([[1.3992, 1.1037], [1.5777, -0.2932], [0.6247, -0.8932]], requires_grad=True)
F = torch.matmul(A, X)


def chain(fn, depth=0):
    if fn is None or depth > 6:
        return str(fn)
    return fn.name() + "(" + ", ".join(chain(n[0], depth + 1) for n in fn.next_functions) + ")"


A_grad = torch.autograd.grad(F, A, grad_outputs=torch.ones_like(F), create_graph=True, retain_graph=True)[0]
print(A_grad, chain(A_grad.grad_fn))
X_grad = torch.autograd.grad(F, X, grad_outputs=torch.ones_like(F), create_graph=True)[0]
print(X_grad, chain(X_grad.grad_fn))
y = (A * X.sum()).sum()
print(chain(torch.autograd.grad(y, A, create_graph=True)[0].grad_fn))
z = (A / X.sum()).sum()
print(chain(torch.autograd.grad(z, X, create_graph=True)[0].grad_fn))
v = torch.ones(3, requires_grad=True)
w = (A.mv(v) + A.t().mv(torch.ones(2))).sum() + torch.addmm(torch.ones(2, 2), A, X).sum()
print([chain(g.grad_fn) for g in torch.autograd.grad(w, [v], create_graph=True)])
