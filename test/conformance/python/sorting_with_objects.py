from functools import cmp_to_key


class Run:
    def __init__(self, name, loss, steps):
        self.name, self.loss, self.steps = name, loss, steps

    def __repr__(self):
        return f"{self.name}({self.loss}, {self.steps})"


runs = [Run("a", 0.31, 100), Run("b", 0.25, 300), Run("c", 0.31, 50), Run("d", 0.4, 10)]
print(sorted(runs, key=lambda r: r.loss))
print(sorted(runs, key=lambda r: (r.loss, -r.steps)), sorted(runs, key=lambda r: r.name, reverse=True))
print(min(runs, key=lambda r: r.loss), max(runs, key=lambda r: r.steps), min([], default=None))
runs.sort(key=lambda r: r.steps)
print(runs, [r.name for r in sorted(runs, key=cmp_to_key(lambda x, y: (x.loss > y.loss) - (x.loss < y.loss)))])
try:
    sorted(runs)
except TypeError as e:
    print(e)
by_loss = {}
for r in runs:
    by_loss.setdefault(r.loss, []).append(r.name)
print(by_loss, sorted(by_loss.items()), list(map(lambda r: r.steps * 2, runs)), list(filter(lambda r: r.loss < 0.35, runs)))
print(sorted("Banana apple Cherry".split(), key=str.lower), sorted([3, -1, 2], key=abs), list(reversed(sorted(range(5)))))
print(any(r.loss > 0.35 for r in runs), all(r.steps > 5 for r in runs), sum(r.steps for r in runs), [*enumerate(r.name for r in runs)])
