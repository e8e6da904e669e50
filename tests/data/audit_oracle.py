#!/usr/bin/env python3
"""Prints scipy's bias-corrected sample skewness G1 and excess kurtosis G2 of fixed columns, the oracle
for tests/audit.rs (src/method/jrc.rs computes them without scipy).

    pip install scipy
    python3 tests/data/audit_oracle.py

Missing values (None) are left out, as the index leaves out missing values (nan_policy="omit").
"""

import math

import numpy as np
import scipy
from scipy.stats import kurtosis, skew

COLUMNS = {
    "skewed": [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0, 8.0, 40.0],
    "left_skewed": [-50.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
    "with_missing": [2.5, None, 7.0, -1.0, 3.25, None, 11.0, 0.5],
    "short": [1.0, 2.0, 4.0, 8.0],
    "one_outlier": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 100.0],
    "three": [1.0, 2.0, 10.0],
}

print(f"scipy {scipy.__version__}")
for name, values in COLUMNS.items():
    x = np.array([math.nan if v is None else v for v in values])
    g1 = skew(x, bias=False, nan_policy="omit")
    g2 = kurtosis(x, bias=False, nan_policy="omit")
    n = int(np.count_nonzero(~np.isnan(x)))
    # scipy leaves G2 uncorrected (the biased g2) below four values; the index calls it undefined there.
    g2_text = repr(float(g2)) if n >= 4 else f"undefined (scipy's biased g2: {float(g2)!r})"
    print(f"{name}: n={n} G1={float(g1)!r} G2={g2_text}")
