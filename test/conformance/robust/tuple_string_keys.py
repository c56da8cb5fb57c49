# Dict and set keys built from tuples of strings are told apart by value, whatever the strings
# hold: ("a", "b") and ("a,sb",) once shared a key (issue 17), as did keys whose text joins alike.
keys = [("a", "b"), ("a,sb",), ("a", "b", ""), ("a,", "b"), ("a", ",b"), ("a,b",), "a,b", ("a", ("b",)),
        (("a", "b"),), ("1", 1), (1, "1"), ("",), ((),), (), ("a", "sb"), ("a,s", "b"), (1, 2), (1.0, 2), ("1", "2"),
        (True, 2), (None,), ("None",), (0, 1), (False, True), ((1, 2), 3), (1, (2, 3))]
d = {}
for i, k in enumerate(keys):
    d[k] = i
print(len(d))
for k, v in d.items():
    print(repr(k), v)
s = set(keys)
print(len(s), ("a", "b") in s, ("a,sb",) in s, ("a", "s", "b") in s, ("a,s",) in s)
print(d[("a,sb",)], d[("a", "b")], d.get(("a", "s", "b"), "absent"), d.get(("a,s", "b")), d[(1.0, 2)])
counts = {}
for w in ["x,y", "x", "y", "x,y"]:
    for k in [(w,), tuple(w.split(","))]:
        counts[k] = counts.get(k, 0) + 1
print(counts)
