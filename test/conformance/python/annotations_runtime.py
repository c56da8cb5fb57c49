class Config:
    lr: float = 0.01
    layers: list[int]
    names: dict[str, tuple[int, ...]]
    flag: "bool" = True


print(Config.__annotations__)
print(Config.lr, Config.flag, hasattr(Config, "layers"))
epochs: int = 5
print(__annotations__, epochs)


def train(steps: int, rate: float = 0.1) -> list[float]:
    history: list[float] = []
    for i in range(steps):
        undefined_in_function: NotDefinedAnywhere = i
        history.append(rate * undefined_in_function)
    return history


print(train(3))
print(list[int], dict[str, list[float]], tuple[int, ...], type[Config], tuple[()])
print([].__class__, (1).__class__, "s".__class__.__name__, None.__class__)
print(list.__hash__, dict.__hash__, tuple.__hash__ is None)
