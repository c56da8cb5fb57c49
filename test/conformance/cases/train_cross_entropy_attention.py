# a masked attention average and two softmax classifiers trained with F.cross_entropy (masked_fill, tril, topk, gather, addmm, one_hot)
import torch
import torch.nn.functional as F
torch.manual_seed(1337)
B, T, C = 2, 4, 8
x = torch.randn(B, T, C)
W = torch.randn(C, 5, requires_grad=True)
tril = torch.tril(torch.ones(T, T))
wei = torch.zeros((T, T))
wei = wei.masked_fill(tril == 0, float('-inf'))
wei = F.softmax(wei, dim=-1)
print(wei)
out = wei @ x
logits = (out @ W).view(B * T, 5)
targets = torch.randint(0, 5, (B, T)).view(B * T)
loss = F.cross_entropy(logits, targets)
print(loss)
loss.backward()
print(W.grad)
for step in range(3):
    logits = (out @ W).view(B * T, 5)
    loss = F.cross_entropy(logits, targets)
    W.grad = None
    loss.backward()
    W.data -= 0.5 * W.grad
    print(step, loss.item())
probs = F.softmax(logits, dim=1)
print(probs.argmax(dim=1), torch.topk(probs, 2, dim=1).indices, probs.gather(1, targets.unsqueeze(1)).squeeze(1))
Xtr = torch.randn(6, 3)
Ytr = torch.tensor([0, 2, 1, 1, 0, 2])
W2 = torch.randn(3, 3, requires_grad=True)
b2 = torch.zeros(3, requires_grad=True)
for i in range(4):
    logits = torch.addmm(b2, Xtr, W2)
    loss = F.cross_entropy(logits, Ytr) + 0.01 * (W2 ** 2).mean()
    W2.grad = None
    b2.grad = None
    loss.backward()
    with torch.no_grad():
        W2 -= 0.1 * W2.grad
        b2 -= 0.1 * b2.grad
    print(i, loss.item())
print(F.one_hot(Ytr, 3).float() @ W2)
