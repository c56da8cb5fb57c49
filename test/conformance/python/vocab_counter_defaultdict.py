from collections import Counter, defaultdict, OrderedDict

names = ["emma", "olivia", "ava", "isabella", "sophia", "mia", "amelia", "ella", "ava", "emma"]
chars = sorted(set("".join(names)))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi["."] = 0
itos = {i: s for s, i in stoi.items()}
print(len(stoi), stoi["a"], itos[1], itos[0])
bigrams = Counter()
for w in names:
    cs = ["."] + list(w) + ["."]
    for c1, c2 in zip(cs, cs[1:]):
        bigrams[(c1, c2)] += 1
print(bigrams.most_common(5), bigrams[("z", "z")], sum(bigrams.values()), bigrams.total())
by_first = defaultdict(list)
for w in names:
    by_first[w[0]].append(w)
print(dict(by_first), sorted(by_first), len(by_first["q"]), "q" in by_first)
lengths = Counter(len(w) for w in names)
print(lengths, sorted(lengths.items()), Counter(names).most_common(2))
following = defaultdict(Counter)
for w in names:
    for a, b in zip(w, w[1:]):
        following[a][b] += 1
print(following["a"].most_common(3), dict(following["m"]))
ordered = OrderedDict(sorted(lengths.items(), key=lambda kv: -kv[1]))
print(ordered, list(ordered)[:2])
ordered.move_to_end(3, last=False)
print(ordered.popitem(), ordered)
