losses = [0.5, 0.25]
print(losses[-1], losses[0:5])
t = (1, 2)
try:
    t[2]
except IndexError as e:
    print(e)
print(losses[2])
