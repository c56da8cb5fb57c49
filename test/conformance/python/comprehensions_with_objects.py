class Token:
    def __init__(self, text, pos):
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"{self.text}@{self.pos}"


tokens = [Token(w, i) for i, w in enumerate("the quick brown fox jumps over the lazy dog".split())]
print(tokens[:3], len(tokens))
index = {t.text: t.pos for t in tokens}
print(index, len(index))
by_len = {n: [t.text for t in tokens if len(t.text) == n] for n in sorted({len(t.text) for t in tokens})}
print(by_len)
pairs = [(a.text, b.text) for a, b in zip(tokens, tokens[1:]) if a.text < b.text]
print(pairs)
matrix = [[i * j for j in range(4)] for i in range(3)]
print(matrix, [row[::-1] for row in matrix], [x for row in matrix for x in row if x % 2 == 0])
transposed = [list(col) for col in zip(*matrix)]
print(transposed, sum(map(sum, matrix)))
unique = sorted({t.text for t in tokens if "o" in t.text})
print(unique, {t.text: t for t in tokens}["the"])
gen = (t.pos for t in tokens if t.text == "the")
print(list(gen), [t for t in tokens if t.pos > 10] or "none")
words, positions = zip(*[(t.text, t.pos) for t in tokens[:3]])
print(words, positions)
first, *middle, last = tokens
print(first, middle[:2], last)
print({**index, "cat": -1}["cat"], [*"ab", *range(2)], dict(zip("abc", range(3))))
