class Temperature:
    unit = "C"

    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32


t = Temperature(25)
print(t.celsius, t.fahrenheit, t.unit, Temperature.unit, type(Temperature.celsius).__name__)
t.celsius = -40
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(e)
t.unit = "K"
print(t.unit, Temperature.unit, vars(t))


class Counter:
    count = 0
    instances = []

    def __init__(self, name):
        Counter.count += 1
        self.instances.append(name)
        self.name = name

    @classmethod
    def create(cls, n):
        return [cls(f"{cls.__name__}{i}") for i in range(n)]

    @staticmethod
    def describe(x):
        return f"counter {x}"


class SubCounter(Counter):
    pass


made = SubCounter.create(2)
print([c.name for c in made], Counter.count, Counter.instances, SubCounter.count, type(made[0]).__name__)
print(Counter.describe(3), made[0].describe("x"), Counter.create, Counter.describe)
print(SubCounter.__dict__.get("count", "not own"), hasattr(SubCounter, "count"))
