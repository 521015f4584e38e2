/*
 * render.c — the template engine described in render.h.
 *
 * Two passes: parse() turns the template text into a flat token list once
 * (checking the tag syntax and pairing every section with its closing tag),
 * then render_range() walks that list against the view, so a section body
 * that runs once per array element is never re-parsed.
 */
#include "render.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strbuf.h"

/* ---------------------------------------------------------------- tokens */

typedef enum tok_kind {
    TOK_TEXT,     /* literal bytes */
    TOK_VAR,      /* {{name}} */
    TOK_SECTION,  /* {{#name}} */
    TOK_INVERTED, /* {{^name}} */
    TOK_CLOSE,    /* {{/name}} */
} tok_kind;

typedef struct token {
    tok_kind kind;
    const char *raw; /* TEXT: the bytes; tags: the trimmed name as written */
    size_t raw_len;
    const char *path; /* tags: name components, each NUL-terminated, in the arena */
    int ncomp;        /* tags: number of components in path */
    int line, col;    /* tags: 1-based position of the opening "{{" */
    size_t end;       /* SECTION/INVERTED: index of the matching TOK_CLOSE */
} token;

typedef struct parser {
    const char *name; /* template name, for diagnostics */
    const char *text;
    size_t len;
    size_t pos;        /* first byte not yet turned into tokens */
    int line;          /* line number of the byte at `scan`... */
    size_t line_start; /* ...and the offset where that line begins */
    size_t scan;       /* how far line counting has got (scan >= pos) */
    token *toks;
    size_t ntoks, cap;
    /* Tag names, copied with '.' replaced by NUL. Each name of n bytes
     * needs n + 1 bytes here and occupies at least n + 4 bytes of text
     * ("{{" "}}"), so len + 1 bytes always suffice: never reallocated, and
     * tokens may point into it. */
    char *arena;
    size_t arena_used;
    size_t *open; /* indices of sections not yet closed (a stack) */
    size_t nopen;
} parser;

static loc tag_loc(const char *name, int line, int col)
{
    loc where = {name, line, col};
    return where;
}

static void oom(const char *name)
{
    diag_error(tag_loc(name, 0, 0), "out of memory");
}

/* Moves the line counter forward to offset `to`. */
static void count_lines(parser *p, size_t to)
{
    for (; p->scan < to; p->scan++) {
        if (p->text[p->scan] == '\n') {
            p->line++;
            p->line_start = p->scan + 1;
        }
    }
}

static bool push_token(parser *p, token t)
{
    if (p->ntoks == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        token *toks = realloc(p->toks, cap * sizeof *toks);
        if (toks == NULL) {
            oom(p->name);
            return false;
        }
        p->toks = toks;
        p->cap = cap;
    }
    p->toks[p->ntoks++] = t;
    return true;
}

static bool push_text(parser *p, size_t from, size_t to)
{
    if (to <= from)
        return true;
    token t = {TOK_TEXT, p->text + from, to - from, NULL, 0, 0, 0, 0};
    return push_token(p, t);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/* Finds "xy" in text[from, len); returns len when absent. */
static size_t find_pair(const char *text, size_t from, size_t len, char x, char y)
{
    for (size_t i = from; i + 1 < len; i++) {
        if (text[i] == x && text[i + 1] == y)
            return i;
    }
    return len;
}

/* Checks the name of tag `t` (raw/raw_len set) and copies it into the arena
 * split at the dots. */
static bool set_path(parser *p, token *t)
{
    if (t->raw_len == 0) {
        diag_error(tag_loc(p->name, t->line, t->col), "empty tag name");
        return false;
    }
    bool ok = t->raw[0] != '.' && t->raw[t->raw_len - 1] != '.';
    for (size_t i = 0; ok && i < t->raw_len; i++) {
        char c = t->raw[i];
        ok = is_name_char(c) || (c == '.' && t->raw[i + 1] != '.');
    }
    if (!ok) {
        diag_error(tag_loc(p->name, t->line, t->col),
                   "malformed name '%.*s' (a name is letters, digits, '_' and '-', "
                   "parts joined by '.')",
                   (int)t->raw_len, t->raw);
        return false;
    }
    char *dst = p->arena + p->arena_used;
    t->path = dst;
    t->ncomp = 1;
    for (size_t i = 0; i < t->raw_len; i++) {
        dst[i] = t->raw[i] == '.' ? '\0' : t->raw[i];
        t->ncomp += t->raw[i] == '.';
    }
    dst[t->raw_len] = '\0';
    p->arena_used += t->raw_len + 1;
    return true;
}

/* If the tag text[open, after) is alone on its line (only blanks around it),
 * returns true and sets *line_end to the offset just past the line's "\n"
 * (or the end of the text). */
static bool standalone(const parser *p, size_t open, size_t after, size_t *line_end)
{
    for (size_t i = p->line_start; i < open; i++) {
        if (!is_blank(p->text[i]))
            return false;
    }
    size_t i = after;
    while (i < p->len && is_blank(p->text[i]))
        i++;
    if (i < p->len && p->text[i] == '\r' && i + 1 < p->len && p->text[i + 1] == '\n')
        i++;
    if (i < p->len && p->text[i] != '\n')
        return false;
    *line_end = i < p->len ? i + 1 : i;
    return true;
}

static const char *sigil_of(tok_kind kind)
{
    return kind == TOK_INVERTED ? "^" : kind == TOK_CLOSE ? "/" : "#";
}

/* Pairs a section tag with its closing tag (t is about to become token
 * number p->ntoks). */
static bool match_sections(parser *p, const token *t)
{
    if (t->kind == TOK_SECTION || t->kind == TOK_INVERTED) {
        p->open[p->nopen++] = p->ntoks;
        return true;
    }
    if (t->kind != TOK_CLOSE)
        return true;
    if (p->nopen == 0) {
        diag_error(tag_loc(p->name, t->line, t->col),
                   "closing tag '{{/%.*s}}' without an open section", (int)t->raw_len, t->raw);
        return false;
    }
    token *opener = &p->toks[p->open[p->nopen - 1]];
    if (opener->raw_len != t->raw_len || memcmp(opener->raw, t->raw, t->raw_len) != 0) {
        diag_error(tag_loc(p->name, t->line, t->col),
                   "closing tag '{{/%.*s}}' does not match '{{%s%.*s}}'", (int)t->raw_len, t->raw,
                   sigil_of(opener->kind), (int)opener->raw_len, opener->raw);
        diag_note(tag_loc(p->name, opener->line, opener->col), "section '%.*s' opened here",
                  (int)opener->raw_len, opener->raw);
        return false;
    }
    opener->end = p->ntoks;
    p->nopen--;
    return true;
}

/* Parses one tag whose "{{" is at `open` (the line counter is already
 * there); emits the text before it and then the tag itself. */
static bool parse_tag(parser *p, size_t open)
{
    int line = p->line, col = (int)(open - p->line_start) + 1;
    size_t close = find_pair(p->text, open + 2, p->len, '}', '}');
    if (close == p->len) {
        diag_error(tag_loc(p->name, line, col), "'{{' without a matching '}}'");
        return false;
    }
    size_t after = close + 2; /* just past "}}" */
    char sigil = p->text[open + 2];
    bool comment = sigil == '!';
    token t = {TOK_VAR, NULL, 0, NULL, 0, line, col, 0};
    if (sigil == '#')
        t.kind = TOK_SECTION;
    else if (sigil == '^')
        t.kind = TOK_INVERTED;
    else if (sigil == '/')
        t.kind = TOK_CLOSE;
    if (!comment) {
        size_t from = open + 2 + (t.kind != TOK_VAR), to = close;
        while (from < to && is_blank(p->text[from]))
            from++;
        while (to > from && is_blank(p->text[to - 1]))
            to--;
        t.raw = p->text + from;
        t.raw_len = to - from;
        if (!set_path(p, &t))
            return false;
    }

    /* Text before the tag; a standalone tag takes its whole line with it. */
    size_t text_end = open, line_end;
    if ((comment || t.kind != TOK_VAR) && standalone(p, open, after, &line_end)) {
        text_end = p->line_start > p->pos ? p->line_start : p->pos;
        after = line_end;
    }
    if (!push_text(p, p->pos, text_end))
        return false;
    p->pos = after;
    count_lines(p, after);
    if (comment)
        return true;
    return match_sections(p, &t) && push_token(p, t);
}

static bool parse(parser *p)
{
    for (;;) {
        size_t open = find_pair(p->text, p->pos, p->len, '{', '{');
        if (open == p->len)
            break;
        count_lines(p, open);
        if (!parse_tag(p, open))
            return false;
    }
    if (p->nopen > 0) {
        const token *t = &p->toks[p->open[p->nopen - 1]];
        diag_error(tag_loc(p->name, t->line, t->col), "unclosed section '{{%s%.*s}}'",
                   sigil_of(t->kind), (int)t->raw_len, t->raw);
        return false;
    }
    return push_text(p, p->pos, p->len);
}

/* ---------------------------------------------------------------- render */

/* One context on the lookup stack. */
typedef struct frame {
    const json_t *value; /* borrowed from the view */
    json_t *index;       /* array elements: -index (owned by the loop); else NULL */
    bool first, last;    /* array elements: -first, -last */
} frame;

typedef struct renderer {
    const char *name;
    const token *toks;
    frame *stack; /* stack[0] is the view; capacity: 1 + number of sections */
    size_t depth;
    strbuf out;
} renderer;

/* Finds a tag's name: the first part from the innermost context outwards,
 * the other parts as members of what that found. NULL after diag_error. */
static const json_t *lookup(const renderer *r, const token *t)
{
    const json_t *v = NULL;
    const char *part = t->path;
    bool loop_name = part[0] == '-'; /* -index, -first, -last */
    for (size_t d = r->depth; v == NULL && d-- > 0;) {
        const frame *f = &r->stack[d];
        if (loop_name && f->index != NULL && strcmp(part, "-index") == 0)
            v = f->index;
        else if (loop_name && f->index != NULL && strcmp(part, "-first") == 0)
            v = f->first ? json_true() : json_false();
        else if (loop_name && f->index != NULL && strcmp(part, "-last") == 0)
            v = f->last ? json_true() : json_false();
        else if (json_is_object(f->value))
            v = json_object_get(f->value, part);
    }
    for (int i = 1; v != NULL && i < t->ncomp; i++) {
        part += strlen(part) + 1;
        v = json_is_object(v) ? json_object_get(v, part) : NULL;
    }
    if (v == NULL)
        diag_error(tag_loc(r->name, t->line, t->col), "unknown name '%.*s'", (int)t->raw_len,
                   t->raw);
    return v;
}

/* Would {{#v}} run its body (at least once)? */
static bool runs(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return true;
    case JSON_ARRAY:
        return json_array_size(v) > 0;
    case JSON_STRING:
        return json_string_length(v) > 0;
    case JSON_INTEGER:
        return json_integer_value(v) != 0;
    case JSON_REAL:
        return json_real_value(v) != 0.0;
    case JSON_TRUE:
        return true;
    case JSON_FALSE:
    case JSON_NULL:
        return false;
    }
    return false;
}

static bool emit(renderer *r, const char *bytes, size_t n)
{
    if (!strbuf_append_bytes(&r->out, bytes, n)) {
        oom(r->name);
        return false;
    }
    return true;
}

static bool substitute(renderer *r, const token *t, const json_t *v)
{
    char num[64];
    switch (json_typeof(v)) {
    case JSON_STRING:
        return emit(r, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return emit(r, num, strlen(num));
    case JSON_REAL:
        snprintf(num, sizeof num, "%.17g", json_real_value(v));
        return emit(r, num, strlen(num));
    case JSON_TRUE:
        return emit(r, "true", 4);
    case JSON_FALSE:
        return emit(r, "false", 5);
    case JSON_NULL:
        return true;
    case JSON_OBJECT:
    case JSON_ARRAY:
        break;
    }
    diag_error(tag_loc(r->name, t->line, t->col),
               "cannot substitute '%.*s': it is an %s (use a section)", (int)t->raw_len, t->raw,
               json_is_object(v) ? "object" : "array");
    return false;
}

static bool render_range(renderer *r, size_t begin, size_t end);

/* Renders tokens [begin, end) with `value` pushed as the innermost context. */
static bool render_in(renderer *r, frame f, size_t begin, size_t end)
{
    r->stack[r->depth++] = f;
    bool ok = render_range(r, begin, end);
    r->depth--;
    return ok;
}

/* {{#v}} body {{/v}}: the body is tokens [begin, end). */
static bool render_section(renderer *r, const json_t *v, size_t begin, size_t end)
{
    frame f = {v, NULL, false, false};
    if (json_is_array(v)) {
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            frame e = {json_array_get(v, i), json_integer((json_int_t)i), i == 0, i + 1 == n};
            if (e.index == NULL) {
                oom(r->name);
                return false;
            }
            bool ok = render_in(r, e, begin, end);
            json_decref(e.index);
            if (!ok)
                return false;
        }
        return true;
    }
    if (json_is_object(v))
        return render_in(r, f, begin, end);
    return runs(v) ? render_range(r, begin, end) : true;
}

/* Renders tokens [begin, end), which hold only whole sections. */
static bool render_range(renderer *r, size_t begin, size_t end)
{
    for (size_t i = begin; i < end; i++) {
        const token *t = &r->toks[i];
        const json_t *v;
        switch (t->kind) {
        case TOK_TEXT:
            if (!emit(r, t->raw, t->raw_len))
                return false;
            break;
        case TOK_VAR:
            if ((v = lookup(r, t)) == NULL || !substitute(r, t, v))
                return false;
            break;
        case TOK_SECTION:
        case TOK_INVERTED:
            if ((v = lookup(r, t)) == NULL)
                return false;
            if (t->kind == TOK_SECTION ? !render_section(r, v, i + 1, t->end)
                                       : !runs(v) && !render_range(r, i + 1, t->end))
                return false;
            i = t->end; /* skip the body and the closing tag */
            break;
        case TOK_CLOSE: /* always skipped by the section that owns it */
            break;
        }
    }
    return true;
}

/* ---------------------------------------------------------------- entry */

char *render_template(const char *name, const char *text, size_t len, const json_t *view,
                      size_t *out_len)
{
    parser p = {name, text, len, 0, 1, 0, 0, NULL, 0, 0, NULL, 0, NULL, 0};
    renderer r = {name, NULL, NULL, 0, STRBUF_INIT};
    char *result = NULL;

    p.arena = malloc(len + 1);
    p.open = malloc((len / 4 + 1) * sizeof *p.open); /* a tag is >= 4 bytes */
    if (p.arena == NULL || p.open == NULL) {
        oom(name);
        goto done;
    }
    if (!parse(&p))
        goto done;

    r.toks = p.toks;
    r.stack = malloc((len / 4 + 1) * sizeof *r.stack); /* 1 + max nesting */
    if (r.stack == NULL) {
        oom(name);
        goto done;
    }
    r.stack[r.depth++] = (frame){view, NULL, false, false};
    if (!render_range(&r, 0, p.ntoks))
        goto done;
    result = strbuf_steal(&r.out, out_len);
    if (result == NULL)
        oom(name);
done:
    strbuf_free(&r.out);
    free(r.stack);
    free(p.toks);
    free(p.open);
    free(p.arena);
    return result;
}
