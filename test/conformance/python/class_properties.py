# @property with getter, setter and deleter; @staticmethod; @classmethod.
class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @staticmethod
    def describe(x):
        return f"{x} degrees"

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.describe(5), t.describe(6))
f = Temperature.freezing()
print(type(f).__name__, f.celsius)
print(type(Temperature.__dict__["describe"]).__name__, type(Temperature.__dict__["freezing"]).__name__)
print(Temperature.freezing.__self__ is Temperature)
print(isinstance(Temperature.celsius, property))
