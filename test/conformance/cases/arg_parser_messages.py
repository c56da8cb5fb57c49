# PyTorch's "received an invalid combination of arguments": given types by tp_name (torch.dtype,
# torch.device, torch._C.Generator), keywords in the order PyTorch's C++ map keeps them, and
# under each overload whose argument count fits, the keywords or types that did not match
import torch

x = torch.ones(3)
calls = [
    lambda: torch.randn(2, generator="x"),
    lambda: torch.randn(2, generator=torch.float32),
    lambda: torch.rand(2, 3, generator=x),
    lambda: torch.randn(2, generator="x", dtype=torch.float32),
    lambda: torch.randn(2, generator=1, requires_grad=True, dtype=torch.float32, names=None),
    lambda: torch.var(x, foo=torch.float32),
    lambda: torch.var(x, 0, foo=1),
    lambda: torch.std(x, foo=1),
    lambda: torch.prod(x, foo=1),
    lambda: x.prod(dim=0, foo=2),
    lambda: x.var(foo=1),
    lambda: x.var("a"),
    lambda: torch.FloatTensor([1.0], dtype=torch.float32),
    lambda: torch.FloatTensor([1.0], device=torch.device("cpu"), foo=1),
    lambda: x.clamp_min(),
    lambda: x.clamp_min(foo=1),
    lambda: x.clamp_max("a"),
    lambda: x.remainder(),
    lambda: x.pow_("a"),
]
for call in calls:
    try:
        call()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
