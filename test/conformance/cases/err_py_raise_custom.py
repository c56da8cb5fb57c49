import torch
x = torch.tensor(1.0)
print("before")
raise RuntimeError("custom")
print("after")
