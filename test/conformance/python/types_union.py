from dataclasses import dataclass, field


@dataclass
class Run:
    name: str
    seed: int | None = None
    losses: list[float] = field(default_factory=list)


r = Run("baseline")
r.losses += [0.5, 0.25]
print(r, Run.__annotations__)
print(int | str, int | None, type(int | str), int | list[int], int | int)
print(isinstance(3, int | str), isinstance(None, int | None), isinstance("s", int | float), issubclass(bool, int | str))
try:
    int | 3
except TypeError as e:
    print(e)
