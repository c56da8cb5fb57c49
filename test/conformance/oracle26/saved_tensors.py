import torch

# each saved tensor is saved only for the formulas that read it (PyTorch 2.6's codegen): mm's
# _saved_mat2 is None when self needs no grad, and so on; a saved input unpacks to the same
# tensor, a saved output to a new tensor object over the same storage with the node as grad_fn
c = torch.randn(2, 3)
W = torch.randn(3, 2, requires_grad=True)
y = torch.mm(c, W)
print(y.grad_fn._saved_mat2, y.grad_fn._saved_self is c)
y2 = torch.mm(W.t(), torch.ones(2, 2) * 2)
print(y2.grad_fn._saved_mat2, y2.grad_fn._saved_self)
m = torch.ones(2, 3, requires_grad=True)
v = torch.ones(3)
print(m.mv(v).grad_fn._saved_self, m.mv(v).grad_fn._saved_vec)
print(torch.ones(3).dot(torch.ones(3, requires_grad=True)).grad_fn._saved_tensor)
b = torch.ones(1, 2, 3, requires_grad=True)
print(b.bmm(torch.ones(1, 3, 2)).grad_fn._saved_self)
a = torch.ones(2, 2, requires_grad=True)
print(torch.addmm(a, torch.ones(2, 2), torch.ones(2, 2, requires_grad=True)).grad_fn._saved_mat2)
print((a * 2).grad_fn._saved_self, (a * torch.ones(2, 2)).grad_fn._saved_self, (torch.ones(2, 2) * a).grad_fn._saved_other)
print((torch.ones(2) / torch.ones(2, requires_grad=True)).grad_fn._saved_self, (torch.ones(2, requires_grad=True) / 4).grad_fn._saved_self)
x = torch.ones(2, requires_grad=True)
e = x.exp()
r = e.grad_fn._saved_result
print(r is e, r is e.grad_fn._saved_result, r.data_ptr() == e.data_ptr(), r.grad_fn is e.grad_fn, r.requires_grad, r.is_leaf)
print(r)
t = x.tanh()
print(t.grad_fn._saved_result is t, t.grad_fn._saved_result.tolist() == t.tolist())
