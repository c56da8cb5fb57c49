# relu keeps -0.0 and NaN as ATen's clamp_min kernel does (a dropout mask times a negative input gives -0.0)
import torch
x = torch.tensor([-0.0, 0.0, -1.0, float('nan'), 2.0])
print(torch.relu(x), torch.relu(x).tolist(), x.relu_().tolist())
print(torch.relu(torch.tensor([-0.0]*20)).tolist())
print(torch.nn.functional.relu(torch.tensor([-0.0], dtype=torch.float64)).tolist())
