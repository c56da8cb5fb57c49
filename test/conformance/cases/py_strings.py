name = "gradient"
print(name.upper(), name.lower(), "MiXeD".lower())
print(", ".join(["a", "b", "c"]), "-".join([str(i) for i in range(3)]))
print("{} has {} items".format("list", 3))
print("{:.3f}|{:>6}|{:<4}|".format(3.14159, "r", "l"))
print(name[0], name[-1], name[2:5], name[::-1], len(name))
print("ab" * 3, "a" + "b", "grad" in name, name.replace("grad", "desc"))
print(name.startswith("gr"), name.split("d"), " x ".strip())
