# A misspelled method of a builtin type, suggested from its methods.
xs = [3, 1, 2]
xs.sort()
print(xs)
xs.apend(4)
