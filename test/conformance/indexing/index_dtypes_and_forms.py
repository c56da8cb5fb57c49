# index tensors of int32, 0-d int tensors inside tuples, bool lists, ranges and nested lists
import torch
x = torch.arange(20.0).view(4, 5)
print(x[torch.tensor([3, 0], dtype=torch.int32)], x[torch.tensor(2), torch.tensor([1, 4])])
print(x[[True, False, True, False]], x[:, [False, True, False, True, True]])
print(x[range(4), range(1, 5)], x[range(0, 4, 2)], x[[range(2), [4, 3]]])
print(x[(torch.tensor([1, 2]), slice(None, 2))], x[[1, 3], ..., None].shape)
print(x[torch.tensor([[0, 1], [2, 3]]), 0], x[1, torch.tensor([[0], [4]])])
y = x.clone()
y[torch.tensor([0, 3], dtype=torch.int32), torch.tensor([4, 4])] = -1
y[[True, False, False, False], 1:3] = 100
print(y)
