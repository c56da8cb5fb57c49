import torch
x = torch.tensor([-1.0, 0.0, 2.0])
for v in x:
    if v.item() > 0:
        print("pos", v)
    elif v.item() == 0:
        print("zero", v)
    else:
        print("neg", v)
for i, (a, b) in enumerate(zip([1, 2, 3], ["a", "b", "c"])):
    print(i, a, b)
for item in (1.5, "s", None):
    print(item)
for k in range(10, 0, -3):
    print(k, end=" ")
print()
