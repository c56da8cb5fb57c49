# In-place view ops (issue 17): t_, transpose_, squeeze_, unsqueeze_ change the tensor's shape and
# strides, not its values; they bump the version and record TBackward1, TransposeBackward1,
# SqueezeBackward3/4/5, UnsqueezeBackward1 (the out-of-place nodes are ...0); other views of the
# storage get a regenerated AsStridedBackward0. They raised AttributeError before.
import torch

x = torch.arange(6.).reshape(2, 3)
y = x.t_()
print(y is x, x, x.shape, x.stride(), x._version, x.is_contiguous())

a = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
b = a * 2
b.t_()
print(b, b.grad_fn, b.grad_fn.next_functions[0][0], b._version)
(b * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(a.grad)

a.grad = None
c = a * 1
c.transpose_(0, 1)
print(c.shape, c.stride(), c.grad_fn)
out = c @ torch.tensor([1., -1.])
out.sum().backward()
print(a.grad)

z = torch.tensor([1., 2., 3.], requires_grad=True)
q = z * 2
q.unsqueeze_(1)
print(q.shape, q.stride(), q.grad_fn)
q.unsqueeze_(0)
q.squeeze_(0)
print(q.shape, q.grad_fn)
q.squeeze_()
print(q.shape, q.grad_fn)
q.t_()
print(q.grad_fn, q.grad_fn.next_functions[0][0].next_functions[0][0])
(q * torch.tensor([1., 10., 100.])).sum().backward()
print(z.grad)

d = torch.zeros(1, 2, 1, 3)
print(d.squeeze_((0, 2)).shape, d.stride())
d = torch.zeros(1, 2, 1, 3)
print(d.squeeze_(-2).shape, d.squeeze_(dim=0).shape, d._version)
print(torch.zeros(1, 1).squeeze_().shape, torch.zeros(2, 3).squeeze_(0).shape)
w = torch.ones(1, 2, 1, requires_grad=True)
v = w * 1
v.squeeze_((0, 2))
print(v.grad_fn, w.squeeze((0, 2)).grad_fn, w.squeeze(dim=(2,)).shape)
s = torch.tensor(5.)
print(s.t_().shape, s.unsqueeze_(0).shape, s, s._version)

# another view of the same storage sees the new version: its grad_fn is regenerated
e = a * 2
w1 = e[0]
w2 = e[1]
w1.unsqueeze_(0)
print(w1.shape, w1.grad_fn, w2.grad_fn, e.grad_fn, w1._base is e)
w1.mul_(3)
print(w1.grad_fn, e.grad_fn, e)
a.grad = None
e.sum().backward()
print(a.grad)

# under no_grad, a leaf that requires grad may change shape; it stays a leaf
p = torch.ones(2, 3, requires_grad=True)
with torch.no_grad():
    p.t_()
print(p.shape, p.is_leaf, p.grad_fn, p._version, p.requires_grad)

for label, f in [
    ("t_ of a leaf", lambda: torch.ones(2, 3, requires_grad=True).t_()),
    ("transpose_ of a leaf", lambda: torch.ones(2, 3, requires_grad=True).transpose_(0, 1)),
    ("squeeze_ of a leaf", lambda: torch.ones(2, 1, requires_grad=True).squeeze_()),
    ("unsqueeze_ of a leaf", lambda: torch.ones(2, requires_grad=True).unsqueeze_(0)),
    ("unsqueeze_ of a view of a leaf", lambda: a[0].unsqueeze_(0)),
    ("t_ of a view of a leaf", lambda: a.view(3, 2).t_()),
    ("t_ of 3-D", lambda: torch.ones(2, 2, 2).t_()),
    ("unsqueeze_ out of range", lambda: torch.ones(2).unsqueeze_(5)),
    ("transpose_ out of range", lambda: torch.ones(2).transpose_(0, 3)),
    ("squeeze_ twice the same dim", lambda: torch.ones(1, 2).squeeze_((0, 0))),
    ("stride out of range", lambda: torch.ones(2, 3).stride(5)),
]:
    try:
        f()
        print(label, "ran")
    except Exception as err:
        print(label, type(err).__name__, err)
