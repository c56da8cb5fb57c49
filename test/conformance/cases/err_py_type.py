try:
    print("loss: " + 0.5)
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
def f(a, b):
    return a + b
print(f(1, 2))
f(1)
