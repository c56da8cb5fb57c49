# C[Xb]: an integer tensor of shape (4, 3) picks rows of C, giving (4, 3, 2); repeated rows add their gradients
import torch
torch.manual_seed(42)
C = torch.randn(5, 2, requires_grad=True)
Xb = torch.tensor([[0, 0, 1], [0, 1, 4], [1, 4, 4], [4, 4, 0]])
emb = C[Xb]
print(emb.shape)
print(emb.grad_fn, emb.grad_fn._saved_indices)
embcat = emb.view(emb.shape[0], -1)
print(embcat.shape, embcat.grad_fn)
W = torch.randn(6, 3)
out = (embcat @ W).tanh().sum()
out.backward()
print(C.grad)
