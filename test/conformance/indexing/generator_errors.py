# generator misuse: PyTorch's messages
import torch
g = torch.Generator()
for f in [lambda: g.manual_seed(1.5), lambda: g.manual_seed(2**64), lambda: g.set_state(5), lambda: g.set_state(torch.zeros(3)),
          lambda: torch.Generator(device='cuda'), lambda: torch.manual_seed("a"), lambda: torch.normal(torch.zeros(3), -1.0),
          lambda: torch.empty(3).uniform_(2, 1), lambda: torch.randperm(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
torch.randn(2, generator="seed")
