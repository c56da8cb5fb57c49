# cross-entropy taken apart: softmax, log, picking the target's log-probability with
# logprobs[range(n), y], and its gradient written out, checked against autograd and F.cross_entropy
import torch
import torch.nn.functional as F
g = torch.Generator().manual_seed(42)
logits = torch.randn(6, 5, generator=g, requires_grad=True)
y = torch.tensor([1, 0, 4, 4, 2, 3])
n = logits.shape[0]
maxes = logits.max(1, keepdim=True).values
shifted = logits - maxes
counts = shifted.exp()
probs = counts / counts.sum(1, keepdims=True)
logprobs = probs.log()
loss = -logprobs[range(n), y].mean()
loss.backward()
print(loss.item(), F.cross_entropy(logits, y).item())
d = F.softmax(logits, 1)
d[range(n), y] -= 1
d /= n
print(torch.allclose(d, logits.grad), (d - logits.grad).abs().max().item())
print(logits.grad)
onehot = F.one_hot(y, num_classes=5)
print(onehot, (F.softmax(logits, 1) - onehot).sum(0))
print(logprobs[torch.arange(n), y], logprobs.gather(1, y.view(-1, 1)).view(-1))
