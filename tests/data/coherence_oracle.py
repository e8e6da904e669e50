#!/usr/bin/env python3
"""Prints the oracle numbers of tests/coherence.rs from tests/data/coherence_oracle.csv (12 units, four
columns; b has one missing value, and b, c and d have ties):

- Pearson and Spearman correlations of every pair of columns over the units where both are present
  (scipy.stats.pearsonr and spearmanr on the complete pairs);
- Cronbach's alpha of a, b, c, d and of a, c, d over the units present in all of them
  (pingouin.cronbach_alpha, nan_policy="listwise");
- the eigenvalues of the pairwise complete Pearson correlation matrix of a, b, c, d in descending order,
  and the first component's loadings (eigenvector times the square root of its eigenvalue, signed so they
  sum positive), with numpy.linalg.eigh.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy pingouin
    /tmp/venv/bin/python tests/data/coherence_oracle.py
"""

from pathlib import Path

import numpy as np
import pandas as pd
import pingouin
import scipy
from scipy import stats

data = pd.read_csv(Path(__file__).with_name("coherence_oracle.csv"))
columns = list(data.columns)
print(f"numpy {np.__version__}, scipy {scipy.__version__}, pingouin {pingouin.__version__}, pandas {pd.__version__}")

pearson = np.eye(len(columns))
for i, x in enumerate(columns):
    for j, y in enumerate(columns):
        if j <= i:
            continue
        both = data[[x, y]].dropna()
        r = stats.pearsonr(both[x], both[y]).statistic
        rho = stats.spearmanr(both[x], both[y]).statistic
        pearson[i, j] = pearson[j, i] = r
        print(f"{x} {y} n={len(both)} pearson={float(r)!r} spearman={float(rho)!r}")

for subset in (["a", "b", "c", "d"], ["a", "c", "d"]):
    alpha, _ = pingouin.cronbach_alpha(data=data[subset], nan_policy="listwise")
    print(f"alpha {''.join(subset)} n={len(data[subset].dropna())} {float(alpha)!r}")

values, vectors = np.linalg.eigh(pearson)
order = np.argsort(values)[::-1]
values, vectors = values[order], vectors[:, order]
first = vectors[:, 0] * np.sqrt(values[0])
if first.sum() < 0:
    first = -first
print("eigenvalues", [float(v) for v in values])
print("first loadings", [float(v) for v in first])
