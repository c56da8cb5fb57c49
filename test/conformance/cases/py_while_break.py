import torch
x = torch.tensor(10.0)
steps = 0
while True:
    x = x / 2
    steps += 1
    if x.item() < 1:
        break
print(steps, x)
total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i
print(total)
n = 0
while n < 3:
    n += 1
print(n)
