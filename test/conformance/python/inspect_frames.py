# inspect.currentframe() and getargvalues(): d2l's save_hyperparameters reads its caller's arguments
import inspect


class HyperParameters:
    def save_hyperparameters(self, ignore=[]):
        frame = inspect.currentframe().f_back
        _, _, _, local_vars = inspect.getargvalues(frame)
        print(inspect.getargvalues(frame))
        self.hparams = {k: v for k, v in local_vars.items()
                        if k not in set(ignore + ['self']) and not k.startswith('_')}
        for k, v in self.hparams.items():
            setattr(self, k, v)


class B(HyperParameters):
    def __init__(self, a, b, *rest, c=3, **kw):
        self.save_hyperparameters(ignore=['c'])
        print(self.a, self.b, hasattr(self, 'c'), self.hparams)


class C(B):
    def __init__(self, x, y=2):
        super().__init__(x, y, 5, c=4, z=1)
        z = 3
        self.save_hyperparameters()


B(1, 2)
c = C(7)
print(c.hparams)

f = inspect.currentframe()
print(f.f_back, f.f_code.co_name, f.f_lineno, f is inspect.currentframe())
print(f.f_locals['c'] is c, f.f_globals['B'] is B)


def g(p):
    q = p + 1
    fr = inspect.currentframe()
    return fr, [inspect.currentframe().f_code.co_name for _ in range(2)]


fr, names = g(1)
print(names, fr.f_code.co_name, fr.f_back.f_code.co_name, list(fr.f_locals), fr.f_locals['q'], fr.f_lineno)
print(repr(fr).startswith('<frame at 0x'), repr(fr).endswith("inspect_frames.py', line 41, code g>"))
print(type(fr).__name__, inspect.isframe(fr), inspect.isframe(1))


def gen():
    yield inspect.currentframe().f_back.f_code.co_name


def consumer():
    return next(gen())


print(consumer())
print(inspect.getargvalues(inspect.currentframe()).args)
inspect.getargvalues(3)
