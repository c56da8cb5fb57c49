from typing import Optional, Union, List, Dict, Callable, Iterator, TypeVar, Any
import typing

Number = Union[int, float]
T = TypeVar("T")


def scale(xs: List[Number], k: Number = 2) -> List[Number]:
    return [x * k for x in xs]


def first_or(xs: List[T], default: Optional[T] = None) -> Optional[T]:
    return xs[0] if xs else default


def apply_all(fns: Dict[str, Callable[[float], float]], x: float) -> Dict[str, float]:
    return {name: f(x) for name, f in fns.items()}


def count_up(n: int) -> Iterator[int]:
    yield from range(n)


class Buffer:
    size: int
    data: List[Any]

    def __init__(self, size: int) -> None:
        self.size = size
        self.data = []

    def push(self, item: Any) -> "Buffer":
        self.data.append(item)
        self.data = self.data[-self.size:]
        return self


print(scale([1, 2.5]), first_or([]), first_or([7]), apply_all({"sq": lambda v: v * v, "neg": lambda v: -v}, 3.0), list(count_up(3)))
print(Buffer(2).push(1).push(2).push(3).data, Buffer.__annotations__, typing.get_type_hints(Buffer))
print(Number, Optional[List[int]], Callable[..., Any], Dict[str, Optional[float]])
x: Optional[int] = None
print(x, typing.get_origin(Optional[int]), typing.get_args(Union[int, str]))
