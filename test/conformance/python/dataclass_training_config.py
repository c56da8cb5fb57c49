from dataclasses import dataclass, field, asdict, replace, fields
import copy


@dataclass(frozen=True)
class OptimConfig:
    name: str = "sgd"
    lr: float = 0.1
    momentum: float = 0.0


@dataclass
class RunConfig:
    seed: int
    epochs: int = 10
    layers: list = field(default_factory=lambda: [2, 16, 1])
    optim: OptimConfig = field(default_factory=OptimConfig)
    history: list = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        if self.epochs <= 0:
            raise ValueError(f"epochs must be positive, got {self.epochs}")

    @property
    def depth(self):
        return len(self.layers) - 1


base = RunConfig(seed=1)
fast = replace(base, epochs=3, optim=replace(base.optim, lr=0.5))
print(base)
print(fast, fast.depth, base == RunConfig(1), base == fast)
fast.history.append(0.5)
print(asdict(fast))
print([(f.name, f.default) for f in fields(OptimConfig)])
sweep = [replace(base, seed=s, optim=OptimConfig(lr=lr)) for s in (1, 2) for lr in (0.1, 0.01)]
print(len(sweep), sweep[-1].optim, len({cfg.optim for cfg in sweep}))
snap = copy.deepcopy(base)
snap.layers.append(8)
print(base.layers, snap.layers)
try:
    RunConfig(seed=0, epochs=0)
except ValueError as e:
    print(e)
try:
    base.optim.lr = 1.0
except AttributeError as e:
    print(type(e).__name__, e)
print(hash(OptimConfig()) == hash(OptimConfig()), sorted(asdict(OptimConfig()).items()))
