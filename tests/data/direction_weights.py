#!/usr/bin/env python3
"""Oracle of tests/direction.rs: entropy and CRITIC weights of the 16 indicators when two of them are
lower-is-better, computed with numpy from the formulas README.md states, not from the crate's code.

Writes tests/data/direction_weights.csv (12 units x 16 indicators, made by a fixed formula) and prints
the weights as JSON, saved as tests/data/direction_weights.json:

    python3 tests/data/direction_weights.py > tests/data/direction_weights.json

The formulas: each column is min-max scaled to [0, 1], a lower-is-better column as (max - x)/(max - min);
entropy: p_ij = z_ij / sum_i z_ij, e_j = -(1/ln n) sum_i p_ij ln p_ij (0 ln 0 = 0),
W_j = (1 - e_j) / sum_k (1 - e_k); CRITIC: C_j = s_j * sum_k (1 - r_jk), s_j the sample standard deviation
of the scaled column and r the Pearson correlation of the scaled columns, W_j = C_j / sum_k C_k.
"""

import json
from pathlib import Path

import numpy as np

IDS = ["revenue", "value_added_growth", "industry_gdp_share", "rd_intensity", "new_patents",
       "hightech_firms", "new_rd_platforms", "chain_output_share", "quality_firms", "net_new_firms",
       "emerging_output_share", "profit_margin", "energy_intensity_drop", "srdi_firms",
       "smart_factories", "green_factories"]
LOWER_IS_BETTER = ["industry_gdp_share", "profit_margin"]
UNITS = 12

x = np.array([[((u * 37 + i * 11 + u * i * 5) % 29) + 0.25 * u + 0.5 * i for i in range(16)]
              for u in range(UNITS)], dtype=float)
here = Path(__file__).parent
with open(here / "direction_weights.csv", "w") as f:
    f.write(",".join(IDS) + "\n")
    for row in x:
        f.write(",".join(repr(float(v)) for v in row) + "\n")

lo, hi = x.min(axis=0), x.max(axis=0)
z = (x - lo) / (hi - lo)
for j, name in enumerate(IDS):
    if name in LOWER_IS_BETTER:
        z[:, j] = (hi[j] - x[:, j]) / (hi[j] - lo[j])

p = z / z.sum(axis=0)
with np.errstate(divide="ignore", invalid="ignore"):
    plogp = np.where(p > 0, p * np.log(p), 0.0)
e = -plogp.sum(axis=0) / np.log(UNITS)
entropy = (1 - e) / (1 - e).sum()

s = z.std(axis=0, ddof=1)
r = np.corrcoef(z, rowvar=False)
c = s * (1 - r).sum(axis=1)
critic = c / c.sum()

print(json.dumps({
    "numpy": np.__version__,
    "lower_is_better": LOWER_IS_BETTER,
    "entropy": dict(zip(IDS, entropy.tolist())),
    "critic": dict(zip(IDS, critic.tolist())),
}, indent=1))
