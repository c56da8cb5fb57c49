# 0-d tensors, empty index lists, True and False as indices
import torch
z = torch.tensor(5.0, requires_grad=True)
print(z[None], z[...], z[True], z[False])
print(z[None].grad_fn, z[True].grad_fn, z[...].grad_fn)
for f in [lambda: z[0], lambda: z[1], lambda: z[:], lambda: z[[0]], lambda: z[0, 0]]:
    try:
        print(f())
    except IndexError as e:
        print("IndexError:", e)
x = torch.arange(6.0).reshape(2, 3).requires_grad_()
e = x[[]]
print(e, e.grad_fn._saved_indices)
print(x[torch.tensor([], dtype=torch.long)].shape, x[:, []].shape, x[[[]]].shape)
print(x[True].shape, x[False].shape, x[False].grad_fn._saved_indices)
print(x[torch.tensor(1)], x[torch.tensor(True)].shape)
(x[True].sum() + x[[]].sum() + x[False].sum()).backward()
print(x.grad)
