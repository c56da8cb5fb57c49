# How nn.Module keeps parameters, buffers and submodules (__setattr__ / __getattr__), and the
# errors a learner meets: attributes that do not exist, forgetting super().__init__(), wrong types
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("scratch", torch.ones(2), persistent=False)
        self.label = "net"


net = Net()
print(sorted(vars(net)))
print(list(net._parameters), list(net._buffers), list(net._modules))
print(net.label, net.steps, net.scratch)
print(list(net.state_dict().keys()))
try:
    net.fc3
except AttributeError as e:
    print("AttributeError:", e)
try:
    net.fc1 = 3
except TypeError as e:
    print("TypeError:", e)
try:
    net.scale = torch.ones(1)
except TypeError as e:
    print("TypeError:", e)
net.scale = None
print(net.scale, list(net._parameters))
try:
    net.register_parameter("bad.name", None)
except KeyError as e:
    print("KeyError:", e)
try:
    net.register_parameter("label", None)
except KeyError as e:
    print("KeyError:", e)
try:
    net.register_parameter("z", torch.ones(1))
except TypeError as e:
    print("TypeError:", e)
try:
    net.register_parameter("z", nn.Parameter(torch.ones(1)) * 2)
except TypeError as e:
    print("TypeError:", e)
try:
    net.register_buffer("b", 3)
except TypeError as e:
    print("TypeError:", e)
try:
    net.add_module("x", 3)
except TypeError as e:
    print("TypeError:", e)
net.add_module("head", nn.Linear(2, 1))
print(net)
del net.head
del net.steps
print(list(net._modules), list(net._buffers))
net.steps = None
print(list(net._buffers))


class Forgot(nn.Module):
    def __init__(self):
        self.fc = nn.Linear(1, 1)


try:
    Forgot()
except AttributeError as e:
    print("AttributeError:", e)


class ForgotParam(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))


try:
    ForgotParam()
except AttributeError as e:
    print("AttributeError:", e)


class NoForward(nn.Module):
    pass


try:
    NoForward()(torch.ones(1))
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    nn.Module(3)
except TypeError as e:
    print("TypeError:", e)
print(net.get_submodule("fc1"), net.get_parameter("fc1.bias").shape)
try:
    net.get_submodule("fc9")
except AttributeError as e:
    print("AttributeError:", e)
net.extra = nn.Linear(1, 1)
print(net.extra)
net.fc1.bias = None
print(net.fc1, [n for n, _ in net.named_parameters()])
x = net.missing_attr
