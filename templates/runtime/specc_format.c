/* {{banner}} */
/*
 * specc_format.c — string formats: date, date-time, uuid, uri, email.
 *
 * date, date-time and uuid give the same verdicts as ajv-formats 3 in
 * "full" mode (what JSON Schema users check against), which is RFC 3339 /
 * RFC 4122 with ajv's leniencies kept on purpose:
 *   - date-time: the separator is 'T', 't' or any JavaScript whitespace
 *     character (RFC 3339 §5.6 NOTE allows a space); the offset is 'Z', 'z',
 *     +HH:MM, +HHMM or +HH; a fraction of any length; the seconds value is
 *     compared as a double (as JavaScript does), so 59.99999999999999999
 *     counts as 60; second 60 (a leap second) only when the time in UTC is
 *     23:59, computed with ajv's arithmetic.
 *   - uuid: 8-4-4-4-12 hex digits in any case, optionally after "urn:uuid:".
 * uri and email follow the rules in specc.h's description (RFC 3986 with a
 * scheme; local@domain with DNS-style labels).
 */
#include "specc_internal.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Value of n ASCII digits at s, or -1 when one is not a digit. */
static int number_at(const char *s, size_t n)
{
    int v = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* ------------------------------------------------------------------ date */

static bool is_leap_year(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* YYYY-MM-DD naming a real calendar day. */
static bool valid_date(const char *s, size_t len)
{
    static const int days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return false;
    y = number_at(s, 4);
    m = number_at(s + 5, 2);
    d = number_at(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= (m == 2 && is_leap_year(y) ? 29 : days[m]);
}

/* ------------------------------------------------------------- date-time */

/* Bytes of the JavaScript `\s` character (UTF-8) at s, or 0. */
static size_t js_space(const char *str, size_t avail)
{
    const unsigned char *s = (const unsigned char *)str;
    if (avail >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
        return 1;
    if (avail >= 2 && s[0] == 0xc2 && s[1] == 0xa0) /* U+00A0 */
        return 2;
    if (avail < 3)
        return 0;
    if (s[0] == 0xe2 && s[1] == 0x80) /* U+2000..200A, U+2028, U+2029, U+202F */
        return (s[2] >= 0x80 && s[2] <= 0x8a) || s[2] == 0xa8 || s[2] == 0xa9 || s[2] == 0xaf
                   ? 3
                   : 0;
    if ((s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) || /* U+1680 */
        (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) || /* U+205F */
        (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) || /* U+3000 */
        (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf))   /* U+FEFF */
        return 3;
    return 0;
}

/* The offset after the time: 'Z'/'z' or [+-]HH[[:]MM]. */
static bool parse_offset(const char *s, size_t len, int *sign, int *h, int *m)
{
    *sign = 1;
    *h = *m = 0;
    if (len == 1 && (s[0] == 'Z' || s[0] == 'z'))
        return true;
    if (len < 3 || (s[0] != '+' && s[0] != '-'))
        return false;
    *sign = s[0] == '-' ? -1 : 1;
    *h = number_at(s + 1, 2);
    if (len == 3)
        return *h >= 0;
    if (len == 5)
        *m = number_at(s + 3, 2);
    else if (len == 6 && s[3] == ':')
        *m = number_at(s + 4, 2);
    else
        return false;
    return *h >= 0 && *m >= 0;
}

/* Seconds "SS" or "SS.fff" as JavaScript's Number() would read them. */
static double seconds_value(const char *s, size_t len)
{
    double d;
    if (len == 2)
        return number_at(s, 2);
    if (speccp_parse_double(s, len, &d) == SPECC_OK)
        return d;
    return number_at(s, 2) + 0.5; /* no memory for a long fraction: close enough */
}

/* HH:MM:SS[.fff]offset, with ajv-formats' checks (see the file comment). */
static bool valid_time(const char *s, size_t len)
{
    size_t i = 8;
    int hr, min, sign, tz_h, tz_m, utc_min, utc_hr;
    double sec;

    if (len < 9 || s[2] != ':' || s[5] != ':')
        return false;
    hr = number_at(s, 2);
    min = number_at(s + 3, 2);
    if (hr < 0 || min < 0 || number_at(s + 6, 2) < 0)
        return false;
    if (s[i] == '.') {
        size_t start = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (i == start)
            return false;
    }
    if (!parse_offset(s + i, len - i, &sign, &tz_h, &tz_m) || tz_h > 23 || tz_m > 59)
        return false;
    sec = seconds_value(s + 6, i - 6);
    if (hr <= 23 && min <= 59 && sec < 60)
        return true;
    /* A leap second: 23:59 once converted to UTC (-1 means "one before"). */
    utc_min = min - tz_m * sign;
    utc_hr = hr - tz_h * sign - (utc_min < 0 ? 1 : 0);
    return (utc_hr == 23 || utc_hr == -1) && (utc_min == 59 || utc_min == -1) && sec < 61;
}

static bool valid_date_time(const char *s, size_t len)
{
    size_t sep;
    if (len < 11 || !valid_date(s, 10))
        return false;
    sep = (s[10] == 'T' || s[10] == 't') ? 1 : js_space(s + 10, len - 10);
    return sep && valid_time(s + 10 + sep, len - 10 - sep);
}

/* ------------------------------------------------------------------ uuid */

static bool valid_uuid(const char *s, size_t len)
{
    static const char prefix[] = "urn:uuid:";
    size_t i;
    if (len == 36 + 9) {
        for (i = 0; i < 9; i++)
            if ((is_alpha(s[i]) ? (char)(s[i] | 0x20) : s[i]) != prefix[i])
                return false;
        s += 9;
        len -= 9;
    }
    if (len != 36)
        return false;
    for (i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !is_hex(s[i]))
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------- uri */

static bool is_unreserved(char c)
{
    return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static bool is_reserved(char c)
{
    return c != '\0' && strchr(":/?#[]@!$&'()*+,;=", c) != NULL;
}

/* scheme ":" then one or more unreserved / reserved / %HH characters. */
static bool valid_uri(const char *s, size_t len)
{
    size_t i = 0;
    if (len == 0 || !is_alpha(s[0]))
        return false;
    while (i < len && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '+' || s[i] == '-' ||
                       s[i] == '.'))
        i++;
    if (i >= len || s[i] != ':' || i + 1 == len)
        return false;
    for (i++; i < len; i++) {
        if (s[i] == '%') {
            if (len - i < 3 || !is_hex(s[i + 1]) || !is_hex(s[i + 2]))
                return false;
            i += 2;
        } else if (!is_unreserved(s[i]) && !is_reserved(s[i])) {
            return false;
        }
    }
    return true;
}

/* ----------------------------------------------------------------- email */

static bool is_local_char(char c)
{
    return is_alpha(c) || is_digit(c) || (c != '\0' && strchr(".!#$%&'*+/=?^_`{|}~-", c));
}

/* One DNS label: [A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])? */
static bool valid_label(const char *s, size_t len)
{
    size_t i;
    if (len < 1 || len > 63 || s[0] == '-' || s[len - 1] == '-')
        return false;
    for (i = 0; i < len; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-')
            return false;
    return true;
}

static bool valid_email(const char *s, size_t len)
{
    size_t at = 0, start;
    while (at < len && is_local_char(s[at]))
        at++;
    if (at == 0 || at >= len || s[at] != '@')
        return false;
    for (start = at + 1;;) { /* dot-separated labels */
        const char *dot = memchr(s + start, '.', len - start);
        size_t end = dot ? (size_t)(dot - s) : len;
        if (!valid_label(s + start, end - start))
            return false;
        if (!dot)
            return true;
        start = end + 1;
    }
}

/* ---------------------------------------------------------------- public */

bool specc_format_valid(specc_format format, const char *s, size_t len)
{
    if (!s)
        return format == SPECC_FORMAT_NONE || format == SPECC_FORMAT_UNIX_TIME;
    switch (format) {
    case SPECC_FORMAT_NONE: return true;
    case SPECC_FORMAT_DATE: return valid_date(s, len);
    case SPECC_FORMAT_DATE_TIME: return valid_date_time(s, len);
    case SPECC_FORMAT_UUID: return valid_uuid(s, len);
    case SPECC_FORMAT_URI: return valid_uri(s, len);
    case SPECC_FORMAT_EMAIL: return valid_email(s, len);
    case SPECC_FORMAT_UNIX_TIME: return true;
    }
    return false;
}
