/* {{banner}} */
/*
 * specc_double.c — doubles to and from JSON text, without the C library's
 * locale: the shortest text that reads back as exactly the same double
 * (speccp_format_double, speccp_number_text), and a correctly rounded reader
 * (speccp_parse_double).
 *
 * Writing follows Raffaello Giulietti's Schubfach ("The Schubfach way to
 * render doubles", 2020): a double v has a rounding interval R of the reals
 * that read back as v; scaled by 10^-k for a k that makes R between 1 and
 * 10 units wide, the shortest decimal in R is either its only multiple of 10
 * or one of the two integers around v. The scaling is done with 128-bit
 * powers of ten (specc_pow10.h). Unlike the paper, which proves from the
 * continued fractions of the powers of ten that its approximation never
 * misleads, this file checks each product: when the approximate product is
 * too close to an integer to tell, it decides exactly with small big-number
 * arithmetic (compare_exact), so correctness rests only on the error bound
 * explained at scale().
 *
 * Reading tries Clinger's fast path (an exact integer of at most 2^53 times
 * an exact power of ten, one correctly rounded IEEE operation), then, for up
 * to 19 significant digits, the same 128-bit powers of ten with a bound on
 * their error (as Eisel and Lemire do: when the bound cannot tell which way
 * to round, and for subnormal or huge results, strtod decides), and leaves
 * everything else to strtod.
 */
#include "specc_internal.h"
#include "specc_pow10.h"

#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ 64 x 64 -> 128 */

/* a * b: the low 64 bits returned, the high 64 in *hi. unsigned __int128
 * where the compiler has it (define SPECCP_NO_INT128 to test the other
 * path), otherwise four 32 x 32 -> 64 products. */
#if defined(__SIZEOF_INT128__) && !defined(SPECCP_NO_INT128)
__extension__ typedef unsigned __int128 speccp_u128;

static uint64_t mul_64x64(uint64_t a, uint64_t b, uint64_t *hi)
{
    speccp_u128 p = (speccp_u128)a * b;
    *hi = (uint64_t)(p >> 64);
    return (uint64_t)p;
}
#else
static uint64_t mul_64x64(uint64_t a, uint64_t b, uint64_t *hi)
{
    const uint64_t m32 = 0xffffffffu;
    uint64_t a0 = a & m32, a1 = a >> 32, b0 = b & m32, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    /* the middle column: at most 3 (2^32 - 1) */
    uint64_t mid = (p00 >> 32) + (p01 & m32) + (p10 & m32);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return (mid << 32) | (p00 & m32);
}
#endif

/* ------------------------------------------- exact comparison (rarely) */

/* A non-negative integer of up to 40 x 32 bits (1280; the largest number
 * compared is below 2^830: a 57-bit integer times 5^324 or times 2^760). */
typedef struct bignum {
    uint32_t d[40]; /* little-endian */
    int n;          /* limbs in use; no leading zero limbs */
} bignum;

static void big_set(bignum *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->d[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static void big_mul_small(bignum *b, uint32_t m)
{
    uint64_t carry = 0;
    int i;
    for (i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->d[i] * m + carry;
        b->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry)
        b->d[b->n++] = (uint32_t)carry;
}

static void big_mul_pow5(bignum *b, int e)
{
    static const uint32_t pow5[14] = {1,       5,        25,        125,       625,
                                      3125,    15625,    78125,     390625,    1953125,
                                      9765625, 48828125, 244140625, 1220703125};
    for (; e >= 13; e -= 13)
        big_mul_small(b, pow5[13]);
    big_mul_small(b, pow5[e]);
}

static void big_shift_left(bignum *b, int s)
{
    int words = s / 32, bits = s % 32, i;
    if (b->n == 0)
        return;
    b->d[b->n] = 0;
    if (bits)
        for (i = b->n; i > 0; i--)
            b->d[i] = (b->d[i] << bits) | (b->d[i - 1] >> (32 - bits));
    b->d[0] <<= bits;
    b->n += b->d[b->n] != 0;
    for (i = b->n - 1; i >= 0; i--)
        b->d[i + words] = b->d[i];
    for (i = 0; i < words; i++)
        b->d[i] = 0;
    b->n += words;
}

static int big_compare(const bignum *a, const bignum *b)
{
    int i;
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* The sign of x * 2^e2 * 5^e5 - m, exactly: each side's negative powers
 * move to the other side as positive ones. */
static int compare_exact(uint64_t x, int e2, int e5, uint64_t m)
{
    bignum a, b;
    big_set(&a, x);
    big_set(&b, m);
    big_mul_pow5(e5 >= 0 ? &a : &b, e5 >= 0 ? e5 : -e5);
    big_shift_left(e2 >= 0 ? &a : &b, e2 >= 0 ? e2 : -e2);
    return big_compare(&a, &b);
}

/* ------------------------------------------------------------- scaling */

/* floor(t) and whether t is an integer, for a real t >= 0. */
typedef struct scaled {
    uint64_t floor;
    bool exact;
} scaled;

static uint64_t pow5_u64(int e)
{
    uint64_t r = 1;
    while (e-- > 0)
        r *= 5;
    return r;
}

/* 64 bits of the 256-bit number p[0..3] (little-endian) from bit `at`. */
static uint64_t bits_at(const uint64_t p[4], int at)
{
    int i = at / 64, r = at % 64;
    return r ? (p[i] >> r) | (p[i + 1] << (64 - r)) : p[i];
}

/* t = x * 2^e2 * 10^p, for x < 2^57 and a t below 2^58.
 *
 * With the table's g = ceil(10^p * 2^(127 - e)), e = floor(log2(10^p)), the
 * full 192-bit product x * g shifted right by sh = 127 - e - e2 is t' with
 * t <= t' = t (1 + r), 0 <= r < 2^-127 (g >= 2^127 is too large by less
 * than 1), so 0 <= t' - t < 2^58 * 2^-127 = 2^-69. Hence when the 64 bits of
 * t' below the binary point are not all zero (frac(t') >= 2^-64), t lies
 * strictly between floor(t') and floor(t') + 1: same floor, not an integer.
 * Otherwise t is within 2^-64 of the integer m = floor(t'): when g is exact
 * (p in [0, 55]) the product is t itself, and its lower bits say whether it
 * is m; for p in [-24, -1], t = x 2^(e2+p) / 5^-p is an integer exactly when
 * 5^-p divides x; else compare_exact decides (t < m means floor(t) = m - 1,
 * since t is within 2^-69 of m). */
static scaled scale(uint64_t x, int e2, int p)
{
    const uint64_t *g = speccp_pow10_sig[p - SPECCP_POW10_MIN];
    int sh = 127 - speccp_pow10_exp2[p - SPECCP_POW10_MIN] - e2; /* 126..129 here */
    uint64_t prod[4], lo_hi, hi_hi, hi_lo;
    scaled out;

    prod[0] = mul_64x64(x, g[1], &lo_hi);
    hi_lo = mul_64x64(x, g[0], &hi_hi);
    prod[1] = lo_hi + hi_lo;
    prod[2] = hi_hi + (prod[1] < lo_hi);
    prod[3] = 0;
    out.floor = bits_at(prod, sh);
    out.exact = false;
    if (bits_at(prod, sh - 64) != 0)
        return out;
    if (p >= 0 && p <= SPECCP_POW10_EXACT_MAX) {
        /* bits below sh - 64 (sh - 64 >= 62: prod[0] and perhaps a few of prod[1]) */
        int below = sh - 64;
        uint64_t low1 = below > 64 ? prod[1] << (128 - below) : 0;
        uint64_t low0 = below >= 64 ? prod[0] : prod[0] << (64 - below);
        out.exact = low0 == 0 && low1 == 0;
        return out;
    }
    if (p < 0 && p >= -24 && e2 + p >= 0 && x % pow5_u64(-p) == 0) {
        /* t = (x / 5^-p) 2^(e2 + p), an integer. (Were 5^-p not to divide
         * x, t would be at least 5^-24 > 2^-64 from any integer, and we
         * would not be here.) */
        out.exact = true;
        return out;
    }
    switch (compare_exact(x, e2 + p, p, out.floor)) {
    case 0:
        out.exact = true;
        break;
    case -1:
        out.floor--;
        break;
    default:
        break;
    }
    return out;
}

/* floor(v / 2^s) for a possibly negative v (>> of a negative int is
 * implementation-defined in C). */
static int floor_shift(int32_t v, int s)
{
    return v >= 0 ? (int)(v >> s) : -(int)((-(v + 1) >> s) + 1);
}

/* floor(log10(2^q)) and floor(log10(3/4 * 2^q)) for |q| <= 1100: the
 * logarithms times 2^18 / 2^22, rounded (78913 = round(2^18 log10 2);
 * 1262611 = round(2^22 log10 2), 524031 = round(-2^22 log10(3/4))). The
 * errors are far below the distance of these logarithms from the next
 * integer for every q of a double; tests/double checks each q. */
static int floor_log10_pow2(int q)
{
    return floor_shift((int32_t)q * 78913, 18);
}

static int floor_log10_three_quarters_pow2(int q)
{
    return floor_shift((int32_t)q * 1262611 - 524031, 22);
}

/* ------------------------------------------------------ shortest digits */

/* The rounding interval of v = c 2^q scaled by 10^-k: its ends' floors and
 * exactness, and whether it includes its ends (round half to even: when c
 * is even). */
typedef struct interval {
    scaled lo, hi;
    bool closed;
} interval;

/* Is the integer n in the scaled interval [L, H]? n >= L exactly when n >
 * floor(L), or n = floor(L) and L is that integer (then only if the ends
 * are included); n <= H exactly when n <= floor(H), excluding n = H when
 * the ends are not included. */
static bool in_interval(const interval *r, uint64_t n)
{
    bool above = n > r->lo.floor || (n == r->lo.floor && r->lo.exact && r->closed);
    bool below = n < r->hi.floor || (n == r->hi.floor && (r->closed || !r->hi.exact));
    return above && below;
}

/* The shortest decimal digits n (n * 10^*exp10) in the rounding interval of
 * v = c 2^q (c < 2^53; c >= 2^52 unless q is the least), the one nearest v
 * among several.
 *
 * R = [v - 2^(q-1), v + 2^(q-1)], or [v - 2^(q-2), v + 2^(q-1)] when c =
 * 2^52 and the next double down has half the spacing. With k =
 * floor(log10(width of R)), R scaled by 10^-k is at least 1 and less than 10
 * wide, so it holds at most one multiple of 10 and at least one integer; of
 * the decimals in R, those with the fewest significant digits are the ones
 * with the most trailing zeros: that multiple of 10 when there is one (at
 * most one multiple of 100, 1000, ... too, so it is that one); else
 * integers, all with as many digits (a change in their number would mean a
 * power of ten, a multiple of 10, in R), of which the nearest to v is
 * floor(v 10^-k) or the one above, whichever is in R; both in R: the
 * nearer, a tie to even.
 * All positions are counted in quarters of 2^q: R's ends are (4c - 2) 2^(q-2)
 * (or 4c - 1) and (4c + 2) 2^(q-2); 2v is 8c 2^(q-2). */
static uint64_t shortest(uint64_t c, int q, int *exp10)
{
    bool asymmetric = c == (uint64_t)1 << 52 && q > -1074;
    int k = asymmetric ? floor_log10_three_quarters_pow2(q) : floor_log10_pow2(q);
    interval r;
    scaled twice;
    uint64_t s, s10;
    bool s_in, t_in;

    r.lo = scale(4 * c - (asymmetric ? 1 : 2), q - 2, -k);
    r.hi = scale(4 * c + 2, q - 2, -k);
    r.closed = c % 2 == 0;
    twice = scale(8 * c, q - 2, -k); /* 2 v 10^-k */
    s = twice.floor / 2;
    *exp10 = k;

    s10 = s / 10 * 10;
    s_in = in_interval(&r, s10);
    t_in = in_interval(&r, s10 + 10);
    if (s_in != t_in)
        return s_in ? s10 : s10 + 10;

    s_in = in_interval(&r, s);
    t_in = in_interval(&r, s + 1);
    if (s_in && t_in) {
        /* v 10^-k - s is below a half (twice.floor even), above (odd and
         * inexact), or exactly a half */
        if (twice.floor % 2 == 0)
            return s;
        return !twice.exact || s % 2 == 1 ? s + 1 : s;
    }
    return s_in ? s : s + 1;
}

/* ---------------------------------------------------------------- text */

/* The decimal digits of n, at the end of tmp (no NUL): returns where they
 * start, their count in *count. Eight digits at a time in 32-bit
 * arithmetic, two per division. */
static const char *digits_of(uint64_t n, char tmp[24], int *count)
{
    static const char pairs[201] = "00010203040506070809101112131415161718192021222324"
                                   "25262728293031323334353637383940414243444546474849"
                                   "50515253545556575859606162636465666768697071727374"
                                   "75767778798081828384858687888990919293949596979899";
    char *p = tmp + 24;
    uint32_t m;
    int i;
    while (n >= 100000000) {
        m = (uint32_t)(n % 100000000);
        n /= 100000000;
        for (i = 0; i < 4; i++, m /= 100) {
            p -= 2;
            memcpy(p, pairs + 2 * (m % 100), 2);
        }
    }
    for (m = (uint32_t)n; m >= 100; m /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (m % 100), 2);
    }
    if (m >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * m, 2);
    } else {
        *--p = (char)('0' + m);
    }
    *count = (int)(tmp + 24 - p);
    return p;
}

/* digits[0..nd) times 10^x10 (x10 the position of the first digit) in the
 * layout documented at speccp_format_double. */
static size_t layout(char *out, const char *digits, int nd, int x10)
{
    size_t n = 0;
    int i, places = nd > 15 ? nd : 15;
    if (x10 < -4 || x10 >= places) {
        out[n++] = digits[0];
        if (nd > 1) {
            out[n++] = '.';
            for (i = 1; i < nd; i++)
                out[n++] = digits[i];
        }
        out[n++] = 'e';
        out[n++] = x10 < 0 ? '-' : '+';
        if (x10 < 0)
            x10 = -x10;
        if (x10 >= 100)
            out[n++] = (char)('0' + x10 / 100);
        out[n++] = (char)('0' + x10 / 10 % 10);
        out[n++] = (char)('0' + x10 % 10);
        return n;
    }
    if (x10 < 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (i = -1; i > x10; i--)
            out[n++] = '0';
        for (i = 0; i < nd; i++)
            out[n++] = digits[i];
        return n;
    }
    for (i = 0; i <= x10; i++)
        out[n++] = i < nd ? digits[i] : '0';
    out[n++] = '.';
    if (nd <= x10 + 1)
        out[n++] = '0';
    for (i = x10 + 1; i < nd; i++)
        out[n++] = digits[i];
    return n;
}

/* The text of a finite nonzero |d| = c 2^q (c with its hidden bit). */
static size_t format_finite(uint64_t c, int q, char *out)
{
    char tmp[24];
    const char *digits;
    uint64_t n;
    int exp10 = 0, nd;

    /* An integer below 2^53 is its own shortest form: R is at most 1 wide,
     * so no other integer, and so no shorter decimal, lies in it. */
    if (q <= 0 && q >= -52 && (c & (((uint64_t)1 << -q) - 1)) == 0)
        n = c >> -q;
    else
        n = shortest(c, q, &exp10);
    while (n % 100000000 == 0) { /* trailing zeros: eight, then 4, 2, 1 */
        n /= 100000000;
        exp10 += 8;
    }
    if (n % 10000 == 0) {
        n /= 10000;
        exp10 += 4;
    }
    if (n % 100 == 0) {
        n /= 100;
        exp10 += 2;
    }
    if (n % 10 == 0) {
        n /= 10;
        exp10++;
    }
    digits = digits_of(n, tmp, &nd);
    return layout(out, digits, nd, exp10 + nd - 1);
}

size_t speccp_format_double(double d, char *buf, size_t size)
{
    uint64_t bits, c;
    int e;
    char text[32], *out = size >= sizeof text ? buf : text;
    size_t len = 0;

    memcpy(&bits, &d, sizeof bits);
    c = bits & (((uint64_t)1 << 52) - 1);
    e = (int)((bits >> 52) & 0x7ff);
    if (bits >> 63)
        out[len++] = '-';
    if (e == 0x7ff) {
        memcpy(out + len, c ? "nan" : "inf", 3); /* outside the contract */
        len += 3;
    } else if (e == 0 && c == 0) {
        memcpy(out + len, "0.0", 3);
        len += 3;
    } else if (e == 0) {
        len += format_finite(c, -1074, out + len);
    } else {
        len += format_finite(c | (uint64_t)1 << 52, e - 1075, out + len);
    }
    if (out == text) { /* a small buffer: as much as fits */
        if (len >= size)
            len = size ? size - 1 : 0;
        if (size)
            memcpy(buf, text, len);
    }
    if (size)
        buf[len] = '\0';
    return len;
}

size_t speccp_number_text(double d, char *buf, size_t size)
{
    if (speccp_number_is_integer(d)) {
        size_t n = speccp_int_text((int64_t)d, buf);
        buf[n] = '\0';
        return n;
    }
    return speccp_format_double(d, buf, size);
}

/* ------------------------------------------------------------- reading */

/* A JSON number literal with at most 19 significant digits: (-1)^neg w
 * 10^e10, w < 10^19 < 2^64. */
typedef struct literal {
    uint64_t w;
    int e10;
    bool neg;
} literal;

/* The literal t[0..len) (the whole of it, by the JSON grammar), when its
 * significant digits fit: false for anything else, and for exponents or
 * runs of leading zeros beyond any use (strtod reads those). */
static bool scan_literal(const char *t, size_t len, literal *lit)
{
    size_t i = 0, start;
    int digits = 0, ex = 0;
    bool eneg = false;

    lit->w = 0;
    lit->e10 = 0;
    lit->neg = len > 0 && t[0] == '-';
    i = lit->neg;
    if (i < len && t[i] == '0') {
        i++;
    } else {
        for (start = i; i < len && t[i] >= '0' && t[i] <= '9'; i++, digits++) {
            if (digits >= 19)
                return false;
            lit->w = lit->w * 10 + (uint64_t)(t[i] - '0');
        }
        if (i == start)
            return false;
    }
    if (i < len && t[i] == '.') {
        for (start = ++i; i < len && t[i] >= '0' && t[i] <= '9'; i++, lit->e10--) {
            if (digits >= 19 || lit->e10 < -400)
                return false;
            lit->w = lit->w * 10 + (uint64_t)(t[i] - '0');
            digits += lit->w != 0; /* leading zeros are not significant */
        }
        if (i == start)
            return false;
    }
    if (i < len && (t[i] == 'e' || t[i] == 'E')) {
        if (++i < len && (t[i] == '+' || t[i] == '-'))
            eneg = t[i++] == '-';
        for (start = i; i < len && t[i] >= '0' && t[i] <= '9'; i++) {
            if (ex >= 1000)
                return false;
            ex = ex * 10 + (t[i] - '0');
        }
        if (i == start)
            return false;
    }
    lit->e10 += eneg ? -ex : ex;
    return i == len;
}

/* Clinger's fast path: when w <= 2^53 and 10^|e10| is exact in a double
 * (|e10| <= 22), w * 10^e10 or w / 10^-e10 is one IEEE operation on exact
 * operands, which rounds the exact result correctly, as strtod must. When
 * e10 > 22, w * 10^(e10 - 22) may still be an exact integer <= 2^53. Needs
 * arithmetic in double precision itself (FLT_EVAL_METHOD 0: not x87) and
 * the default rounding mode. */
static bool parse_clinger(const literal *lit, double *out)
{
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                           1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                           1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const uint64_t limit = (uint64_t)1 << 53;
    uint64_t w = lit->w;
    int e10 = lit->e10;
    double v;

    if (w > limit || e10 < -22 || e10 > 22 + 15)
        return false;
    if (e10 > 22) {
        uint64_t scale10 = (uint64_t)exact_pow10[e10 - 22];
        if (w > limit / scale10)
            return false;
        w *= scale10;
        e10 = 22;
    }
    v = (double)w;
    v = e10 < 0 ? v / exact_pow10[-e10] : v * exact_pow10[e10];
    *out = lit->neg ? -v : v;
    return true;
#else
    (void)lit;
    (void)out;
    return false;
#endif
}

/* w 10^e10 rounded to nearest (ties to even) from the 128-bit power of ten,
 * for a normal result, else false. With w shifted left by z so that
 * 2^63 <= w' < 2^64, and g = ceil(10^e10 2^(127-e)) from the table, the
 * exact X = w' 10^e10 2^(127-e) and the integer P = w' g satisfy
 * P - 2^64 < X <= P, and P is in [2^190, 2^192). The double is X's top 53
 * bits m, rounded by the B = 138 or 139 bits below them (R), scaled by
 * 2^(B + e - 127 - z). X's bits below differ from P's by less than 2^64, far
 * less than half a unit (2^(B-1)): if R < 2^(B-1), so is X's, round down (if
 * X is just below m 2^B, it is still within 2^64 of it and rounds up to it);
 * if R > 2^(B-1) + 2^64, X is above the halfway point too, round up. In
 * between, near a tie, the answer is left to strtod. Integer arithmetic
 * only, so the rounding mode of the FPU plays no part. */
static bool parse_scaled(const literal *lit, double *out)
{
    const uint64_t *g;
    uint64_t w = lit->w, p1, p2, lo_hi, hi_hi, hi_lo, m, rest, half, bits;
    int z = 0, b, biased;

    if (lit->e10 < SPECCP_POW10_MIN || lit->e10 > SPECCP_POW10_MAX || w == 0)
        return false;
    for (b = 32; b > 0; b /= 2)
        if (w < (uint64_t)1 << (64 - b)) {
            w <<= b;
            z += b;
        }
    g = speccp_pow10_sig[lit->e10 - SPECCP_POW10_MIN];
    (void)mul_64x64(w, g[1], &lo_hi); /* P = p2 p1 (p0): p0 plays no part */
    hi_lo = mul_64x64(w, g[0], &hi_hi);
    p1 = lo_hi + hi_lo;
    p2 = hi_hi + (p1 < lo_hi);
    b = p2 >> 63 ? 139 : 138;
    m = p2 >> (b - 128);
    rest = p2 & (((uint64_t)1 << (b - 128)) - 1); /* R's bits from 2^128 up */
    half = (uint64_t)1 << (b - 129);
    if (rest == half && p1 <= 1)
        return false; /* R within 2^64 above the halfway point: a near tie */
    if (rest > half || (rest == half && p1 > 1)) {
        if (++m == (uint64_t)1 << 53) {
            m >>= 1;
            b++;
        }
    }
    /* value m 2^(b + e - 127 - z), m in [2^52, 2^53): exponent field */
    biased = b + speccp_pow10_exp2[lit->e10 - SPECCP_POW10_MIN] - 127 - z + 52 + 1023;
    if (biased < 1 || biased > 2046)
        return false; /* subnormal or beyond double: strtod */
    bits = (uint64_t)lit->neg << 63 | (uint64_t)biased << 52 | (m & (((uint64_t)1 << 52) - 1));
    memcpy(out, &bits, sizeof bits);
    return true;
}

/* strtod and printf follow LC_NUMERIC; JSON always uses '.'. Swap it for the
 * locale's point on the way in (as jansson does). */
static char locale_point(void)
{
    const struct lconv *lc = localeconv();
    return lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
}

static specc_code parse_strtod(const char *text, size_t len, double *out)
{
    char small[64], *buf = small, *end;
    char point = locale_point();
    size_t i;
    double d;

    if (len >= sizeof small) {
        buf = specc_alloc(len + 1);
        if (!buf)
            return SPECC_ERR_NOMEM;
    }
    memcpy(buf, text, len);
    buf[len] = '\0';
    if (point != '.')
        for (i = 0; i < len; i++)
            if (buf[i] == '.')
                buf[i] = point;
    errno = 0;
    d = strtod(buf, &end);
    if (buf != small)
        specc_free(buf);
    if ((errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL)) || !isfinite(d))
        return SPECC_ERR_RANGE;
    *out = d;
    return SPECC_OK;
}

specc_code speccp_parse_double(const char *text, size_t len, double *out)
{
    literal lit;
    if (scan_literal(text, len, &lit)) {
        if (lit.w == 0) {
            *out = lit.neg ? -0.0 : 0.0;
            return SPECC_OK;
        }
        if (parse_clinger(&lit, out) || parse_scaled(&lit, out))
            return SPECC_OK;
    }
    return parse_strtod(text, len, out);
}
