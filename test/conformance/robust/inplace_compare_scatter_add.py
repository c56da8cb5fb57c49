# In-place comparisons (eq_, ne_, lt_, le_, gt_, ge_ and the NumPy-style names) write 1/0 in the
# tensor's own dtype and record EqBackward0 (a number) / EqBackward1 (a tensor), whose gradient
# is zero; scatter_add_ records ScatterAddBackward0. They raised AttributeError (issue 17).
import torch

a = torch.tensor([1., 2., 3.], requires_grad=True)
for name in ["eq_", "ne_", "lt_", "le_", "gt_", "ge_"]:
    b = a * 1
    getattr(b, name)(2.)
    c = a * 1
    other = torch.tensor([1., 5., 3.], requires_grad=True)
    getattr(c, name)(other)
    print(name, b, b._version, c, c.grad_fn.next_functions)
    (b + c).sum().backward()
    print(a.grad, other.grad)
    a.grad = None

i = torch.tensor([1, 2, 3])
print(i.lt_(2.5), i.lt_(torch.tensor(2.5)), i._version)
f = torch.tensor([True, False])
print(f.eq_(True))
x = torch.tensor([0.5, 1.5, 2.5])
print(x.greater_(1), torch.tensor([0.5, 1.5]).less_equal_(0.5), torch.zeros(2).not_equal_(1))
print(torch.tensor([0.5, 1.5]).greater_equal_(1.5), torch.tensor([0.5, 1.5]).less_(1))
print(torch.tensor([0.5, 1.5]).greater(1), torch.tensor([0.5, 1.5]).less_equal(0.5), torch.tensor([0.5, 1.5]).not_equal(0.5))
m = torch.zeros(2, 3)
m.ge_(torch.tensor([0., 1., -1.]))
print(m)

src = torch.tensor([1., 2., 3., 4.], requires_grad=True)
z = torch.zeros(3, requires_grad=True)
y = z * 1
idx = torch.tensor([0, 1, 0, 2])
print(y.scatter_add_(0, idx, src) is y, y, y._version)
(y * torch.tensor([1., 2., 3.])).sum().backward()
print(z.grad, src.grad)
print(torch.zeros(3).scatter_add_(dim=0, index=idx, src=torch.ones(4)))
w = torch.zeros(2, 3)
print(w.scatter_add_(1, torch.tensor([[0, 0], [2, 1]]), torch.ones(2, 2)))

for label, f in [
    ("eq_ of a leaf", lambda: a.eq_(2)),
    ("eq_ broadcasting past self", lambda: torch.zeros(3).eq_(torch.zeros(2, 3))),
    ("scatter_add_ of a leaf", lambda: z.scatter_add_(0, idx, src)),
    ("scatter_add_ dtype", lambda: torch.zeros(3).scatter_add_(0, idx, torch.ones(4, dtype=torch.float64))),
    ("scatter_add dtype", lambda: torch.zeros(3).scatter_add(0, idx, torch.ones(4, dtype=torch.float64))),
    ("scatter_add_ value", lambda: torch.zeros(3).scatter_add_(0, idx, 1.0)),
]:
    try:
        f()
        print(label, "ran")
    except Exception as err:
        print(label, type(err).__name__, err)
