# choices: uniform picks, weights, cum_weights and k
import random
random.seed(7)
print(random.choices("abc", k=10))
print(random.choices(range(5), weights=[1, 2, 3, 4, 5], k=8))
print(random.choices(["red", "green"], cum_weights=[0.25, 1.0], k=6))
print(random.choices(["x", "y"], [0.5, 0.25], k=4))
print(random.choices([10, 20, 30]))
print(random.choices("ab", weights=[2, 1.5], k=3))
