#!/usr/bin/env python3
"""Writes www/samples/sample-editions-synthetic.csv: a SYNTHETIC two-edition sample (2023 and 2024) for
trying the page's and the CLI's year-over-year views. It is not data: the 2024 rows are the bundled
estimates (seeds/data_2024.csv) moved by seeded noise, the 2023 rows those moved again; one county is
left out of each year so that the file has a new and a gone county. Run from the repository root;
the output is the same on every run (seed below)."""

import csv
import random

SEED = 20261205
SOURCE = "seeds/data_2024.csv"
OUT = "www/samples/sample-editions-synthetic.csv"
TITLE = "示例数据，非真实统计（Synthetic sample, not real statistics）：由本项目估算值加随机扰动生成，仅供试用跨年度功能"
ONLY_2024 = "350981"  # 福安市: "new" in 2024
ONLY_2023 = "350982"  # 福鼎市: "gone" in 2024


def decimals(text):
    return len(text.split(".")[1]) if "." in text else 0


def moved(text, rng, spread):
    value = float(text)
    places = decimals(text)
    return f"{value * (1 + rng.uniform(-spread, spread)):.{places}f}"


def main():
    rng = random.Random(SEED)
    with open(SOURCE, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    indicators = header[3:]
    out = []
    for row in body:
        now = row[:3] + [moved(v, rng, 0.08) if v else "" for v in row[3:]]
        before = now[:3] + [moved(v, rng, 0.15) if v else "" for v in now[3:]]
        if row[0] != ONLY_2024:
            out.append(["2023"] + before)
        if row[0] != ONLY_2023:
            out.append(["2024"] + now)
    out.sort(key=lambda r: (r[0], r[1]))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([TITLE])
        w.writerow(["year"] + header[:3] + indicators)
        w.writerows(out)


if __name__ == "__main__":
    main()
