# multinomial with and without replacement, seeded: PyTorch's samples
import torch
g = torch.Generator().manual_seed(2147483647)
p = torch.rand(27, generator=g)
p = p / p.sum()
print(torch.multinomial(p, num_samples=20, replacement=True, generator=g))
print(torch.multinomial(p, num_samples=5, replacement=False, generator=g))
print(torch.multinomial(p, 1, generator=g), torch.multinomial(p, 1, generator=g).item())
P = torch.rand(4, 27, generator=g)
print(torch.multinomial(P, 3, generator=g))
print(torch.multinomial(P, 6, True, generator=g))
print(P.multinomial(2, generator=g), P.multinomial(num_samples=1).shape)
print(torch.multinomial(torch.tensor([0.0, 1.0]), 2, replacement=True), torch.multinomial(torch.tensor([0.0, 0.0, 1.0]), 1))
for f in [lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1), lambda: torch.multinomial(torch.tensor([-1.0, 2.0]), 1),
          lambda: torch.multinomial(torch.tensor([1.0, 2.0]), 3), lambda: torch.multinomial(torch.tensor([1, 2]), 1),
          lambda: torch.multinomial(torch.tensor([1.0, 2.0]), 0), lambda: torch.multinomial(torch.ones(2, 2, 2), 1),
          lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 2, True), lambda: torch.multinomial(torch.tensor([float('nan'), 1.0]), 2, True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
