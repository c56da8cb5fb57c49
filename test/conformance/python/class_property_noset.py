# Assigning a read-only property ends the program with CPython's message.
class Circle:
    def __init__(self, r):
        self.r = r

    @property
    def area(self):
        return 3.14159 * self.r ** 2


c = Circle(2)
print(round(c.area, 3))
c.area = 10
