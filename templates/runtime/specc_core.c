/* {{banner}} */
/*
 * specc_core.c — allocation, errors and JSON paths, UTF-8, the JSON number
 * grammar and integer text: the small pieces every other runtime file uses
 * (doubles are in specc_double.c).
 */
#include "specc_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------ allocation */

void *specc_alloc(size_t size)
{
    json_malloc_t m;
    json_free_t f;
    json_get_alloc_funcs(&m, &f);
    return m(size ? size : 1);
}

void specc_free(void *ptr)
{
    json_malloc_t m;
    json_free_t f;
    if (!ptr)
        return;
    json_get_alloc_funcs(&m, &f);
    f(ptr);
}

char *speccp_strndup(const char *s, size_t len)
{
    char *p;
    if (len == SIZE_MAX)
        return NULL;
    p = specc_alloc(len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

size_t speccp_grown_cap(size_t cap, size_t need, size_t esz)
{
    size_t ncap = cap ? cap : 4;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return 0;
        ncap *= 2;
    }
    if (esz && ncap > SIZE_MAX / esz)
        return 0;
    return ncap;
}

void *speccp_grow(void *old, size_t used, size_t *cap, size_t need, size_t esz)
{
    size_t ncap;
    void *n;
    if (need <= *cap && old)
        return old;
    if (!(ncap = speccp_grown_cap(*cap, need, esz)))
        return NULL;
    n = specc_alloc(ncap * esz);
    if (!n)
        return NULL;
    if (used)
        memcpy(n, old, used * esz);
    specc_free(old);
    *cap = ncap;
    return n;
}

/* The first room a text gets: short texts skip the small steps. */
#define SPECCP_BUF_MIN 128

specc_code speccp_buf_grow(speccp_buf *b, size_t n)
{
    char *data = NULL;
    size_t need;
    if (n < SIZE_MAX - b->len) {
        need = b->len + n + 1; /* the NUL too */
        if (need < SPECCP_BUF_MIN)
            need = SPECCP_BUF_MIN;
        data = speccp_grow(b->data, b->len, &b->cap, need, 1);
    }
    if (!data)
        return speccp_fail(b->err, SPECC_ERR_NOMEM, NULL, "out of memory for %s", b->what);
    b->data = data;
    return SPECC_OK;
}

char *speccp_buf_take(speccp_buf *b)
{
    char *data;
    if (!b->data && speccp_buf_grow(b, 0) != SPECC_OK)
        return NULL;
    b->data[b->len] = '\0';
    data = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return data;
}

bool speccp_is_declared(const specc_type *type, const char *key, size_t len)
{
    size_t i;
    for (i = 0; i < type->field_count; i++)
        if (type->fields[i].name_len == len && memcmp(type->fields[i].name, key, len) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- errors */

const char *specc_code_name(specc_code code)
{
    switch (code) {
    case SPECC_OK: return "ok";
    case SPECC_ERR_SYNTAX: return "syntax";
    case SPECC_ERR_DUPLICATE_KEY: return "duplicate-key";
    case SPECC_ERR_DEPTH: return "depth";
    case SPECC_ERR_TYPE: return "type";
    case SPECC_ERR_MISSING: return "missing";
    case SPECC_ERR_NULL: return "null";
    case SPECC_ERR_RANGE: return "range";
    case SPECC_ERR_NUL: return "nul";
    case SPECC_ERR_ENUM: return "enum";
    case SPECC_ERR_UNKNOWN_FIELD: return "unknown-field";
    case SPECC_ERR_FORMAT: return "format";
    case SPECC_ERR_MINIMUM: return "minimum";
    case SPECC_ERR_MAXIMUM: return "maximum";
    case SPECC_ERR_MIN_LENGTH: return "min-length";
    case SPECC_ERR_MAX_LENGTH: return "max-length";
    case SPECC_ERR_MIN_ITEMS: return "min-items";
    case SPECC_ERR_MAX_ITEMS: return "max-items";
    case SPECC_ERR_PATTERN: return "pattern";
    case SPECC_ERR_STATUS: return "status";
    case SPECC_ERR_PARAM: return "param";
    case SPECC_ERR_INVALID: return "invalid";
    case SPECC_ERR_NOMEM: return "nomem";
    case SPECC_ERR_MULTIPLE_OF: return "multiple-of";
    case SPECC_ERR_UNIQUE: return "unique";
    case SPECC_ERR_CONST: return "const";
    case SPECC_ERR_READ_ONLY: return "read-only";
    case SPECC_ERR_WRITE_ONLY: return "write-only";
    }
    return "unknown";
}

specc_code speccp_vfail(specc_error *err, specc_code code, const speccp_path *path,
                        const char *fmt, va_list ap)
{
    if (!err)
        return code;
    err->code = code;
    err->line = 0;
    err->column = 0;
    speccp_path_format(path, err->path, sizeof err->path);
    speccp_vmessage(err->message, sizeof err->message, fmt, ap);
    return code;
}

specc_code speccp_fail(specc_error *err, specc_code code, const speccp_path *path,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    speccp_vfail(err, code, path, fmt, ap);
    va_end(ap);
    return code;
}

/* ------------------------------------------------------------------ paths */

#define SEGMENT_KEY_MAX 48 /* longest key shown whole inside a path */

static bool is_plain_key(const char *key, size_t len)
{
    size_t i;
    if (len == 0 || (key[0] >= '0' && key[0] <= '9'))
        return false;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '$'))
            return false;
    }
    return true;
}

/* Text of one step (".name", "['odd key']", "[3]") into out; returns its
 * length (always < size). */
static size_t segment_text(const speccp_path *p, char *out, size_t size)
{
    size_t n = 0, i, shown;
    if (!p->key) {
        int w = snprintf(out, size, "[%zu]", p->index);
        return w < 0 ? 0 : ((size_t)w >= size ? size - 1 : (size_t)w);
    }
    if (is_plain_key(p->key, p->key_len) && p->key_len + 2 < size &&
        p->key_len <= SEGMENT_KEY_MAX) {
        out[n++] = '.';
        memcpy(out + n, p->key, p->key_len);
        n += p->key_len;
        out[n] = '\0';
        return n;
    }
    /* ['...'] with \' \\ and control characters escaped; long keys cut. */
    shown = p->key_len > SEGMENT_KEY_MAX ? SEGMENT_KEY_MAX : p->key_len;
    if (size < 8) {
        out[0] = '\0';
        return 0;
    }
    out[n++] = '[';
    out[n++] = '\'';
    for (i = 0; i < shown && n + 10 < size; i++) {
        unsigned char c = (unsigned char)p->key[i];
        if (c == '\'' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c < 0x20 || c == 0x7f) {
            n += (size_t)snprintf(out + n, size - n, "\\u%04x", c);
        } else {
            out[n++] = (char)c;
        }
    }
    if (shown < p->key_len && n + 6 < size) {
        memcpy(out + n, "...", 3);
        n += 3;
    }
    out[n++] = '\'';
    out[n++] = ']';
    out[n] = '\0';
    return n;
}

void speccp_path_format(const speccp_path *path, char *buf, size_t size)
{
    const speccp_path *p;
    size_t depth = 0, total = 1, i, n, head_end, tail_len;
    char seg[SEGMENT_KEY_MAX * 6 + 16];

    if (size == 0)
        return;
    for (p = path; p; p = p->parent) {
        depth++;
        total += segment_text(p, seg, sizeof seg);
    }
    buf[0] = '$';
    buf[1 < size ? 1 : 0] = '\0';
    if (size < 2)
        return;
    if (total < size) {
        /* Fits: write segments root first, by walking back depth-i steps. */
        n = total;
        buf[n] = '\0';
        for (p = path; p; p = p->parent) {
            size_t len = segment_text(p, seg, sizeof seg);
            n -= len;
            memcpy(buf + n, seg, len);
        }
        return;
    }
    /* Too long: keep the first steps and the last ones, "..." between. */
    head_end = 1;
    for (i = depth; i > 0; i--) { /* i-th step from the root */
        size_t k = i - 1, len;
        for (p = path; k > 0; k--)
            p = p->parent;
        len = segment_text(p, seg, sizeof seg);
        if (head_end + len >= size / 2)
            break;
        memcpy(buf + head_end, seg, len);
        head_end += len;
    }
    memcpy(buf + head_end, "...", 3);
    head_end += 3;
    /* Tail: as many innermost steps as fit. */
    tail_len = 0;
    for (p = path; p; p = p->parent) {
        size_t len = segment_text(p, seg, sizeof seg);
        if (head_end + tail_len + len + 1 > size)
            break;
        tail_len += len;
    }
    buf[head_end + tail_len] = '\0';
    n = head_end + tail_len;
    for (p = path; p && n > head_end; p = p->parent) {
        size_t len = segment_text(p, seg, sizeof seg);
        if (len > n - head_end)
            break;
        n -= len;
        memcpy(buf + n, seg, len);
    }
}

/* ------------------------------------------------------ values in messages */

/* Bytes of the character at s[0] (avail >= 1 readable): a UTF-8 sequence,
 * or 1 for a byte that is not UTF-8. */
static size_t char_len(const char *s, size_t avail)
{
    size_t k = speccp_utf8_seq((const unsigned char *)s, avail);
    return k ? k : 1;
}

/* The character at s[0] as a quoted string shows it, into out (>= 8
 * bytes); returns the bytes read, *n the bytes written. */
static size_t quote_char(const char *s, size_t avail, char *out, size_t *n)
{
    unsigned char c = (unsigned char)s[0];
    size_t k;
    if (c == '"' || c == '\\') {
        out[0] = '\\';
        out[1] = (char)c;
        *n = 2;
        return 1;
    }
    if (c < 0x20 || c == 0x7f) {
        *n = (size_t)snprintf(out, 8, "\\u%04x", c);
        return 1;
    }
    k = char_len(s, avail);
    memcpy(out, s, k);
    *n = k;
    return k;
}

void speccp_quote(const char *s, size_t len, char *buf, size_t size)
{
    size_t n = 0, i = 0, chars = 0, w, r;
    char one[8];
    if (size < 8) {
        if (size)
            buf[0] = '\0';
        return;
    }
    buf[n++] = '"';
    while (i < len && chars < SPECCP_SHOW_CHARS) {
        r = quote_char(s + i, len - i, one, &w);
        if (n + w + 5 > size) /* room for the ellipsis, '"' and NUL */
            break;
        memcpy(buf + n, one, w);
        n += w;
        i += r;
        chars++;
    }
    if (i < len) {
        memcpy(buf + n, SPECCP_ELLIPSIS, 3);
        n += 3;
    }
    buf[n++] = '"';
    buf[n] = '\0';
}

/* Is t[0..6) a \\u escape of a high surrogate (\\ud800-\\udbff)? */
static bool high_surrogate(const char *t)
{
    return t[0] == '\\' && t[1] == 'u' && (t[2] == 'd' || t[2] == 'D') &&
           (t[3] == '8' || t[3] == '9' || (t[3] >= 'a' && t[3] <= 'b') ||
            (t[3] >= 'A' && t[3] <= 'B'));
}

/* Bytes of the character at t[0] of JSON text (avail >= 1): an escape
 * inside a string (a surrogate pair as one), a UTF-8 sequence or a byte.
 * *in_str follows the string literals. */
static size_t json_char(const char *t, size_t avail, bool *in_str)
{
    if (*in_str && t[0] == '\\') {
        if (avail >= 12 && high_surrogate(t) && t[6] == '\\' && t[7] == 'u')
            return 12;
        if (avail >= 6 && t[1] == 'u')
            return 6;
        return avail >= 2 ? 2 : 1;
    }
    if (t[0] == '"')
        *in_str = !*in_str;
    return char_len(t, avail);
}

/* Text shown as it is (control characters as spaces), json: by
 * json_char's characters, otherwise by code points. */
static void show_text(const char *text, size_t len, bool json, char *buf, size_t size)
{
    size_t n = 0, i = 0, chars = 0, k, j;
    bool in_str = false, was;
    if (size < 6) {
        if (size)
            buf[0] = '\0';
        return;
    }
    while (i < len && chars < SPECCP_SHOW_CHARS) {
        was = in_str;
        k = json ? json_char(text + i, len - i, &in_str) : char_len(text + i, len - i);
        if (n + k + 5 > size) { /* room for the ellipsis, '"' and NUL */
            in_str = was;
            break;
        }
        for (j = 0; j < k; j++)
            buf[n + j] = (unsigned char)text[i + j] < 0x20 ? ' ' : text[i + j];
        n += k;
        i += k;
        chars++;
    }
    if (i < len) {
        memcpy(buf + n, SPECCP_ELLIPSIS, 3);
        n += 3;
        if (in_str)
            buf[n++] = '"';
    }
    buf[n] = '\0';
}

void speccp_show_json(const char *text, size_t len, char *buf, size_t size)
{
    show_text(text, len, true, buf, size);
}

void speccp_show_plain(const char *text, size_t len, char *buf, size_t size)
{
    show_text(text, len, false, buf, size);
}

/* Append as many of the items as fit in list[0..room) with `tail` more
 * bytes and the NUL after them; returns the length, *shown the items. */
static size_t list_items(speccp_item_fn *item, const void *ctx, size_t count, char *list,
                         size_t room, size_t tail, size_t *shown)
{
    char one[SPECCP_SHOW_MAX];
    size_t n = 0, i, sep, w;
    for (i = 0; i < count; i++) {
        sep = i ? 2 : 0;
        item(ctx, i, one, sizeof one);
        w = strlen(one);
        if (n + sep + w + tail >= room)
            break;
        memcpy(list + n, ", ", sep);
        memcpy(list + n + sep, one, w);
        n += sep + w;
    }
    list[n] = '\0';
    *shown = i;
    return n;
}

void speccp_list(speccp_item_fn *item, const void *ctx, size_t count, char *list, size_t size)
{
    static const char more[] = ", " SPECCP_ELLIPSIS ")";
    size_t shown, head, n;
    if (size > SPECCP_LIST_MAX)
        size = SPECCP_LIST_MAX;
    list_items(item, ctx, count, list, size, 0, &shown);
    if (shown == count)
        return;
    head = (size_t)snprintf(list, size, "%zu values (", count);
    n = list_items(item, ctx, count, list + head, size - head, sizeof more - 1, &shown);
    memcpy(list + head + n, shown ? more : more + 2, shown ? sizeof more : sizeof more - 2);
}

/* Cut a message that filled buf (size bytes) back to a character boundary,
 * and end it in an ellipsis. */
static void cut_message(char *buf, size_t size)
{
    size_t n = size - 4, start = n - 1;
    while (start > 0 && ((unsigned char)buf[start] & 0xc0) == 0x80)
        start--;
    if (start + char_len(buf + start, size - 1 - start) > n)
        n = start;
    memcpy(buf + n, SPECCP_ELLIPSIS, 4);
}

void speccp_vmessage(char *buf, size_t size, const char *fmt, va_list ap)
{
    int w = vsnprintf(buf, size, fmt, ap);
    if (w >= 0 && (size_t)w >= size && size >= 8)
        cut_message(buf, size);
}

void speccp_message(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    speccp_vmessage(buf, size, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ kinds */

/* Bytes of a bare value of this shape stored in place (OBJECT as a T). */
static size_t bare_size(const specc_shape *shape)
{
    switch (shape->kind) {
    case SPECC_KIND_STRING: return sizeof(char *);
    case SPECC_KIND_INTEGER: return sizeof(int64_t);
    case SPECC_KIND_NUMBER: return sizeof(double);
    case SPECC_KIND_BOOLEAN: return sizeof(bool);
    case SPECC_KIND_DECIMAL: return sizeof(specc_decimal);
    case SPECC_KIND_ANY: return sizeof(json_t *);
    case SPECC_KIND_ENUM: return sizeof(int);
    case SPECC_KIND_OBJECT: return shape->type ? shape->type->size : 0;
    case SPECC_KIND_ARRAY: return sizeof(specc_array);
    case SPECC_KIND_MAP: return sizeof(specc_map);
    case SPECC_KIND_INT32: return sizeof(int32_t);
    case SPECC_KIND_UNION: return shape->union_ ? shape->union_->size : 0;
    }
    return 0;
}

size_t speccp_elem_size(const specc_shape *shape)
{
    return shape->elem_size ? shape->elem_size : bare_size(shape);
}

const char *speccp_kind_name(const specc_shape *shape)
{
    switch (shape->kind) {
    case SPECC_KIND_STRING: return "string";
    case SPECC_KIND_INTEGER: return "integer";
    case SPECC_KIND_NUMBER: return "number";
    case SPECC_KIND_BOOLEAN: return "boolean";
    case SPECC_KIND_DECIMAL: return "decimal (number or decimal string)";
    case SPECC_KIND_ANY: return "any value";
    case SPECC_KIND_ENUM: return "string";
    case SPECC_KIND_OBJECT: return "object";
    case SPECC_KIND_ARRAY: return "array";
    case SPECC_KIND_MAP: return "object";
    case SPECC_KIND_INT32: return "integer";
    case SPECC_KIND_UNION: return "union";
    }
    return "value";
}

/* One variant in a list of what a union takes: "string", "object (Source)". */
static size_t variant_text(const specc_variant *v, char *buf, size_t size)
{
    const char *word = v->shape.kind == SPECC_KIND_DECIMAL ? "decimal" : speccp_kind_name(&v->shape);
    const char *name = v->name;
    int w;
    if (v->shape.kind == SPECC_KIND_OBJECT && v->shape.type)
        name = v->shape.type->name;
    if (name && strcmp(name, word) != 0)
        w = snprintf(buf, size, "%s (%s)", word, name);
    else
        w = snprintf(buf, size, "%s", word);
    return w < 0 ? 0 : (size_t)w;
}

/* "string, integer or object (Source)"; an ellipsis for those that do not fit. */
static void union_expected(const specc_union *u, char *buf, size_t size)
{
    size_t i, used = 0;
    char one[96];
    buf[0] = '\0';
    if (u->discriminator) {
        snprintf(buf, size, u->name ? "object (%s)" : "object", u->name);
        return;
    }
    for (i = 0; i < u->variant_count; i++) {
        const char *sep = i == 0 ? "" : i + 1 == u->variant_count ? " or " : ", ";
        size_t n = variant_text(&u->variants[i], one, sizeof one);
        if (used + strlen(sep) + n + 6 >= size) {
            snprintf(buf + used, size - used, "%s" SPECCP_ELLIPSIS, i ? ", " : "");
            return;
        }
        used += (size_t)snprintf(buf + used, size - used, "%s%s", sep, one);
    }
}

void speccp_expected(const specc_shape *shape, char *buf, size_t size)
{
    if (size == 0)
        return;
    if (shape->kind == SPECC_KIND_UNION && shape->union_ && size >= 16)
        union_expected(shape->union_, buf, size);
    else
        snprintf(buf, size, "%s", speccp_kind_name(shape));
}

const char *speccp_format_name(specc_format format)
{
    switch (format) {
    case SPECC_FORMAT_DATE: return "date";
    case SPECC_FORMAT_DATE_TIME: return "date-time";
    case SPECC_FORMAT_UUID: return "uuid";
    case SPECC_FORMAT_URI: return "uri";
    case SPECC_FORMAT_EMAIL: return "email";
    case SPECC_FORMAT_UNIX_TIME: return "unix-time";
    case SPECC_FORMAT_HOSTNAME: return "hostname";
    case SPECC_FORMAT_IPV4: return "ipv4";
    case SPECC_FORMAT_IPV6: return "ipv6";
    case SPECC_FORMAT_BYTE: return "byte";
    case SPECC_FORMAT_NONE: break;
    }
    return "";
}

/* ------------------------------------------------------------------ UTF-8 */

const unsigned char speccp_string_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20 '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50 '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x80 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x90 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xa0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xb0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xc0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xd0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xe0 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0xf0 */
};

/* Length of the well-formed UTF-8 sequence at s (Unicode table 3-7), or 0. */
size_t speccp_utf8_seq(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        return avail >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        unsigned char lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
        return avail >= 3 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        unsigned char lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
        return avail >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
                       (s[3] & 0xc0) == 0x80
                   ? 4
                   : 0;
    }
    return 0;
}

bool speccp_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t n;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        n = speccp_utf8_seq(u + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

size_t speccp_utf8_length(const char *s, size_t len)
{
    size_t i, count = 0;
    for (i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            count++;
    return count;
}

/* ---------------------------------------------------------------- numbers */

bool speccp_is_json_number(const char *t, size_t len)
{
    size_t i = 0;
    if (i < len && t[i] == '-')
        i++;
    if (i >= len)
        return false;
    if (t[i] == '0') {
        i++;
    } else if (t[i] >= '1' && t[i] <= '9') {
        while (i < len && t[i] >= '0' && t[i] <= '9')
            i++;
    } else {
        return false;
    }
    if (i < len && t[i] == '.') {
        size_t start = ++i;
        while (i < len && t[i] >= '0' && t[i] <= '9')
            i++;
        if (i == start)
            return false;
    }
    if (i < len && (t[i] == 'e' || t[i] == 'E')) {
        size_t start;
        i++;
        if (i < len && (t[i] == '+' || t[i] == '-'))
            i++;
        start = i;
        while (i < len && t[i] >= '0' && t[i] <= '9')
            i++;
        if (i == start)
            return false;
    }
    return i == len;
}

size_t speccp_int_text(int64_t v, char *buf)
{
    char tmp[24];
    size_t n = 0, k = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u);
    if (v < 0)
        buf[k++] = '-';
    while (n)
        buf[k++] = tmp[--n];
    return k;
}

/* ------------------------------------------------------------- key sets */

/* FNV-1a from a per-set seed (the address of its slots, which varies with
 * ASLR), so that colliding keys cannot be prepared in advance. */
static size_t hash_key(size_t seed, const char *s, size_t len)
{
    size_t h = 2166136261u ^ seed, i;
    for (i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

bool speccp_keyset_init(speccp_keyset *set, size_t count)
{
    size_t mask = 15;
    while (mask < count * 2 && mask < SIZE_MAX / 4)
        mask = mask * 2 + 1;
    set->mask = mask;
    set->slots = NULL;
    if (mask + 1 > SIZE_MAX / sizeof *set->slots)
        return false;
    set->slots = specc_alloc((mask + 1) * sizeof *set->slots);
    if (!set->slots)
        return false;
    memset(set->slots, 0, (mask + 1) * sizeof *set->slots);
    set->seed = (size_t)((uintptr_t)set->slots * 0x9e3779b97f4a7c15u >> 7);
    return true;
}

bool speccp_keyset_add(speccp_keyset *set, const char *key, size_t len)
{
    speccp_keyslot *slot;
    size_t j;
    for (j = hash_key(set->seed, key, len) & set->mask; (slot = &set->slots[j])->key; j = (j + 1) & set->mask)
        if (slot->len == len && (len == 0 || memcmp(slot->key, key, len) == 0))
            return false;
    slot->key = key;
    slot->len = len;
    return true;
}

void speccp_keyset_free(speccp_keyset *set)
{
    specc_free(set->slots);
    set->slots = NULL;
}

/* -------------------------------------- shared by the two decoders (text
 * in specc_decode.c, jansson values in specc_json.c), so that both give the
 * same messages and choose the same union variants. */

static void enum_item(const void *ctx, size_t i, char *buf, size_t size)
{
    const char *name = ((const specc_shape *)ctx)->enum_names[i];
    speccp_quote(name, strlen(name), buf, size);
}

static void int_enum_item(const void *ctx, size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "%lld", (long long)((const specc_shape *)ctx)->enum_ints[i]);
}

/* The i-th variant that has a tag. */
static void tag_item(const void *ctx, size_t i, char *buf, size_t size)
{
    const specc_union *u = ctx;
    size_t j;
    for (j = 0; j < u->variant_count; j++)
        if (u->variants[j].tag && i-- == 0)
            break;
    speccp_show_json(u->variants[j].tag, u->variants[j].tag_len, buf, size);
}

void speccp_enum_list(const specc_shape *shape, char *list, size_t size)
{
    speccp_list(enum_item, shape, shape->enum_count, list, size);
}

void speccp_int_enum_list(const specc_shape *shape, char *list, size_t size)
{
    speccp_list(int_enum_item, shape, shape->enum_count, list, size);
}

void speccp_tag_list(const specc_union *u, char *list, size_t size)
{
    size_t i, count = 0;
    for (i = 0; i < u->variant_count; i++)
        count += u->variants[i].tag != NULL;
    speccp_list(tag_item, u, count, list, size);
}

static bool union_takes(const specc_union *u, speccp_jkind k, unsigned hops);

/* Does a value of this shape read JSON of kind k? */
static bool shape_takes(const specc_shape *s, speccp_jkind k, unsigned hops)
{
    switch (s->kind) {
    case SPECC_KIND_STRING:
    case SPECC_KIND_ENUM: return k == SPECCP_JK_STRING;
    case SPECC_KIND_INTEGER:
    case SPECC_KIND_INT32: return k == SPECCP_JK_INTEGER;
    case SPECC_KIND_NUMBER: return k == SPECCP_JK_INTEGER || k == SPECCP_JK_NUMBER;
    case SPECC_KIND_DECIMAL:
        return k == SPECCP_JK_INTEGER || k == SPECCP_JK_NUMBER || k == SPECCP_JK_STRING;
    case SPECC_KIND_BOOLEAN: return k == SPECCP_JK_BOOLEAN;
    case SPECC_KIND_OBJECT:
    case SPECC_KIND_MAP: return k == SPECCP_JK_OBJECT;
    case SPECC_KIND_ARRAY: return k == SPECCP_JK_ARRAY;
    case SPECC_KIND_ANY: return k != SPECCP_JK_OTHER;
    case SPECC_KIND_UNION: return s->union_ && hops < 16 && union_takes(s->union_, k, hops + 1);
    }
    return false;
}

static bool union_takes(const specc_union *u, speccp_jkind k, unsigned hops)
{
    size_t i;
    if (u->discriminator && k == SPECCP_JK_OBJECT)
        return true;
    if (u->open)
        return k != SPECCP_JK_OTHER;
    for (i = 0; i < u->variant_count; i++)
        if (shape_takes(&u->variants[i].shape, k, hops))
            return true;
    return false;
}

size_t speccp_pick_by_kind(const specc_union *u, speccp_jkind k)
{
    size_t i;
    if (k == SPECCP_JK_INTEGER)
        for (i = 0; i < u->variant_count; i++)
            if (u->variants[i].shape.kind == SPECC_KIND_INTEGER ||
                u->variants[i].shape.kind == SPECC_KIND_INT32)
                return i;
    for (i = 0; i < u->variant_count; i++)
        if (shape_takes(&u->variants[i].shape, k, 0))
            return i;
    return u->variant_count;
}

size_t speccp_pick_by_tag(const specc_union *u, const char *text, size_t len)
{
    size_t i;
    for (i = 0; i < u->variant_count; i++)
        if (u->variants[i].tag &&
            speccp_text_equal(text, len, u->variants[i].tag, u->variants[i].tag_len))
            return i;
    return u->variant_count;
}

specc_code speccp_utf8_fail(specc_error *err, const char *s, size_t len, const speccp_path *path)
{
    char q[SPECCP_SHOW_MAX];
    speccp_quote(s, len, q, sizeof q);
    return speccp_fail(err, SPECC_ERR_FORMAT, path, "string is not valid UTF-8: %s", q);
}
