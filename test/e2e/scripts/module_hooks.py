import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 2)
        self.act = nn.Tanh()

    def forward(self, x):
        return self.act(self.fc1(x))


def report(module, grad_input, grad_output):
    print(type(module).__name__, len(grad_input))


net = Net()
net.fc1.register_backward_hook(report)
net.act.register_full_backward_hook(report)
out = net(torch.ones(1, 2)).sum()
out.backward()
