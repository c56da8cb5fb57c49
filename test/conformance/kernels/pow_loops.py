# pow's values as ATen's loops give them: SLEEF's pow/powf on whole blocks of a contiguous run, glibc's
# pow/powf on the rest, on runs of the last dim when an operand broadcasts, and for strided operands
import torch

def show(name, t):
    print(name, [repr(v) for v in t.reshape(-1).tolist()])

for dt in [torch.float32, torch.float64]:
    x = torch.tensor([((i * 7919) % 200) * 0.041 - 4.1 + i * 1e-7 for i in range(45)], dtype=dt)
    pos = x.abs() + 0.1
    show('tensor ** tensor', pos ** x)
    show('number ** tensor', 2.0 ** x)
    show('0-d exponent', pos ** torch.tensor(1.37, dtype=dt))
    show('0-d int exponent', pos ** torch.tensor(3))
    show('0-d base', torch.tensor(1.37, dtype=dt) ** x)
    show('broadcast rows', pos.reshape(-1, 1)[:12] ** torch.tensor([0.3, 1.7, -2.2], dtype=dt))
    show('strided', pos[::2] ** x[::2])
    show('scalar exponent', pos ** 2.71)
    show('negative base', (-pos) ** x.round())
show('float32 edges', torch.tensor([0.0, -0.0, float('inf'), -float('inf'), float('nan'), 1.0, -1.0, 1e-40, 3e38]) ** torch.tensor([2.5, -1.0, 0.5, 3.0, 2.0, float('nan'), float('inf'), 0.5, 2.0]))
show('float32 one element', torch.tensor(0.6821418404579163) ** torch.tensor(-0.5821418166160583))
a = torch.tensor([0.5, 1.5, 2.5, 3.25, 0.75], requires_grad=True)
b = torch.tensor([1.3, -0.7, 2.2, 0.4, -1.9], requires_grad=True)
(a ** b).sum().backward()
show('grad base', a.grad)
show('grad exponent', b.grad)
