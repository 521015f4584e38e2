#!/usr/bin/env python3
"""bench_targets.py — the targets of issue 12, from one `bench --json` run.

usage: build/bench --json > bench.json && python3 tools/bench_targets.py [--table] bench.json
       (or: build/bench --json | python3 tools/bench_targets.py)

Each target is a ratio between two figures of one case, taken over the
corpus and large-payload cases (kind "corpus" and "large"; the samples are
too small to time reliably):

    decode_arena   >= 0.5 x simdjson_parse
    decode         >= 4   x cjson_parse
    encode         >= 4   x cjson_print
    encode         >= 6   x jansson_dump
    decode_jansson >= 0.6 x jansson_parse
    peak_bytes.decode <= 1.5 x peak_bytes.structs

A target is met when the geometric mean of the per-case ratios meets it and
no single case is slower than the reference: for a "x >= k x ref" target,
every case's ratio must be >= min(k, 1) (x at least as fast as the
reference, or, for k < 1, at least k times as fast); for the memory target,
every case's ratio must be <= 1.5.

Prints one line per target with PASS or FAIL and exits 1 when a target is
not met (or cannot be judged: a figure is null). With --table it first
prints the document as bench prints its table. With --format-only it
checks that the document has the form `bench --json` promises, prints the
same lines for information and exits 0 unless the form is wrong (the test
suite's bench-smoke-json uses this: timing on a busy machine must not fail
a build).
"""
import json
import math
import sys

OPS = ["decode", "decode_arena", "encode", "decode_jansson", "encode_jansson",
       "jansson_parse", "jansson_dump", "cjson_parse", "cjson_print", "simdjson_parse"]

# (label, numerator, denominator, k, higher is better)
TARGETS = [
    ("decode_arena / simdjson_parse", "decode_arena", "simdjson_parse", 0.5, True),
    ("decode / cjson_parse", "decode", "cjson_parse", 4.0, True),
    ("encode / cjson_print", "encode", "cjson_print", 4.0, True),
    ("encode / jansson_dump", "encode", "jansson_dump", 6.0, True),
    ("decode_jansson / jansson_parse", "decode_jansson", "jansson_parse", 0.6, True),
    ("peak_bytes.decode / .structs", "peak:decode", "peak:structs", 1.5, False),
]


def check_form(doc):
    """Raise ValueError when doc is not what bench --json writes."""
    if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list):
        raise ValueError('no "cases" list')
    for i, c in enumerate(doc["cases"]):
        where = "cases[%d]" % i
        for key, kind in (("name", str), ("kind", str), ("target", str), ("bytes", int),
                          ("count", int), ("mb_s", dict), ("peak_bytes", dict)):
            if not isinstance(c.get(key), kind):
                raise ValueError("%s: %r missing or not %s" % (where, key, kind.__name__))
        if c["kind"] not in ("sample", "corpus", "large"):
            raise ValueError("%s: kind %r" % (where, c["kind"]))
        if c["count"] < 1 or c["bytes"] < 1:
            raise ValueError("%s: empty case" % where)
        for op in OPS:
            v = c["mb_s"].get(op, "absent")
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0):
                raise ValueError("%s: mb_s.%s is %r" % (where, op, v))
        for key in ("decode", "structs"):
            v = c["peak_bytes"].get(key)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise ValueError("%s: peak_bytes.%s is %r" % (where, key, v))


SHORT = ["decode", "arena", "encode", "dec_jsn", "enc_jsn", "jsn_prs", "jsn_dmp", "cj_prs",
         "cj_prt", "simd"]


def print_table(doc):
    print("%-48s %10s %5s %s %10s %10s" % ("case", "bytes", "count",
                                          " ".join("%7s" % n for n in SHORT), "peak", "structs"))
    for c in doc["cases"]:
        rates = " ".join("%7s" % ("-" if c["mb_s"].get(op) is None else "%.1f" % c["mb_s"][op])
                         for op in OPS)
        print("%-48.48s %10d %5d %s %10d %10d" % (c["name"], c["bytes"], c["count"], rates,
                                                 c["peak_bytes"]["decode"],
                                                 c["peak_bytes"]["structs"]))


def figure(case, name):
    if name.startswith("peak:"):
        return case["peak_bytes"][name[5:]]
    return case["mb_s"][name]


def main(argv):
    args = [a for a in argv[1:] if a not in ("--format-only", "--table")]
    format_only = "--format-only" in argv[1:]
    try:
        if args:
            with open(args[0], encoding="utf-8") as f:
                doc = json.load(f)
        else:
            doc = json.load(sys.stdin)
        check_form(doc)
    except (OSError, ValueError) as e:
        print("bench_targets: not a bench --json document: %s" % e, file=sys.stderr)
        return 2
    if "--table" in argv[1:]:
        print_table(doc)
    cases = [c for c in doc["cases"] if c["kind"] in ("corpus", "large")]
    build = doc.get("build", {})
    print("bench_targets: %d corpus and large cases (build %s, %s runs)%s"
          % (len(cases), build.get("type", "?"), build.get("runs", "?"),
             "; --quick: the numbers mean little" if build.get("quick") else ""))
    failed = 0
    for label, num, den, k, higher in TARGETS:
        ratios, unknown = [], []
        for c in cases:
            a, b = figure(c, num), figure(c, den)
            if a is None or b is None or b == 0:
                unknown.append(c["name"])
            else:
                ratios.append((a / b, c["name"]))
        want = ("%s %g" % (">=" if higher else "<=", k))
        if unknown or not ratios:
            failed += 1
            print("FAIL  %-32s %s  cannot judge: no figure for %s"
                  % (label, want, ", ".join(unknown) or "any case"))
            continue
        geo = math.exp(sum(math.log(r) for r, _ in ratios) / len(ratios))
        worst, worst_name = (min if higher else max)(ratios)
        floor = min(k, 1.0) if higher else k
        ok = (geo >= k and worst >= floor) if higher else (geo <= k and worst <= floor)
        failed += not ok
        print("%s  %-32s %s  geomean %6.2f  worst %6.2f (%s; must be %s %g)"
              % ("PASS" if ok else "FAIL", label, want, geo, worst, worst_name,
                 ">=" if higher else "<=", floor))
    if format_only:
        return 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
