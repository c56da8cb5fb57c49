# uniform, gauss (which keeps its second value), normalvariate, expovariate, triangular
import random
random.seed(5)
print(random.uniform(1, 3), random.uniform(-2.5, 2.5), random.uniform(4, 1))
print(random.gauss(), random.gauss(), random.gauss(10, 2))
print(random.normalvariate(), random.normalvariate(1, 0.1))
print(random.expovariate(2.0), random.expovariate(), random.triangular(0, 10, 3), random.triangular())
random.seed(5)
print(random.gauss(0.0, 1.0))
