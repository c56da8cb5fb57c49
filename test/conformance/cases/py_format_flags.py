# printf-style widths on %s, the 0 flag with an explicit alignment, float() of None
name, loss = "epoch", 0.25
print("%-10s|%10s|%5s|" % (name, "loss", 3))
print("%05s|%-05d|%05.1f|% d|%+.1e" % ("ab", 7, 2.25, 5, 12345.0))
print(f"{5:<03d}|{5:^05}|{-5:05}|{loss:<08.2f}|{'ab':05}|{'x':0>3}")
print(float(), int(), str() == "", bool())
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
