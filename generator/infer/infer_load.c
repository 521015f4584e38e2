/*
 * infer_load.c — one sample into the tree of places. The runtime's decoder
 * judges the text first (RFC 8259, UTF-8, duplicate keys, its depth limit,
 * with line and column), so the walk below reads text known to be JSON:
 * it decodes strings, keeps number literals as written (an integer beyond
 * int64 or a number beyond double is kept, not refused) and enforces
 * INFER_MAX_DEPTH.
 */
#include "infer_internal.h"

#include <stdio.h>
#include <string.h>

/* The runtime's own rules, through a descriptor of one boolean: decoding
 * checks the whole text before it reports a value of the wrong kind
 * (specc_decode_text), so a type or null error means the text is JSON. */
struct probe_value {
    bool value;
};
static const specc_shape probe_shape = {.kind = SPECC_KIND_BOOLEAN};
static const specc_type probe_type = {
    .name = "JSON",
    .size = sizeof(struct probe_value),
    .kind = SPECC_TYPE_VALUE,
    .value = &probe_shape,
};

typedef struct walker {
    const char *text, *p, *end;
    specc_error *err;
    strbuf str; /* the string just read, decoded */
} walker;

static void locate(walker *w, const char *at)
{
    const char *line_start = w->text, *s;
    int line = 1;
    for (s = w->text; s < at; s++)
        if (*s == '\n') {
            line += line < 0x7fffffff;
            line_start = s + 1;
        }
    w->err->line = line;
    w->err->column = at - line_start + 1 > 0x7fffffff ? 0x7fffffff : (int)(at - line_start + 1);
}

static bool fail(walker *w, const char *at, specc_code code, const char *message)
{
    w->err->code = code;
    w->err->path[0] = '\0';
    snprintf(w->err->message, sizeof w->err->message, "%s", message);
    locate(w, at);
    return false;
}

static bool nomem(walker *w)
{
    return fail(w, w->p, SPECC_ERR_NOMEM, "out of memory");
}

static void skip_ws(walker *w)
{
    while (w->p < w->end && (*w->p == ' ' || *w->p == '\t' || *w->p == '\n' || *w->p == '\r'))
        w->p++;
}

static unsigned hex4(const char *s)
{
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static void put_utf8(strbuf *b, unsigned long cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    strbuf_append_bytes(b, out, n);
}

/* One escape after the backslash at w->p; advances past it. */
static void read_escape(walker *w)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *hit = strchr(from, w->p[1]);
    unsigned long cp;
    if (w->p[1] != 'u' && hit) {
        strbuf_append_char(&w->str, to[hit - from]);
        w->p += 2;
        return;
    }
    cp = hex4(w->p + 2);
    w->p += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) { /* a valid text has the low half next */
        cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(w->p + 2) - 0xDC00);
        w->p += 6;
    }
    put_utf8(&w->str, cp);
}

/* The string at w->p (its opening quote) into w->str. */
static bool read_string(walker *w)
{
    strbuf_clear(&w->str);
    w->p++;
    for (;;) {
        const char *run = w->p;
        while (*w->p != '"' && *w->p != '\\')
            w->p++;
        strbuf_append_bytes(&w->str, run, (size_t)(w->p - run));
        if (*w->p == '"')
            break;
        read_escape(w);
    }
    w->p++;
    return !w->str.failed || nomem(w);
}

static bool walk_value(walker *w, ishape *sh, unsigned depth);

static bool walk_object(walker *w, ishape *sh, unsigned depth)
{
    sh->objects++;
    w->p++;
    skip_ws(w);
    if (*w->p == '}') {
        w->p++;
        return true;
    }
    sh->filled++;
    for (;;) {
        ifield *f;
        skip_ws(w);
        if (!read_string(w))
            return false;
        if (!(f = ishape_field(sh, w->str.value ? w->str.value : "", w->str.length)))
            return nomem(w);
        f->present++;
        skip_ws(w);
        w->p++; /* ':' */
        if (!walk_value(w, f->value, depth))
            return false;
        skip_ws(w);
        if (*w->p++ == '}')
            return true;
    }
}

static bool walk_array(walker *w, ishape *sh, unsigned depth)
{
    sh->arrays++;
    if (!sh->items && !(sh->items = ishape_new()))
        return nomem(w);
    w->p++;
    skip_ws(w);
    if (*w->p == ']') {
        w->p++;
        return true;
    }
    for (;;) {
        if (!walk_value(w, sh->items, depth))
            return false;
        skip_ws(w);
        if (*w->p++ == ']')
            return true;
    }
}

static bool walk_number(walker *w, ishape *sh)
{
    const char *start = w->p;
    while (w->p < w->end && *w->p && strchr("-+.0123456789eE", *w->p))
        w->p++;
    return ishape_note_number(sh, start, (size_t)(w->p - start)) || nomem(w);
}

static bool walk_value(walker *w, ishape *sh, unsigned depth)
{
    skip_ws(w);
    switch (*w->p) {
    case '{':
    case '[':
        if (depth + 1 > INFER_MAX_DEPTH) {
            char msg[96];
            snprintf(msg, sizeof msg, "nested deeper than %d levels (the limit of specc infer)",
                     INFER_MAX_DEPTH);
            return fail(w, w->p, SPECC_ERR_DEPTH, msg);
        }
        return *w->p == '{' ? walk_object(w, sh, depth + 1) : walk_array(w, sh, depth + 1);
    case '"':
        if (!read_string(w))
            return false;
        return ishape_note_string(sh, w->str.value ? w->str.value : "", w->str.length) ||
               nomem(w);
    case 't':
    case 'f':
    case 'n':
        if (!ishape_note_literal(sh, *w->p))
            return nomem(w);
        w->p += *w->p == 'f' ? 5 : 4;
        return true;
    default:
        return walk_number(w, sh);
    }
}

bool infer_load(ishape *root, const char *text, size_t len, specc_error *err)
{
    struct probe_value probe;
    specc_code rc = specc_decode_text(&probe_type, text, len, &probe, err);
    walker w;
    bool ok;
    if (rc != SPECC_OK && rc != SPECC_ERR_TYPE && rc != SPECC_ERR_NULL && rc != SPECC_ERR_DEPTH)
        return false;
    /* Past the runtime's depth limit, ours (lower) is met first, where the
     * text is still JSON. */
    w.text = w.p = text;
    w.end = text + len;
    w.err = err;
    strbuf_init(&w.str);
    ok = walk_value(&w, root, 0);
    strbuf_free(&w.str);
    if (ok && rc == SPECC_ERR_DEPTH) /* cannot be: our limit is lower */
        return false;
    return ok;
}
