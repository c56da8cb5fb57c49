# x[mask] = 0 on a tensor computed from a leaf: IndexPutBackward0, and the gradient is zero where written
import torch
w = torch.tensor([-1.0, 2.0, -3.0, 4.0, 5.0], requires_grad=True)
h = w * 2
h[h < 0] = 0
print(h)
print(h.grad_fn, h.grad_fn.next_functions)
print(h.grad_fn._saved_indices, h.grad_fn._saved_accumulate)
h.sum().backward()
print(w.grad)
g = w.detach().clone()
g[g > 3] = 3.5
print(g)
b = torch.tensor([[1, -2], [-3, 4]])
b[b < 0] = 0
print(b)
