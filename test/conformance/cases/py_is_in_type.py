import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x
z = x.clone()
print(y is x, z is x, z is not x, x.grad is None)
print(2 in [1, 2, 3], "b" in "abc", "k" not in {"k": 1})
print(type(x).__name__, type(1).__name__, type(1.0).__name__, type("s").__name__)
print(type(None).__name__, type([]).__name__, type((1,)).__name__, type({}).__name__, type(True).__name__)
print(isinstance(x, torch.Tensor), isinstance(3, int), isinstance(3.0, int), isinstance(True, int))
print(type(x.shape).__name__, type(x.sum().item()).__name__, type(x.tolist()).__name__)
