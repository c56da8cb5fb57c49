# slice assignment of a long list (it overflowed the call stack as RecursionError past ~100,000
# items); shorter, longer and empty slices keep the rest of the list in place
l = [1]
l[0:0] = list(range(300000))
print(len(l), l[0], l[-2], l[-1])
m = [0, 1, 2, 3, 4, 5]
m[1:3] = "abcd"
print(m)
m[4:2] = [9]
print(m)
m[-2:] = []
print(m)
m[:] = range(3)
print(m)
n = list(range(10))
n[2:8] = n
print(len(n), n[:4], n[-4:])
