try:
    int("abc")
except ValueError as e:
    print(e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
a, b, c = (1, 2)
