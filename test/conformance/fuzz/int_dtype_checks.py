# Found by the differential fuzzer: ops that have no integer kernel, or whose result an integer
# tensor cannot hold, raise PyTorch's errors instead of computing (int.div_(2) truncated,
# clamp(min=0.5) of an int tensor failed inside Gradlens).
import torch
def attempt(name, f):
    try:
        print(name, f())
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
for t in [torch.tensor([1, 2]), torch.tensor([[1, 2], [3, 4]]), torch.tensor([True, False]), torch.tensor([1, 2], dtype=torch.int32)]:
    for dim in [0, -1]:
        attempt("softmax", lambda: torch.softmax(t, dim=dim))
        attempt("log_softmax", lambda: torch.log_softmax(t, dim=dim))
print(torch.softmax(torch.tensor([1, 2]), dim=0, dtype=torch.float64))
print(torch.tensor([[1, 2], [3, 4]]).log_softmax(1, dtype=torch.float32))
t = torch.tensor([1, 2])
print(t.clamp(min=0.5), t.clamp(max=1.5), t.clamp(0, 1), torch.clamp(t, min=0.5), t.clamp_min(0.5), t.clamp_max(1))
print(torch.tensor([1, 2], dtype=torch.int32).clamp(min=0.5))
def inplace(name, f, make=lambda: torch.tensor([1, 2])):
    t = make()
    try:
        f(t)
        print(name, t)
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
inplace("div_(2)", lambda t: t.div_(2))
inplace("div_(t)", lambda t: t.div_(torch.tensor(2.)))
inplace("int32 div_", lambda t: t.div_(2), lambda: torch.tensor([1, 2], dtype=torch.int32))
inplace("bool div_", lambda t: t.div_(2), lambda: torch.tensor([True, False]))
inplace("clamp_(min=0.5)", lambda t: t.clamp_(min=0.5))
inplace("int32 clamp_", lambda t: t.clamp_(min=0.5), lambda: torch.tensor([1, 2], dtype=torch.int32))
inplace("bool clamp_", lambda t: t.clamp_(min=0.5), lambda: torch.tensor([True, False]))
inplace("clamp_(0, 1)", lambda t: t.clamp_(0, 1))
inplace("mul_(2)", lambda t: t.mul_(2))
inplace("float div_ int", lambda t: t.div_(torch.tensor([1, 2])), lambda: torch.tensor([1., 2.]))
