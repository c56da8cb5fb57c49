import torch
x = torch.tensor([1.0, -2.0])
assert x.shape == (2,), "shape"
try:
    assert x.min().item() > 0
except AssertionError as e:
    print("bare assert:", str(e) == "")
assert x.min().item() > 0, f"x has negatives: {x}"
