def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2
for n in [1, -2]:
    try:
        print(check(n))
    except ValueError as e:
        print("caught", e)
try:
    check(-5)
except ValueError:
    print("again")
    raise
