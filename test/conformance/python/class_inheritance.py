# Single and multiple inheritance: MRO, super(), overriding, isinstance/issubclass.
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def kind(self):
        return "dog, an " + super().kind()


class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"


p = Puppy("Rex", "lab")
print(p.speak(), p.kind(), p.breed, p.name)
print([c.__name__ for c in Puppy.__mro__])
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, (int, Animal)))
print(Puppy.__bases__, Dog.__base__)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))
