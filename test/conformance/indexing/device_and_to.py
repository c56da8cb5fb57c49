# torch.device and .to(): one CPU, the same objects PyTorch makes, and CUDA refused as PyTorch without CUDA refuses it
import torch
d = torch.device('cpu')
print(d, repr(d), d.type, d.index, torch.device('cpu', 0), repr(torch.device('cpu:0')), torch.device(type='cpu'))
print(d == torch.device('cpu'), d == 'cpu', torch.device('cuda'), repr(torch.device('cuda', 1)))
x = torch.tensor([[1.5, -2.0], [0.25, 3.0]], requires_grad=True)
print(x.device, x.device == d, x.is_cpu, x.is_cuda, x.to('cpu') is x, x.to(d) is x, x.cpu() is x)
y = x.to('cpu', torch.float64)
print(y, y.grad_fn, x.to(device='cpu', dtype=torch.float64).dtype, x.to(torch.int64), x.to(x.double()).dtype)
z = x.to('cpu', copy=True)
print(z.grad_fn, z is x, x.to(torch.float32) is x)
(y.sum() + z.sum()).backward()
print(x.grad)
print(torch.zeros(2, device=d), torch.ones(2, device='cpu:0').device, torch.cuda.is_available(), torch.cuda.device_count())
device = 'cuda' if torch.cuda.is_available() else 'cpu'
w = torch.randn(2, 2, device=device)
print(w.device, w.shape)
for f in [lambda: x.cuda(), lambda: x.to('cuda'), lambda: torch.zeros(2, device='cuda'), lambda: torch.device('gpu'), lambda: x.to(torch.device('cuda', 0))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
