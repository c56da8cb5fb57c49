# Tensors of 5000+ elements whose names are rebound, and temporaries inside one expression:
# Gradlens hands a dead tensor's memory to the next op of its size. Every value printed here
# would change if memory still in use were handed out.
import torch

torch.manual_seed(0)
n = 6000
x = torch.rand(n) * 8 - 4
y = torch.rand(n) * 8 - 4

def show(label, t):
    # an op of the same size first: it would take memory wrongly handed back
    filler = x * 7 + 1
    print(label, t[:3], t[-2:], t.sum())

# a name rebound in a loop; every other result kept in a list
kept = []
for i in range(6):
    z = x * i + y
    if i % 2 == 0:
        kept.append(z)
for k in kept:
    show("kept", k)
show("z", z)

# a second name for the old tensor
a = x + y
b = a
a = x - y
show("b", b)
show("a", a)

# the left operand's name rebound by a call inside the same expression
def rebind():
    global c
    c = x / 3
    return 1.5

c = x * 3
d = c + rebind() * y
show("d", d)
show("c", c)

# temporaries inside one expression
w = (x * y + x) * (y - x) / (x + 2) - -(x * 0.5)
show("w", w)
show("again", (x * y + x) * (y - x) / (x + 2) - -(x * 0.5))

# a view of a temporary outlives it
v = (x + y)[10:15]
for i in range(3):
    t = x * 2 + y * i
print("view", v)
show("t", t)

# vars() holds the old value
def snapshot():
    q = x + y
    names = vars()
    q = x - y
    return names["q"], q

old, new = snapshot()
show("old", old)
show("new", new)

# a closure reads its name late
def make():
    k = x + y
    f = lambda: k.sum()
    k = x - y
    return f

print("closure", make()())

# gradients: temporaries that autograd saved stay
p = torch.rand(n, requires_grad=True)
loss = ((p * x + y) * (p - y)).sum()
loss.backward()
print("grad", p.grad[:3], p.grad.sum())
h = p * x
h = p * y
print("h", h[:2], type(h.grad_fn).__name__)

# an operator that fails leaves its operands alone
e = x + y
try:
    e2 = e + torch.ones(3)
except RuntimeError as err:
    print("error", err)
e = x * y
show("e", e)

# in place on a rebound name, no_grad, float64
with torch.no_grad():
    g = x.double() * 2
    g += 1
    g2 = g
    g = x.double() - 1
    show("g2", g2)
    show("g", g)

# a generator holds its own name
def gen():
    s = x + 1
    yield s
    s = x + 2
    yield s

outs = list(gen())
show("gen0", outs[0])
show("gen1", outs[1])

# a class body
class K:
    m = x + y
    m = x * y
show("K.m", K.m)
