"""
Reference solve of the engine's model with a native solver, for the side-by-side benchmark.

    python3 bench/native-reference.py MODEL.json SECONDS highs|cbc

MODEL.json (written by bench/native-model.ts): every candidate pair is a binary column with
objective fillWeight + score (filling one more vacancy outweighs any score difference); rows
are "each vacancy at most once" and "at most one pair per clique of a seeker's overlapping
periods", all <= 1, given column by column (CSC).

highs: scipy.optimize.milp (native HiGHS). The time is that of the milp() call alone, the
model already built (wall, and CPU of this process: comparable under load), warm like the
engine's: the median of repeated calls after the first (coldMs/coldCpuMs: the first). cbc: the `cbc` command on an LP file; the time is the cbc process
(reading the file included; CPU: the child's user + system time). Prints one JSON line; a missing solver prints
{"status": "skipped", "reason": ...}.
"""
import json
import shutil
import subprocess
import sys
import tempfile
import time
import os


def result(status, ms, chosen, model, bound=None, cpu_ms=None):
    filled = None
    score = None
    if chosen is not None:
        filled = len(chosen)
        score = round(sum(model["scores"][i] for i in chosen), 2)
    return {"status": status, "ms": ms, "cpuMs": cpu_ms, "filled": filled, "score": score, "bound": bound,
            "fillWeight": model["fillWeight"], "optimal": status == "optimal"}


def solve_highs(model, seconds):
    try:
        import numpy as np
        from scipy.optimize import milp, LinearConstraint, Bounds
        from scipy.sparse import csc_matrix
    except ImportError as error:
        return {"status": "skipped", "reason": f"python3 without scipy/numpy ({error})"}
    n = len(model["scores"])
    cost = -(model["fillWeight"] + np.asarray(model["scores"], dtype=float))
    matrix = csc_matrix((np.ones(len(model["indices"])), np.asarray(model["indices"]), np.asarray(model["starts"])),
                        shape=(model["numRows"], n))
    constraints = LinearConstraint(matrix, -np.inf, 1)
    def timed_solve():
        started = time.perf_counter()
        cpu_started = time.process_time()
        solved = milp(cost, constraints=constraints, integrality=np.ones(n), bounds=Bounds(0, 1),
                      options={"time_limit": float(seconds), "mip_rel_gap": 0, "disp": False})
        return solved, (time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000

    solution, cold_ms, cold_cpu_ms = timed_solve()
    # Timed as the engine is (bench/run-size.ts): the first call, then the median by CPU time of
    # further calls (when the first took under 1 s: at least nine, and more while they have taken
    # under 1 s in all, up to 200; three under 3 s; else none), so that neither side carries
    # one-time costs (lazy imports, first-touch allocations, compilation) the other does not.
    warm = []
    if solution.status == 0:
        at_least = 9 if cold_ms < 1000 else 3 if cold_ms < 3000 else 0
        warm_started = time.perf_counter()
        while len(warm) < at_least or (cold_ms < 1000 and len(warm) < 200 and time.perf_counter() - warm_started < 1.0):
            warm.append(timed_solve()[1:])
    warm.sort(key=lambda timing: timing[1])
    warm_count = len(warm)
    ms, cpu_ms = warm[len(warm) // 2] if warm else (cold_ms, cold_cpu_ms)
    status = "optimal" if solution.status == 0 else "time-limit" if solution.status == 1 else f"status-{solution.status}"
    chosen = None if solution.x is None else [i for i in range(n) if solution.x[i] > 0.5]
    bound = None if getattr(solution, "mip_dual_bound", None) is None else -float(solution.mip_dual_bound)
    return {**result(status, ms, chosen, model, bound, cpu_ms), "coldMs": cold_ms, "coldCpuMs": cold_cpu_ms, "warmCalls": warm_count}


def solve_cbc(model, seconds):
    cbc = shutil.which("cbc")
    if cbc is None:
        return {"status": "skipped", "reason": "cbc not installed (apt-get install coinor-cbc)"}
    n = len(model["scores"])
    rows = [[] for _ in range(model["numRows"])]
    for column in range(n):
        for k in range(model["starts"][column], model["starts"][column + 1]):
            rows[model["indices"][k]].append(column)
    with tempfile.TemporaryDirectory() as directory:
        lp = os.path.join(directory, "model.lp")
        out = os.path.join(directory, "solution.txt")
        with open(lp, "w") as file:
            file.write("Maximize\n obj:")
            for column, score in enumerate(model["scores"]):
                file.write(f" + {model['fillWeight'] + score:.2f} x{column}")
                if column % 20 == 19:
                    file.write("\n")
            file.write("\nSubject To\n")
            for index, members in enumerate(rows):
                if members:
                    file.write(f" r{index}: " + " + ".join(f"x{c}" for c in members) + " <= 1\n")
            file.write("Binary\n")
            for column in range(n):
                file.write(f" x{column}\n")
            file.write("End\n")
        started = time.perf_counter()
        children_before = os.times()
        completed = subprocess.run([cbc, lp, "sec", str(seconds), "ratio", "0", "allow", "0.005", "solve", "solu", out],
                                   capture_output=True, text=True)
        ms = (time.perf_counter() - started) * 1000
        children_after = os.times()
        cpu_ms = ((children_after.children_user - children_before.children_user)
                  + (children_after.children_system - children_before.children_system)) * 1000
        if not os.path.exists(out):
            return result(f"failed ({completed.returncode})", ms, None, model)
        with open(out) as file:
            lines = file.read().splitlines()
        head = lines[0] if lines else ""
        status = "optimal" if head.startswith("Optimal") else "time-limit" if "Stopped" in head else head.split(" ")[0]
        chosen = []
        for line in lines[1:]:
            parts = line.split()
            if len(parts) >= 3 and parts[1].startswith("x") and float(parts[2]) > 0.5:
                chosen.append(int(parts[1][1:]))
        return result(status, ms, chosen if head else None, model, None, cpu_ms)


def main():
    file, seconds, solver = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    with open(file) as handle:
        model = json.load(handle)
    outcome = solve_highs(model, seconds) if solver == "highs" else solve_cbc(model, seconds)
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
