import math
import random

# the functions CPython computes with glibc's exp/log or with its own algorithms, on many inputs
random.seed(12)
xs = [random.uniform(-20, 20) for _ in range(200)] + [random.uniform(0, 3) for _ in range(100)] + [0.5, 1.0, 2.0, 1e-5, 100.0, -0.5, 3.0, 25.0, 700.0, -740.0]
for name in ["exp", "log", "sqrt", "tanh", "log1p", "expm1", "cosh", "sinh"]:
    f = getattr(math, name)
    out = []
    for x in xs:
        try:
            out.append(f(x))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, out[:6], sum(v for v in out if isinstance(v, float)))


def tanh_by_exp(x):
    t = (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1)
    return t


print([tanh_by_exp(x) for x in xs[:8]])
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]))
print(math.fsum(xs), math.hypot(3, 4), math.hypot(*xs[:50]), math.hypot(), math.hypot(-2.5), math.dist((1, 2, 3), (4, 6, 8)))
print(math.comb(10, 3), math.perm(5), math.perm(5, 2), math.isqrt(10**30 + 12345), math.factorial(25), math.gcd(12, 18, 27), math.lcm(4, 6, 10))
print(math.frexp(10.0), math.frexp(-0.1), math.ldexp(0.625, 4), math.modf(3.75), math.modf(-2.5), math.copysign(3, -0.0), math.fmod(-7, 3), -7 % 3)
print(math.remainder(7, 2), math.remainder(5, 2), math.remainder(-5.5, 2), math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(1e300))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), type(math.floor(2.0)).__name__, math.prod([1, 2, 3], start=10), math.prod([0.5, 0.25]))
print(math.log(10**400), math.log(2**1000, 2), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(-745), math.exp(709.7))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.fma(2.0, 3.0, 1.0), math.exp2(10))


class Money:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __floor__(self):
        return "floor called"


print(math.sqrt(Money(16)), math.floor(Money(2)), math.exp(True))
