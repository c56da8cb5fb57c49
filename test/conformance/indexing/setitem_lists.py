# x[idx] = v with lists and tensors: values broadcast to the indexed shape; with repeats the last write wins
import torch
c = torch.zeros(5)
c[[0, 3]] = torch.tensor([1.0, 2.0])
print(c)
c[[1, 1, 4]] = torch.tensor([7.0, 8.0, 9.0])
print(c)
d = torch.zeros(2, 3)
d[[0, 1], [1, 2]] = torch.tensor([[7.0, 8.0]])
print(d)
d[:, [0]] = torch.tensor([[1.0], [2.0]])
print(d)
d[[0]] = torch.tensor([4.0, 5.0, 6.0])
print(d)
d[[1]] = torch.ones(1, 1, 3) * 9
print(d)
d[..., [2]] = 3
print(d)
d[1, [0, 2]] = -1
print(d)
d[torch.tensor([[True, False, True], [False, True, False]])] = torch.arange(3.0)
print(d)
i = torch.zeros(4, dtype=torch.int64)
i[[1, 2]] = 2.7
print(i)
