# A third-order polynomial fitted to sin(x) with nn.Sequential(Linear, Flatten) and MSELoss(sum),
# updated by hand under no_grad through model.parameters(), gradients cleared with model.zero_grad()
import math
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.linspace(-math.pi, math.pi, 200)
y = torch.sin(x)
powers = torch.tensor([1, 2, 3])
features = x.unsqueeze(-1).pow(powers)
print(features.shape, features[:2])
model = nn.Sequential(nn.Linear(3, 1), nn.Flatten(0, 1))
loss_fn = nn.MSELoss(reduction="sum")
lr = 1e-6
for t in range(300):
    pred = model(features)
    loss = loss_fn(pred, y)
    if t % 60 == 59:
        print(t, loss.item())
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for param in model.parameters():
            param -= lr * param.grad
first = model[0]
print(first.weight, first.bias)
print(f"y = {first.bias.item()} + {first.weight[:, 0].item()} x + {first.weight[:, 1].item()} x^2 + {first.weight[:, 2].item()} x^3")
print([p._version for p in model.parameters()], first.weight.grad)
