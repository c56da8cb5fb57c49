import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
rows = []
for r in x:
    rows.append(r * 2)
    print(r.grad_fn.name(), r)
total = rows[0].sum() + rows[1][1]
total.backward()
print(x.grad)
s = torch.tensor(5.0, requires_grad=True)
print(s.t(), s.t().grad_fn.name())
print(torch.tensor([1, 2], dtype=torch.int32).tolist(), torch.tensor(3, dtype=torch.int32).item())
