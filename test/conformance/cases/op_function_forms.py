import torch
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
results = [torch.add(a, b), a.add(1), torch.sub(a, b), a.mul(b), torch.mul(a, 2), a.div(b), torch.div(a, 2), a.neg(), a.exp(), a.square()]
for r in results:
    print(r.grad_fn.name(), r)
