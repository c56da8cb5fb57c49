# out= on torch functions (the tensors tutorial's torch.matmul(t, t.T, out=y3)): the result is
# written into out (version bump, same object returned), cast when the category allows, resized
# with a warning when out had another shape, refused under autograd
import torch

a = torch.ones(2, 3)
b = torch.full((3, 2), 2.0)
o = torch.zeros(2, 2)
r = torch.matmul(a, b, out=o)
print(r is o, o, o._version)
r = torch.mm(a, b, out=o)
print(r is o, o, o._version)

# the resize warning (on stderr, test/engine/python/warnings.test.ts) is for the 5 elements only
o2 = torch.zeros(5)
r = torch.matmul(a, b, out=o2)
print(r is o2, o2, o2._version, o2.shape)
o3 = torch.empty(0)
torch.mul(a, a, out=o3)
print(o3, o3._version)

od = torch.zeros(2, 3, dtype=torch.float64)
print(torch.mul(a, 3, out=od))
print(torch.add(torch.rand(3), 1, out=torch.zeros(3, dtype=torch.float64)).dtype)
print(torch.exp(torch.tensor([1, 2]), out=torch.zeros(2)))
print(torch.outer(torch.arange(3.0), torch.arange(2.0), out=torch.zeros(3, 2, dtype=torch.float64)))

x = torch.ones(3)
y = x[:2]
torch.exp(x, out=x)
print(x, x._version, y._version)
v = torch.zeros(4, 4)
torch.mul(torch.ones(2, 4), 3, out=v[1:3])
print(v, v._version)

w = torch.ones(2, 3, requires_grad=True)
with torch.no_grad():
    oo = torch.zeros(2, 3)
    torch.mul(w, a, out=oo)
    print(oo, oo.requires_grad)

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])

attempt(lambda: torch.mul(a, a, out=torch.zeros(2, 3, dtype=torch.int64)))
attempt(lambda: torch.mul(w, a, out=torch.zeros(2, 3)))
attempt(lambda: torch.matmul(w, b, out=torch.zeros(2, 2)))
attempt(lambda: torch.mul(a, a, out=w))
attempt(lambda: torch.matmul(a, b, out=torch.zeros(2, 2, dtype=torch.float64)))
attempt(lambda: torch.mm(a, b, out=torch.zeros(2, 2, dtype=torch.int64)))
attempt(lambda: torch.dot(torch.ones(3), torch.ones(3), out=torch.zeros((), dtype=torch.float64)))
attempt(lambda: torch.relu(a, out=torch.zeros(2, 3)))
attempt(lambda: torch.clone(a, out=torch.zeros(2, 3)))
print(torch.add(a, a, alpha=2, out=torch.zeros(2, 3)))
print(torch.sub(a, 1, out=None))
