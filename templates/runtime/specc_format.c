/* {{banner}} */
/*
 * specc_format.c — string formats: date, date-time, uuid, uri, email,
 * hostname, ipv4, ipv6, byte.
 *
 * date and date-time are RFC 3339 (§5.6) exactly: a real calendar date; a
 * 'T', 't' or space between date and time (the space per the §5.6 NOTE);
 * HH:MM:SS with an optional fraction; an offset 'Z', 'z' or +HH:MM / -HH:MM;
 * second 60 only for a leap second, i.e. when the time in UTC is 23:59.
 * uuid is RFC 4122's text form: 8-4-4-4-12 hex digits, either case.
 * uri and email follow the rules in specc.h's description (RFC 3986 with a
 * scheme; local@domain with DNS-style labels).
 *
 * hostname, ipv4, ipv6 and byte accept what ajv-formats (the JSON Schema
 * validator the test suite compares with) accepts, with one difference:
 * ajv-formats checks byte with a multi-line regular expression, so it
 * accepts text with a line break when one line is base64; specc accepts
 * base64 only (RFC 4648 §3.3: no characters outside the alphabet).
 * hostname allows one final '.' (a fully qualified name), as ajv-formats
 * does, and counts the 253 bytes without it.
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

/* The offset after the time: 'Z', 'z', or +HH:MM / -HH:MM. Sets the
 * offset in minutes east of UTC. */
static bool parse_offset(const char *s, size_t len, int *minutes)
{
    int h, m;
    *minutes = 0;
    if (len == 1 && (s[0] == 'Z' || s[0] == 'z'))
        return true;
    if (len != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':')
        return false;
    h = number_at(s + 1, 2);
    m = number_at(s + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return false;
    *minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

/* HH:MM:SS[.fraction]offset. */
static bool valid_time(const char *s, size_t len)
{
    size_t i = 8;
    int hr, min, sec, offset, utc;

    if (len < 9 || s[2] != ':' || s[5] != ':')
        return false;
    hr = number_at(s, 2);
    min = number_at(s + 3, 2);
    sec = number_at(s + 6, 2);
    if (hr < 0 || hr > 23 || min < 0 || min > 59 || sec < 0 || sec > 60)
        return false;
    if (s[i] == '.') {
        size_t start = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (i == start)
            return false;
    }
    if (!parse_offset(s + i, len - i, &offset))
        return false;
    if (sec < 60)
        return true;
    /* A leap second is inserted at 23:59:60 UTC, whatever the local offset. */
    utc = ((hr * 60 + min - offset) % 1440 + 1440) % 1440;
    return utc == 23 * 60 + 59;
}

static bool valid_date_time(const char *s, size_t len)
{
    if (len < 11 || !valid_date(s, 10))
        return false;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
        return false;
    return valid_time(s + 11, len - 11);
}

/* ------------------------------------------------------------------ uuid */

static bool valid_uuid(const char *s, size_t len)
{
    size_t i;
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

/* Dot-separated labels as valid_label: a domain. */
static bool valid_labels(const char *s, size_t len)
{
    size_t start = 0;
    for (;;) {
        const char *dot = memchr(s + start, '.', len - start);
        size_t end = dot ? (size_t)(dot - s) : len;
        if (!valid_label(s + start, end - start))
            return false;
        if (!dot)
            return true;
        start = end + 1;
    }
}

/* RFC 5321 Dot-string: atoms of local characters joined by single dots (no
 * dot first, last or doubled), then '@' and dot-separated domain labels. */
static bool valid_email(const char *s, size_t len)
{
    size_t at = 0;
    for (;;) { /* one atom, then a '.' and another, or the '@' */
        size_t atom = at;
        while (at < len && is_local_char(s[at]) && s[at] != '.')
            at++;
        if (at == atom || at >= len)
            return false;
        if (s[at] != '.')
            break;
        at++;
    }
    return s[at] == '@' && valid_labels(s + at + 1, len - at - 1);
}

/* -------------------------------------------------------------- hostname */

/* RFC 1123 §2.1: labels as valid_label, 253 bytes at most (a final '.'
 * allowed and not counted). */
static bool valid_hostname(const char *s, size_t len)
{
    if (len && s[len - 1] == '.')
        len--;
    return len > 0 && len <= 253 && valid_labels(s, len);
}

/* ------------------------------------------------------------------- ip */

/* One part of a dotted quad at s: 0-255, no leading zero; its length, or 0. */
static size_t ipv4_part(const char *s, size_t len)
{
    size_t n = 0;
    int v = 0;
    while (n < len && n < 4 && is_digit(s[n]))
        v = v * 10 + (s[n++] - '0');
    if (n == 0 || n > 3 || v > 255 || (n > 1 && s[0] == '0'))
        return 0;
    return n;
}

static bool valid_ipv4(const char *s, size_t len)
{
    size_t i = 0, part, n;
    for (part = 0; part < 4; part++) {
        if (part && (i >= len || s[i++] != '.'))
            return false;
        if (!(n = ipv4_part(s + i, len - i)))
            return false;
        i += n;
    }
    return i == len;
}

/* How many groups s[0..len) holds ("1:ab:0", "" for none), an IPv4 quad
 * at the end counting as two when `tail`; -1 when it is not such a list. */
static int ipv6_groups(const char *s, size_t len, bool tail)
{
    size_t i = 0, j;
    int groups = 0;
    if (len == 0)
        return 0;
    for (;;) {
        const char *colon = memchr(s + i, ':', len - i);
        size_t end = colon ? (size_t)(colon - s) : len;
        if (!colon && tail && memchr(s + i, '.', len - i))
            return valid_ipv4(s + i, len - i) ? groups + 2 : -1;
        if (end == i || end - i > 4 || ++groups > 8)
            return -1;
        for (j = i; j < end; j++)
            if (!is_hex(s[j]))
                return -1;
        if (!colon)
            return groups;
        i = end + 1;
        if (i == len)
            return -1; /* a final single ':' */
    }
}

/* Where "::" starts in s[0..len), or len. */
static size_t find_gap(const char *s, size_t len)
{
    size_t i;
    for (i = 0; i + 1 < len; i++)
        if (s[i] == ':' && s[i + 1] == ':')
            return i;
    return len;
}

/* RFC 4291 §2.2: eight groups of 1-4 hex digits separated by ':'; or one
 * "::" standing for one or more zero groups; the last two groups may be
 * written as an IPv4 quad. */
static bool valid_ipv6(const char *s, size_t len)
{
    size_t gap = find_gap(s, len), rest;
    int head, tail;
    if (gap == len)
        return ipv6_groups(s, len, true) == 8;
    rest = gap + 2;
    if (find_gap(s + rest, len - rest) != len - rest)
        return false;
    head = ipv6_groups(s, gap, false);
    tail = ipv6_groups(s + rest, len - rest, true);
    return head >= 0 && tail >= 0 && head + tail <= 7;
}

/* ------------------------------------------------------------------ byte */

static bool is_base64(char c)
{
    return is_alpha(c) || is_digit(c) || c == '+' || c == '/';
}

/* RFC 4648 §4: quads of the standard alphabet, the last one possibly
 * ending in "=" or "=="; "" is the empty data. */
static bool valid_byte(const char *s, size_t len)
{
    size_t i, pad = 0;
    if (len % 4)
        return false;
    if (len && s[len - 1] == '=')
        pad = len >= 2 && s[len - 2] == '=' ? 2 : 1;
    for (i = 0; i < len - pad; i++)
        if (!is_base64(s[i]))
            return false;
    return true;
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
    case SPECC_FORMAT_HOSTNAME: return valid_hostname(s, len);
    case SPECC_FORMAT_IPV4: return valid_ipv4(s, len);
    case SPECC_FORMAT_IPV6: return valid_ipv6(s, len);
    case SPECC_FORMAT_BYTE: return valid_byte(s, len);
    }
    return false;
}
