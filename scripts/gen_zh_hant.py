#!/usr/bin/env python3
"""Writes the Traditional Chinese (Taiwan standard) forms the project ships, with OpenCC as the converter.

Nothing here is typed by hand except the reviewed choices in REVIEWED_NAMES and REVIEWED_PHRASES, each
with its reason. Run it after changing a seed name or the Simplified catalogue:

    pip install opencc==1.1.9          # OpenCC's tables, Apache-2.0; never linked into what ships
    python3 scripts/gen_zh_hant.py --opencc-dictionary PATH/TO/OpenCC/data/dictionary

It writes:
- seeds/counties.csv: the columns name_zh_hant and prefecture_zh_hant (names: OpenCC s2tw, characters
  only, so proper names keep their words);
- seeds/indicators.json: name_zh_hant, short_zh_hant, unit_zh_hant (s2tw) and definition_zh_hant,
  about_zh_hant (prose: s2twp, Taiwan vocabulary);
- crates/engine/src/i18n/zh_hant.rs: the catalogue, from crates/engine/src/i18n/zh.rs (s2twp);
- tests/data/simplified_only.txt: the characters OpenCC's STCharacters table maps only to other
  characters (Simplified-only), which the tests look for in the Traditional interface.
"""

import argparse
import csv
import io
import json
import re
import sys
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent

# Names whose conversion is ambiguous, with the form kept and why (seeds/README.md repeats this).
REVIEWED_NAMES = {
    # 里 here is the old village unit 里 (lǐ), not 裏/裡 "inside"; s2tw writes 湖裡區.
    "湖里区": "湖里區",
}

# Interface phrases where s2twp's Taiwan vocabulary would change a term of the white paper or a
# proper name: (what s2twp writes, what is kept).
REVIEWED_PHRASES = [
    # The white paper's dimension 智能制造 is a term of the index, not the general word 智慧.
    ("智慧製造", "智能製造"),
    # 代码 here is a code (行政区划代码, an indicator's code), not program code (程式碼).
    ("程式碼", "代碼"),
    # A link's parameter is 參數; 引數 is a function's argument.
    ("引數", "參數"),
    # s2twp reads 来源文件 as 来 + 源文件 (source file) and writes 來原始檔.
    ("來原始檔", "來源檔案"),
    # 交互作用 is the statistical term for an interaction effect (Sobol indices); 互動 is social interaction.
    ("互動作用", "交互作用"),
    # Variance is 變異數 in Taiwan's statistics; s2twp keeps the mainland term 方差.
    ("方差", "變異數"),
]

# Whole texts where a word alone reads another way: key -> (what is kept, why).
REVIEWED_KEYS = {
    "ExportItem": ("項目", "项目 labels a row (an item), not a project (專案)"),
}


def convert(converter, text):
    """Converts `text`, then applies the reviewed phrases."""
    out = converter.convert(text)
    for wrong, kept in REVIEWED_PHRASES:
        out = out.replace(wrong, kept)
    return out


def name(s2tw, text):
    return REVIEWED_NAMES.get(text) or s2tw.convert(text)


def write_counties(s2tw):
    path = ROOT / "seeds/counties.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    fields = [f for f in rows[0].keys() if f not in ("name_zh_hant", "prefecture_zh_hant")]
    fields += ["name_zh_hant", "prefecture_zh_hant"]
    for r in rows:
        r["name_zh_hant"] = name(s2tw, r["name_zh"])
        r["prefecture_zh_hant"] = name(s2tw, r["prefecture_zh"])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def write_indicators(s2tw, s2twp):
    path = ROOT / "seeds/indicators.json"
    system = json.loads(path.read_text(encoding="utf-8"))

    def add(item, key, converted):
        """Puts key_zh_hant right after key_en (or key_zh) so the file reads in order."""
        out = {}
        for k, v in item.items():
            if k == f"{key}_zh_hant":
                continue
            out[k] = v
            if k == f"{key}_en" or (k == f"{key}_zh" and f"{key}_en" not in item):
                out[f"{key}_zh_hant"] = converted
        return out

    for i, d in enumerate(system["dimensions"]):
        d = add(d, "name", name(s2tw, d["name_zh"]))
        if d.get("about_zh"):
            d = add(d, "about", convert(s2twp, d["about_zh"]))
        system["dimensions"][i] = d
    for i, ind in enumerate(system["indicators"]):
        for key in ("name", "short", "unit"):
            ind = add(ind, key, name(s2tw, ind[f"{key}_zh"]))
        ind = add(ind, "definition", convert(s2twp, ind["definition_zh"]))
        system["indicators"][i] = ind
    path.write_text(json.dumps(system, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


LINE = re.compile(r'^(\s*)(\w+) => "((?:[^"\\]|\\.)*)";$')


def write_catalogue(s2twp):
    source = (ROOT / "crates/engine/src/i18n/zh.rs").read_text(encoding="utf-8")
    body = source[source.index("declare_keys! {") + len("declare_keys! {") : source.index("\n}\n")]
    lines = []
    for line in body.strip("\n").split("\n"):
        m = LINE.match(line)
        if m:
            text = REVIEWED_KEYS[m[2]][0] if m[2] in REVIEWED_KEYS else convert(s2twp, m[3])
            lines.append(f'{m[1]}{m[2]} => "{text}";')
        elif line.strip().startswith("//") or not line.strip():
            lines.append(line)
        else:
            sys.exit(f"crates/engine/src/i18n/zh.rs: a catalogue line this script cannot read: {line!r}")
    text = (
        "//! The Traditional Chinese catalogue (Taiwan standard), written by scripts/gen_zh_hant.py from\n"
        "//! crates/engine/src/i18n/zh.rs with OpenCC s2twp and the phrases that script reviews; regenerate, do not edit.\n"
        "\n"
        "crate::i18n::catalogue! {\n" + "\n".join(lines) + "\n}\n"
        "\n"
        '/// "第 n 位".\n'
        "pub fn place(n: u32) -> String {\n"
        '    format!("第 {n} 位")\n'
        "}\n"
    )
    (ROOT / "crates/engine/src/i18n/zh_hant.rs").write_text(text, encoding="utf-8")


def write_simplified_only(dictionary):
    """The keys of STCharacters.txt that no table of Simplified-to-Taiwan conversion ever writes: 群 is
    not on the list (TWVariants.txt writes it for 羣), nor are 台, 干 or 里 (STCharacters.txt keeps them
    among their own choices)."""

    def table(name):
        rows = {}
        for line in (Path(dictionary) / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                key, values = line.split("\t")
                rows[key] = values.split(" ")
        return rows

    st, tw = table("STCharacters.txt"), table("TWVariants.txt")
    written = {c for values in list(st.values()) + list(tw.values()) for v in values for c in v}
    chars = [k for k in st if len(k) == 1 and k not in written]
    path = ROOT / "tests/data/simplified_only.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        "# Simplified-only characters: keys of OpenCC's STCharacters.txt that neither it nor TWVariants.txt\n"
        "# (Apache-2.0) ever writes. Written by scripts/gen_zh_hant.py; one line of characters below.\n"
        + "".join(chars)
        + "\n",
        encoding="utf-8",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opencc-dictionary", help="OpenCC's data/dictionary folder (for the character list)")
    args = parser.parse_args()
    s2tw = opencc.OpenCC("s2tw")
    s2twp = opencc.OpenCC("s2twp")
    write_counties(s2tw)
    write_indicators(s2tw, s2twp)
    write_catalogue(s2twp)
    if args.opencc_dictionary:
        write_simplified_only(args.opencc_dictionary)


if __name__ == "__main__":
    main()
