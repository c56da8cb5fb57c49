# PyTorch's own warnings obey the warnings filters: the .grad of a non-leaf (UserWarning at the
# user's line) and the deprecated non-full backward hook (FutureWarning at torch's line)
import warnings

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.ones(2, requires_grad=True)
y = x * 2
print(y.grad)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(y.grad)
    print(y.grad)
print([(r.category.__name__, r.filename.split("/")[-1], r.lineno, str(r.message)[:40]) for r in w])
warnings.filterwarnings("ignore", message="The .grad attribute")
print((x * 3).grad)
lin = nn.Linear(2, 2)
lin.register_backward_hook(lambda m, gi, go: None)
lin(x).sum().backward()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    lin(x).sum().backward()
print([(r.category.__name__, r.filename.split("/")[-2:], r.lineno) for r in w])
warnings.simplefilter("ignore", FutureWarning)
lin(x).sum().backward()
print(x.grad)
warnings.resetwarnings()
warnings.simplefilter("error")
print("raising")
(x * 4).grad
