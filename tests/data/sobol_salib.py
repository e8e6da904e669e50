#!/usr/bin/env python3
"""SALib's Sobol indices of the Ishigami function on the sample fjindex draws, for tests/sobol.rs.

Reads tests/data/sobol_ishigami_ab.csv (the base matrices A and B of
`Design::new(ishigami, 512, 2024)`, written by `cargo test --test sobol -- --ignored`), lays the runs out
in SALib's order without second order (row j of A, of AB_1 ... AB_d, then of B; AB_i is A with
column i from B), evaluates Ishigami (a = 7, b = 0.1) and prints SALib's indices as JSON:

    pip install SALib numpy
    python3 tests/data/sobol_salib.py > tests/data/sobol_salib_output.json

SALib estimates ST with Jansen's formula, as fjindex does, so ST must agree to rounding; its
confidence half-widths come from its own resampling and are printed for reference only.
"""

import csv
import json
import sys
from importlib.metadata import version
from pathlib import Path

import numpy as np

from SALib.analyze import sobol

HERE = Path(__file__).resolve().parent


def main():
    rows = list(csv.DictReader((HERE / "sobol_ishigami_ab.csv").open(encoding="utf-8")))
    names = ["x1", "x2", "x3"]
    a = np.array([[float(r[k]) for k in names] for r in rows if r["matrix"] == "A"])
    b = np.array([[float(r[k]) for k in names] for r in rows if r["matrix"] == "B"])
    n, d = a.shape
    x = np.empty((n * (d + 2), d))
    for j in range(n):
        block = j * (d + 2)
        x[block] = a[j]
        for i in range(d):
            x[block + 1 + i] = a[j]
            x[block + 1 + i, i] = b[j, i]
        x[block + d + 1] = b[j]
    y = np.sin(x[:, 0]) + 7.0 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])
    problem = {"num_vars": d, "names": names, "bounds": [[-np.pi, np.pi]] * d}
    s = sobol.analyze(problem, y, calc_second_order=False, num_resamples=100, seed=1)
    out = {
        "salib_version": version("SALib"),
        "numpy_version": np.__version__,
        "base_samples": n,
        "S1": [float(v) for v in s["S1"]],
        "ST": [float(v) for v in s["ST"]],
        "S1_conf": [float(v) for v in s["S1_conf"]],
        "ST_conf": [float(v) for v in s["ST_conf"]],
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
