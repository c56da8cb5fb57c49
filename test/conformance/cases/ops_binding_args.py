# keyword forms and argument mistakes of the new ops' torch / Tensor / F bindings
import torch
import torch.nn.functional as F

def show_error(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

x = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 3.0]])
show_error(lambda: x.sort(descending=True, dim=0).indices)
show_error(lambda: x.topk(k=1, dim=0, largest=False).values)
show_error(lambda: torch.topk(x, 1, sorted=False).indices)
show_error(lambda: torch.addmm(torch.zeros(2), x, x.t(), beta=0))
show_error(lambda: x.scatter(1, torch.tensor([[0], [1]]), src=torch.ones(2, 1)))
show_error(lambda: x.scatter(1, torch.tensor([[0], [1]]), value=2.5))
show_error(lambda: x.cumprod(dim=1))
show_error(lambda: x.diag(diagonal=1))
show_error(lambda: torch.split(x, split_size_or_sections=1, dim=1))
show_error(lambda: torch.split(x, (1, 2), 1))
show_error(lambda: torch.nonzero(x, as_tuple=False))
show_error(lambda: x.argsort(1))
show_error(lambda: torch.argsort(x, descending=True))
show_error(lambda: torch.index_select(x, dim=0, index=torch.tensor([1])))
show_error(lambda: torch.masked_fill(x, mask=x > 0, value=1.0))
show_error(lambda: torch.flip(x, dims=[0]))
show_error(lambda: torch.lerp(x, end=x, weight=0.5))
show_error(lambda: torch.chunk(x, chunks=2, dim=1))
show_error(lambda: F.nll_loss(x, target=torch.tensor([0, 2]), reduction='sum', ignore_index=0))
show_error(lambda: F.cross_entropy(input=x, target=torch.tensor([0, 2])))
show_error(lambda: x.tril(1.5))
show_error(lambda: x.flip())
show_error(lambda: x.split())
show_error(lambda: x.chunk())
show_error(lambda: x.topk())
show_error(lambda: F.nll_loss(x, torch.tensor([0, 1]), reduction=None))
show_error(lambda: F.cross_entropy(x))
