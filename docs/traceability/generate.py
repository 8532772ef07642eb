#!/usr/bin/env python3
"""Generate the traceability matrix (docs/traceability/*.csv) from the canonical spec.

Reads  <spec>/function-points.csv and <spec>/service-list.csv, where <spec> is $HNSW_SPEC_DIR or,
by default, ../shared/spec relative to the repository root. English names come from the
translation tables in i18n/ (see README.md).

Re-running is safe: for every row already present in an area file (key area,system_no,fp) or in
service-list.csv (key entry) the columns status, code_ref, test_ref and name_en are kept as they are;
only the Chinese columns and the English system name are refreshed from the spec. New rows start
as status "none" with empty refs. Use --refresh-names to overwrite name_en from i18n/ as well.

Usage:
  python3 docs/traceability/generate.py                  write the CSVs and refresh the README summary
  python3 docs/traceability/generate.py --check          exit 1 if any file would change (writes nothing)
  python3 docs/traceability/generate.py --refresh-names  also re-derive name_en for existing rows
  python3 docs/traceability/generate.py --summary        print the status summary table only

Python 3 standard library only.
"""
import argparse
import csv
import io
import os
import re
import sys
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
I18N = os.path.join(HERE, "i18n")

AREAS = ["passenger", "ledger", "window", "port", "customs", "maritime"]
STATUSES = ["done", "partial", "none"]
FP_HEADER = ["area", "system_no", "system", "fp", "module_zh", "submodule_zh", "name_zh",
             "name_en", "status", "code_ref", "test_ref"]
SVC_HEADER = ["entry", "system_zh", "subsystem_zh", "description_zh", "name_en", "status",
              "code_ref", "test_ref"]
PRESERVED = ("status", "code_ref", "test_ref")
SUMMARY_START = "<!-- summary:start -->"
SUMMARY_END = "<!-- summary:end -->"
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def spec_dir():
    d = os.environ.get("HNSW_SPEC_DIR") or os.path.join(REPO_ROOT, "..", "shared", "spec")
    d = os.path.normpath(d)
    if not os.path.isfile(os.path.join(d, "function-points.csv")):
        sys.exit(f"generate.py: no function-points.csv in {d} (set HNSW_SPEC_DIR)")
    return d


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def table(name, key="zh", value="en"):
    out = {}
    for row in read_csv(os.path.join(I18N, name)):
        out[row[key]] = row[value]
    return out


def render(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    return buf.getvalue()


def as_object(en):
    """'A: B' used as the object of a composed name becomes 'A – B' (one colon per name)."""
    return en.replace(": ", " – ")


def existing(path, key_fn):
    if not os.path.exists(path):
        return OrderedDict()
    return OrderedDict((key_fn(r), r) for r in read_csv(path))


def build(refresh_names=False):
    sdir = spec_dir()
    systems, subs, names = table("systems.csv"), table("submodules.csv"), table("names.csv")
    contextual = table("contextual-names.csv")
    svc_names = table("service-list.csv", key="entry")

    missing = set()

    def name_en(x):
        sub = subs.get(x["submodule_zh"])
        if sub is None:
            missing.add(("submodules.csv", x["submodule_zh"]))
            return ""
        n = x["name_zh"]
        if n == "":  # one FP has no name in the tender: use its sub-module
            return sub
        if n in contextual:  # generic names ("handle errors") are qualified by their sub-module
            return f"{as_object(sub)}: {contextual[n]}"
        if n not in names:
            missing.add(("names.csv", n))
            return ""
        return names[n]

    files = OrderedDict()
    spec_rows = read_csv(os.path.join(sdir, "function-points.csv"))
    dropped = []
    for area in AREAS:
        path = os.path.join(HERE, f"{area}.csv")
        old = existing(path, lambda r: (r["area"], r["system_no"], r["fp"]))
        rows, seen = [], set()
        for x in spec_rows:
            if x["area"] != area:
                continue
            key = (x["area"], x["system_no"], x["fp"])
            seen.add(key)
            if x["system_zh"] not in systems:
                missing.add(("systems.csv", x["system_zh"]))
            row = {
                "area": area, "system_no": x["system_no"], "system": systems.get(x["system_zh"], ""),
                "fp": x["fp"], "module_zh": x["module_zh"], "submodule_zh": x["submodule_zh"],
                "name_zh": x["name_zh"], "name_en": name_en(x), "status": "none",
                "code_ref": "", "test_ref": "",
            }
            prev = old.get(key)
            if prev:
                for c in PRESERVED:
                    row[c] = prev.get(c, row[c]) or ("none" if c == "status" else "")
                if prev.get("name_en") and not refresh_names:
                    row["name_en"] = prev["name_en"]
            rows.append(row)
        dropped += [k for k in old if k not in seen]
        files[path] = (FP_HEADER, rows)

    path = os.path.join(HERE, "service-list.csv")
    old = existing(path, lambda r: r["entry"])
    rows = []
    for x in read_csv(os.path.join(sdir, "service-list.csv")):
        if x["entry"] not in svc_names:
            missing.add(("service-list.csv", x["entry"]))
        row = {"entry": x["entry"], "system_zh": x["system_zh"], "subsystem_zh": x["subsystem_zh"],
               "description_zh": x["description_zh"], "name_en": svc_names.get(x["entry"], ""),
               "status": "none", "code_ref": "", "test_ref": ""}
        prev = old.get(x["entry"])
        if prev:
            for c in PRESERVED:
                row[c] = prev.get(c, row[c]) or ("none" if c == "status" else "")
            if prev.get("name_en") and not refresh_names:
                row["name_en"] = prev["name_en"]
        rows.append(row)
    dropped += [("service-list", k) for k in old if k not in {r["entry"] for r in rows}]
    files[path] = (SVC_HEADER, rows)

    if missing:
        for t, z in sorted(missing)[:50]:
            print(f"missing translation in i18n/{t}: {z}", file=sys.stderr)
        sys.exit(f"generate.py: {len(missing)} missing translations; add them to i18n/ and re-run")
    for k in dropped:
        print(f"warning: row {k} is no longer in the spec and was dropped", file=sys.stderr)
    return files


def summary(files):
    counts = OrderedDict()
    for path, (_, rows) in files.items():
        label = os.path.splitext(os.path.basename(path))[0]
        counts[label] = Counter(r["status"] for r in rows)
    lines = ["| file | rows | done | partial | none |", "|---|---:|---:|---:|---:|"]
    total = Counter()
    for label, c in counts.items():
        n = sum(c.values())
        total.update(c)
        lines.append(f"| {label} | {n:,} | {c['done']:,} | {c['partial']:,} | {c['none']:,} |")
    fp_total = Counter()
    for label, c in counts.items():
        if label != "service-list":
            fp_total.update(c)
    lines.append(f"| **all FPs** | {sum(fp_total.values()):,} | {fp_total['done']:,} | "
                 f"{fp_total['partial']:,} | {fp_total['none']:,} |")
    return "\n".join(lines) + "\n"


def validate(files):
    problems = []
    for path, (_, rows) in files.items():
        for r in rows:
            where = f"{os.path.basename(path)}:{r.get('entry') or r.get('fp')}"
            if r["status"] not in STATUSES:
                problems.append(f"{where}: bad status {r['status']!r}")
            if not r["name_en"].strip() or CJK.search(r["name_en"]):
                problems.append(f"{where}: bad name_en {r['name_en']!r}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    ap.add_argument("--refresh-names", action="store_true", help="overwrite name_en from i18n/")
    ap.add_argument("--summary", action="store_true", help="print the summary table only")
    args = ap.parse_args()

    files = build(refresh_names=args.refresh_names)
    table_md = summary(files)
    if args.summary:
        print(table_md, end="")
        return 0
    problems = validate(files)
    for p in problems[:20]:
        print(p, file=sys.stderr)

    outputs = OrderedDict((p, render(h, rows)) for p, (h, rows) in files.items())
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        text = open(readme, encoding="utf-8").read()
        if SUMMARY_START in text and SUMMARY_END in text:
            head, rest = text.split(SUMMARY_START, 1)
            _, tail = rest.split(SUMMARY_END, 1)
            outputs[readme] = f"{head}{SUMMARY_START}\n{table_md}{SUMMARY_END}{tail}"

    changed = []
    for path, content in outputs.items():
        cur = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if cur != content:
            changed.append(path)
            if not args.check:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(content)
    print(table_md, end="")
    verb = "would change" if args.check else "written"
    for p in changed:
        print(f"{verb}: {os.path.relpath(p, REPO_ROOT)}")
    if problems:
        return 1
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
