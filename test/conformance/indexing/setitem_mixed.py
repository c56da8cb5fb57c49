# writing through mixed basic and advanced indices, and through a mask over a sliced view
import torch
d = torch.zeros(3, 4)
d[1:, [0, 2]] = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
d[..., torch.tensor([True, False, False, True])] = 9
d[0, 1:3] = torch.tensor([5.0, 6.0])
d[[0, 2], 1] = torch.tensor([7.0, 8.0])
print(d)
base = torch.ones(2, 6, requires_grad=True)
e = base * 2
view = e[:, ::2]
view[view.detach() > 1] = torch.tensor(0.5, requires_grad=True)
print(e, e.grad_fn, view.grad_fn)
e.sum().backward()
print(base.grad)
