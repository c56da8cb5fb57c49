from __future__ import annotations

from dataclasses import dataclass, fields


class Tensorish:
    shape: tuple[int, ...]
    dtype: SomeUndefinedType


print(Tensorish.__annotations__)


@dataclass
class Sample:
    x: list[float]
    label: int = 0


print([(f.name, f.type) for f in fields(Sample)], Sample([1.0]))
