# Tangents through pointwise ops, to the last bit (float32 and float64)
import torch
import torch.autograd.forward_ad as fwAD

torch.manual_seed(0)
for dtype in [torch.float32, torch.float64]:
    # float32 draws, so that float64 sees the same inputs as PyTorch's
    x = (torch.rand(6) + 0.5).to(dtype)
    y = torch.randn(6).to(dtype)
    tx = torch.randn(6).to(dtype)
    ty = torch.randn(6).to(dtype)
    with fwAD.dual_level():
        a = fwAD.make_dual(x, tx)
        b = fwAD.make_dual(y, ty)
        results = {
            "add": a + b, "add_plain": a + y, "add_alpha": torch.add(a, b, alpha=2.5), "radd": 3 + a,
            "sub": a - b, "rsub": 1 - a, "plain_sub": y - a,
            "mul": a * b, "mul_plain": a * y, "mul_scalar": a * 0.3,
            "div": a / b, "div_plain": y / a, "rdiv": 1 / a, "div_scalar": a / 7,
            "neg": -a, "pow2": a ** 2, "pow3": a ** 3, "pow_half": a ** 0.5,
            "powt": a ** b, "exp": a.exp(), "log": a.log(), "sin": a.sin(), "cos": a.cos(),
            "tanh": a.tanh(), "sigmoid": a.sigmoid(), "relu": b.relu(), "sqrt": a.sqrt(), "abs": b.abs(),
            "square": b.square(), "reciprocal": a.reciprocal(), "clamp": b.clamp(-0.5, 0.5), "clamp_min": b.clamp(min=0.0),
            "where": torch.where(b > 0, a, b), "chain": (a.sin() * b.exp() - a / b).tanh(),
        }
        if dtype == torch.float32:
            # float64 pow with a fractional exponent is JavaScript's Math.pow here, not glibc's
            results["pow_float"] = a ** 1.7
            results["rpow"] = 2 ** a
        for name, r in results.items():
            t = fwAD.unpack_dual(r).tangent
            print(name, t.dtype, t.tolist())
