# the train/dev/test split of makemore: shuffle with seed 42, then 80% / 10% / 10%
import random
words = ["mia", "noah", "emma", "liam", "ava", "oliver", "sophia", "elijah", "isabella", "james", "charlotte", "william",
         "amelia", "benjamin", "evelyn", "lucas", "harper", "henry", "luna", "theodore", "camila", "jack", "gianna", "levi"]
chars = sorted(list(set(''.join(words))))
stoi = {s: i + 1 for i, s in enumerate(chars)}
stoi['.'] = 0
itos = {i: s for s, i in stoi.items()}
print(len(itos), itos[1], itos[len(itos) - 1])
random.seed(42)
random.shuffle(words)
n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
print(words[:n1])
print(words[n1:n2])
print(words[n2:])
print(random.random())
