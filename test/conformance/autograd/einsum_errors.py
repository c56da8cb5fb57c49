# torch.einsum's errors as PyTorch raises them
import torch

a = torch.ones(2, 3)
for args in [
    ("ij",),
    ("ij,jk->ik", a),
    ("ij->ij", a, a),
    ("ij->k", a),
    ("i$->i", a),
    ("ijk->i", a),
    ("ij,jk->ik", a, torch.ones(4, 2)),
    ("ii->i", a),
    ("ij->ii", a),
    ("ij,jk->ik", a, torch.ones(3, 2).double()),
    ("i.j->i", a),
    ("...i...->i", a),
    ("ij->...i..", a),
]:
    try:
        print(torch.einsum(*args))
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__, e)
torch.einsum()
