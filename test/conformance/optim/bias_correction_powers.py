# Adam's bias corrections are Python float powers (1 - beta ** step): CPython's pow (glibc) to
# the last digit, which JavaScript's ** misses (0.9 ** 4 is 0.6561, not 0.6561000000000001).
for beta in (0.9, 0.999, 0.99, 0.95, 0.8, 0.7, 0.98, 0.5):
    print(beta, [beta ** float(step) for step in range(1, 41)])
    print([1 - beta ** step for step in range(40, 240, 7)])
print(0.9 ** 4, 2 ** -3, 10 ** -2, 1.5 ** -7, (-0.9) ** 3, 0.999 ** 0.5, 7.0 ** 0.5)
print((1 - 0.999 ** 3) ** 0.5, 0.001 / (1 - 0.9 ** 3))
