# nn.Embedding: weights from the seeded normal generator, lookups of any index shape, the gradient
# summed into repeated rows (EmbeddingBackward0), padding_idx zeroed and left without gradient
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
emb = nn.Embedding(6, 3)
print(emb)
print(emb.weight)
idx = torch.tensor([[1, 2, 1], [5, 0, 1]])
out = emb(idx)
print(out, out.shape)
print(out.grad_fn, out.grad_fn.next_functions)
(out * torch.arange(18.0).reshape(2, 3, 3)).sum().backward()
print(emb.weight.grad)
pad = nn.Embedding(4, 2, padding_idx=0)
print(pad, pad.weight)
o = pad(torch.tensor([0, 3, 0, 2]))
o.sum().backward()
print(pad.weight.grad)
print(nn.Embedding(5, 2, padding_idx=-1).padding_idx)
w = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
pre = nn.Embedding.from_pretrained(w)
print(pre, pre.weight.requires_grad, pre(torch.tensor([2, 0])))
print(F.embedding(torch.tensor([1, 1]), w))
print(list(emb.state_dict().keys()), [n for n, _ in emb.named_parameters()])
try:
    emb(torch.tensor([6]))
except IndexError as e:
    print("IndexError:", e)
try:
    nn.Embedding(3, 2, padding_idx=3)
except AssertionError as e:
    print("AssertionError:", e)
