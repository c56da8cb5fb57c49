# A regression target of another dtype than the prediction (class indices as int64, labels made
# float64): the forward promotes and prints a loss, but PyTorch's backward refuses; no gradient.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Linear(3, 2)
x = torch.randn(4, 3)
for fn in [F.mse_loss, F.huber_loss, F.l1_loss, nn.MSELoss(reduction="sum")]:
    for target in [torch.tensor([[1, 0], [0, 1], [1, 1], [0, 0]]), torch.rand(4, 2, dtype=torch.float64), torch.rand(4, 2) > 0.5]:
        model.zero_grad()
        loss = fn(model(x), target)
        print(getattr(fn, "__name__", type(fn).__name__), target.dtype, loss.dtype, loss)
        try:
            loss.backward()
            print("grad", model.bias.grad)
        except RuntimeError as e:
            print("RuntimeError:", e, model.bias.grad)
out = model(x)
loss = nn.MSELoss()(out, torch.arange(8).view(4, 2))
loss.backward()
