# int(s, base) for bases 0 and 2..36; a dict resized while a for loop walks it raises
print(int('z', 36), int('1f', 16), int('0b101', 0), int('0o17', 0), int('42', 0), int('-0x10', 16), int(' 7 ', 8), int('1_0', 2))
for s, b in [('12', 2), ('010', 0), ('', 10), ('0b2', 2), ('9', 8)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print('ValueError:', e)
d = {'a': 1, 'b': 2}
for k in d:
    d[k] = 0
print(d)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError:', e)
