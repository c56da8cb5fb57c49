# Other views of the same base see their grad_fn regenerated once the base's version moves on
import torch

a = torch.tensor([1., 2., 3., 4.], requires_grad=True)
b = a * 1
v1 = b[:2]
v2 = b[2:]
v3 = b.view(2, 2)
print(v1.grad_fn, v2.grad_fn, v3.grad_fn)
v1.zero_()
print(v1.grad_fn, b.grad_fn)
print(v2.grad_fn, v3.grad_fn)
print(v2.grad_fn is v2.grad_fn, v3.grad_fn.next_functions[0][0] is b.grad_fn)
print(v3)
(v3 * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
print(a.grad)

# modifying the base itself: its views regenerate too, pointing at the new grad_fn
a.grad = None
b = a * 2
v = b[1:3]
b.add_(1)
print(b.grad_fn, v.grad_fn, v.grad_fn.next_functions[0][0] is b.grad_fn)
v.sum().backward()
print(a.grad)

# views taken after the change are ordinary views again
c = a * 3
c[0] = 0
late = c[1:]
print(late.grad_fn)
late.sum().backward()
print(a.grad)
