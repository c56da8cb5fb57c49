# Found by the differential fuzzer: CPython 3.13 suggests 'v0' for a missing 'v1' (its C
# suggestion code starts the best distance unbounded; traceback.py's fallback would not).
import torch
v0 = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    v1 = v0 @ torch.ones(3)
except RuntimeError as e:
    print(type(e).__name__)
print(v1)
