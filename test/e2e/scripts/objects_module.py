# An nn.Module's submodules and parameters where they live: model -> fc1 -> weight -> its .grad.
import torch
import torch.nn as nn


class TwoLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.act = nn.Tanh()
        self.fc2 = nn.Linear(3, 1)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


torch.manual_seed(0)
model = TwoLayer()
x = torch.tensor([[1.0, -1.0]])
loss = model(x).sum()
loss.backward()
print(model.fc1.weight.grad)
