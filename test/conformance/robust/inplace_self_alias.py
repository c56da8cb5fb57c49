# An in-place op whose argument is (or overlaps) the tensor it writes: the argument is saved
# before the write, so backward sees it modified and raises, as PyTorch does -- never a
# gradient of the wrong formula. Ops that save nothing compute PyTorch's gradient.
import torch


def attempt(label, op):
    b = torch.tensor([1.5, 2.5, 3.0, 4.0], requires_grad=True)
    h = b * 1
    try:
        op(h)
        print(label, h)
        (h * h).sum().backward()
        print("  grad", b.grad)
    except RuntimeError as e:
        print("  error", e)


def iadd(h):
    h += h


def imul(h):
    h *= h


def slice_views(h):
    h[:2].mul_(h[2:])


attempt("h.add_(h)", lambda h: h.add_(h))
attempt("h.add_(h, alpha=2)", lambda h: h.add_(h, alpha=2))
attempt("h.sub_(h)", lambda h: h.sub_(h))
attempt("h += h", iadd)
attempt("h.mul_(h)", lambda h: h.mul_(h))
attempt("h.div_(h)", lambda h: h.div_(h))
attempt("h *= h", imul)
attempt("h.mul_(h[0])", lambda h: h.mul_(h[0]))
attempt("h.div_(h[0])", lambda h: h.div_(h[0]))
attempt("h[:2].mul_(h[2:])", slice_views)
attempt("h[:2].mul_(h[:2])", lambda h: h[:2].mul_(h[:2]))
attempt("h.mul_(h.view(2, 2).view(4))", lambda h: h.mul_(h.view(2, 2).view(4)))
attempt("h.view(2, 2).mul_(h.view(2, 2))", lambda h: h.view(2, 2).mul_(h.view(2, 2)))
attempt("h.view(2, 2).mul_(h.view(2, 2).t())", lambda h: h.view(2, 2).mul_(h.view(2, 2).t()))
attempt("h.fill_(h[0])", lambda h: h.fill_(h[0]))
attempt("h.masked_fill_(h > 2, h[0])", lambda h: h.masked_fill_(h > 2, h[0]))
attempt("h.clamp_(2, 3)", lambda h: h.clamp_(2, 3))

b = torch.tensor([1.5, 2.5], requires_grad=True)
h = b * 1
h.mul_(h)
h.sum().backward()
