import torch
import torch.nn.functional as F

# softmax/log_softmax in float32 to the last bit: ATen sums exp(x - max) in 8 lanes folded in
# halves and multiplies by 1/sum over the last dim; over dim 0 it adds in order and divides
torch.manual_seed(0)
for rows, cols in [(5, 37), (3, 8), (4, 5), (2, 100)]:
    x = torch.randn(rows, cols) * 3
    print(torch.softmax(x, -1).tolist())
    print(F.log_softmax(x, dim=1).tolist())
v = torch.randn(7) * 3
print(torch.softmax(v, 0).tolist(), torch.log_softmax(v, 0).tolist())
w = torch.randn(6, 3) * 3
print(torch.softmax(w, 0).tolist(), torch.log_softmax(w, 0).tolist())
# float64: four lanes, folded in order
d = (torch.randn(3, 37) * 3).double() + 1e-9
print(torch.softmax(d, -1).tolist(), torch.log_softmax(d, 1).tolist())
