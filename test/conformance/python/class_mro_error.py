# An MRO that C3 cannot linearize.
class A: pass
class B(A): pass
print("defining")
class C(A, B): pass
