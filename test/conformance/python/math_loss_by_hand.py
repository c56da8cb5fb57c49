import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def softmax(logits):
    m = max(logits)
    exps = [math.exp(v - m) for v in logits]
    s = sum(exps)
    return [e / s for e in exps]


def cross_entropy(logits, target):
    return -math.log(softmax(logits)[target])


logits = [2.0, 1.0, 0.1, -1.5]
print(softmax(logits), sum(softmax(logits)))
print(cross_entropy(logits, 0), cross_entropy(logits, 3))
print([sigmoid(z) for z in (-3.0, -0.5, 0.0, 0.5, 3.0)])
w, b = 0.3, -0.1
data = [(0.5, 1), (-1.2, 0), (2.0, 1), (-0.3, 0), (1.1, 1)]
for epoch in range(5):
    loss = 0.0
    gw = gb = 0.0
    for x, y in data:
        p = sigmoid(w * x + b)
        loss += -(y * math.log(p) + (1 - y) * math.log(1 - p))
        gw += (p - y) * x
        gb += p - y
    w -= 0.5 * gw / len(data)
    b -= 0.5 * gb / len(data)
    print(epoch, loss / len(data), w, b)
print(math.exp(1), math.log(math.e), math.sqrt(2), math.tanh(0.5), math.log1p(1e-10), math.expm1(1e-10))
