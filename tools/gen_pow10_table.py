#!/usr/bin/env python3
"""Write templates/runtime/specc_pow10.h, the powers of ten that
templates/runtime/specc_double.c scales doubles with.

    python3 tools/gen_pow10_table.py > templates/runtime/specc_pow10.h

For every p in [POW10_MIN, POW10_MAX], with e = floor(log2(10^p)):

    g(p) = ceil(10^p * 2^(127 - e)),   so 2^127 <= g(p) < 2^128

(10^p with a 128-bit significand, rounded up; exact when 10^p * 2^(127-e)
is an integer, which is the case for 0 <= p <= 55). Python's integers are
exact, so every entry is computed without rounding error;
tests/double/check_pow10_table.py re-checks each entry from its definition.
"""

POW10_MIN, POW10_MAX = -292, 324  # 10^-k for k = floor(log10(2^q)), q in [-1074, 971]


def floor_log2_pow10(p):
    """floor(log2(10^p)), exactly."""
    if p >= 0:
        return (10**p).bit_length() - 1
    # 2^e <= 10^p < 2^(e+1)  <=>  2^-e >= 10^-p > 2^-(e+1)
    d = 10**-p
    e = -(d.bit_length() - 1)  # 2^(bits-1) <= d < 2^bits
    return e - 1 if d != 1 << (-e) else e


def ceil_div(a, b):
    return -(-a // b)


def g_of(p):
    e = floor_log2_pow10(p)
    s = 127 - e
    if p >= 0:
        num, den = 10**p, 1
    else:
        num, den = 1, 10**-p
    if s >= 0:
        num <<= s
    else:
        den <<= -s
    return ceil_div(num, den), e


def main():
    print("/* {{banner}} */")
    print("/*")
    print(" * specc_pow10.h — 10^p with a 128-bit significand, for specc_double.c.")
    print(" * Written by tools/gen_pow10_table.py (do not edit); every entry is checked")
    print(" * by tests/double/check_pow10_table.py. For p in [%d, %d]:" % (POW10_MIN, POW10_MAX))
    print(" *")
    print(" *     speccp_pow10_exp2[p - SPECCP_POW10_MIN] = e = floor(log2(10^p))")
    print(" *     speccp_pow10_sig[p - SPECCP_POW10_MIN]  = g = ceil(10^p * 2^(127 - e))")
    print(" *")
    print(" * as {high 64 bits, low 64 bits}: 2^127 <= g < 2^128, and g is exact (no")
    print(" * rounding) for 0 <= p <= SPECCP_POW10_EXACT_MAX.")
    print(" */")
    print("#ifndef SPECC_POW10_H")
    print("#define SPECC_POW10_H")
    print()
    print("#include <stdint.h>")
    print()
    print("#define SPECCP_POW10_MIN (%d)" % POW10_MIN)
    print("#define SPECCP_POW10_MAX %d" % POW10_MAX)
    print("#define SPECCP_POW10_EXACT_MAX 55")
    print()
    rows, exps = [], []
    for p in range(POW10_MIN, POW10_MAX + 1):
        g, e = g_of(p)
        assert (1 << 127) <= g < (1 << 128)
        rows.append("    {0x%016xu, 0x%016xu}, /* 10^%d */" % (g >> 64, g & (2**64 - 1), p))
        exps.append(e)
    print("static const uint64_t speccp_pow10_sig[][2] = {")
    print("\n".join(rows))
    print("};")
    print()
    print("static const int16_t speccp_pow10_exp2[] = {")
    for i in range(0, len(exps), 12):
        print("    " + ", ".join("%d" % e for e in exps[i:i + 12]) + ",")
    print("};")
    print()
    print("#endif")


if __name__ == "__main__":
    main()
