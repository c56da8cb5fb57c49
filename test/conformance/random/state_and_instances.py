# getstate/setstate replay a stream; Random instances have streams of their own
import random
random.seed(2024)
st = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(st)
b = [random.random() for _ in range(3)]
print(a == b, st[0], len(st[1]), st[1][-1], st[2], st[1][:3])
random.gauss()
st2 = random.getstate()
print(st2[2] is not None)
r = random.Random(7)
s = random.Random(7)
print(type(r).__name__, r.random() == s.random(), r.randint(0, 5), isinstance(r, random.Random))
r.seed(7)
print(r.random(), random.Random("seed").random(), random.Random(3.5).random())
t = random.Random(1)
t.setstate(r.getstate())
print(t.random() == r.random())
