# addcmul/addcdiv: values, grad_fn names, gradients with broadcasting, in-place forms and errors
import torch
a = torch.tensor([1, 2]); 
try:
    torch.addcdiv(a, a, a)
except Exception as e: print(type(e).__name__, e)
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([0.5, 3.0], requires_grad=True)
z = torch.tensor([[2.0], [4.0]], requires_grad=True)
o = torch.addcmul(x, y, z, value=0.5); print(o)
o.sum().backward(); print(x.grad, y.grad, z.grad)
x.grad = None; y.grad = None; z.grad = None
o = x.addcdiv(y, z, value=-2); print(o)
o.sum().backward(); print(x.grad, y.grad, z.grad)
w = torch.zeros(2); w.addcmul_(x, y); print(w)
try:
    x.addcmul_(y, y)
except Exception as e: print(type(e).__name__, e)
print(torch.addcmul(torch.ones(2), torch.ones(2), torch.ones(2), value=1))
