# nn.LazyLinear as d2l's concise chapters use it: in_features from the first input, parameters
# initialised then (after the DataLoader's draws), the same objects the optimizer already holds
import torch
from torch import nn
from torch.nn.parameter import UninitializedParameter, Parameter

torch.manual_seed(0)
w = UninitializedParameter()
print(w, type(w), isinstance(w, Parameter), isinstance(w, torch.Tensor), w.requires_grad, w.dtype, w._version, w.is_leaf)
print(w.data, w.size(), w.grad)
for f in [lambda: w.normal_(0, 1), lambda: w.shape, lambda: w.numel(), lambda: w.sum(), lambda: w.t()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
w.materialize((2, 3))
print(type(w).__name__, w.shape, w._version, w.requires_grad)
u = UninitializedParameter(requires_grad=False, dtype=torch.float64)
print(u.requires_grad, u.dtype)
u.materialize(4)
print(type(u).__name__, u.shape, u.dtype)


class LinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.LazyLinear(1)
        self.net.weight.data.normal_(0, 0.01)  # d2l's init: the placeholder is empty, so it does nothing
        self.net.bias.data.fill_(0)

    def forward(self, X):
        return self.net(X)


model = LinearRegression()
print(model)
print(list(model.parameters()), model.net.has_uninitialized_params(), model.net.cls_to_become)
opt = torch.optim.SGD(model.parameters(), lr=0.03)
X = torch.randn(8, 2)
y = X @ torch.tensor([[2.0], [-3.4]]) + 4.2
for step in range(3):
    loss = nn.MSELoss()(model(X), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(step, loss.item())
print(model)
print(opt.param_groups[0]['params'][0] is model.net.weight, model.net.weight._version, model.net.bias._version)
print(type(model.net), model.net.in_features, hasattr(model.net, 'has_uninitialized_params'), hasattr(model.net, '_initialize_hook'))
print(model.net.weight, model.net.bias)
print(model.net.weight.grad)

seq = nn.Sequential(nn.LazyLinear(4, bias=False), nn.ReLU(), nn.LazyLinear(2))
print(seq)
out = seq(torch.randn(3, 5))
print(seq, seq[0].bias)
print(out)
try:
    nn.LazyLinear(2)(torch.randn(3, 5), torch.randn(2))
except Exception as e:
    print(type(e).__name__, e)
