/*
 * double_check.c — see double_check.h.
 */
#include "double_check.h"

#include "specc_internal.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t bits_of(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* The significant digits of a decimal text (no sign, no leading or trailing
 * zeros) into out; returns their count. */
static int significant_digits(const char *text, char *out)
{
    int n = 0, i;
    for (; *text && *text != 'e' && *text != 'E'; text++)
        if (*text >= '0' && *text <= '9' && (n > 0 || *text != '0'))
            out[n++] = *text;
    for (i = n; i > 0 && out[i - 1] == '0'; i--)
        n--;
    out[n] = '\0';
    return n;
}

/* Does the decimal m * 10^e read back (strtod) as a? */
static bool reads_back(unsigned long long m, int e, double a)
{
    char t[48];
    snprintf(t, sizeof t, "%llue%d", m, e);
    return bits_of(strtod(t, NULL)) == bits_of(a);
}

/* No decimal with n - 1 significant digits reads back as a (> 0), and so
 * none with fewer either (pad it with zeros to n - 1 digits).
 *
 * Why checking three suffices: the decimals that read back as a form an
 * interval around a (strtod rounds monotonically). If one with n - 1 digits
 * lies in it, so does the nearest such one below a or the nearest above
 * (they lie between it and a). printf's %.{n-2}e gives r = M 10^E, the
 * nearest (n-1)-digit decimal, correctly rounded by glibc: one of those two;
 * the other is its successor (M + 1) 10^E or its predecessor (M - 1) 10^E,
 * which is (10^(n-1) - 1) 10^(E-1) when M = 10^(n-2) (one decade down the
 * steps are ten times finer). So r and both its neighbours are checked. */
static bool none_shorter(double a, int n, char *why, size_t why_size)
{
    char ref[48];
    unsigned long long m, low, pow = 1;
    int x, e, i;
    const char *mark;

    if (n < 2)
        return true;
    snprintf(ref, sizeof ref, "%.*e", n - 2, a);
    mark = strchr(ref, 'e');
    x = atoi(mark + 1);
    m = 0;
    for (i = 0; ref + i < mark; i++)
        if (ref[i] >= '0' && ref[i] <= '9')
            m = m * 10 + (unsigned long long)(ref[i] - '0');
    e = x - (n - 2);
    for (i = 0; i < n - 2; i++)
        pow *= 10;
    if (m == pow) {
        low = pow * 10 - 1;
        if (reads_back(low, e - 1, a)) {
            snprintf(why, why_size, "%llue%d is shorter and reads back", low, e - 1);
            return false;
        }
    } else if (reads_back(m - 1, e, a)) {
        snprintf(why, why_size, "%llue%d is shorter and reads back", m - 1, e);
        return false;
    }
    if (reads_back(m, e, a) || reads_back(m + 1, e, a)) {
        snprintf(why, why_size, "%llue%d or the next is shorter and reads back", m, e);
        return false;
    }
    return true;
}

bool dc_check_format(double d, bool shortest, char *text, int *digits, char *why,
                     size_t why_size)
{
    char dig[40], ref[48], refdig[40];
    size_t len = speccp_format_double(d, text, 40);
    double back;
    int n;

    *digits = 0;
    if (len != strlen(text) || len > 24) {
        snprintf(why, why_size, "length %zu for \"%s\"", len, text);
        return false;
    }
    if (!strpbrk(text, ".e")) {
        snprintf(why, why_size, "\"%s\" has neither '.' nor 'e'", text);
        return false;
    }
    back = strtod(text, NULL);
    if (bits_of(back) != bits_of(d)) {
        snprintf(why, why_size, "\"%s\" reads back as %.17g, not %.17g", text, back, d);
        return false;
    }
    n = significant_digits(text, dig);
    *digits = n;
    if (n > 17) {
        snprintf(why, why_size, "\"%s\" has %d digits", text, n);
        return false;
    }
    if (!shortest || d == 0)
        return true;
    if (n == 17) {
        snprintf(ref, sizeof ref, "%.16e", fabs(d));
        significant_digits(ref, refdig);
        if (strcmp(refdig, dig) != 0) {
            snprintf(why, why_size, "\"%s\": 17 digits but not the nearest %s", text, ref);
            return false;
        }
    }
    if (!none_shorter(fabs(d), n, why, why_size)) {
        size_t used = strlen(why);
        snprintf(why + used, why_size - used, " (we wrote \"%s\")", text);
        return false;
    }
    return true;
}

bool dc_check_parse(const char *text, size_t len, char *why, size_t why_size)
{
    char *copy = malloc(len + 1);
    double want, got = 0;
    bool want_range;
    specc_code code;

    if (!copy) {
        snprintf(why, why_size, "out of memory");
        return false;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    errno = 0;
    want = strtod(copy, NULL);
    want_range = (errno == ERANGE && (want == HUGE_VAL || want == -HUGE_VAL)) || !isfinite(want);
    code = speccp_parse_double(text, len, &got);
    if (want_range ? code != SPECC_ERR_RANGE : code != SPECC_OK || bits_of(got) != bits_of(want)) {
        snprintf(why, why_size, "\"%.60s%s\": got code %d %.17g, strtod %.17g%s", copy,
                 len > 60 ? "..." : "", (int)code, got, want, want_range ? " (range)" : "");
        free(copy);
        return false;
    }
    free(copy);
    return true;
}
