# x[i] = number shows the number's None edge under CopySlices; split pieces are multi-output views
import torch
a = torch.tensor([1., 2., 3., 4.], requires_grad=True)
b = a * 2
b[0] = 5
print(b.grad_fn.next_functions)
m = torch.zeros(2, 3, requires_grad=True) * 1
m[:, 1] = torch.tensor([7.])
print(m, m.grad_fn.next_functions)
p, q = b.split(2)
try:
    p.mul_(2)
except RuntimeError as e:
    print(str(e))
with torch.no_grad():
    r, s = a.chunk(2)
print(r, s)
