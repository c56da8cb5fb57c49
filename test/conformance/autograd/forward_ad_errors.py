# Misusing forward AD: PyTorch's errors
import torch
import torch.autograd.forward_ad as fwAD

x = torch.tensor([1.0, 2.0, 3.0])
v = torch.ones(3)


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("outside a level", lambda: fwAD.make_dual(x, v))
attempt("exit without a level", lambda: fwAD.exit_dual_level())
with fwAD.dual_level():
    attempt("size", lambda: fwAD.make_dual(x, torch.ones(2)))
    attempt("2-d size", lambda: fwAD.make_dual(x, torch.ones(1, 3)))
    attempt("int primal", lambda: fwAD.make_dual(torch.tensor([1, 2]), torch.ones(2)))
    attempt("int tangent", lambda: fwAD.make_dual(x, torch.tensor([1, 2, 3])))
    attempt("bool tangent", lambda: fwAD.make_dual(x, torch.tensor([True, False, True])))
    d = fwAD.make_dual(x, v)
    attempt("dual of a dual", lambda: fwAD.make_dual(d, v))
    attempt("dual as tangent", lambda: fwAD.make_dual(x, d))
    attempt("float64 tangent", lambda: fwAD.make_dual(x, v.double()))
    attempt("nested", lambda: fwAD.enter_dual_level())

    def nested():
        with fwAD.dual_level():
            return 1

    attempt("nested with", nested)
    attempt("exit another level", lambda: fwAD.exit_dual_level(level=3))
print(fwAD.unpack_dual(d).tangent)
fwAD.make_dual(x, v)
