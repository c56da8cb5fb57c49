import torch
print(int(3.9), int(-3.9), int("42"), int(True))
print(float(3), float("2.5"), float("inf"), float("-inf"), float("nan"))
print(str(1.0), str(10), str(None), str(True), str([1, "a"]))
print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool(0.0), bool(None))
t = torch.tensor(2.7)
print(int(t), float(t), bool(torch.tensor(0.0)))
print(int(torch.tensor(5)), float(torch.tensor([4])))
print(str(torch.tensor([1, 2])))
