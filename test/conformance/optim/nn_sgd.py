# A two-layer nn.Module trained with SGD on seeded data: model.parameters() into the optimizer,
# parameters' versions bumped by each step, the state keyed by Parameters
import torch
import torch.nn as nn
torch.manual_seed(0)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))

model = Net()
x = torch.randn(8, 3)
y = torch.randn(8, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
for step in range(5):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    print(step, loss.item(), model.fc1.weight._version, model.fc2.bias.item())
print(model.fc2.weight)
print(opt.state[model.fc2.bias])
print([p.shape for p in opt.param_groups[0]["params"]])
print(opt.state_dict()["param_groups"])
