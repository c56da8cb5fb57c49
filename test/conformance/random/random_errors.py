# what the random module refuses, with CPython 3.13's messages
import random
for f in [lambda: random.randint(1), lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 10, 0),
          lambda: random.randrange(1.5), lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
          lambda: random.getrandbits(-1), lambda: random.choices([1, 2], [1]), lambda: random.choices([1, 2], 5),
          lambda: random.seed([1, 2]), lambda: random.shuffle((1, 2)), lambda: random.choices([1], weights=[0]),
          lambda: random.randrange(1, 5, 2, 3), lambda: random.randrange(1, 5, 0.5), lambda: random.choices([1, 2], weights=[1, 2], cum_weights=[1, 3])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
random.choice(range(0))
