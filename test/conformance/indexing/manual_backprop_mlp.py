# A character model trained with hand-written gradients, checked against autograd line by line:
# embedding lookup by indexing, a linear layer, batch normalisation and tanh written out, and the
# cross-entropy loss taken apart into its steps.
import random
import torch
import torch.nn.functional as F

names = ["ada", "alan", "grace", "edsger", "barbara", "donald", "frances", "john", "margaret", "ken",
         "dennis", "radia", "tim", "linus", "guido", "katherine", "claude", "hedy", "niklaus", "ivan"]
letters = sorted(set("".join(names)))
to_id = {c: k + 1 for k, c in enumerate(letters)}
to_id["."] = 0
vocab = len(to_id)
context = 2

inputs, targets = [], []
for name in names:
    window = [0] * context
    for c in name + ".":
        inputs.append(window)
        targets.append(to_id[c])
        window = window[1:] + [to_id[c]]
X = torch.tensor(inputs)
Y = torch.tensor(targets)
random.seed(1)
order = list(range(len(inputs)))
random.shuffle(order)
print(vocab, X.shape, order[:6])


def check(label, mine, t):
    same = torch.all(mine == t.grad).item()
    close = torch.allclose(mine, t.grad)
    gap = (mine - t.grad).abs().max().item()
    print(f"{label:10s} exact={str(same):5s} close={str(close):5s} gap={gap}")


gen = torch.Generator().manual_seed(1234)
emb_dim, hidden = 4, 16
E = torch.randn((vocab, emb_dim), generator=gen)
W = torch.randn((emb_dim * context, hidden), generator=gen) * 0.5
gamma = torch.randn((1, hidden), generator=gen) * 0.1 + 1.0
beta = torch.randn((1, hidden), generator=gen) * 0.1
V = torch.randn((hidden, vocab), generator=gen) * 0.1
c = torch.randn(vocab, generator=gen) * 0.1
params = [E, W, gamma, beta, V, c]
for p in params:
    p.requires_grad = True

bs = 16
pick = torch.tensor(order[:bs])
xb, yb = X[pick], Y[pick]
rows = xb.shape[0]

looked = E[xb]
flat = looked.view(rows, -1)
pre = flat @ W
mu = pre.sum(0, keepdim=True) / rows
centred = pre - mu
sq = centred ** 2
var = sq.sum(0, keepdim=True) / (rows - 1)
inv_std = (var + 1e-5) ** -0.5
normed = centred * inv_std
act_in = gamma * normed + beta
act = torch.tanh(act_in)
scores = act @ V + c
top = scores.max(1, keepdim=True).values
shifted = scores - top
ex = shifted.exp()
total = ex.sum(1, keepdims=True)
inv_total = total ** -1
prob = ex * inv_total
logp = prob.log()
loss = -logp[range(rows), yb].mean()
for t in [logp, prob, inv_total, total, ex, shifted, top, scores, act, act_in, normed, inv_std, var, sq, centred, mu, pre, flat, looked]:
    t.retain_grad()
loss.backward()
print(loss.item(), (F.cross_entropy(scores, yb) - loss).item())

d_logp = torch.zeros_like(logp)
d_logp[range(rows), yb] = -1.0 / rows
d_prob = d_logp / prob
d_inv_total = (d_prob * ex).sum(1, keepdim=True)
d_ex = d_prob * inv_total
d_total = -total ** -2 * d_inv_total
d_ex += d_total
d_shifted = d_ex * ex
d_top = -d_shifted.sum(1, keepdim=True)
d_scores = d_shifted.clone()
d_scores += F.one_hot(scores.max(1).indices, num_classes=vocab) * d_top
d_act = d_scores @ V.T
d_V = act.T @ d_scores
d_c = d_scores.sum(0)
d_act_in = (1.0 - act ** 2) * d_act
d_gamma = (normed * d_act_in).sum(0, keepdim=True)
d_beta = d_act_in.sum(0, keepdim=True)
d_normed = gamma * d_act_in
d_inv_std = (centred * d_normed).sum(0, keepdim=True)
d_centred = d_normed * inv_std
d_var = -0.5 * (var + 1e-5) ** -1.5 * d_inv_std
d_sq = torch.ones_like(sq) * d_var / (rows - 1)
d_centred += 2 * centred * d_sq
d_mu = -d_centred.sum(0, keepdim=True)
d_pre = d_centred + torch.ones_like(pre) * d_mu / rows
d_flat = d_pre @ W.T
d_W = flat.T @ d_pre
d_looked = d_flat.view(looked.shape)
d_E = torch.zeros_like(E)
for i in range(rows):
    for j in range(context):
        d_E[xb[i, j]] += d_looked[i, j]

for label, mine, t in [("logp", d_logp, logp), ("prob", d_prob, prob), ("inv_total", d_inv_total, inv_total), ("total", d_total, total),
                       ("ex", d_ex, ex), ("shifted", d_shifted, shifted), ("top", d_top, top), ("scores", d_scores, scores),
                       ("act", d_act, act), ("V", d_V, V), ("c", d_c, c), ("act_in", d_act_in, act_in), ("gamma", d_gamma, gamma),
                       ("beta", d_beta, beta), ("normed", d_normed, normed), ("inv_std", d_inv_std, inv_std), ("var", d_var, var),
                       ("sq", d_sq, sq), ("centred", d_centred, centred), ("mu", d_mu, mu), ("pre", d_pre, pre), ("flat", d_flat, flat),
                       ("W", d_W, W), ("looked", d_looked, looked), ("E", d_E, E)]:
    check(label, mine, t)

# the whole loss at once, then batch normalisation at once
d_scores_fast = F.softmax(scores, 1)
d_scores_fast[range(rows), yb] -= 1
d_scores_fast /= rows
check("scores*", d_scores_fast, scores)
d_pre_fast = gamma * inv_std / rows * (rows * d_act_in - d_act_in.sum(0) - rows / (rows - 1) * normed * (d_act_in * normed).sum(0))
check("pre*", d_pre_fast, pre)
bn_fast = gamma * (pre - pre.mean(0, keepdim=True)) / torch.sqrt(pre.var(0, keepdim=True, unbiased=True) + 1e-5) + beta
print((bn_fast - act_in).abs().max().item())

with torch.no_grad():
    for step in range(6):
        pick = torch.randint(0, X.shape[0], (bs,), generator=gen)
        xb, yb = X[pick], Y[pick]
        looked = E[xb]
        flat = looked.view(bs, -1)
        pre = flat @ W
        mean = pre.mean(0, keepdim=True)
        var = pre.var(0, keepdim=True, unbiased=True)
        inv_std = (var + 1e-5) ** -0.5
        normed = (pre - mean) * inv_std
        act = torch.tanh(gamma * normed + beta)
        scores = act @ V + c
        loss = F.cross_entropy(scores, yb)
        d_scores = F.softmax(scores, 1)
        d_scores[range(bs), yb] -= 1
        d_scores /= bs
        d_act = d_scores @ V.T
        d_act_in = (1.0 - act ** 2) * d_act
        d_pre = gamma * inv_std / bs * (bs * d_act_in - d_act_in.sum(0) - bs / (bs - 1) * normed * (d_act_in * normed).sum(0))
        d_looked = (d_pre @ W.T).view(looked.shape)
        d_E = torch.zeros_like(E)
        d_E.index_add_(0, xb.view(-1), d_looked.view(-1, emb_dim))
        grads = [d_E, flat.T @ d_pre, (normed * d_act_in).sum(0, keepdim=True), d_act_in.sum(0, keepdim=True), act.T @ d_scores, d_scores.sum(0)]
        for p, g in zip(params, grads):
            p.data += -0.2 * g
        print(step, f"{loss.item():.6f}")
print(E[:3])
