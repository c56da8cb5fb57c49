# `not` binds tighter than and/or and the conditional expression: not a and b or c is ((not a) and b) or c
p = 2.5
print(not isinstance(p, bool) and isinstance(p, int) or isinstance(p, float))
print(not False and False or True)
print(not True or True, not (True or True), not 0 if 1 else 5, not [] and 3)
print([not x and y or z for x, y, z in [(0, 0, 1), (1, 0, 0), (0, 2, 0), (1, 1, 1)]])
a = 1
print(not a == 2 and a < 3)
