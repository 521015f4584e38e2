/*
 * test_double — the runtime's doubles (templates/runtime/specc_double.c)
 * against glibc's strtod and printf, which are exact:
 *
 *   test_double hard                      edge cases, the scaling, the layout
 *   test_double bits SEED COUNT EVERY     COUNT random bit patterns (every
 *                                         exponent, subnormals too); the
 *                                         shortness check on every EVERY-th
 *   test_double decimals SEED COUNT       COUNT random decimals of 1 to 19
 *                                         digits: formatted (never longer than
 *                                         the decimal) and parsed (so is
 *                                         every 4th text written)
 *   test_double parse SEED COUNT          COUNT random number literals, and
 *                                         COUNT literals near ties, parsed
 *
 * It includes specc_double.c itself so that it can check the file's static
 * pieces (scale, the floor-log formulas, compare_exact) directly; the build
 * makes it twice, once with SPECCP_NO_INT128 (the portable 64 x 64 product).
 */
#include "specc_double.c"

#include "double_check.h"

#include <stdio.h>

static int failures;

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        if (failures++ < 20) {                                                                     \
            fprintf(stderr, "FAIL: " __VA_ARGS__);                                                 \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

/* splitmix64 */
static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static double from_bits(uint64_t u)
{
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static void check_format(double d, bool shortest)
{
    char text[40], why[200];
    int n;
    if (!dc_check_format(d, shortest, text, &n, why, sizeof why))
        FAIL("format %a: %s", d, why);
}

static void check_parse(const char *text)
{
    char why[200];
    if (!dc_check_parse(text, strlen(text), why, sizeof why))
        FAIL("parse: %s", why);
}

/* --------------------------------------------------------------- hard */

/* k for every q: 2^q 10^-k (and 3/4 2^q 10^-k where the interval is
 * asymmetric) between 1 and 10, which scale() itself decides exactly; and
 * every p used is in the table. */
static void test_k(void)
{
    int q;
    for (q = -1074; q <= 971; q++) {
        int k = floor_log10_pow2(q), k3 = floor_log10_three_quarters_pow2(q);
        scaled t;
        if (-k < SPECCP_POW10_MIN || -k > SPECCP_POW10_MAX || -k3 < SPECCP_POW10_MIN ||
            -k3 > SPECCP_POW10_MAX) {
            FAIL("q %d: k %d or %d outside the table", q, k, k3);
            continue;
        }
        t = scale(4, q - 2, -k);
        if (t.floor < 1 || t.floor > 9)
            FAIL("q %d: 2^q 10^-%d is not in [1, 10)", q, k);
        t = scale(3, q - 2, -k3);
        if (q > -1074 && (t.floor < 1 || t.floor > 9))
            FAIL("q %d: 3/4 2^q 10^-%d is not in [1, 10)", q, k3);
    }
}

/* scale(x, e2, p) against compare_exact: floor(t) <= t < floor(t) + 1 and
 * exact iff t == floor(t). */
static void check_scale(uint64_t x, int q, int k)
{
    scaled t = scale(x, q - 2, -k);
    int at = compare_exact(x, q - 2 - k, -k, t.floor);
    if (at < 0 || (at == 0) != t.exact || compare_exact(x, q - 2 - k, -k, t.floor + 1) >= 0)
        FAIL("scale(%llu, 2^%d 10^%d) = %llu%s", (unsigned long long)x, q - 2, -k,
             (unsigned long long)t.floor, t.exact ? " exactly" : "");
}

static void test_scale(void)
{
    static const uint64_t pow5[25] = {1u, 5u, 25u, 125u, 625u, 3125u, 15625u, 78125u, 390625u,
                                      1953125u, 9765625u, 48828125u, 244140625u, 1220703125u,
                                      6103515625u, 30517578125u, 152587890625u, 762939453125u,
                                      3814697265625u, 19073486328125u, 95367431640625u,
                                      476837158203125u, 2384185791015625u, 11920928955078125u,
                                      59604644775390625u};
    int i;
    /* compare_exact on its own */
    if (compare_exact(3, 0, 0, 3) != 0 || compare_exact(3, 0, 0, 4) != -1 ||
        compare_exact(1, -1, 1, 2) != 1 || compare_exact(7, 0, -1, 1) != 1 ||
        compare_exact(5, 0, -1, 1) != 0 || compare_exact(4, 0, -1, 1) != -1 ||
        compare_exact(1, -752, 324, 1) != 1 || compare_exact(1, -753, 324, 1) != -1 ||
        compare_exact(1, 736, -292, (uint64_t)1 << 57) != 1 ||
        compare_exact(1, 735, -292, (uint64_t)1 << 57) != -1 || compare_exact(0, 5, 5, 0) != 0)
        FAIL("compare_exact");
    for (i = 0; i < 200000; i++) {
        int q = (int)(rng() % 2046) - 1074;
        int k = i % 2 ? floor_log10_pow2(q) : floor_log10_three_quarters_pow2(q);
        uint64_t x = rng() >> 8;
        if (q == -1074 && i % 2 == 0)
            continue;
        check_scale(x, q, k);
        check_scale(x >> (rng() % 56) | 1, q, k);
        check_scale(x & ~(uint64_t)0 << (rng() % 56), q, k);
    }
    /* t an integer with k > 0: x a multiple of 5^k (the exact fallback) */
    for (i = 0; i < 200000; i++) {
        int k = 1 + (int)(rng() % 23);
        int q = (int)ceil(k * 3.3219280948873623) + (int)(rng() % 3);
        uint64_t r = rng() % (((uint64_t)1 << 56) / pow5[k]) + 1, x = r * pow5[k];
        if (floor_log10_pow2(q) != k)
            continue;
        check_scale(x, q, k);
        check_scale(x - 1, q, k);
        check_scale(x + 1, q, k);
    }
}

static void test_layout(void)
{
    static const struct {
        double d;
        const char *text;
    } cases[] = {
        {0.0, "0.0"},
        {-0.0, "-0.0"},
        {1.0, "1.0"},
        {-1.5, "-1.5"},
        {100.0, "100.0"},
        {0.1, "0.1"},
        {0.3, "0.3"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {2.0 / 3, "0.6666666666666666"},
        {123.456, "123.456"},
        {1234.5678, "1234.5678"},
        {0.13, "0.13"},
        {1e-4, "0.0001"},
        {0.000123, "0.000123"},
        {1e-5, "1e-05"},
        {1.5e-7, "1.5e-07"},
        {1e-7, "1e-07"},
        {123456789012345.0, "123456789012345.0"},
        {1234567890123456.0, "1234567890123456.0"},
        {12345678901234567.0, "12345678901234568.0"},
        {1e15, "1e+15"},
        {1.5e17, "1.5e+17"},
        {9007199254740992.0, "9007199254740992.0"},
        {9007199254740993.0, "9007199254740992.0"},
        {9007199254740994.0, "9007199254740994.0"},
        {12345678901234567890.0, "1.2345678901234567e+19"},
        {1e21, "1e+21"},
        {1e22, "1e+22"},
        {1e23, "1e+23"},
        {1e300, "1e+300"},
        {-1e300, "-1e+300"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {2.2250738585072009e-308, "2.225073858507201e-308"},
        {5e-324, "5e-324"},
        {-5e-324, "-5e-324"},
        {1e-323, "1e-323"},
        {2.98023223876953125e-8, "2.9802322387695312e-08"}, /* 2^-25: a tie, to even */
        {5.764607523034235e39, "5.764607523034235e+39"},
        {4.940656e-318, "4.940656e-318"},
        {1.18575755e-316, "1.18575755e-316"},
        {2.989102097996e-312, "2.989102097996e-312"},
        {9.0608011534336e15, "9.0608011534336e+15"},
        {4.708356024711512e18, "4.708356024711512e+18"},
        {9.409340012568248e18, "9.409340012568248e+18"},
        {1.8531501765868567e21, "1.8531501765868567e+21"},
        {-3.347727380279489e33, "-3.347727380279489e+33"},
        {1.9430376160308388e16, "19430376160308388.0"},
        {-6.9741824662760956e19, "-6.9741824662760956e+19"},
        {4.3816050601147835e29, "4.3816050601147835e+29"},
        {1.7800590868057611e-307, "1.7800590868057611e-307"},
        {2.446494580089078e-296, "2.446494580089078e-296"},
        {9.007199254740991e15, "9007199254740991.0"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[40];
        speccp_format_double(cases[i].d, text, sizeof text);
        if (strcmp(text, cases[i].text) != 0)
            FAIL("format %.17g: \"%s\", want \"%s\"", cases[i].d, text, cases[i].text);
        check_format(cases[i].d, true);
    }
}

static void test_hard_doubles(void)
{
    char t[32];
    int e, i;
    for (e = -1074; e <= 1023; e++) { /* powers of two and their neighbours */
        double p = ldexp(1.0, e);
        check_format(p, true);
        check_format(nextafter(p, 0), true);
        if (e < 1023)
            check_format(nextafter(p, HUGE_VAL), true);
        check_format(-p, true);
    }
    for (e = -323; e <= 308; e++) { /* powers of ten and their neighbours */
        double p;
        snprintf(t, sizeof t, "1e%d", e);
        p = strtod(t, NULL);
        check_format(p, true);
        check_format(nextafter(p, 0), true);
        check_format(nextafter(p, HUGE_VAL), true);
        check_parse(t);
    }
    for (i = 0; i < 2000; i++) { /* the least subnormals, the greatest doubles */
        check_format(from_bits((uint64_t)i), true);
        check_format(from_bits(0x7fefffffffffffffu - (uint64_t)i), true);
        check_format(from_bits(0x0010000000000000u + (uint64_t)i - 1000), true);
    }
    for (i = -60; i <= 60; i++) { /* around 2^53 */
        check_format(9007199254740992.0 + i, true);
        if (i * 17 <= 970)
            check_format(ldexp(9007199254740991.0, i * 17), true);
    }
}

static void test_hard_parse(void)
{
    static const char *cases[] = {
        "0", "-0", "0.0", "-0.0", "0e0", "-0e-0", "0e-999999", "0e999999", "0.000000000000",
        "1e-400", "-1e-400", "1e308", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1e309", "-1e309", "1e400", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "5e-324", "3e-324", "2e-324",
        "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
        "9007199254740993.0000000000000001", "9007199254740992.5", "9007199254740991.5",
        "1e23", "8.41e21", "1e22", "1e37", "1e38", "123e30", "9007199254740992e15",
        "9007199254740993e15", "9007199254740992e22", "9007199254740992e23", "1e-22",
        "1e-23", "9007199254740992e-22", "9007199254740993e-22", "0.1", "0.3",
        "0.30000000000000004", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "1.0000000000000002220446049250313080847263336181640625",
        "123456789012345678901234567890", "12345678901234567890e-5", "1234567890123456789e3",
        "1234567890123456789", "9999999999999999999", "99999999999999999999",
        "0.0000000000000000000000000000000000000000000000001", "1E+2", "1e+0", "1E-0",
        "-123.456e-7", "0.000001", "1e99999999999999999999", "1e-99999999999999999999",
        "-1e99999999999999999999", "0.5", "2.5", "1.5e-7", "7.038531e-26",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946"
        "649017977587207096330286416692887910946555547851940402630657488671505820681908902000"
        "708383676273854845817711531764475730270069855571366959622842914819860834936475292719"
        "074168444365510704342711559699508093042880177904174497791.9999999999999999999999999",
        "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932"
        "649918180817996189898282347722858865463328355177969898199387398005390939063150356595"
        "155702263922908583924491051844359318028499365361525003193704576782492193656236698636"
        "584807570015857692699037063119282795585513329278343384093519780155312465972635795746"
        "227664652728272200563740064854999770965994704540208281662262378573934507363390079677"
        "619305775067401763246736009689513405355374585166611342237666786041621596804619144672"
        "918403005300575308490487653917113865916462395249126236538818796362393732804238910186"
        "723484976682350898633885879256283027559956575244555072551893136908362547791869486679"
        "949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
        /* not JSON: the fast path declines, strtod decides as before */
        " 1", "1.", ".5", "01", "1e", "1e+", "+1", "-", "", "inf", "nan", "0x10", "1.5x"};
    char buf[1200];
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++)
        check_parse(cases[i]);
    /* long literals: 1 after 700 zeros, a 1000-digit mantissa */
    memcpy(buf, "0.", 2);
    memset(buf + 2, '0', 700);
    memcpy(buf + 702, "1", 2);
    check_parse(buf);
    for (i = 0; i < 1000; i++)
        buf[i] = (char)('0' + (i * 7 + 3) % 10);
    memcpy(buf + 1000, "e-700", 6);
    check_parse(buf);
    buf[1000] = '\0';
    check_parse(buf);
}

/* ------------------------------------------------------------- random */

/* Random bits: every exponent equally likely, subnormals included. */
static void run_bits(uint64_t count, uint64_t every)
{
    uint64_t i;
    for (i = 0; i < count; i++) {
        uint64_t u = rng();
        if ((u >> 52 & 0x7ff) == 0x7ff)
            u ^= (uint64_t)1 << 62; /* not Inf or NaN: another exponent */
        check_format(from_bits(u), every && i % every == 0);
    }
}

/* m * 10^e for a random m of 1 to 19 digits: its shortest form has no more
 * digits than m; parsing m e E too (and the text written, every 4th). */
static void run_decimals(uint64_t count)
{
    uint64_t i;
    char t[48], text[40], why[200];
    for (i = 0; i < count; i++) {
        int nd = 1 + (int)(rng() % 19), e = (int)(rng() % 650) - 340, n, j;
        uint64_t m = 0;
        double d;
        for (j = 0; j < nd; j++)
            m = m * 10 + rng() % 10;
        for (j = 0; m && m % 10 == 0; j++)
            m /= 10;
        if (m == 0)
            continue;
        snprintf(t, sizeof t, "%llue%d", (unsigned long long)m, e);
        d = strtod(t, NULL);
        if (d == 0 || !isfinite(d))
            continue;
        if (!dc_check_format(d, i % 8 == 0, text, &n, why, sizeof why))
            FAIL("format %s: %s", t, why);
        else if (n > nd - j)
            FAIL("format %s: \"%s\" is longer", t, text);
        if (!dc_check_parse(t, strlen(t), why, sizeof why))
            FAIL("parse: %s", why);
        if (i % 4 == 0 && !dc_check_parse(text, strlen(text), why, sizeof why))
            FAIL("parse: %s", why);
    }
}

/* A random JSON number literal: up to 25 digits before and after the
 * point, runs of zeros, exponents to +-400 */
static size_t random_literal(char *t)
{
    size_t n = 0;
    int i, digits;
    if (rng() % 2)
        t[n++] = '-';
    digits = (int)(rng() % 26);
    if (digits == 0 || rng() % 4 == 0) {
        t[n++] = '0';
    } else {
        t[n++] = (char)('1' + rng() % 9);
        for (i = 1; i < digits; i++)
            t[n++] = (char)('0' + (rng() % 3 == 0 ? 0 : rng() % 10));
    }
    if (rng() % 2) {
        t[n++] = '.';
        digits = 1 + (int)(rng() % 25);
        for (i = 0; i < digits; i++)
            t[n++] = (char)('0' + (rng() % 3 == 0 ? 0 : rng() % 10));
    }
    if (rng() % 2) {
        t[n++] = rng() % 2 ? 'e' : 'E';
        if (rng() % 2)
            t[n++] = rng() % 2 ? '-' : '+';
        n += (size_t)sprintf(t + n, "%d", (int)(rng() % (rng() % 2 ? 30 : 400)));
    }
    t[n] = '\0';
    return n;
}

/* The halfway point between a random normal double and the next, exact in
 * a long double of 64 bits, rounded to 15 to 19 significant digits: a
 * literal as near a tie as that many digits can be. */
static size_t near_tie(char *t, size_t size)
{
#if LDBL_MANT_DIG >= 55
    uint64_t u = (rng() >> 12) | (uint64_t)(1 + rng() % 2045) << 52;
    double d = from_bits(u), up = nextafter(d, HUGE_VAL);
    long double mid = ((long double)d + (long double)up) / 2;
    return (size_t)snprintf(t, size, "%.*Le", 14 + (int)(rng() % 5), mid);
#else
    return (size_t)snprintf(t, size, "%d", 0);
#endif
}

static void run_parse(uint64_t count)
{
    uint64_t i;
    char t[80], why[200];
    for (i = 0; i < count; i++) {
        size_t n = random_literal(t);
        if (!dc_check_parse(t, n, why, sizeof why))
            FAIL("parse: %s", why);
        n = near_tie(t, sizeof t);
        if (!dc_check_parse(t, n, why, sizeof why))
            FAIL("parse: %s", why);
    }
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "hard";
    uint64_t count = argc > 3 ? strtoull(argv[3], NULL, 10) : 0;
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
    if (strcmp(mode, "hard") == 0) {
        test_k();
        test_scale();
        test_layout();
        test_hard_doubles();
        test_hard_parse();
    } else if (strcmp(mode, "bits") == 0) {
        run_bits(count, argc > 4 ? strtoull(argv[4], NULL, 10) : 1);
    } else if (strcmp(mode, "decimals") == 0) {
        run_decimals(count);
    } else if (strcmp(mode, "parse") == 0) {
        run_parse(count);
    } else {
        fprintf(stderr, "usage: test_double hard | bits|decimals|parse SEED COUNT [EVERY]\n");
        return 2;
    }
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    else
        printf("test_double %s: ok\n", mode);
    return failures != 0;
}
