# in-place math: x.sin_() records SinBackward0 on x itself. A formula that reads the input saves a
# clone made before the write; one that reads the output saves x after it.
import torch
x = torch.tensor([0.3, 0.6, 1.2], requires_grad=True)
for name in ["sin_", "cos_", "exp_", "log_", "tanh_", "sigmoid_", "sqrt_", "relu_", "abs_", "neg_", "reciprocal_", "rsqrt_", "square_",
             "floor_", "frac_", "log1p_", "expm1_", "atan_", "erf_", "arcsin_", "fix_"]:
    y = x * 1
    r = getattr(y, name)()
    fn = y.grad_fn
    same = r is y
    try:
        s = fn._saved_self
        saved = ("self", s.grad_fn)
    except AttributeError:
        try:
            s = fn._saved_result
            saved = ("result", s.data_ptr() == y.data_ptr())
        except AttributeError:
            saved = None
    y.sum().backward()
    print(f"{name:12s} {fn.name():20s} {same} {saved} {x.grad}")
    x.grad = None
y = x * 1
y.pow_(3)
print(y.grad_fn, y.grad_fn._saved_exponent)
y.clamp_(0.1, 10.0).clamp_min_(0.5).clamp_max_(1.5)
print(y, y.grad_fn, y.grad_fn.next_functions)
y.sum().backward()
print(x.grad)
print(torch.exp_(torch.tensor([0.0, 1.0])), torch.relu_(torch.tensor([-1.0, 2.0])), torch.sigmoid_(torch.tensor([0.0])))
z = torch.tensor([1.0, -2.0, 3.0])
print(z.clip_(-1, 1), z.clip(max=0), torch.clamp_min(z, 0.5), z.remainder_(0.75))
