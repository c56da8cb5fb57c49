from __future__ import annotations

import typing
from typing import Any, Callable, ClassVar, Dict, Generic, Iterable, Iterator, List, Optional, Protocol, Sequence, Tuple, TypeVar, Union, cast, overload

T = TypeVar("T")
Number = Union[int, float]


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


class Shape(Protocol):
    def area(self) -> float: ...


def apply(f: Callable[[float], float], xs: Sequence[float]) -> List[float]:
    return [f(x) for x in xs]


def first(xs: Iterable[T], default: Optional[T] = None) -> Optional[T]:
    for x in xs:
        return x
    return default


s: Stack[int] = Stack()
s.push(3)
s.push(4)
print(s.pop(), s.items, Stack.__mro__)
print(apply(lambda v: v * 2, [1.0, 2.5]), first([]), first("ab"))
print(cast(int, "not checked"), apply.__annotations__ if False else "ok")
print(List[int], Dict[str, List[float]], Tuple[int, ...], Optional[int], Union[int, str], Union[int, None, str])
print(Callable[[int, str], float], T, Any, List, Optional[Union[int, str]], Union[int], ClassVar[int])
print(Stack[int], typing.Literal["a", 1], typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(typing.TYPE_CHECKING, TypeVar("U", covariant=True))
try:
    List[int]()
except TypeError as e:
    print(e)
UserId = typing.NewType("UserId", int)
print(UserId(5), UserId)
try:
    Any()
except TypeError as e:
    print(e)
