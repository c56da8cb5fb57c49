# Walking a model: parameters(), named_parameters(), buffers(), children(), modules() and their
# dotted names; a module or parameter shared twice is listed once
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
        self.register_buffer("count", torch.zeros(1))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = Block()
        self.b = Block()
        self.shared = self.a
        self.head = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))


net = Net()
print(net.parameters())
print(net.named_parameters())
print(len(list(net.parameters())))
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_parameters(prefix="model")])
print([n for n, _ in net.named_parameters(recurse=False)])
print([n for n, _ in net.named_buffers()])
print([type(b).__name__ for b in net.buffers()])
print([n for n, _ in net.named_children()])
print([type(m).__name__ for m in net.children()])
print([n for n, _ in net.named_modules()])
print([type(m).__name__ for m in net.modules()])
print([n for n, _ in net.named_modules(remove_duplicate=False)])
print(sum(p.numel() for p in net.parameters()))
print(sum(p.numel() for p in net.parameters() if p.requires_grad))
for name, p in net.head.named_parameters():
    print(name, tuple(p.shape))
gen = net.parameters()
print(next(gen).shape, next(gen).shape)
print(net.a is net.shared, net.get_submodule("head.2"))
