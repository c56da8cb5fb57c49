# Library modules written in Python carry no Gradlens-only names: dataclasses and namedtuple
# still build their methods from source, but nothing called _gradlens_exec is in reach.
import collections
import copy
import dataclasses
import functools
import typing

for m in (dataclasses, collections, copy, functools, typing):
    print(m.__name__, [n for n in dir(m) if "gradlens" in n], "_gradlens_exec" in vars(m))


@dataclasses.dataclass
class P:
    x: int
    y: int = 2


Pt = collections.namedtuple("Pt", "a b")
print(P(1), Pt(1, 2), Pt._make([3, 4]))
try:
    _gradlens_exec
except NameError as e:
    print(e)
try:
    dataclasses._gradlens_exec
except AttributeError as e:
    print(e)
