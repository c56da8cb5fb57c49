# random.seed(42); random.shuffle(words): the same order as CPython, as makemore splits its data
import random
words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn",
         "abigail", "emily", "elizabeth", "mila", "ella", "avery", "sofia", "camila", "aria", "scarlett"]
random.seed(42)
random.shuffle(words)
print(words)
n1 = int(0.8 * len(words))
n2 = int(0.9 * len(words))
print(words[:n1], words[n1:n2], words[n2:])
nums = list(range(10))
random.shuffle(nums)
print(nums)
random.shuffle(nums)
print(nums)
