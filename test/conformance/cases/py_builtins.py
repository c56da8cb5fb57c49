import torch
v = [3, -1, 4, 1, -5]
print(len(v), min(v), max(v), sum(v), abs(-7), abs(-2.5))
print(min(2, 8), max(1.5, 2), sum([0.1, 0.2, 0.3]))
print(round(2.5), round(3.5), round(2.675, 2), round(3.14159, 3), round(-0.5))
print(list(range(3)), tuple([1, 2]), list("ab"), list(zip([1, 2], "xy")))
print(list(enumerate(["a", "b"], 1)))
t = torch.tensor([1.0, 5.0, 2.0])
print(len(t), max(t.tolist()), sum(t.tolist()), abs(torch.tensor(-3.0)))
