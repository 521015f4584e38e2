/*
 * bench_double — nanoseconds per call of the runtime's double formatting
 * and parsing (templates/runtime/specc_double.c) next to the code they
 * replaced (the %.15g..%.17g + strtod trial, and strtod on a copy), on
 * random doubles (random bits, every exponent) and on typical values.
 * Prints the median of 9 passes over 200 000 values each, wall-clock time, or
 * with the argument "cpu" the process's CPU time (steadier on a busy
 * machine). Not a test:
 *   cmake --build build --target bench_double && build/tests/bench_double [cpu]
 */
#include "specc_internal.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N 200000
#define PASSES 9

/* The previous speccp_format_double (specc_core.c before specc_double.c). */
static size_t old_format_double(double d, char *buf, size_t size)
{
    const struct lconv *lc = localeconv();
    char point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
    int prec, w = 0;
    size_t i, n;
    bool has_mark = false;

    for (prec = 15; prec <= 17; prec++) {
        char *end;
        w = snprintf(buf, size, "%.*g", prec, d);
        if (w < 0 || (size_t)w >= size)
            break;
        if (strtod(buf, &end) == d)
            break;
    }
    n = w < 0 ? 0 : (size_t)w;
    if (n >= size)
        n = size - 1;
    for (i = 0; i < n; i++) {
        if (buf[i] == point && point != '.')
            buf[i] = '.';
        if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E')
            has_mark = true;
    }
    if (!has_mark && n + 2 < size) {
        buf[n++] = '.';
        buf[n++] = '0';
        buf[n] = '\0';
    }
    return n;
}

/* The previous speccp_parse_double: a copy, the locale's point, strtod. */
static double old_parse_double(const char *text, size_t len)
{
    const struct lconv *lc = localeconv();
    char point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.';
    char small[64], *buf = small;
    size_t i;
    double d;
    if (len >= sizeof small && !(buf = malloc(len + 1)))
        return 0;
    memcpy(buf, text, len);
    buf[len] = '\0';
    if (point != '.')
        for (i = 0; i < len; i++)
            if (buf[i] == '.')
                buf[i] = point;
    errno = 0;
    d = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return d;
}

static clockid_t clock_used = CLOCK_MONOTONIC;

static double now(void)
{
    struct timespec ts;
    clock_gettime(clock_used, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t)
{
    qsort(t, PASSES, sizeof *t, by_value);
    return t[PASSES / 2];
}

static volatile size_t sink;

static double time_format(size_t (*f)(double, char *, size_t), const double *v)
{
    double t[PASSES];
    char buf[40];
    int p, i;
    for (p = 0; p < PASSES; p++) {
        double start = now();
        size_t total = 0;
        for (i = 0; i < N; i++)
            total += f(v[i], buf, sizeof buf);
        t[p] = (now() - start) / N;
        sink = total;
    }
    return median(t);
}

static double time_parse(int which, char (*text)[32], const size_t *len)
{
    double t[PASSES];
    int p, i;
    for (p = 0; p < PASSES; p++) {
        double start = now(), total = 0, d = 0;
        for (i = 0; i < N; i++) {
            if (which)
                speccp_parse_double(text[i], len[i], &d);
            else
                d = old_parse_double(text[i], len[i]);
            total += d;
        }
        t[p] = (now() - start) / N;
        sink = (size_t)(total != 0);
    }
    return median(t);
}

static void run(const char *name, const double *v, char (*text)[32], size_t *len)
{
    int i;
    for (i = 0; i < N; i++)
        len[i] = speccp_format_double(v[i], text[i], 32);
    printf("%-8s format: old %6.1f ns  new %6.1f ns    parse: old %6.1f ns  new %6.1f ns\n",
           name, time_format(old_format_double, v), time_format(speccp_format_double, v),
           time_parse(0, text, len), time_parse(1, text, len));
}

int main(int argc, char **argv)
{
    static const double typical[] = {0.13,  1234.5678, 1e-7,  3.14159, 0.1,    2.5,
                                     99.99, -0.001,    42.42, 1e21,    6.02e23, 0.000123};
    double *v = malloc(N * sizeof *v);
    char(*text)[32] = malloc(N * sizeof *text);
    size_t *len = malloc(N * sizeof *len);
    uint64_t x = 1;
    int i;

    if (!v || !text || !len)
        return 1;
    if (argc > 1 && strcmp(argv[1], "cpu") == 0)
        clock_used = CLOCK_PROCESS_CPUTIME_ID;
    printf("ns per call, median of %d passes over %d values (%s time)\n", PASSES, N,
           clock_used == CLOCK_MONOTONIC ? "wall-clock" : "CPU");
    for (i = 0; i < N; i++) { /* random bits, no Inf or NaN (xorshift64) */
        uint64_t u;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        u = x;
        if (((u >> 52) & 0x7ff) == 0x7ff)
            u ^= (uint64_t)1 << 62;
        memcpy(&v[i], &u, sizeof u);
    }
    run("random", v, text, len);
    for (i = 0; i < N; i++)
        v[i] = typical[i % (int)(sizeof typical / sizeof *typical)];
    run("typical", v, text, len);
    free(v);
    free(text);
    free(len);
    return 0;
}
