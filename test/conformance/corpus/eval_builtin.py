# eval(source) (the saved-tensors-hooks tutorial unpacks with eval("torch." + repr(x))): one
# expression, evaluated with the caller's locals, then its globals, then builtins; its frame is
# File "<string>" in tracebacks, with no source line shown; SyntaxError for statements
import torch

x = torch.ones(3)
print(eval("torch.tensor([1., 2.])"))
print(eval("  x * 2"))

def f(a):
    b = a + 1
    return eval("a * b + len(str(b))")

print(f(3))
g = lambda v: eval("v + 1")
print(g(4))
t = eval("torch." + repr(torch.tensor([0.5, 1.25], requires_grad=True)))
print(t, t.requires_grad, t.is_leaf)
print(eval("[i * i for i in range(4)]"), eval("x.sum().item()"), eval("(1, 'a')"))

w = torch.randn(5, requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda s: repr(s), lambda s: eval("torch." + s)):
    y = w * w
y.sum().backward()
print(torch.all(w.grad - 2 * w <= 1e-4))

def h():
    return eval("1 / 0")

try:
    h()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
for bad in ["x = 1", "1 +", "", "import os", 5]:
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
print(eval("x[5]"))
