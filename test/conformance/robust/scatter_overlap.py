# scatter_ refuses a source that shares memory with self (assert_no_overlap: full or partial
# overlap of dense tensors), as it does an overlapping index; copies and strided views pass.
import torch


def scatter_from(label, src_of):
    h = torch.arange(6.0).view(2, 3)
    try:
        h.scatter_(1, torch.tensor([[0], [1]]), src_of(h))
        print(label, h)
    except RuntimeError as e:
        print(label, "error:", e)


scatter_from("h[:, 2:] (strided)", lambda h: h[:, 2:])
scatter_from("h.clone()", lambda h: h.clone())
scatter_from("h.view(6)[1:3].view(2, 1) (partial)", lambda h: h.view(6)[1:3].view(2, 1))
scatter_from("h (full)", lambda h: h)

b = torch.tensor([1.5, 2.5, 3.0, 4.0], requires_grad=True)
h = b * 1
h.scatter_(0, torch.tensor([0, 1]), h.detach()[2:].clone())
(h * h).sum().backward()
print(b.grad)
h = b * 1
h.scatter_(0, torch.tensor([0, 1]), h[2:])
