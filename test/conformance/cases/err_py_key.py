params = {"lr": 0.1, "steps": 10}
print(params["lr"], params.get("momentum"), params.get("momentum", 0.9))
params["momentum"]
