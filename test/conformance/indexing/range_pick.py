# logprobs[range(n), Yb]: one element per row, as makemore's loss picks the log-probability of the target
import torch
torch.manual_seed(0)
logits = torch.randn(4, 5, requires_grad=True)
Yb = torch.tensor([3, 0, 4, 3])
n = 4
logprobs = logits.log_softmax(1)
picked = logprobs[range(n), Yb]
print(picked)
print(picked.grad_fn, picked.grad_fn._saved_indices)
loss = -picked.mean()
print(loss)
loss.backward()
print(logits.grad)
print(logprobs[torch.arange(n), Yb])
