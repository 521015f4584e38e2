#!/usr/bin/env python3
"""Check every entry of templates/runtime/specc_pow10.h from its definition,
with Python's exact integers (independently of tools/gen_pow10_table.py):

    e = floor(log2(10^p)):        2^e <= 10^p < 2^(e+1)
    g = ceil(10^p * 2^(127 - e)): g - 1 < 10^p * 2^(127 - e) <= g, and
                                  2^127 <= g < 2^128
    exact for 0 <= p <= SPECCP_POW10_EXACT_MAX and for no other p.

usage: check_pow10_table.py path/to/specc_pow10.h
"""
import re
import sys
from fractions import Fraction


def main():
    text = open(sys.argv[1]).read()
    lo = int(re.search(r"#define SPECCP_POW10_MIN \((-?\d+)\)", text).group(1))
    hi = int(re.search(r"#define SPECCP_POW10_MAX (\d+)", text).group(1))
    exact_max = int(re.search(r"#define SPECCP_POW10_EXACT_MAX (\d+)", text).group(1))
    rows = re.findall(r"\{0x([0-9a-f]{16})u, 0x([0-9a-f]{16})u\}, /\* 10\^(-?\d+) \*/", text)
    exps_text = text[text.index("speccp_pow10_exp2[]"):]
    exps = [int(x) for x in re.findall(r"-?\d+", exps_text[exps_text.index("{"):exps_text.index("}")])]
    bad = 0
    if len(rows) != hi - lo + 1 or len(exps) != hi - lo + 1:
        print("FAIL: %d rows, %d exponents for p in [%d, %d]" % (len(rows), len(exps), lo, hi))
        return 1
    for i, (h, l, p_text) in enumerate(rows):
        p = lo + i
        g = int(h, 16) << 64 | int(l, 16)
        e = exps[i]
        ten = Fraction(10) ** p
        ok = int(p_text) == p
        ok = ok and Fraction(2) ** e <= ten < Fraction(2) ** (e + 1)
        want = ten * Fraction(2) ** (127 - e)
        ok = ok and g - 1 < want <= g and (1 << 127) <= g < (1 << 128)
        ok = ok and (want == g) == (0 <= p <= exact_max)
        if not ok:
            print("FAIL: entry for 10^%d" % p)
            bad += 1
    print("%d entries checked, %d bad" % (len(rows), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
