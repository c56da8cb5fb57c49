# The typed constructors of older tutorials (torch.LongTensor([...]) for targets and indices), their
# isinstance checks and errors
import torch
a = torch.LongTensor([1, 2, 3])
print(a, a.dtype, type(a), torch.LongTensor)
print(torch.FloatTensor([[1, 2], [3, 4]]), torch.DoubleTensor([1.5]), torch.IntTensor([7]), torch.BoolTensor([1, 0]))
print(torch.LongTensor(), torch.FloatTensor([]).shape)
print(torch.FloatTensor(torch.tensor([1.0, 2.0])))
print(isinstance(a, torch.LongTensor), isinstance(a, torch.FloatTensor), isinstance(torch.ones(1), torch.FloatTensor))
print(torch.LongTensor([2.7, -1.5]))
try:
    torch.LongTensor([1], dtype=torch.float32)
except TypeError as e:
    print("TypeError:", e)
try:
    torch.LongTensor(torch.tensor([1.0]))
except TypeError as e:
    print("TypeError:", e)
