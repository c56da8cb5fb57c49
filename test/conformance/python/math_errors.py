import math

tests = [
    ("math.sqrt(-1)", lambda: math.sqrt(-1)),
    ("math.log(0)", lambda: math.log(0)),
    ("math.log(-1)", lambda: math.log(-1)),
    ("math.log(1, 1)", lambda: math.log(1, 1)),
    ("math.acos(2)", lambda: math.acos(2)),
    ("math.exp(1000)", lambda: math.exp(1000)),
    ("math.factorial(-1)", lambda: math.factorial(-1)),
    ("math.factorial(2.5)", lambda: math.factorial(2.5)),
    ("math.pow(0, -1)", lambda: math.pow(0, -1)),
    ("math.sqrt('a')", lambda: math.sqrt('a')),
    ("math.gamma(0)", lambda: math.gamma(0)),
    ("math.lgamma(-1)", lambda: math.lgamma(-1)),
    ("math.fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("math.isqrt(-1)", lambda: math.isqrt(-1)),
    ("math.comb(3, -1)", lambda: math.comb(3, -1)),
    ("math.log2(0)", lambda: math.log2(0)),
    ("math.atanh(1)", lambda: math.atanh(1)),
    ("math.ldexp(1.0, 5000)", lambda: math.ldexp(1.0, 5000)),
    ("math.floor(float('inf'))", lambda: math.floor(float('inf'))),
    ("math.floor(float('nan'))", lambda: math.floor(float('nan'))),
    ("math.sqrt(1, 2)", lambda: math.sqrt(1, 2)),
    ("math.log10(-5)", lambda: math.log10(-5)),
    ("math.cosh(1000)", lambda: math.cosh(1000)),
    ("math.exp(float('inf'))", lambda: math.exp(float('inf'))),
    ("math.dist([1],[1,2])", lambda: math.dist([1],[1,2])),
    ("math.remainder(1, 0)", lambda: math.remainder(1, 0)),
    ("math.perm(2, 3)", lambda: math.perm(2, 3)),
]
for text, f in tests:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
