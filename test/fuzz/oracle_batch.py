# Runs many fuzzer programs with the answer key (PyTorch 2.6 on Python 3.13) in ONE process:
# importing torch takes ~2 s, so a process per program would take hours for thousands.
#
#   python3 oracle_batch.py < programs.jsonl > outcomes.jsonl
#       each input line {"id": ..., "source": ...}; each output line
#       {"id", "stdout", "error": null | {"type", "line"}} where "line" is the last line a
#       standalone `python3 prog.py` would print on stderr (the traceback's final line)
#   python3 oracle_batch.py --verify N < programs.jsonl
#       runs the first N programs both ways (here, and each in its own python3 process) and
#       prints every difference in stdout or the final stderr line: the batch must give a
#       separate process's answers
#
# Each program gets fresh globals and the state a new process starts with (grad mode on,
# float32 default, a seed it sets itself); stdout is captured per program.
import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import traceback

import torch

torch.set_num_threads(1)  # as a process started with OMP_NUM_THREADS=1 (record.ts sets it too)

TIMEOUT_S = 20


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def reset():
    torch.set_grad_enabled(True)
    torch.set_default_dtype(torch.float32)
    torch.autograd.set_detect_anomaly(False)
    torch.manual_seed(0)


def run_here(source):
    reset()
    out = io.StringIO()
    error = None
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TIMEOUT_S)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(source, "prog.py", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    except Timeout:
        error = {"type": "Timeout", "line": "Timeout"}
    except BaseException as e:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too, as a process would report them
        lines = [l for l in "".join(traceback.format_exception(e)).split("\n") if l.strip()]
        error = {"type": type(e).__name__, "line": lines[-1] if lines else type(e).__name__}
    finally:
        signal.alarm(0)
    return {"stdout": out.getvalue(), "error": error}


def run_separately(source):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.py")
        with open(path, "w") as f:
            f.write(source)
        p = subprocess.run([sys.executable, "prog.py"], cwd=d, capture_output=True, text=True, timeout=120)
    line = None
    if p.returncode != 0:
        lines = [l for l in p.stderr.split("\n") if l.strip()]
        line = lines[-1] if lines else f"(exit {p.returncode})"
    return {"stdout": p.stdout, "line": line}


def main():
    programs = [json.loads(l) for l in sys.stdin if l.strip()]
    if len(sys.argv) > 2 and sys.argv[1] == "--verify":
        n = int(sys.argv[2])
        differ = 0
        for prog in programs[:n]:
            here = run_here(prog["source"])
            here = {"stdout": here["stdout"], "line": here["error"] and here["error"]["line"]}
            alone = run_separately(prog["source"])
            if here != alone:
                differ += 1
                print(json.dumps({"id": prog["id"], "batch": here, "separate": alone}))
        print(f"verified {min(n, len(programs))} programs: {differ} differ between the batch and separate processes")
        return 1 if differ else 0
    for prog in programs:
        outcome = run_here(prog["source"])
        sys.stdout.write(json.dumps({"id": prog["id"], **outcome}) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
