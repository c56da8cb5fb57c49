# str methods beyond the basics that lessons and notebooks use
s = "the cat sat on the mat"
print(s.partition(" "), s.rpartition(" "), s.rfind("at"), s.rindex("the"))
print(s.rsplit(" ", 2), s.rsplit(), "a,b,c".rsplit(",", 1), s.replace("at", "og", 2))
print("abc1".isalnum(), "ab c".isalnum(), "".isalnum(), "MiXed".swapcase())
print("loss_v2.txt".removesuffix(".txt"), "test_loss".removeprefix("test_"), "x".removeprefix("y"))
print("a-b".partition("+"), "a-b".rpartition("+"))
try:
    print(f"{3:s}")
except ValueError as e:
    print("ValueError:", e)
