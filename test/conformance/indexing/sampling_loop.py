# sampling names one character at a time from softmax probabilities, as makemore does
import torch
import torch.nn.functional as F
g = torch.Generator().manual_seed(2147483647)
chars = ".abcdefghijklmnopqrstuvwxyz"
W = torch.randn((27, 27), generator=g)
for _ in range(5):
    out = []
    ix = 0
    while True:
        xenc = F.one_hot(torch.tensor([ix]), num_classes=27).float()
        logits = xenc @ W
        probs = F.softmax(logits, dim=1)
        ix = torch.multinomial(probs, num_samples=1, replacement=True, generator=g).item()
        out.append(chars[ix])
        if ix == 0 or len(out) > 12:
            break
    print(''.join(out))
