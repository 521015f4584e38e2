/* {{banner}} */
/*
 * specc_decode.c — JSON text straight into generated structs, with no DOM in
 * between: one strict RFC 8259 scanner, walked by the descriptors.
 *
 * Shape of the code: every `dec_*` / `skip_*` / `any_*` function starts with
 * the cursor (d->p) on the first byte of its value (whitespace already
 * skipped) and leaves it just after the value. Each returns SPECC_OK or an
 * error code, after filling d->err through fail(); errors unwind straight up.
 *
 * Ownership while decoding: whatever has been allocated is always reachable
 * from the output struct (pointers are stored before their contents are
 * decoded, arrays keep `count` equal to the elements initialised so far) or
 * is freed by the function that holds it, so on any failure the entry point
 * only has to specc_clear() the output.
 *
 * Error precedence: on any error but running out of memory, the whole text
 * is scanned again for syntax, depth and duplicate keys, and the first such
 * error in the text is reported instead; only when there is none does the
 * shape error (type, missing key, ...) stand. Text that is not JSON is
 * therefore always reported as such, and at the same place whatever the
 * descriptor (a union's look-ahead for its discriminator may meet a syntax
 * error after a duplicate key that a plain scan meets first).
 *
 * Choices: duplicate keys are errors everywhere (RFC 8259 leaves them
 * undefined); null is refused for a field without SPECC_F_NULLABLE (an
 * element without SPECC_S_NULLABLE), except for `any`, where null is one
 * more JSON value (json_null(), never NULL, which means absent); inside
 * arrays and maps an unknown value of an open enum keeps its text when the
 * element is a struct with an other member (elem_size), and only the value
 * enum_count otherwise. Unions choose their variant by the JSON kind at the
 * cursor, or by scanning the object for its discriminator first (building
 * nothing; see "tag notes" for why that stays linear), then decode the
 * value as that variant; a union directly inside a union counts as one
 * nesting level. The recursion takes well under 1 KB of stack per nesting
 * level (at most SPECC_MAX_DEPTH levels).
 */
#include "specc_internal.h"

#include <limits.h>
#include <stdio.h>

/* Error paths: kept out of line, so that their message buffers do not
 * weigh on the stack frames of the recursive descent. */
#if defined(__GNUC__) || defined(__clang__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

/* One key on the key stack (see keyset below): bytes at kbytes + off. */
typedef struct kentry {
    size_t off;
    size_t len;
    uint64_t hash;
} kentry;

typedef struct dec {
    const char *text; /* the whole input, for line/column of errors */
    const char *end;  /* text + len; the input need not be NUL-terminated */
    const char *p;    /* cursor: next byte to read */
    specc_error *err; /* where failures go; never NULL */
    uint64_t seed;    /* for key hashes */
    char *scratch;    /* decoded escaped strings, consumed at once */
    size_t scratch_cap;
    kentry *kents; /* key stack shared by the open keysets, innermost on top */
    size_t kcount, kcap;
    char *kbytes;
    size_t kblen, kbcap;
    /* Discriminators seen while scanning (see "tag notes" below). */
    const char *note_name; /* while a scan looks for this key: note it */
    size_t note_len;
    struct tagnote *notes;
    size_t note_count, note_cap;
    size_t *note_index; /* open addressing: note + 1, 0 = empty */
    size_t note_index_cap;
    /* specc_decode_text_all: report problems here and go on past them. */
    const specc_decode_report *report;
    size_t problems;
    /* specc_decode_text_arena: the decoded value's memory comes from here. */
    specc_arena *arena;
} dec;

/* A scanned JSON string. Without escapes its text is raw[0..len). */
typedef struct jstr {
    const char *raw; /* first byte after the opening quote */
    size_t raw_len;  /* bytes up to the closing quote */
    size_t len;      /* length once escapes are decoded */
    bool escaped;    /* raw holds escapes: decode with unescape() */
    bool has_nul;    /* the decoded text holds U+0000 */
} jstr;

/* An object key ready to compare: s[0..len), owned by `owned` if not NULL. */
typedef struct jkey {
    const char *s;
    size_t len;
    char *owned;
    bool has_nul;
} jkey;

/* A scanned JSON number: its literal text. */
typedef struct jnum {
    const char *s;
    size_t len;
    bool integer; /* no fraction and no exponent */
} jnum;

static specc_code dec_value(dec *d, const specc_shape *shape, void *slot, void *other,
                            const speccp_path *path, unsigned depth);
static specc_code dec_slot(dec *d, const specc_shape *shape, char *p, bool ptr,
                           const speccp_path *path, unsigned depth);
static specc_code dec_object(dec *d, const specc_type *type, void *out, const speccp_path *path,
                             unsigned depth);
static specc_code dec_any(dec *d, json_t **out, const speccp_path *path, unsigned depth);
static specc_code skip_value(dec *d, const speccp_path *path, unsigned depth);

/* ---------------------------------------------------------------- errors */

/* 1-based line and byte column of `at`; lines end at LF. Only on errors. */
static void locate(const dec *d, const char *at, specc_error *err)
{
    const char *q, *line_start = d->text;
    long line = 1;
    for (q = d->text; q < at; q++) {
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    err->line = line > INT_MAX ? INT_MAX : (int)line;
    err->column = at - line_start + 1 > INT_MAX ? INT_MAX : (int)(at - line_start + 1);
}

static specc_code fail(dec *d, const char *at, specc_code code, const speccp_path *path,
                       const char *fmt, ...) SPECCP_PRINTF(5, 6) COLD;

static bool is_text_error(specc_code rc)
{
    return rc == SPECC_ERR_SYNTAX || rc == SPECC_ERR_DEPTH || rc == SPECC_ERR_DUPLICATE_KEY ||
           rc == SPECC_ERR_NOMEM;
}

/* Collecting (specc_decode_text_all): may decoding go on past this error?
 * Not past an error of the text, of memory or of the descriptor. */
static bool collecting(const dec *d, specc_code rc)
{
    return d->report && rc != SPECC_OK && !is_text_error(rc) && rc != SPECC_ERR_INVALID;
}

static specc_code fail(dec *d, const char *at, specc_code code, const speccp_path *path,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    speccp_vfail(d->err, code, path, fmt, ap);
    va_end(ap);
    locate(d, at, d->err);
    if (collecting(d, code)) { /* reported now; the caller skips the value */
        d->problems++;
        if (d->report->error)
            d->report->error(d->err, d->report->ctx);
    }
    return code;
}

#define SYNTAX(d, at, path, ...) fail((d), (at), SPECC_ERR_SYNTAX, (path), __VA_ARGS__)

static COLD specc_code nomem(dec *d, const speccp_path *path)
{
    return fail(d, d->p, SPECC_ERR_NOMEM, path, "out of memory");
}

/* `what` ("expected ':' after object key") at the cursor, or end of input. */
static COLD specc_code expected(dec *d, const speccp_path *path, const char *what)
{
    if (d->p >= d->end)
        return SYNTAX(d, d->p, path, "unexpected end of input");
    return SYNTAX(d, d->p, path, "%s", what);
}

/* The cursor is not on the start of a JSON value. */
static COLD specc_code not_a_value(dec *d, const speccp_path *path)
{
    unsigned char c;
    if (d->p >= d->end)
        return SYNTAX(d, d->p, path, "unexpected end of input");
    c = (unsigned char)*d->p;
    if (c > 0x20 && c < 0x7f)
        return SYNTAX(d, d->p, path, "unexpected character '%c', expected a value", c);
    return SYNTAX(d, d->p, path, "unexpected byte 0x%02x, expected a value", c);
}

/* ----------------------------------------------------------- small tools */

static void skip_ws(dec *d)
{
    const char *p = d->p, *end = d->end;
    if (p < end && (unsigned char)*p > ' ') /* compact text: nothing to skip */
        return;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    d->p = p;
}

static void set_state(void *base, const specc_field *f, specc_state state)
{
    if (f->flags & SPECC_F_STATE)
        memcpy((char *)base + f->state_offset, &state, sizeof state);
}

/* a[0..len) == b[0..len), inline: field names are short, and a call to
 * memcmp per key costs more than the comparison. */
static bool same_bytes(const char *a, const char *b, size_t len)
{
    uint64_t x, y;
    while (len >= 8) {
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return false;
        a += 8;
        b += 8;
        len -= 8;
    }
    if (len >= 4) {
        uint32_t x4, y4;
        memcpy(&x4, a, 4);
        memcpy(&y4, b, 4);
        if (x4 != y4)
            return false;
        a += 4;
        b += 4;
        len -= 4;
    }
    while (len && *a == *b) {
        a++;
        b++;
        len--;
    }
    return len == 0;
}

/* Is the NUL-terminated name exactly s[0..len)? Reads no further than
 * the name's NUL. */
static bool is_name(const char *name, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++)
        if (name[i] == '\0' || name[i] != s[i])
            return false;
    return name[len] == '\0';
}

static specc_code scan_literal(dec *d, const char *word, size_t n, const speccp_path *path)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (d->p + i >= d->end)
            return SYNTAX(d, d->end, path, "unexpected end of input");
        if (d->p[i] != word[i])
            return SYNTAX(d, d->p + i, path, "invalid literal, expected %s", word);
    }
    d->p += n;
    return SPECC_OK;
}

/* ------------------------------------------------------ value memory */

/* Memory the decoded value keeps: from the arena when decoding into one,
 * else from specc_alloc. (The decoder's own bookkeeping always uses
 * specc_alloc and is freed as it goes.) */
#define VALUE_ALIGN (sizeof(void *) > sizeof(double) ? sizeof(void *) : sizeof(double))

static void *val_alloc(dec *d, size_t size)
{
    return d->arena ? speccp_arena_alloc(d->arena, size, VALUE_ALIGN) : specc_alloc(size);
}

static void val_free(dec *d, void *p)
{
    if (!d->arena)
        specc_free(p);
}

/* Room for a text of len bytes and its NUL, for the value (in an arena,
 * with no alignment). */
static char *val_text_room(dec *d, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    return d->arena ? speccp_arena_alloc(d->arena, len + 1, 1) : specc_alloc(len + 1);
}

/* A NUL-terminated copy of s[0..len) for the value. */
static char *val_strndup(dec *d, const char *s, size_t len)
{
    char *p = val_text_room(d, len);
    if (p) {
        if (len)
            memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

/* speccp_grow for the value's arrays: the same capacities, and in an arena
 * the old array is left behind (or extended in place when it is last). */
static void *val_grow(dec *d, void *old, size_t used, size_t *cap, size_t need, size_t esz)
{
    size_t ncap;
    void *n;
    if (!d->arena)
        return speccp_grow(old, used, cap, need, esz);
    if (need <= *cap && old)
        return old;
    if (!(ncap = speccp_grown_cap(*cap, need, esz)))
        return NULL;
    n = speccp_arena_grow(d->arena, old, old ? *cap * esz : 0, ncap * esz, VALUE_ALIGN);
    if (n)
        *cap = ncap;
    return n;
}

/* --------------------------------------------------------------- strings */

static int hex_digit(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Value of the 4 hex digits at s (4 bytes available), or -1. */
static long hex4(const unsigned char *s)
{
    long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        int h = hex_digit(s[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static size_t utf8_len_of(unsigned long cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Check the escape at p ('\\'); on success *raw is its length in the input
 * and *out its decoded length; *nul is set for \u0000. */
static specc_code scan_escape(dec *d, const unsigned char *p, size_t *raw, size_t *out, bool *nul,
                              const speccp_path *path)
{
    const unsigned char *end = (const unsigned char *)d->end;
    long cp, lo;
    if (end - p < 2)
        return SYNTAX(d, d->end, path, "unexpected end of input");
    switch (p[1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        *raw = 2;
        *out = 1;
        return SPECC_OK;
    case 'u':
        break;
    default:
        if (p[1] > 0x20 && p[1] < 0x7f)
            return SYNTAX(d, (const char *)p, path, "invalid escape \\%c", p[1]);
        return SYNTAX(d, (const char *)p, path, "invalid escape (byte 0x%02x after \\)", p[1]);
    }
    if (end - p < 6 || (cp = hex4(p + 2)) < 0)
        return SYNTAX(d, (const char *)p, path, "invalid \\u escape (needs 4 hex digits)");
    if (cp >= 0xdc00 && cp <= 0xdfff)
        return SYNTAX(d, (const char *)p, path, "lone surrogate \\u%04lX in string", cp);
    if (cp >= 0xd800 && cp <= 0xdbff) {
        if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || (lo = hex4(p + 8)) < 0xdc00 ||
            lo > 0xdfff)
            return SYNTAX(d, (const char *)p, path, "lone surrogate \\u%04lX in string", cp);
        *raw = 12;
        *out = 4;
        return SPECC_OK;
    }
    if (cp == 0)
        *nul = true;
    *raw = 6;
    *out = utf8_len_of((unsigned long)cp);
    return SPECC_OK;
}

/* Scan the string at the cursor ('"'), checking everything (UTF-8, controls,
 * escapes); the cursor ends after the closing quote. */
static specc_code scan_string(dec *d, jstr *s, const speccp_path *path)
{
    const unsigned char *p = (const unsigned char *)d->p + 1;
    const unsigned char *end = (const unsigned char *)d->end;
    size_t shrink = 0; /* raw bytes minus decoded bytes */

    s->raw = (const char *)p;
    s->escaped = false;
    s->has_nul = false;
    for (;;) {
        p = speccp_plain_run(p, end);
        if (p >= end)
            return SYNTAX(d, d->end, path, "unexpected end of input in string");
        if (*p == '"')
            break;
        if (*p == '\\') {
            size_t raw = 0, out = 0;
            specc_code rc = scan_escape(d, p, &raw, &out, &s->has_nul, path);
            if (rc)
                return rc;
            s->escaped = true;
            shrink += raw - out;
            p += raw;
        } else if (*p < 0x20) {
            return SYNTAX(d, (const char *)p, path,
                          "control character U+%04X in string (must be escaped)", *p);
        } else {
            size_t n = speccp_utf8_seq(p, (size_t)(end - p));
            if (!n)
                return SYNTAX(d, (const char *)p, path, "invalid UTF-8 in string");
            p += n;
        }
    }
    s->raw_len = (size_t)(p - (const unsigned char *)s->raw);
    s->len = s->raw_len - shrink;
    d->p = (const char *)p + 1;
    return SPECC_OK;
}

static size_t put_utf8(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* Decode the escapes of a string scan_string() accepted into out (s->len
 * bytes, plus a NUL written after them). */
static void unescape(const jstr *s, char *out)
{
    const unsigned char *p = (const unsigned char *)s->raw, *end = p + s->raw_len;
    size_t n = 0;
    while (p < end) {
        unsigned long cp;
        if (*p != '\\') {
            out[n++] = (char)*p++;
            continue;
        }
        switch (p[1]) {
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': break;
        default: out[n++] = (char)p[1]; break; /* " \ / */
        }
        if (p[1] != 'u') {
            p += 2;
            continue;
        }
        cp = (unsigned long)hex4(p + 2);
        p += 6;
        if (cp >= 0xd800 && cp <= 0xdbff) { /* a checked pair */
            cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned long)hex4(p + 2) - 0xdc00);
            p += 6;
        }
        n += put_utf8(cp, out + n);
    }
    out[n] = '\0';
}

/* The decoded text of s: the input itself, or d->scratch (valid until the
 * next call). NULL when out of memory. */
static const char *str_text(dec *d, const jstr *s)
{
    char *buf;
    if (!s->escaped)
        return s->raw;
    buf = speccp_grow(d->scratch, 0, &d->scratch_cap, s->len + 1, 1);
    if (!buf)
        return NULL;
    d->scratch = buf;
    unescape(s, buf);
    return buf;
}

/* A NUL-terminated copy of the decoded text, from specc_alloc. */
static char *str_dup(const jstr *s)
{
    char *copy;
    if (!s->escaped)
        return speccp_strndup(s->raw, s->len);
    if (s->len == SIZE_MAX)
        return NULL;
    copy = specc_alloc(s->len + 1);
    if (copy)
        unescape(s, copy);
    return copy;
}

/* The same copy, for the value. */
static char *val_str(dec *d, const jstr *s)
{
    char *copy;
    if (!s->escaped)
        return val_strndup(d, s->raw, s->len);
    if ((copy = val_text_room(d, s->len)) != NULL)
        unescape(s, copy);
    return copy;
}

/* Scan an object key at the cursor (which must be on '"'). */
static specc_code scan_key(dec *d, jkey *k, const speccp_path *path)
{
    jstr s;
    specc_code rc = scan_string(d, &s, path);
    k->owned = NULL;
    if (rc)
        return rc;
    k->len = s.len;
    k->has_nul = s.has_nul;
    k->s = s.raw;
    if (s.escaped) {
        k->owned = str_dup(&s);
        if (!k->owned)
            return nomem(d, path);
        k->s = k->owned;
    }
    return SPECC_OK;
}

/* After a value inside an object: ',' then a key, or '}'. Returns 1 when
 * there is another member, 0 at the end, -1 on error. */
static int next_member(dec *d, const speccp_path *path, specc_code *rc)
{
    skip_ws(d);
    if (d->p < d->end && *d->p == ',') {
        d->p++;
        skip_ws(d);
        if (d->p < d->end && *d->p == '"')
            return 1;
        *rc = expected(d, path, "expected a string key after ','");
        return -1;
    }
    if (d->p < d->end && *d->p == '}') {
        d->p++;
        return 0;
    }
    *rc = expected(d, path, "expected ',' or '}' after object member");
    return -1;
}

/* After '{': returns 1 if a first key follows, 0 for an empty object. */
static int first_member(dec *d, const speccp_path *path, specc_code *rc)
{
    d->p++;
    skip_ws(d);
    if (d->p < d->end && *d->p == '}') {
        d->p++;
        return 0;
    }
    if (d->p < d->end && *d->p == '"')
        return 1;
    *rc = expected(d, path, "expected a string key or '}'");
    return -1;
}

/* The ':' after a key, and the whitespace around it. */
static specc_code colon(dec *d, const speccp_path *path)
{
    skip_ws(d);
    if (d->p >= d->end || *d->p != ':')
        return expected(d, path, "expected ':' after object key");
    d->p++;
    skip_ws(d);
    return SPECC_OK;
}

/* After an array element: 1 if another follows (cursor on it), 0 at ']'. */
static int next_element(dec *d, const speccp_path *path, specc_code *rc)
{
    skip_ws(d);
    if (d->p < d->end && *d->p == ',') {
        d->p++;
        skip_ws(d);
        return 1;
    }
    if (d->p < d->end && *d->p == ']') {
        d->p++;
        return 0;
    }
    *rc = expected(d, path, "expected ',' or ']' after array element");
    return -1;
}

/* After '[': 1 if a first element follows, 0 for an empty array. */
static int first_element(dec *d)
{
    d->p++;
    skip_ws(d);
    if (d->p < d->end && *d->p == ']') {
        d->p++;
        return 0;
    }
    return 1;
}

/* --------------------------------------------------------------- numbers */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Scan the number at the cursor ('-' or a digit) by the RFC 8259 grammar. */
static specc_code scan_number(dec *d, jnum *n, const speccp_path *path)
{
    const char *p = d->p, *end = d->end;
    n->s = p;
    n->integer = true;
    if (*p == '-')
        p++;
    if (p >= end || !is_digit(*p))
        return p >= end ? SYNTAX(d, p, path, "unexpected end of input")
                        : SYNTAX(d, p, path, "invalid number: expected a digit");
    if (*p == '0') {
        p++;
        if (p < end && is_digit(*p))
            return SYNTAX(d, p, path, "invalid number: leading zero");
    } else {
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && *p == '.') {
        n->integer = false;
        p++;
        if (p >= end || !is_digit(*p))
            return SYNTAX(d, p, path, "invalid number: expected a digit after '.'");
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        n->integer = false;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || !is_digit(*p))
            return SYNTAX(d, p, path, "invalid number: expected a digit in the exponent");
        while (p < end && is_digit(*p))
            p++;
    }
    n->len = (size_t)(p - n->s);
    d->p = p;
    return SPECC_OK;
}

/* Exact int64 value of an integer literal; false when out of range. */
static bool parse_int64(const char *s, size_t len, int64_t *out)
{
    bool neg = s[0] == '-';
    uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
    size_t i;
    for (i = neg ? 1 : 0; i < len; i++) {
        unsigned digit = (unsigned)(s[i] - '0');
        if (v > (limit - digit) / 10)
            return false;
        v = v * 10 + digit;
    }
    if (!neg)
        *out = (int64_t)v;
    else if (v == (uint64_t)INT64_MAX + 1u)
        *out = INT64_MIN;
    else
        *out = -(int64_t)v;
    return true;
}

/* A number's text for a message (speccp_show_json: 64 characters, then an ellipsis). */
static void show_number(const jnum *n, char *buf, size_t size)
{
    speccp_show_json(n->s, n->len, buf, size);
}

/* "integer 9223372036854775808 is out of range (int64)", at `at`. */
static COLD specc_code range_error(dec *d, const char *at, const speccp_path *path,
                                   const jnum *n)
{
    char shown[SPECCP_SHOW_MAX];
    show_number(n, shown, sizeof shown);
    return fail(d, at, SPECC_ERR_RANGE, path, "%s %s is out of range (%s)",
                n->integer ? "integer" : "number", shown, n->integer ? "int64" : "double");
}

static COLD specc_code int32_range_error(dec *d, const char *at, const speccp_path *path,
                                         const jnum *n)
{
    char shown[SPECCP_SHOW_MAX];
    show_number(n, shown, sizeof shown);
    return fail(d, at, SPECC_ERR_RANGE, path, "integer %s is out of range (int32)", shown);
}

/* ---------------------------------------------------------------- keysets */

/*
 * Duplicate-key detection for objects whose keys are not all known fields
 * (maps, ignored unknown keys, skipped objects). Keys are copied onto one key
 * stack in the decoder; an object's keys are contiguous on it, because any
 * nested object pops its own keys before the parent adds the next one. Small
 * objects are searched linearly; from KEYSET_LINEAR keys on, a hash index
 * (owned by the keyset) keeps hostile inputs linear.
 */
typedef struct keyset {
    size_t base;      /* first entry of this object on the key stack */
    size_t byte_base; /* key stack bytes in use when the object began */
    size_t *index;    /* open addressing: entry - base + 1, 0 = empty */
    size_t index_cap; /* power of two, or 0 */
} keyset;

#define KEYSET_LINEAR 8

static void keyset_begin(dec *d, keyset *ks)
{
    ks->base = d->kcount;
    ks->byte_base = d->kblen;
    ks->index = NULL;
    ks->index_cap = 0;
}

static void keyset_end(dec *d, keyset *ks)
{
    d->kcount = ks->base;
    d->kblen = ks->byte_base;
    specc_free(ks->index);
    ks->index = NULL;
}

static uint64_t key_hash(const dec *d, const char *k, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u ^ d->seed;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (unsigned char)k[i];
        h *= 0x100000001b3u;
    }
    /* FNV's last multiply leaves the low bits (the ones a table uses)
     * depending only on the low bits of the last bytes: mix the high bits
     * in (the finaliser of MurmurHash3), or keys differing in their last
     * characters crowd into a few runs of slots. */
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    return h ^ (h >> 33);
}

static bool kentry_is(const dec *d, const kentry *e, uint64_t h, const char *k, size_t len)
{
    return e->hash == h && e->len == len && (len == 0 || !memcmp(d->kbytes + e->off, k, len));
}

static bool keyset_reindex(dec *d, keyset *ks, size_t cap)
{
    size_t *ix = specc_alloc(cap * sizeof *ix), i;
    if (!ix)
        return false;
    memset(ix, 0, cap * sizeof *ix);
    for (i = ks->base; i < d->kcount; i++) {
        size_t s = (size_t)d->kents[i].hash & (cap - 1);
        while (ix[s])
            s = (s + 1) & (cap - 1);
        ix[s] = i - ks->base + 1;
    }
    specc_free(ks->index);
    ks->index = ix;
    ks->index_cap = cap;
    return true;
}

static bool keyset_has(const dec *d, const keyset *ks, uint64_t h, const char *k, size_t len)
{
    size_t i;
    if (!ks->index) {
        for (i = ks->base; i < d->kcount; i++)
            if (kentry_is(d, &d->kents[i], h, k, len))
                return true;
        return false;
    }
    for (i = (size_t)h & (ks->index_cap - 1); ks->index[i]; i = (i + 1) & (ks->index_cap - 1))
        if (kentry_is(d, &d->kents[ks->base + ks->index[i] - 1], h, k, len))
            return true;
    return false;
}

/* Add k to the object's keys: SPECC_OK, SPECC_ERR_DUPLICATE_KEY (not
 * reported yet) or SPECC_ERR_NOMEM (not reported yet). */
static specc_code keyset_add(dec *d, keyset *ks, const char *k, size_t len)
{
    uint64_t h = key_hash(d, k, len);
    size_t n;
    kentry *ents;
    char *bytes;

    if (keyset_has(d, ks, h, k, len))
        return SPECC_ERR_DUPLICATE_KEY;
    if (d->kblen > SIZE_MAX - len - 1)
        return SPECC_ERR_NOMEM;
    ents = speccp_grow(d->kents, d->kcount, &d->kcap, d->kcount + 1, sizeof *d->kents);
    if (!ents)
        return SPECC_ERR_NOMEM;
    d->kents = ents;
    bytes = speccp_grow(d->kbytes, d->kblen, &d->kbcap, d->kblen + len + 1, 1);
    if (!bytes)
        return SPECC_ERR_NOMEM;
    d->kbytes = bytes;
    if (len)
        memcpy(d->kbytes + d->kblen, k, len);
    d->kents[d->kcount].off = d->kblen;
    d->kents[d->kcount].len = len;
    d->kents[d->kcount].hash = h;
    d->kcount++;
    d->kblen += len;
    n = d->kcount - ks->base;
    if (n >= KEYSET_LINEAR && n * 2 > ks->index_cap) {
        size_t cap = 32;
        while (cap < n * 4)
            cap *= 2;
        if (!keyset_reindex(d, ks, cap))
            return SPECC_ERR_NOMEM;
    } else if (ks->index) {
        size_t i = (size_t)h & (ks->index_cap - 1);
        while (ks->index[i])
            i = (i + 1) & (ks->index_cap - 1);
        ks->index[i] = n;
    }
    return SPECC_OK;
}

static COLD specc_code dup_key_error(dec *d, const char *key_at, const jkey *k,
                                     const speccp_path *key_path)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(k->s, k->len, q, sizeof q);
    return fail(d, key_at, SPECC_ERR_DUPLICATE_KEY, key_path, "duplicate key %s", q);
}

/* keyset_add, reporting a duplicate or no memory at key_at. */
static specc_code keyset_add_at(dec *d, keyset *ks, const jkey *k, const char *key_at,
                                const speccp_path *key_path)
{
    specc_code rc = keyset_add(d, ks, k->s, k->len);
    if (rc == SPECC_ERR_DUPLICATE_KEY)
        return dup_key_error(d, key_at, k, key_path);
    if (rc)
        return fail(d, key_at, rc, key_path, "out of memory");
    return SPECC_OK;
}

/* ------------------------------------------------------------- tag notes */

/*
 * A union with a discriminator scans its object for the key before
 * decoding it. Nested objects are skipped by that scan, and would be
 * scanned again by their own unions: with the key after the nested
 * content at every level, that is SPECC_MAX_DEPTH passes over the text.
 * So while a scan looks for a key, every object it skips gets a note of
 * where that key's value is (or that the key is absent), and a union
 * looking for the same key in a noted object uses the note. Each byte is
 * then scanned at most once per distinct discriminator name.
 */
typedef struct tagnote {
    size_t open;      /* offset of the object's '{' */
    const char *name; /* the key looked for */
    size_t name_len;
    size_t at, len;   /* its value's text; len 0: the key is absent */
} tagnote;

static size_t note_hash(size_t open, size_t cap)
{
    return (size_t)(((uint64_t)open * 0x9e3779b97f4a7c15u) >> 17) & (cap - 1);
}

static bool note_is(const tagnote *n, size_t open, const char *name, size_t len)
{
    return n->open == open && n->name_len == len && !memcmp(n->name, name, len);
}

static const tagnote *find_note(const dec *d, const char *open, const char *name, size_t len)
{
    size_t off = (size_t)(open - d->text), i;
    if (!d->note_index)
        return NULL;
    for (i = note_hash(off, d->note_index_cap); d->note_index[i];
         i = (i + 1) & (d->note_index_cap - 1))
        if (note_is(&d->notes[d->note_index[i] - 1], off, name, len))
            return &d->notes[d->note_index[i] - 1];
    return NULL;
}

/* Index every note again in a table of cap slots. */
static bool reindex_notes(dec *d, size_t cap)
{
    size_t *ix = specc_alloc(cap * sizeof *ix), i, j;
    if (!ix || cap > SIZE_MAX / sizeof *ix) {
        specc_free(ix);
        return false;
    }
    memset(ix, 0, cap * sizeof *ix);
    for (i = 0; i < d->note_count; i++) {
        for (j = note_hash(d->notes[i].open, cap); ix[j]; j = (j + 1) & (cap - 1))
            ;
        ix[j] = i + 1;
    }
    specc_free(d->note_index);
    d->note_index = ix;
    d->note_index_cap = cap;
    return true;
}

/* Note the discriminator's value at[0..len) (NULL: absent) for the object
 * at `open`; false when out of memory. */
static bool note_tag(dec *d, const char *open, const char *at, size_t len)
{
    tagnote *n = speccp_grow(d->notes, d->note_count, &d->note_cap, d->note_count + 1, sizeof *n);
    size_t i;
    if (!n)
        return false;
    d->notes = n;
    n += d->note_count++;
    n->open = (size_t)(open - d->text);
    n->name = d->note_name;
    n->name_len = d->note_len;
    n->at = at ? (size_t)(at - d->text) : 0;
    n->len = at ? len : 0;
    if (d->note_count * 2 > d->note_index_cap)
        return reindex_notes(d, d->note_index_cap ? d->note_index_cap * 2 : 64);
    for (i = note_hash(n->open, d->note_index_cap); d->note_index[i];
         i = (i + 1) & (d->note_index_cap - 1))
        ;
    d->note_index[i] = d->note_count;
    return true;
}

/* ------------------------------------------------------- skipping values */

/* Check the value at the cursor (syntax, depth, duplicate keys) and build
 * nothing: for ignored unknown keys and the syntax re-scan. */
static specc_code skip_container(dec *d, const speccp_path *path, unsigned depth);

static specc_code skip_value(dec *d, const speccp_path *path, unsigned depth)
{
    jstr s;
    jnum n;
    if (d->p >= d->end)
        return not_a_value(d, path);
    switch (*d->p) {
    case '{':
    case '[': return skip_container(d, path, depth + 1);
    case '"': return scan_string(d, &s, path);
    case 't': return scan_literal(d, "true", 4, path);
    case 'f': return scan_literal(d, "false", 5, path);
    case 'n': return scan_literal(d, "null", 4, path);
    default:
        if (*d->p == '-' || is_digit(*d->p))
            return scan_number(d, &n, path);
        return not_a_value(d, path);
    }
}

/* Members of the object whose '{' is at `open`; while a scan looks for a
 * discriminator (d->note_name), where that key is (or that it is absent)
 * is noted for this object. */
static specc_code skip_members(dec *d, keyset *ks, const speccp_path *path, unsigned depth)
{
    const char *open = d->p, *value;
    bool noted = d->note_name == NULL;
    specc_code rc = SPECC_OK;
    int more = first_member(d, path, &rc);
    while (more > 0) {
        const char *key_at = d->p;
        bool is_tag;
        jkey k;
        speccp_path child;
        rc = scan_key(d, &k, path);
        if (rc)
            return rc;
        child.parent = path;
        child.key = k.s;
        child.key_len = k.len;
        child.index = 0;
        is_tag = !noted && k.len == d->note_len && !memcmp(k.s, d->note_name, k.len);
        rc = keyset_add_at(d, ks, &k, key_at, &child);
        if (!rc)
            rc = colon(d, &child);
        value = d->p;
        if (!rc)
            rc = skip_value(d, &child, depth);
        if (!rc && is_tag && !(noted = note_tag(d, open, value, (size_t)(d->p - value))))
            rc = nomem(d, &child);
        specc_free(k.owned);
        if (rc)
            return rc;
        more = next_member(d, path, &rc);
    }
    if (!rc && !noted && !note_tag(d, open, NULL, 0))
        rc = nomem(d, path);
    return rc;
}

static specc_code skip_container(dec *d, const speccp_path *path, unsigned depth)
{
    specc_code rc = SPECC_OK;
    speccp_path child;
    keyset ks;
    int more;

    if (depth > SPECC_MAX_DEPTH)
        return fail(d, d->p, SPECC_ERR_DEPTH, path, "nesting deeper than %d", SPECC_MAX_DEPTH);
    if (*d->p == '{') {
        keyset_begin(d, &ks);
        rc = skip_members(d, &ks, path, depth);
        keyset_end(d, &ks);
        return rc;
    }
    child.parent = path;
    child.key = NULL;
    child.key_len = 0;
    child.index = 0;
    for (more = first_element(d); more > 0; more = next_element(d, path, &rc)) {
        rc = skip_value(d, &child, depth);
        if (rc)
            return rc;
        child.index++;
    }
    return rc;
}

/* Collecting: the value that starts at `start` had a problem (reported):
 * move past it so that decoding goes on. */
static specc_code skip_bad(dec *d, const char *start, const speccp_path *path, unsigned depth)
{
    d->p = start;
    return skip_value(d, path, depth);
}

/* ------------------------------------------------------- errors of shape */

/* "expected <kind>, got <the value at the cursor>" (SPECC_ERR_TYPE). */
static COLD specc_code type_error(dec *d, const specc_shape *shape, const speccp_path *path)
{
    const char *at = d->p, *text;
    char shown[SPECCP_SHOW_MAX + 8], want[160];
    specc_code rc;
    jstr s;
    jnum n;

    if (at >= d->end)
        return not_a_value(d, path);
    switch (*at) {
    case '{': snprintf(shown, sizeof shown, "object"); break;
    case '[': snprintf(shown, sizeof shown, "array"); break;
    case 't': snprintf(shown, sizeof shown, "boolean true"); break;
    case 'f': snprintf(shown, sizeof shown, "boolean false"); break;
    case 'n': snprintf(shown, sizeof shown, "null"); break;
    case '"':
        if ((rc = scan_string(d, &s, path)) != SPECC_OK)
            return rc;
        if (!(text = str_text(d, &s)))
            return nomem(d, path);
        memcpy(shown, "string ", 7);
        speccp_quote(text, s.len, shown + 7, sizeof shown - 7);
        break;
    default:
        if (*at != '-' && !is_digit(*at))
            return not_a_value(d, path);
        if ((rc = scan_number(d, &n, path)) != SPECC_OK)
            return rc;
        memcpy(shown, "number ", 7);
        show_number(&n, shown + 7, sizeof shown - 7);
        break;
    }
    speccp_expected(shape, want, sizeof want);
    return fail(d, at, SPECC_ERR_TYPE, path, "expected %s, got %s", want, shown);
}

/* null where the shape does not allow it (SPECC_ERR_NULL), at `at`. */
static COLD specc_code null_error(dec *d, const char *at, const specc_shape *shape,
                                  const speccp_path *path)
{
    char want[160];
    speccp_expected(shape, want, sizeof want);
    return fail(d, at, SPECC_ERR_NULL, path, "expected %s, got null", want);
}

/* A string holding U+0000 where C needs a C string. */
static COLD specc_code nul_error(dec *d, const char *at, const speccp_path *path,
                                 const char *what)
{
    return fail(d, at, SPECC_ERR_NUL, path,
                "%s holds U+0000 (\\u0000), which a C string cannot hold", what);
}

/* ------------------------------------------------------------ any values */

static specc_code any_members(dec *d, json_t *obj, const speccp_path *path, unsigned depth)
{
    specc_code rc = SPECC_OK;
    int more = first_member(d, path, &rc);
    while (more > 0) {
        const char *key_at = d->p;
        json_t *v = NULL;
        speccp_path child;
        jkey k;
        if ((rc = scan_key(d, &k, path)) != SPECC_OK)
            return rc;
        child.parent = path;
        child.key = k.s;
        child.key_len = k.len;
        child.index = 0;
        if (json_object_getn(obj, k.s, k.len))
            rc = dup_key_error(d, key_at, &k, &child);
        if (!rc)
            rc = colon(d, &child);
        if (!rc)
            rc = dec_any(d, &v, &child, depth);
        /* json_object_setn_new_nocheck takes v even when it fails. */
        if (!rc && json_object_setn_new_nocheck(obj, k.s, k.len, v))
            rc = nomem(d, &child);
        specc_free(k.owned);
        if (rc)
            return rc;
        more = next_member(d, path, &rc);
    }
    return rc;
}

static specc_code any_elements(dec *d, json_t *arr, const speccp_path *path, unsigned depth)
{
    specc_code rc = SPECC_OK;
    speccp_path child;
    int more;
    child.parent = path;
    child.key = NULL;
    child.key_len = 0;
    child.index = 0;
    for (more = first_element(d); more > 0; more = next_element(d, path, &rc)) {
        json_t *v = NULL;
        if ((rc = dec_any(d, &v, &child, depth)) != SPECC_OK)
            return rc;
        if (json_array_append_new(arr, v)) /* takes v even when it fails */
            return nomem(d, &child);
        child.index++;
    }
    return rc;
}

/* An object or array as a new jansson value in *out (NULL on failure). */
static specc_code any_container(dec *d, json_t **out, const speccp_path *path, unsigned depth)
{
    bool is_object = *d->p == '{';
    json_t *j;
    specc_code rc;
    if (depth > SPECC_MAX_DEPTH)
        return fail(d, d->p, SPECC_ERR_DEPTH, path, "nesting deeper than %d", SPECC_MAX_DEPTH);
    j = is_object ? json_object() : json_array();
    if (!j)
        return nomem(d, path);
    rc = is_object ? any_members(d, j, path, depth) : any_elements(d, j, path, depth);
    if (rc) {
        json_decref(j);
        return rc;
    }
    *out = j;
    return SPECC_OK;
}

static specc_code any_number(dec *d, json_t **out, const speccp_path *path)
{
    const char *at = d->p;
    specc_code rc;
    int64_t i;
    double x;
    jnum n;
    if ((rc = scan_number(d, &n, path)) != SPECC_OK)
        return rc;
    if (n.integer) {
        if (!parse_int64(n.s, n.len, &i))
            return range_error(d, at, path, &n);
        *out = json_integer(i);
    } else {
        rc = speccp_parse_double(n.s, n.len, &x);
        if (rc == SPECC_ERR_NOMEM)
            return nomem(d, path);
        if (rc)
            return range_error(d, at, path, &n);
        *out = json_real(x);
    }
    return *out ? SPECC_OK : nomem(d, path);
}

/* Any JSON value as a new jansson value in *out (NULL on failure). */
static specc_code dec_any(dec *d, json_t **out, const speccp_path *path, unsigned depth)
{
    const char *text;
    specc_code rc;
    jstr s;

    *out = NULL;
    if (d->p >= d->end)
        return not_a_value(d, path);
    switch (*d->p) {
    case '{':
    case '[': return any_container(d, out, path, depth + 1);
    case 't':
        rc = scan_literal(d, "true", 4, path);
        *out = rc ? NULL : json_true(); /* literals are singletons: no allocation */
        return rc;
    case 'f':
        rc = scan_literal(d, "false", 5, path);
        *out = rc ? NULL : json_false();
        return rc;
    case 'n':
        rc = scan_literal(d, "null", 4, path);
        *out = rc ? NULL : json_null();
        return rc;
    case '"':
        if ((rc = scan_string(d, &s, path)) != SPECC_OK)
            return rc;
        if (!(text = str_text(d, &s)))
            return nomem(d, path);
        *out = json_stringn_nocheck(text, s.len); /* UTF-8 checked by the scan */
        return *out ? SPECC_OK : nomem(d, path);
    default:
        if (*d->p == '-' || is_digit(*d->p))
            return any_number(d, out, path);
        return not_a_value(d, path);
    }
}

/* ---------------------------------------------------------------- scalars */

static specc_code dec_string(dec *d, void *slot, const speccp_path *path)
{
    const char *at = d->p;
    char *copy;
    jstr s;
    specc_code rc = scan_string(d, &s, path);
    if (rc)
        return rc;
    if (s.has_nul)
        return nul_error(d, at, path, "string");
    if (!(copy = val_str(d, &s)))
        return nomem(d, path);
    speccp_set_ptr(slot, 0, copy);
    return SPECC_OK;
}

/* "expected one of 0, 1, got 5" for a closed integer enum. */
static COLD specc_code int_enum_error(dec *d, const char *at, const specc_shape *shape,
                                      const jnum *n, const speccp_path *path)
{
    char list[SPECCP_LIST_MAX], shown[SPECCP_SHOW_MAX];
    speccp_int_enum_list(shape, list, sizeof list);
    show_number(n, shown, sizeof shown);
    return fail(d, at, SPECC_ERR_ENUM, path, "expected one of %s, got %s", list, shown);
}

/* An INTEGER (int64_t) or INT32 (int32_t) value: an integer literal in
 * range, in a closed integer enum's list. */
static specc_code dec_integer(dec *d, const specc_shape *shape, void *slot,
                              const speccp_path *path)
{
    const char *at = d->p;
    bool is32 = shape->kind == SPECC_KIND_INT32;
    int64_t v;
    int32_t v32;
    size_t i;
    jnum n;
    specc_code rc = scan_number(d, &n, path);
    if (rc)
        return rc;
    if (!n.integer) {
        d->p = at; /* type_error shows the number */
        return type_error(d, shape, path);
    }
    if (!parse_int64(n.s, n.len, &v))
        return is32 ? int32_range_error(d, at, path, &n) : range_error(d, at, path, &n);
    if (is32 && (v < INT32_MIN || v > INT32_MAX))
        return int32_range_error(d, at, path, &n);
    if ((shape->flags & SPECC_S_INT_ENUM) && !(shape->flags & SPECC_S_OPEN_ENUM)) {
        for (i = 0; i < shape->enum_count && shape->enum_ints[i] != v; i++)
            ;
        if (i == shape->enum_count)
            return int_enum_error(d, at, shape, &n, path);
    }
    v32 = (int32_t)v;
    if (is32)
        memcpy(slot, &v32, sizeof v32);
    else
        memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

static specc_code dec_number(dec *d, void *slot, const speccp_path *path)
{
    const char *at = d->p;
    double v;
    jnum n;
    specc_code rc = scan_number(d, &n, path);
    if (rc)
        return rc;
    rc = speccp_parse_double(n.s, n.len, &v);
    if (rc == SPECC_ERR_NOMEM)
        return nomem(d, path);
    if (rc)
        return range_error(d, at, path, &n);
    memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

static specc_code dec_boolean(dec *d, void *slot, const speccp_path *path)
{
    bool v = *d->p == 't';
    specc_code rc = v ? scan_literal(d, "true", 4, path) : scan_literal(d, "false", 5, path);
    if (!rc)
        memcpy(slot, &v, sizeof v);
    return rc;
}

static COLD specc_code decimal_error(dec *d, const char *at, const char *text, size_t len,
                                     const speccp_path *path)
{
    char shown[SPECCP_SHOW_MAX];
    speccp_quote(text, len, shown, sizeof shown);
    return fail(d, at, SPECC_ERR_FORMAT, path, "expected a decimal number, got string %s", shown);
}

/* A decimal: a JSON number kept as written, or a string holding one. */
static specc_code dec_decimal(dec *d, void *slot, const speccp_path *path)
{
    const char *at = d->p, *text;
    specc_decimal v;
    specc_code rc;
    jstr s;
    jnum n;

    if (*at != '"') {
        if ((rc = scan_number(d, &n, path)) != SPECC_OK)
            return rc;
        v.text = val_strndup(d, n.s, n.len);
        v.is_string = false;
    } else {
        if ((rc = scan_string(d, &s, path)) != SPECC_OK)
            return rc;
        if (!(text = str_text(d, &s)))
            return nomem(d, path);
        if (s.has_nul || !speccp_is_json_number(text, s.len))
            return decimal_error(d, at, text, s.len, path);
        v.text = val_strndup(d, text, s.len);
        v.is_string = true;
    }
    if (!v.text)
        return nomem(d, path);
    memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

/* "expected one of \"a\", \"b\", got \"x\"" for a closed string enum. */
static COLD specc_code enum_error(dec *d, const char *at, const specc_shape *shape,
                                  const char *text, size_t len, const speccp_path *path)
{
    char list[SPECCP_LIST_MAX], got[SPECCP_SHOW_MAX];
    speccp_enum_list(shape, list, sizeof list);
    speccp_quote(text, len, got, sizeof got);
    return fail(d, at, SPECC_ERR_ENUM, path, "expected one of %s, got %s", list, got);
}

/* A string enum into the int at slot; `other` is the char * member that
 * keeps an unknown value of an open enum (NULL inside arrays and maps, where
 * the unknown text has no place and only the value enum_count is kept). */
static specc_code dec_enum(dec *d, const specc_shape *shape, void *slot, void *other,
                           const speccp_path *path)
{
    const char *at = d->p, *text;
    char *copy;
    size_t i;
    int v;
    jstr s;
    specc_code rc = scan_string(d, &s, path);
    if (rc)
        return rc;
    if (!(text = str_text(d, &s)))
        return nomem(d, path);
    for (i = 0; i < shape->enum_count; i++) {
        const char *name = shape->enum_names[i];
        if (is_name(name, text, s.len))
            break;
    }
    if (i == shape->enum_count && !(shape->flags & SPECC_S_OPEN_ENUM))
        return enum_error(d, at, shape, text, s.len, path);
    if (i == shape->enum_count && other) {
        if (s.has_nul)
            return nul_error(d, at, path, "string");
        if (!(copy = val_strndup(d, text, s.len)))
            return nomem(d, path);
        speccp_set_ptr(other, 0, copy);
    }
    v = (int)i;
    memcpy(slot, &v, sizeof v);
    return SPECC_OK;
}

/* ------------------------------------------------------------- containers */

static COLD specc_code depth_error(dec *d, const speccp_path *path)
{
    return fail(d, d->p, SPECC_ERR_DEPTH, path, "nesting deeper than %d", SPECC_MAX_DEPTH);
}

static COLD specc_code no_size_error(dec *d, const speccp_path *path)
{
    return fail(d, d->p, SPECC_ERR_INVALID, path, "the descriptor gives elements a size of 0");
}

/* An array into the specc_array at slot. Invariant: `count` elements of
 * items are initialised (each zeroed before it is decoded). */
static specc_code dec_array(dec *d, const specc_shape *items, void *slot, const speccp_path *path,
                            unsigned depth)
{
    size_t esz = speccp_elem_size(items), cap = 0, index = 0;
    specc_code rc = SPECC_OK;
    specc_array a = {NULL, 0};
    speccp_path child;
    int more;

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (!esz)
        return no_size_error(d, path);
    child.parent = path;
    child.key = NULL;
    child.key_len = 0;
    for (more = first_element(d); more > 0; more = next_element(d, path, &rc)) {
        const char *elem_start = d->p;
        char *elem;
        void *n = val_grow(d, a.items, a.count, &cap, a.count + 1, esz);
        if (!n)
            return nomem(d, path);
        a.items = n;
        elem = (char *)a.items + a.count * esz;
        memset(elem, 0, esz);
        child.index = index++; /* in the input: items left out still count */
        a.count++;
        memcpy(slot, &a, sizeof a);
        if ((rc = dec_slot(d, items, elem, false, &child, depth)) == SPECC_OK)
            continue;
        if (!collecting(d, rc))
            return rc;
        speccp_drop_slot(items, elem, false); /* the bad item is left out */
        a.count--;
        memcpy(slot, &a, sizeof a);
        if ((rc = skip_bad(d, elem_start, &child, depth)) != SPECC_OK)
            return rc;
    }
    return rc;
}

/* Room for one more entry in both arrays of a map (same capacity). */
static bool map_reserve(dec *d, specc_map *m, size_t *cap, size_t esz)
{
    size_t kcap = *cap, vcap = *cap;
    char **keys;
    void *values;
    if (m->count < *cap)
        return true;
    keys = val_grow(d, NULL, 0, &kcap, m->count + 1, sizeof *keys);
    if (!keys)
        return false;
    values = val_grow(d, NULL, 0, &vcap, m->count + 1, esz);
    if (!values) {
        val_free(d, keys);
        return false;
    }
    if (m->count) {
        memcpy(keys, m->keys, m->count * sizeof *keys);
        memcpy(values, m->values, m->count * esz);
    }
    val_free(d, m->keys);
    val_free(d, m->values);
    m->keys = keys;
    m->values = values;
    *cap = kcap;
    return true;
}

/*
 * Repeated keys of a map are looked for among the map's own keys, not in
 * copies on the key stack: small maps are searched linearly, larger ones
 * get an index (open addressing, at most three quarters full) whose slots
 * hold the entry number and the high half of its key's hash, so a probe
 * reads a key only when the hashes agree. A hostile map stays linear, and
 * a large one costs 11 to 22 more bytes per entry while it is read, not a
 * second copy of every key.
 */
#define MAPSET_LINEAR 8

typedef struct mapset {
    uint64_t *slots; /* hash >> 32 << 32 | entry + 1; 0 = empty. NULL until
                        MAPSET_LINEAR entries */
    size_t cap;      /* a power of two, or 0 */
    size_t last;     /* the empty slot mapset_has found, then the slot of the
                        entry indexed last */
    uint64_t hash;   /* the hash of the key mapset_has looked for last */
} mapset;

static uint64_t slot_of(uint64_t h, size_t entry)
{
    return (h >> 32 << 32) | (uint64_t)(entry + 1);
}

/* Is the key k[0..len) of hash h in the map? With an index, ms->last is
 * left on the empty slot it would take. */
static bool mapset_has(const dec *d, mapset *ms, const specc_map *m, const char *k, size_t len)
{
    uint64_t h, tag;
    size_t i;
    if (!ms->slots) {
        for (i = 0; i < m->count; i++)
            if (is_name(m->keys[i], k, len))
                return true;
        return false;
    }
    h = ms->hash = key_hash(d, k, len);
    tag = h >> 32 << 32;
    for (i = (size_t)h & (ms->cap - 1); ms->slots[i]; i = (i + 1) & (ms->cap - 1))
        if ((ms->slots[i] >> 32 << 32) == tag &&
            is_name(m->keys[(uint32_t)ms->slots[i] - 1], k, len))
            return true;
    ms->last = i;
    return false;
}

/* A new index of all n entries, three quarters full at most. */
static bool mapset_rebuild(const dec *d, mapset *ms, const specc_map *m, size_t n)
{
    size_t cap = 16, e, i;
    uint64_t *slots, h;
    if (n > ((size_t)1 << 30))
        return false;
    while (cap * 3 < n * 4)
        cap *= 2;
    if (!(slots = specc_alloc(cap * sizeof *slots)))
        return false;
    memset(slots, 0, cap * sizeof *slots);
    for (e = 0; e < n; e++) { /* the keys differ: no comparison needed */
        h = key_hash(d, m->keys[e], strlen(m->keys[e]));
        for (i = (size_t)h & (cap - 1); slots[i]; i = (i + 1) & (cap - 1))
            ;
        slots[i] = slot_of(h, e);
        ms->last = i;
    }
    specc_free(ms->slots);
    ms->slots = slots;
    ms->cap = cap;
    return true;
}

/* Index the entry just added (the map's last, which mapset_has looked for
 * last); false when out of memory (or beyond 2^30 entries). */
static bool mapset_add(const dec *d, mapset *ms, const specc_map *m)
{
    size_t n = m->count, e = n - 1;
    if (n < MAPSET_LINEAR)
        return true;
    if (!ms->slots || n * 4 > ms->cap * 3)
        return mapset_rebuild(d, ms, m, n);
    ms->slots[ms->last] = slot_of(ms->hash, e);
    return true;
}

/* Collecting: the map's last entry was left out again (count is now one
 * less): take it out of the index. It was put last, so no other key's
 * probe passes its slot. */
static void mapset_drop_last(mapset *ms, const specc_map *m)
{
    if (ms->slots && m->count + 1 >= MAPSET_LINEAR)
        ms->slots[ms->last] = 0;
}

/* The map's own copy of a scanned key (k->owned is taken over, or freed
 * when the copy goes to an arena); NULL when out of memory. */
static char *map_key(dec *d, jkey *k)
{
    char *key;
    if (!d->arena && k->owned) {
        key = k->owned;
        k->owned = NULL;
        return key;
    }
    key = val_strndup(d, k->s, k->len);
    if (key) {
        specc_free(k->owned);
        k->owned = NULL;
    }
    return key;
}

/* One "key": value of a map; the cursor is on the key. */
static specc_code map_entry(dec *d, const specc_shape *items, specc_map *m, size_t *cap,
                            void *slot, mapset *ms, const speccp_path *path, unsigned depth)
{
    size_t esz = speccp_elem_size(items);
    const char *key_at = d->p;
    speccp_path child;
    char *elem, *key;
    specc_code rc;
    jkey k;

    if ((rc = scan_key(d, &k, path)) != SPECC_OK)
        return rc;
    child.parent = path;
    child.key = k.s;
    child.key_len = k.len;
    child.index = 0;
    if (k.has_nul && (rc = nul_error(d, key_at, &child, "map key")) != SPECC_OK &&
        collecting(d, rc)) { /* the entry is left out */
        specc_free(k.owned);
        SPECCP_TRY(colon(d, &child));
        return skip_value(d, &child, depth);
    }
    if (!rc && mapset_has(d, ms, m, k.s, k.len))
        rc = dup_key_error(d, key_at, &k, &child);
    if (!rc && !map_reserve(d, m, cap, esz))
        rc = nomem(d, &child);
    if (!rc)
        memcpy(slot, m, sizeof *m); /* the old arrays are gone */
    if (!rc && !(key = map_key(d, &k)))
        rc = nomem(d, &child);
    if (rc) {
        specc_free(k.owned);
        return rc;
    }
    /* The key now belongs to the map; child.key points at it. */
    child.key = key;
    m->keys[m->count] = key;
    elem = (char *)m->values + m->count * esz;
    memset(elem, 0, esz);
    m->count++;
    memcpy(slot, m, sizeof *m);
    if (!mapset_add(d, ms, m))
        return nomem(d, &child);
    if ((rc = colon(d, &child)) != SPECC_OK)
        return rc;
    key_at = d->p;
    if ((rc = dec_slot(d, items, elem, false, &child, depth)) == SPECC_OK || !collecting(d, rc))
        return rc;
    /* The bad entry is left out: the path's key lives on until skipped. */
    speccp_drop_slot(items, elem, false);
    rc = skip_bad(d, key_at, &child, depth);
    m->count--;
    memcpy(slot, m, sizeof *m);
    mapset_drop_last(ms, m);
    val_free(d, m->keys[m->count]);
    return rc;
}

/* A map into the specc_map at slot; keys keep input order. Invariant as for
 * arrays: `count` keys and values are initialised. */
static specc_code dec_map(dec *d, const specc_shape *items, void *slot, const speccp_path *path,
                          unsigned depth)
{
    specc_map m = {NULL, NULL, 0};
    specc_code rc = SPECC_OK;
    mapset ms = {NULL, 0, 0, 0};
    size_t cap = 0;
    int more;

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (!speccp_elem_size(items))
        return no_size_error(d, path);
    for (more = first_member(d, path, &rc); more > 0; more = next_member(d, path, &rc)) {
        rc = map_entry(d, items, &m, &cap, slot, &ms, path, depth);
        if (rc)
            break;
    }
    specc_free(ms.slots);
    return rc;
}

/* ----------------------------------------------------------------- unions */

/* The kind of the value starting at p (looking ahead over a number's
 * digits; syntax is checked by whoever reads the value). */
static speccp_jkind kind_at(const char *p, const char *end)
{
    if (p >= end)
        return SPECCP_JK_OTHER;
    switch (*p) {
    case '"': return SPECCP_JK_STRING;
    case '{': return SPECCP_JK_OBJECT;
    case '[': return SPECCP_JK_ARRAY;
    case 't':
    case 'f': return SPECCP_JK_BOOLEAN;
    default: break;
    }
    if (*p != '-' && !is_digit(*p))
        return SPECCP_JK_OTHER;
    for (p++; p < end && is_digit(*p); p++)
        ;
    return p < end && (*p == '.' || *p == 'e' || *p == 'E') ? SPECCP_JK_NUMBER
                                                             : SPECCP_JK_INTEGER;
}

static void set_union_kind(const specc_union *u, char *base, size_t kind)
{
    int k = (int)kind;
    memcpy(base + u->kind_offset, &k, sizeof k);
}

/* Variant i, in the union at base: its kind first, so that a failure half
 * way leaves the member for specc_clear to free. */
static specc_code dec_variant(dec *d, const specc_union *u, size_t i, char *base,
                              const speccp_path *path, unsigned depth)
{
    const specc_shape *shape = &u->variants[i].shape;
    set_union_kind(u, base, i + 1);
    return dec_slot(d, shape, base + u->value_offset, true, path,
                    depth + (shape->kind == SPECC_KIND_UNION));
}

/* An open union's value that no variant takes: checked, kept as sent. */
static specc_code keep_other(dec *d, const specc_union *u, char *base, const speccp_path *path,
                             unsigned depth)
{
    const char *start = d->p;
    char *copy;
    SPECCP_TRY(skip_value(d, path, depth));
    if (!(copy = val_strndup(d, start, (size_t)(d->p - start))))
        return nomem(d, path);
    speccp_set_ptr(base, u->other_offset, copy);
    set_union_kind(u, base, u->variant_count + 1);
    return SPECC_OK;
}

/* Where the discriminator's value is, once scanned for. */
typedef struct tagscan {
    const char *at; /* its text */
    size_t len;
    bool found;
} tagscan;

/* Scan the object at the cursor ('{', at nesting `depth`) for the
 * discriminator key, building nothing; stops at the first one. The cursor
 * is left where the scan stopped (the caller rewinds). */
static specc_code scan_members(dec *d, const specc_union *u, tagscan *t,
                               const speccp_path *path, unsigned depth)
{
    specc_code rc = SPECC_OK;
    int more;
    for (more = first_member(d, path, &rc); more > 0 && !t->found;
         more = next_member(d, path, &rc)) {
        speccp_path child;
        jkey k;
        if ((rc = scan_key(d, &k, path)) != SPECC_OK)
            return rc;
        child.parent = path;
        child.key = k.s;
        child.key_len = k.len;
        child.index = 0;
        t->found = k.len == u->discriminator_len && !memcmp(k.s, u->discriminator, k.len);
        rc = colon(d, &child);
        t->at = d->p;
        if (!rc)
            rc = skip_value(d, &child, depth);
        t->len = (size_t)(d->p - t->at);
        specc_free(k.owned);
        if (rc)
            return rc;
    }
    return rc;
}

/* Find the discriminator of the object at the cursor: from a note, or by
 * scanning (noting it for the objects skipped on the way). */
static specc_code scan_tag(dec *d, const specc_union *u, tagscan *t, const speccp_path *path,
                           unsigned depth)
{
    const tagnote *note = find_note(d, d->p, u->discriminator, u->discriminator_len);
    const char *saved = d->note_name;
    size_t saved_len = d->note_len;
    specc_code rc;

    t->found = false;
    if (note) {
        t->found = note->len != 0;
        t->at = d->text + note->at;
        t->len = note->len;
        return SPECC_OK;
    }
    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    d->note_name = u->discriminator;
    d->note_len = u->discriminator_len;
    rc = scan_members(d, u, t, path, depth);
    d->note_name = saved;
    d->note_len = saved_len;
    return rc;
}

/* "expected one of \"push\", \"star\", got \"fork\"" at the key. */
static COLD specc_code tag_error(dec *d, const specc_union *u, const tagscan *t,
                                 const speccp_path *key)
{
    char list[SPECCP_LIST_MAX], got[SPECCP_SHOW_MAX];
    speccp_tag_list(u, list, sizeof list);
    speccp_show_json(t->at, t->len, got, sizeof got);
    return fail(d, t->at, SPECC_ERR_ENUM, key, "expected one of %s, got %s", list, got);
}

static COLD specc_code tag_missing(dec *d, const char *at, const specc_union *u,
                                   const speccp_path *key)
{
    char name[SPECCP_SHOW_MAX];
    speccp_show_plain(u->discriminator, u->discriminator_len, name, sizeof name);
    return fail(d, at, SPECC_ERR_MISSING, key, "discriminator '%s' is missing", name);
}

/* A union with a discriminator: scan the object for the key, choose, rewind
 * and decode the object as the chosen variant. */
static specc_code dec_tagged(dec *d, const specc_shape *shape, char *base,
                             const speccp_path *path, unsigned depth)
{
    const specc_union *u = shape->union_;
    const char *open = d->p;
    speccp_path key;
    tagscan t;
    size_t i;

    if (open < d->end && *open != '{') { /* a value that is not an object: by its kind */
        i = speccp_pick_by_kind(u, kind_at(d->p, d->end));
        if (i < u->variant_count)
            return dec_variant(d, u, i, base, path, depth);
    }
    if (open >= d->end || *open != '{')
        return type_error(d, shape, path);
    SPECCP_TRY(scan_tag(d, u, &t, path, depth + 1));
    d->p = open;
    key.parent = path;
    key.key = u->discriminator;
    key.key_len = u->discriminator_len;
    key.index = 0;
    if (!t.found && u->default_variant && u->default_variant <= u->variant_count)
        return dec_variant(d, u, u->default_variant - 1, base, path, depth);
    if (!t.found)
        return tag_missing(d, open, u, &key);
    i = speccp_pick_by_tag(u, t.at, t.len);
    if (i < u->variant_count)
        return dec_variant(d, u, i, base, path, depth);
    if (u->open)
        return keep_other(d, u, base, path, depth);
    return tag_error(d, u, &t, &key);
}

/* A union in place at base: its variant chosen by the JSON kind or the
 * discriminator (see specc.h). */
static specc_code dec_union(dec *d, const specc_shape *shape, char *base,
                            const speccp_path *path, unsigned depth)
{
    const specc_union *u = shape->union_;
    size_t i;

    if (!u)
        return fail(d, d->p, SPECC_ERR_INVALID, path, "union shape without a union");
    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    if (u->discriminator)
        return dec_tagged(d, shape, base, path, depth);
    i = speccp_pick_by_kind(u, kind_at(d->p, d->end));
    if (i < u->variant_count)
        return dec_variant(d, u, i, base, path, depth);
    if (u->open && d->p < d->end && *d->p != 'n')
        return keep_other(d, u, base, path, depth);
    return type_error(d, shape, path);
}

/* ----------------------------------------------------------------- values */

/* One value in place: slot is the member (a field) or the element. */
static specc_code dec_value(dec *d, const specc_shape *shape, void *slot, void *other,
                            const speccp_path *path, unsigned depth)
{
    json_t *j = NULL;
    specc_code rc;
    char c;

    if (d->p >= d->end)
        return not_a_value(d, path);
    c = *d->p;
    if (c == 'n' && shape->kind != SPECC_KIND_ANY) {
        const char *at = d->p;
        if ((rc = scan_literal(d, "null", 4, path)) != SPECC_OK)
            return rc;
        return null_error(d, at, shape, path);
    }
    switch (shape->kind) {
    case SPECC_KIND_STRING:
        return c == '"' ? dec_string(d, slot, path) : type_error(d, shape, path);
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32:
        return c == '-' || is_digit(c) ? dec_integer(d, shape, slot, path)
                                       : type_error(d, shape, path);
    case SPECC_KIND_NUMBER:
        return c == '-' || is_digit(c) ? dec_number(d, slot, path) : type_error(d, shape, path);
    case SPECC_KIND_BOOLEAN:
        return c == 't' || c == 'f' ? dec_boolean(d, slot, path) : type_error(d, shape, path);
    case SPECC_KIND_DECIMAL:
        return c == '"' || c == '-' || is_digit(c) ? dec_decimal(d, slot, path)
                                                   : type_error(d, shape, path);
    case SPECC_KIND_ANY:
        rc = dec_any(d, &j, path, depth);
        /* true, false and null are jansson's singletons: nothing to hold */
        if (!rc && d->arena && !json_is_boolean(j) && !json_is_null(j) &&
            !speccp_arena_keep_json(d->arena, j)) {
            json_decref(j);
            return nomem(d, path);
        }
        if (!rc)
            speccp_set_ptr(slot, 0, j);
        return rc;
    case SPECC_KIND_ENUM:
        return c == '"' ? dec_enum(d, shape, slot, other, path) : type_error(d, shape, path);
    case SPECC_KIND_OBJECT:
        return c == '{' ? dec_object(d, shape->type, slot, path, depth + 1)
                        : type_error(d, shape, path);
    case SPECC_KIND_ARRAY:
        return c == '[' ? dec_array(d, shape->items, slot, path, depth + 1)
                        : type_error(d, shape, path);
    case SPECC_KIND_MAP:
        return c == '{' ? dec_map(d, shape->items, slot, path, depth + 1)
                        : type_error(d, shape, path);
    case SPECC_KIND_UNION:
        return dec_union(d, shape, slot, path, depth);
    }
    return type_error(d, shape, path);
}

/* A value stored as fields and variants store it: OBJECT as a T * (owned;
 * allocated, linked, then filled), anything else in place. */
static specc_code dec_stored(dec *d, const specc_shape *shape, char *p, void *other, bool ptr,
                             const speccp_path *path, unsigned depth)
{
    void *child;
    if (!ptr || shape->kind != SPECC_KIND_OBJECT || (d->p < d->end && *d->p == 'n'))
        return dec_value(d, shape, p, other, path, depth);
    if (d->p >= d->end || *d->p != '{')
        return type_error(d, shape, path);
    if (!(child = val_alloc(d, shape->type->size)))
        return nomem(d, path);
    specc_init(shape->type, child);
    speccp_set_ptr(p, 0, child);
    return dec_object(d, shape->type, child, path, depth + 1);
}

static void put_state(void *at, specc_state state)
{
    memcpy(at, &state, sizeof state);
}

/* An element (array item, map value, variant, VALUE type's value): the bare
 * value, or with elem_size set, the element struct with its state and
 * other members. `ptr`: OBJECT as a T * (variants). */
static specc_code dec_slot(dec *d, const specc_shape *shape, char *p, bool ptr,
                           const speccp_path *path, unsigned depth)
{
    bool nullable = (shape->flags & SPECC_S_NULLABLE) != 0;
    void *other = NULL;
    specc_code rc;

    if (!shape->elem_size)
        return dec_stored(d, shape, p, NULL, ptr, path, depth);
    if (nullable && shape->kind != SPECC_KIND_ANY && d->p < d->end && *d->p == 'n') {
        if ((rc = scan_literal(d, "null", 4, path)) == SPECC_OK)
            put_state(p + shape->state_offset, SPECC_NULL);
        return rc;
    }
    if (speccp_is_open_enum(shape))
        other = p + shape->other_offset;
    rc = dec_stored(d, shape, p + shape->value_offset, other, ptr, path, depth);
    if (!rc && nullable)
        put_state(p + shape->state_offset, SPECC_PRESENT);
    return rc;
}

/* The value of a known field, with its null rule and state. */
static specc_code dec_field(dec *d, const specc_field *f, char *base, const speccp_path *path,
                            unsigned depth)
{
    const char *at = d->p;
    void *other = NULL;
    specc_code rc;

    if (at < d->end && *at == 'n') {
        if ((rc = scan_literal(d, "null", 4, path)) != SPECC_OK)
            return rc;
        if (f->shape.kind == SPECC_KIND_ANY) { /* null is one more JSON value */
            speccp_set_ptr(base, f->offset, json_null());
            return SPECC_OK;
        }
        if (!(f->flags & SPECC_F_NULLABLE))
            return null_error(d, at, &f->shape, path);
        set_state(base, f, SPECC_NULL);
        return SPECC_OK;
    }
    if (speccp_is_open_enum(&f->shape))
        other = base + f->other_offset;
    rc = dec_stored(d, &f->shape, base + f->offset, other, true, path, depth);
    if (!rc)
        set_state(base, f, SPECC_PRESENT);
    return rc;
}

/* A field's value; when collecting, a bad one is reported, skipped and
 * left absent. */
static specc_code field_or_skip(dec *d, const specc_field *f, char *base,
                                const speccp_path *path, unsigned depth)
{
    const char *start = d->p;
    specc_code rc = dec_field(d, f, base, path, depth);
    if (rc == SPECC_OK || !collecting(d, rc))
        return rc;
    speccp_drop_slot(&f->shape, base + f->offset, true);
    if (speccp_is_open_enum(&f->shape)) {
        specc_free(speccp_get_ptr(base, f->other_offset));
        speccp_set_ptr(base, f->other_offset, NULL);
    }
    set_state(base, f, SPECC_ABSENT);
    return skip_bad(d, start, path, depth);
}

/* ---------------------------------------------------------------- objects */

/* Per-object bookkeeping of dec_object. */
typedef struct objctx {
    const specc_type *type;
    char *base;
    uint64_t *seen; /* bit i: field i was met */
    size_t hint;    /* where to start looking for the next key */
    keyset keys;    /* keys that are not fields: repeated ones are errors */
} objctx;

static const specc_field *find_field(objctx *o, const jkey *k, size_t *index)
{
    size_t n = o->type->field_count, i, j;
    for (j = 0; j < n; j++) {
        const specc_field *f;
        i = o->hint + j < n ? o->hint + j : o->hint + j - n;
        f = &o->type->fields[i];
        if (f->name_len == k->len && same_bytes(f->name, k->s, k->len)) {
            o->hint = i + 1 < n ? i + 1 : 0;
            *index = i;
            return f;
        }
    }
    return NULL;
}

static COLD specc_code unknown_key_error(dec *d, const specc_type *type, const jkey *k,
                                         const char *key_at, const speccp_path *key_path)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(k->s, k->len, q, sizeof q);
    return fail(d, key_at, SPECC_ERR_UNKNOWN_FIELD, key_path,
                "unknown key %s (%s allows no unknown keys)", q, type->name);
}

/* Collecting: tell report->unknown about an undeclared key. */
static SPECCP_NOINLINE void note_unknown(dec *d, const char *key_at,
                                         const speccp_path *key_path, bool kept)
{
    specc_error note;
    if (!d->report || !d->report->unknown)
        return;
    speccp_fail(&note, SPECC_OK, key_path, "not in the spec; %s",
                kept ? "kept as an unknown field" : "ignored");
    locate(d, key_at, &note);
    d->report->unknown(&note, d->report->ctx);
}

/* A key that is not a field, by the type's unknown-field policy: preserved
 * values are checked like skipped ones (syntax, depth, duplicate keys) and
 * kept as the slice of text they span, so no number or spelling in them can
 * fail the decode or be changed. */
static specc_code dec_unknown(dec *d, objctx *o, const jkey *k, const char *key_at,
                              const speccp_path *child, unsigned depth)
{
    const char *start;
    specc_unknown *unknown;
    specc_code rc;

    if (o->type->unknown == SPECC_UNKNOWN_REJECT &&
        !collecting(d, rc = unknown_key_error(d, o->type, k, key_at, child)))
        return rc;
    if (o->type->unknown != SPECC_UNKNOWN_REJECT)
        note_unknown(d, key_at, child, o->type->unknown == SPECC_UNKNOWN_PRESERVE);
    if ((rc = keyset_add_at(d, &o->keys, k, key_at, child)) != SPECC_OK ||
        (rc = colon(d, child)) != SPECC_OK)
        return rc;
    start = d->p;
    if ((rc = skip_value(d, child, depth)) != SPECC_OK)
        return rc;
    if (o->type->unknown != SPECC_UNKNOWN_PRESERVE)
        return SPECC_OK;
    unknown = (specc_unknown *)(void *)(o->base + o->type->unknown_offset);
    if (!speccp_unknown_append(d->arena, unknown, k->s, k->len, start,
                               (size_t)(d->p - start)))
        return nomem(d, child);
    return SPECC_OK;
}

/* The key at the cursor ('"') when it is, byte for byte, the name of the
 * field expected next (o->hint) and that name is plain ASCII that a JSON
 * string carries as it is: then it is that name, with nothing to scan or
 * look up, and the cursor moves past it. Otherwise NULL, cursor unchanged. */
static const specc_field *expected_key(dec *d, objctx *o, jkey *k, size_t *index)
{
    const char *p = d->p + 1;
    const specc_field *f;
    size_t i, n;

    if (o->hint >= o->type->field_count)
        return NULL;
    f = &o->type->fields[o->hint];
    n = f->name_len;
    if ((size_t)(d->end - p) <= n || p[n] != '"')
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f->name[i];
        if (c != (unsigned char)p[i] || speccp_string_stop[c])
            return NULL;
    }
    k->s = p;
    k->len = n;
    k->owned = NULL;
    k->has_nul = false;
    *index = o->hint;
    o->hint = o->hint + 1 < o->type->field_count ? o->hint + 1 : 0;
    d->p = p + n + 1;
    return f;
}

/* One member; the cursor is on its key. */
static specc_code dec_member(dec *d, objctx *o, const speccp_path *path, unsigned depth)
{
    const char *key_at = d->p;
    const specc_field *f;
    speccp_path child;
    size_t index = 0;
    specc_code rc;
    jkey k;

    if (!(f = expected_key(d, o, &k, &index))) {
        if ((rc = scan_key(d, &k, path)) != SPECC_OK)
            return rc;
        f = k.has_nul ? NULL : find_field(o, &k, &index);
    }
    child.parent = path;
    child.key = k.s;
    child.key_len = k.len;
    child.index = 0;
    if (!f) {
        rc = dec_unknown(d, o, &k, key_at, &child, depth);
    } else if (o->seen[index / 64] & ((uint64_t)1 << (index % 64))) {
        rc = dup_key_error(d, key_at, &k, &child);
    } else {
        o->seen[index / 64] |= (uint64_t)1 << (index % 64);
        rc = colon(d, &child);
        if (!rc)
            rc = field_or_skip(d, f, o->base, &child, depth);
    }
    specc_free(k.owned);
    return rc;
}

static specc_code check_required(dec *d, const objctx *o, const char *at,
                                 const speccp_path *path)
{
    specc_code rc;
    size_t i;
    for (i = 0; i < o->type->field_count; i++) {
        const specc_field *f = &o->type->fields[i];
        /* readOnly / writeOnly fields are required in one direction only:
         * specc_validate_as checks them. */
        if (f->shape.flags & (SPECC_S_READ_ONLY | SPECC_S_WRITE_ONLY))
            continue;
        if ((f->flags & SPECC_F_REQUIRED) && !(o->seen[i / 64] & ((uint64_t)1 << (i % 64)))) {
            speccp_path child;
            child.parent = path;
            child.key = f->name;
            child.key_len = f->name_len;
            child.index = 0;
            rc = fail(d, at, SPECC_ERR_MISSING, &child, "required key is missing");
            if (!collecting(d, rc)) /* collecting: report every one */
                return rc;
        }
    }
    return SPECC_OK;
}

/* An object of `type` into *out (initialised); the cursor is on '{'. */
static specc_code dec_object(dec *d, const specc_type *type, void *out, const speccp_path *path,
                             unsigned depth)
{
    uint64_t seen_small[4] = {0, 0, 0, 0};
    size_t words = (type->field_count + 63) / 64;
    const char *at = d->p;
    specc_code rc = SPECC_OK;
    objctx o;
    int more;

    if (depth > SPECC_MAX_DEPTH)
        return depth_error(d, path);
    o.type = type;
    o.base = out;
    o.hint = 0;
    o.seen = seen_small;
    if (words > 4) {
        if (!(o.seen = specc_alloc(words * sizeof *o.seen)))
            return nomem(d, path);
        memset(o.seen, 0, words * sizeof *o.seen);
    }
    keyset_begin(d, &o.keys);
    for (more = first_member(d, path, &rc); more > 0; more = next_member(d, path, &rc)) {
        rc = dec_member(d, &o, path, depth);
        if (rc)
            break;
    }
    if (!rc)
        rc = check_required(d, &o, at, path);
    keyset_end(d, &o.keys);
    if (o.seen != seen_small)
        specc_free(o.seen);
    return rc;
}

/* ---------------------------------------------------------------- entries */

static const specc_shape object_shape = {.kind = SPECC_KIND_OBJECT};

/* Whitespace (and no byte order mark) before the value of a text whose
 * value sits at `path` ($ for a whole document). */
static specc_code check_start(dec *d, const speccp_path *path)
{
    skip_ws(d);
    if (d->end - d->p >= 3 && !memcmp(d->p, "\xef\xbb\xbf", 3))
        return SYNTAX(d, d->p, path, "byte order mark (U+FEFF) is not allowed");
    return SPECC_OK;
}

/* Only whitespace after the value. */
static specc_code check_end(dec *d, const speccp_path *path)
{
    skip_ws(d);
    if (d->p != d->end)
        return SYNTAX(d, d->p, path, "unexpected text after the JSON value");
    return SPECC_OK;
}

/* The document's value: an object of the type's fields, or a VALUE type's
 * value (never null: a root null is SPECC_ERR_NULL). */
static specc_code dec_root(dec *d, const specc_type *type, void *out)
{
    const specc_shape *shape = type->kind == SPECC_TYPE_VALUE ? type->value : &object_shape;
    const char *at = d->p;
    specc_code rc;

    if (at < d->end && *at == 'n') { /* null for the document: like a null member */
        if ((rc = scan_literal(d, "null", 4, NULL)) != SPECC_OK)
            return rc;
        return null_error(d, at, shape, NULL);
    }
    if (type->kind == SPECC_TYPE_VALUE)
        return dec_slot(d, shape, out, false, NULL, 0);
    if (at >= d->end || *at != '{')
        return type_error(d, shape, NULL);
    return dec_object(d, type, out, NULL, 1);
}

static specc_code dec_document(dec *d, const specc_type *type, void *out)
{
    specc_code rc = check_start(d, NULL);
    if (!rc)
        rc = dec_root(d, type, out);
    if (!rc)
        rc = check_end(d, NULL);
    return rc;
}

/* Syntax, depth and duplicate keys of the whole text, building nothing. */
static specc_code check_document(dec *d)
{
    specc_code rc = check_start(d, NULL);
    if (!rc)
        rc = skip_value(d, NULL, 0);
    if (!rc)
        rc = check_end(d, NULL);
    return rc;
}

/* After an error: the first error of the text itself, if any, takes over
 * (and so does running out of memory while looking for one). */
static specc_code recheck(dec *d, specc_code rc)
{
    specc_error first = *d->err;
    specc_code again;
    d->note_name = NULL; /* a union's look-ahead may have stopped half way */
    d->p = d->text;
    d->kcount = 0;
    d->kblen = 0;
    again = check_document(d);
    if (again == SPECC_OK) {
        *d->err = first;
        return rc;
    }
    return again;
}

/* Set up a decoder over text[0..len); errors go to err, or to *local. */
static void dec_begin(dec *d, const char *text, size_t len, specc_error *err, specc_error *local)
{
    memset(d, 0, sizeof *d);
    d->text = text ? text : "";
    d->end = d->text + len;
    d->p = d->text;
    d->err = err ? err : local;
    d->seed = (uint64_t)(uintptr_t)d * 0x9e3779b97f4a7c15u; /* varies with ASLR */
}

/* Release the decoder's buffers; on success, clear *err. */
static specc_code dec_end(dec *d, specc_code rc, specc_error *err)
{
    if (!rc && err) {
        err->code = SPECC_OK;
        err->line = err->column = 0;
        err->path[0] = err->message[0] = '\0';
    }
    specc_free(d->scratch);
    specc_free(d->kents);
    specc_free(d->kbytes);
    specc_free(d->notes);
    specc_free(d->note_index);
    return rc;
}

/* specc_decode_text, into `arena` when it is not NULL. */
static specc_code decode(const specc_type *type, const char *text, size_t len, void *out,
                         specc_arena *arena, specc_error *err)
{
    specc_error local;
    specc_code rc;
    dec d;

    if (!type || !out || (!text && len) || (type->kind == SPECC_TYPE_VALUE && !type->value)) {
        if (type && out)
            specc_init(type, out);
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no type, text or output given");
    }
    specc_init(type, out);
    dec_begin(&d, text, len, err, &local);
    d.arena = arena;
    rc = dec_document(&d, type, out);
    if (rc) {
        if (arena) /* what was taken stays in the arena until it is reset */
            specc_init(type, out);
        else
            specc_clear(type, out);
        if (rc != SPECC_ERR_NOMEM)
            rc = recheck(&d, rc);
    }
    return dec_end(&d, rc, err);
}

specc_code specc_decode_text(const specc_type *type, const char *text, size_t len, void *out,
                             specc_error *err)
{
    return decode(type, text, len, out, NULL, err);
}

specc_code specc_decode_text_arena(const specc_type *type, const char *text, size_t len,
                                   void *out, specc_arena *arena, specc_error *err)
{
    if (!arena) {
        if (type && out)
            specc_init(type, out);
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no arena given");
    }
    return decode(type, text, len, out, arena, err);
}

size_t specc_decode_text_all(const specc_type *type, const char *text, size_t len, void *out,
                             const specc_decode_report *report)
{
    static const specc_decode_report none = {NULL, NULL, NULL};
    size_t problems = 0;
    specc_error err;
    specc_code rc;
    dec d;

    if (!type || !out || (!text && len) || (type->kind == SPECC_TYPE_VALUE && !type->value)) {
        if (type && out)
            specc_init(type, out);
        rc = speccp_fail(&err, SPECC_ERR_INVALID, NULL, "no type, text or output given");
    } else {
        specc_init(type, out);
        dec_begin(&d, text, len, &err, NULL);
        rc = check_document(&d); /* the text first: nothing is decoded from non-JSON */
        if (!rc) {
            d.p = d.text;
            d.kcount = d.kblen = 0;
            d.report = report ? report : &none;
            rc = dec_document(&d, type, out);
        }
        if (collecting(&d, rc)) /* reported where it was met */
            rc = SPECC_OK;
        if (rc)
            specc_clear(type, out);
        problems = d.problems;
        dec_end(&d, rc, NULL);
    }
    if (!rc)
        return problems;
    if (report && report->error) /* the text's error, or what stopped decoding */
        report->error(&err, report->ctx);
    return problems + 1;
}

/* One JSON value, with whitespace around it, into a new jansson value. */
static specc_code dec_any_document(dec *d, json_t **out)
{
    specc_code rc = check_start(d, NULL);
    if (!rc)
        rc = dec_any(d, out, NULL, 0);
    if (!rc)
        rc = check_end(d, NULL);
    if (rc) {
        json_decref(*out);
        *out = NULL;
    }
    return rc;
}

specc_code specc_decode_any_text(const char *text, size_t len, json_t **out, specc_error *err)
{
    specc_error local;
    dec d;

    if (!out)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no output given");
    *out = NULL;
    if (!text && len)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no text given");
    dec_begin(&d, text, len, err, &local);
    return dec_end(&d, dec_any_document(&d, out), err);
}

specc_code speccp_json_check(const char *text, size_t len, const speccp_path *path,
                             unsigned depth, specc_error *err)
{
    specc_error local;
    specc_code rc;
    dec d;

    if (!text)
        return speccp_fail(err, SPECC_ERR_INVALID, path, "no JSON text");
    dec_begin(&d, text, len, err, &local);
    rc = check_start(&d, path);
    if (!rc)
        rc = skip_value(&d, path, depth);
    if (!rc)
        rc = check_end(&d, path);
    if (rc)
        d.err->line = d.err->column = 0; /* positions in a fragment mislead */
    return dec_end(&d, rc, err);
}

specc_code speccp_any_text(const char *text, size_t len, const speccp_path *path, unsigned depth,
                           json_t **out, specc_error *err)
{
    specc_error local;
    specc_code rc;
    dec d;

    *out = NULL;
    dec_begin(&d, text, len, err, &local);
    rc = check_start(&d, path);
    if (!rc)
        rc = dec_any(&d, out, path, depth);
    if (!rc)
        rc = check_end(&d, path);
    if (rc) {
        json_decref(*out);
        *out = NULL;
        d.err->line = d.err->column = 0; /* positions in a fragment mislead */
    }
    return dec_end(&d, rc, err);
}

/* The kind a discriminated union takes for the object at the cursor. */
static specc_code pick_tagged(dec *d, const specc_union *u, int *kind)
{
    size_t n = u->variant_count, i;
    tagscan t;
    SPECCP_TRY(scan_tag(d, u, &t, NULL, 1));
    if (!t.found) {
        i = u->default_variant;
        *kind = i && i <= n ? (int)i : 0;
        return SPECC_OK;
    }
    i = speccp_pick_by_tag(u, t.at, t.len);
    *kind = i < n || u->open ? (int)i + 1 : 0;
    return SPECC_OK;
}

specc_code speccp_union_pick(const specc_union *u, const char *text, size_t len, int *kind)
{
    specc_error local;
    specc_code rc = SPECC_OK;
    size_t i;
    dec d;

    *kind = 0;
    dec_begin(&d, text, len, NULL, &local);
    skip_ws(&d);
    /* As dec_union and dec_tagged choose: an object of a discriminated
     * union by its key, anything else by its JSON kind; an open union keeps
     * what it cannot place (a discriminated one, only objects). */
    if (u->discriminator && d.p < d.end && *d.p == '{') {
        rc = pick_tagged(&d, u, kind);
    } else {
        i = speccp_pick_by_kind(u, kind_at(d.p, d.end));
        if (i < u->variant_count ||
            (u->open && !u->discriminator && d.p < d.end && *d.p != 'n'))
            *kind = (int)i + 1;
    }
    if (rc && rc != SPECC_ERR_NOMEM) { /* not well-formed: nothing takes it */
        *kind = 0;
        rc = SPECC_OK;
    }
    return dec_end(&d, rc, NULL);
}
