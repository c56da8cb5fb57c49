# torch.autograd.Variable: the deprecated alias gives a plain leaf Tensor
import torch
from torch.autograd import Variable

v = Variable(torch.ones(3), requires_grad=True)
print(v, type(v), v.is_leaf)
y = (v * 2).sum()
y.backward()
print(v.grad)
x = torch.tensor([1.0], requires_grad=True)
d = Variable(x * 5)
print(d, d.requires_grad, d.grad_fn)
print(Variable(), Variable)
print(isinstance(v, Variable), isinstance(3, Variable), isinstance(v, torch.Tensor))
print(torch.autograd.variable.Variable is Variable)
try:
    Variable([1.0, 2.0])
except TypeError as e:
    print(e)
