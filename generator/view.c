/*
 * view.c — the model as a jansson tree: what templates render and what
 * `specc dump-model` prints. Every piece of C text a template needs (a
 * member declaration, a descriptor initialiser, a safe comment) is made
 * here, so templates stay logic-less and the C rules live in C.
 */
#define _POSIX_C_SOURCE 200809L

#include "view.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"

#define COMMENT_WIDTH 76

/* ------------------------------------------------------------ small bits */

static void put(json_t *o, const char *key, json_t *v)
{
    json_object_set_new(o, key, v ? v : json_null());
}

static void put_s(json_t *o, const char *key, const char *s)
{
    put(o, key, s ? json_string(s) : json_null());
}

/* A malloc'd string into the view, freed. */
static void put_own(json_t *o, const char *key, char *s)
{
    put_s(o, key, s);
    free(s);
}

static void put_b(json_t *o, const char *key, bool b)
{
    put(o, key, json_boolean(b));
}

static char *fmt(const char *f, ...) DIAG_PRINTF(1, 2);
static char *fmt(const char *f, ...)
{
    va_list ap;
    int n;
    char *p;
    va_start(ap, f);
    n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    p = malloc((size_t)(n < 0 ? 0 : n) + 1);
    if (!p)
        return NULL;
    va_start(ap, f);
    vsnprintf(p, (size_t)n + 1, f, ap);
    va_end(ap);
    return p;
}

static void append(char **buf, const char *piece)
{
    char *joined = fmt("%s%s", *buf, piece);
    free(*buf);
    *buf = joined;
}

/* "text" as a C string literal, quotes included. */
static char *c_literal(const char *s, size_t len)
{
    char *body = naming_c_string(s, len);
    char *lit = fmt("\"%s\"", body ? body : "");
    free(body);
    return lit;
}

/* Text for one Markdown table cell or line: newlines become spaces, '|' and
 * backslashes are escaped, HTML-significant '<' is escaped. */
static char *md_text(const char *text)
{
    size_t n = 0, i;
    char *out;
    if (!text)
        return fmt("%s", "");
    out = malloc(strlen(text) * 5 + 1);
    if (!out)
        return NULL;
    for (i = 0; text[i]; i++) {
        char c = text[i];
        if ((unsigned char)c < 0x20 || c == 0x7f) /* line breaks, tabs, controls */
            c = ' ';
        if (c == ' ' && n && out[n - 1] == ' ')
            continue;
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_') {
            out[n++] = '\\';
            out[n++] = c;
        } else if (c == '<') {
            memcpy(out + n, "&lt;", 4);
            n += 4;
        } else {
            out[n++] = c;
        }
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

/* "string (uuid)", "array of Product", "map of number", "Product". */
static char *md_type(const shape *sh)
{
    char *inner, *out;
    switch (sh->kind) {
    case SHAPE_REF: return fmt("[%s](#%s)", sh->ref->name, sh->ref->name);
    case SHAPE_ARRAY:
    case SHAPE_MAP:
        inner = md_type(sh->items);
        out = fmt("%s of %s", sh->kind == SHAPE_ARRAY ? "array" : "map", inner);
        free(inner);
        return out;
    default:
        if (sh->format)
            return fmt("%s (%s)", shape_kind_name(sh->kind), format_name(sh->format));
        return fmt("%s", shape_kind_name(sh->kind));
    }
}

/* "one of a, b (open); 0 to 100; length 1 to 8; pattern ^x$" */
static char *md_constraints(const shape *sh)
{
    char *out = fmt("%s", ""), *piece, *safe;
    size_t i;
#define ADD(...)                                                                                  \
    do {                                                                                          \
        piece = fmt(__VA_ARGS__);                                                                 \
        append(&out, *out ? "; " : "");                                                           \
        append(&out, piece);                                                                      \
        free(piece);                                                                              \
    } while (0)
    if (sh->enums) {
        char *list = fmt("%s", "");
        for (i = 0; i < sh->enum_count; i++) {
            char *v = sh->kind == SHAPE_INTEGER ? fmt("%" PRId64, sh->enums[i].number)
                                                : fmt("\"%s\"", sh->enums[i].text);
            safe = md_text(v);
            append(&list, i ? ", " : "");
            append(&list, safe);
            free(safe);
            free(v);
        }
        ADD("one of %s%s", list, sh->open ? " (open: others kept)" : "");
        free(list);
    }
    if (sh->minimum.set)
        ADD("minimum %s", sh->minimum.text);
    if (sh->maximum.set)
        ADD("maximum %s", sh->maximum.text);
    if (sh->min_length.set)
        ADD("minLength %" PRIu64, sh->min_length.value);
    if (sh->max_length.set)
        ADD("maxLength %" PRIu64, sh->max_length.value);
    if (sh->min_items.set)
        ADD("minItems %" PRIu64, sh->min_items.value);
    if (sh->max_items.set)
        ADD("maxItems %" PRIu64, sh->max_items.value);
    if (sh->pattern) {
        safe = md_text(sh->pattern);
        ADD("pattern %s", safe);
        free(safe);
    }
#undef ADD
    return out;
}

/* Comment lines for a description: one line "slash-star text star-slash",
 * or a block with " * " continuation lines, wrapped at COMMENT_WIDTH. */
static json_t *comment_lines(const char *text)
{
    json_t *lines = json_array(), *words_lines;
    char *safe;
    const char *p;
    char buf[COMMENT_WIDTH + 64];
    size_t n = 0, i;

    if (!text || !*text)
        return lines;
    safe = naming_comment(text, strlen(text));
    if (!safe)
        return lines;
    words_lines = json_array();
    /* Wrap: split on blanks, break lines at paragraph breaks and width. */
    for (p = safe; *p;) {
        const char *w = p;
        size_t wl;
        if (*p == '\n') {
            if (n) {
                json_array_append_new(words_lines, json_stringn(buf, n));
                n = 0;
            }
            p++;
            if (*p == '\n')
                json_array_append_new(words_lines, json_string(""));
            while (*p == '\n')
                p++;
            continue;
        }
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        while (*p && *p != ' ' && *p != '\t' && *p != '\n')
            p++;
        wl = (size_t)(p - w);
        if (n && n + 1 + wl > COMMENT_WIDTH) {
            json_array_append_new(words_lines, json_stringn(buf, n));
            n = 0;
        }
        if (wl > COMMENT_WIDTH) { /* a very long word: its own line */
            if (n) {
                json_array_append_new(words_lines, json_stringn(buf, n));
                n = 0;
            }
            json_array_append_new(words_lines, json_stringn(w, wl));
            continue;
        }
        if (n)
            buf[n++] = ' ';
        memcpy(buf + n, w, wl);
        n += wl;
    }
    if (n)
        json_array_append_new(words_lines, json_stringn(buf, n));
    free(safe);
    /* Drop trailing blank lines. */
    while (json_array_size(words_lines) &&
           !*json_string_value(json_array_get(words_lines, json_array_size(words_lines) - 1)))
        json_array_remove(words_lines, json_array_size(words_lines) - 1);
    if (json_array_size(words_lines) == 1) {
        json_t *o = json_object();
        put_own(o, "line", fmt("/* %s */", json_string_value(json_array_get(words_lines, 0))));
        json_array_append_new(lines, o);
    } else if (json_array_size(words_lines) > 1) {
        json_t *o = json_object();
        put_s(o, "line", "/*");
        json_array_append_new(lines, o);
        for (i = 0; i < json_array_size(words_lines); i++) {
            const char *l = json_string_value(json_array_get(words_lines, i));
            o = json_object();
            put_own(o, "line", *l ? fmt(" * %s", l) : fmt(" *"));
            json_array_append_new(lines, o);
        }
        o = json_object();
        put_s(o, "line", " */");
        json_array_append_new(lines, o);
    }
    json_decref(words_lines);
    return lines;
}

/* ------------------------------------------------------------- C types */

static const char *kind_enum(const shape *sh, bool is_enum)
{
    static const char *const names[] = {"SPECC_KIND_STRING",  "SPECC_KIND_INTEGER",
                                        "SPECC_KIND_NUMBER",  "SPECC_KIND_BOOLEAN",
                                        "SPECC_KIND_DECIMAL", "SPECC_KIND_ANY",
                                        "SPECC_KIND_ARRAY",   "SPECC_KIND_MAP",
                                        "SPECC_KIND_OBJECT"};
    return is_enum ? "SPECC_KIND_ENUM" : names[sh->kind];
}

static const char *format_enum(format_kind f)
{
    static const char *const names[] = {"SPECC_FORMAT_NONE",  "SPECC_FORMAT_DATE",
                                        "SPECC_FORMAT_DATE_TIME", "SPECC_FORMAT_UUID",
                                        "SPECC_FORMAT_URI",   "SPECC_FORMAT_EMAIL",
                                        "SPECC_FORMAT_UNIX_TIME"};
    return names[f];
}

/* "T *name" spelled well for T = "char *" (no space before the star). */
static char *pointer_to(const char *elem, const char *name)
{
    size_t n = strlen(elem);
    return fmt("%s%s*%s", elem, n && elem[n - 1] == '*' ? "" : " ", name);
}

/* C type of a value stored by value (in an array or map). */
static char *elem_type(const shape *sh)
{
    char *inner, *decl, *out;
    switch (sh->kind) {
    case SHAPE_STRING: return fmt("char *");
    case SHAPE_INTEGER: return fmt("int64_t");
    case SHAPE_NUMBER: return fmt("double");
    case SHAPE_BOOLEAN: return fmt("bool");
    case SHAPE_DECIMAL: return fmt("specc_decimal");
    case SHAPE_ANY: return fmt("json_t *");
    case SHAPE_REF: return fmt("%s_t", sh->ref->c_name);
    case SHAPE_ARRAY:
        inner = elem_type(sh->items);
        decl = pointer_to(inner, "items");
        out = fmt("struct { %s; size_t count; }", decl);
        free(inner);
        free(decl);
        return out;
    case SHAPE_MAP:
        inner = elem_type(sh->items);
        decl = pointer_to(inner, "values");
        out = fmt("struct { char **keys; %s; size_t count; }", decl);
        free(inner);
        free(decl);
        return out;
    }
    return fmt("void *");
}

/* Declaration of a field's value member. */
static char *member_decl(const field *f)
{
    char *t, *d;
    if (f->c_enum)
        return fmt("%s_t %s", f->c_enum, f->c_name);
    if (f->shape.kind == SHAPE_REF)
        return fmt("%s_t *%s", f->shape.ref->c_name, f->c_name);
    t = elem_type(&f->shape);
    d = t[strlen(t) - 1] == '*' ? fmt("%s%s", t, f->c_name) : fmt("%s %s", t, f->c_name);
    free(t);
    return d;
}

/* "required, nullable; date-time" — the short note after a member. */
static char *member_note(const field *f)
{
    const char *presence = f->required ? (f->nullable ? "required, nullable" : "required")
                                       : (f->nullable ? "optional, nullable" : "optional");
    char *json = naming_comment(f->json_name, f->json_len);
    char *note;
    if (f->shape.kind == SHAPE_ANY)
        presence = f->required ? "required; any JSON value" : "optional; NULL when absent";
    if (f->shape.format)
        note = fmt("\"%s\": %s; %s", json, presence, format_name(f->shape.format));
    else if (f->c_enum && f->shape.open)
        note = fmt("\"%s\": %s; unknown values kept in %s", json, presence, f->c_other);
    else
        note = fmt("\"%s\": %s", json, presence);
    free(json);
    return note;
}

/* ------------------------------------------------------ shape initialisers */

typedef struct shape_list {
    json_t *shapes; /* [{name, init}] emitted before the field tables */
} shape_list;

static char *shape_init(shape_list *sl, const shape *sh, const char *c_enum, const char *name);

/* A static specc_shape for an element; returns its C name. */
static char *element_shape(shape_list *sl, const shape *el, const char *name)
{
    char *init = shape_init(sl, el, NULL, name);
    json_t *o = json_object();
    put_s(o, "name", name);
    put_own(o, "init", init);
    json_array_append_new(sl->shapes, o);
    return fmt("%s", name);
}


static char *shape_init(shape_list *sl, const shape *sh, const char *c_enum, const char *name)
{
    char *out = fmt("{.kind = %s", kind_enum(sh, c_enum != NULL));
    char *flags = fmt("0"), *piece;

#define ADD_FLAG(cond, f)                                                                         \
    do {                                                                                          \
        if (cond) {                                                                               \
            char *nf = strcmp(flags, "0") == 0 ? fmt("%s", f) : fmt("%s | %s", flags, f);        \
            free(flags);                                                                          \
            flags = nf;                                                                           \
        }                                                                                         \
    } while (0)

    if (sh->format) {
        piece = fmt(", .format = %s", format_enum(sh->format));
        append(&out, piece);
        free(piece);
    }
    ADD_FLAG(sh->minimum.set, "SPECC_S_MINIMUM");
    ADD_FLAG(sh->maximum.set, "SPECC_S_MAXIMUM");
    ADD_FLAG(sh->min_length.set, "SPECC_S_MIN_LENGTH");
    ADD_FLAG(sh->max_length.set, "SPECC_S_MAX_LENGTH");
    ADD_FLAG(sh->min_items.set, "SPECC_S_MIN_ITEMS");
    ADD_FLAG(sh->max_items.set, "SPECC_S_MAX_ITEMS");
    ADD_FLAG(sh->open && sh->enums, "SPECC_S_OPEN_ENUM");
    ADD_FLAG(sh->kind == SHAPE_INTEGER && sh->enums, "SPECC_S_INT_ENUM");
#undef ADD_FLAG
    if (strcmp(flags, "0") != 0) {
        piece = fmt(", .flags = %s", flags);
        append(&out, piece);
        free(piece);
    }
    free(flags);
    if (sh->kind == SHAPE_INTEGER) {
        if (sh->minimum.set) {
            piece = sh->minimum.integer == INT64_MIN
                        ? fmt(", .min_int = INT64_MIN")
                        : fmt(", .min_int = INT64_C(%" PRId64 ")", sh->minimum.integer);
            append(&out, piece);
            free(piece);
        }
        if (sh->maximum.set) {
            piece = sh->maximum.integer == INT64_MIN
                        ? fmt(", .max_int = INT64_MIN")
                        : fmt(", .max_int = INT64_C(%" PRId64 ")", sh->maximum.integer);
            append(&out, piece);
            free(piece);
        }
    } else {
        if (sh->minimum.set) {
            piece = fmt(", .min_num = %.17g", sh->minimum.number);
            append(&out, piece);
            free(piece);
        }
        if (sh->maximum.set) {
            piece = fmt(", .max_num = %.17g", sh->maximum.number);
            append(&out, piece);
            free(piece);
        }
    }
#define ADD_SIZE(b, field)                                                                        \
    if ((b).set) {                                                                                \
        piece = fmt(", ." field " = %" PRIu64 "u", (b).value);                                   \
        append(&out, piece);                                                                      \
        free(piece);                                                                              \
    }
    ADD_SIZE(sh->min_length, "min_length")
    ADD_SIZE(sh->max_length, "max_length")
    ADD_SIZE(sh->min_items, "min_items")
    ADD_SIZE(sh->max_items, "max_items")
#undef ADD_SIZE
    if (sh->pattern) {
        char *lit = c_literal(sh->pattern, strlen(sh->pattern));
        piece = fmt(", .pattern = %s", lit);
        append(&out, piece);
        free(piece);
        free(lit);
    }
    if (sh->enums) {
        piece = c_enum ? fmt(", .enum_names = %s_names, .enum_count = %zu", c_enum, sh->enum_count)
                       : fmt(", .enum_ints = %s_ints, .enum_count = %zu", name, sh->enum_count);
        append(&out, piece);
        free(piece);
    }
    if (sh->kind == SHAPE_REF) {
        piece = fmt(", .type = &%s_desc", sh->ref->c_name);
        append(&out, piece);
        free(piece);
    }
    if (sh->items) {
        char *el_name = fmt("%s_%s", name, sh->kind == SHAPE_ARRAY ? "items" : "values");
        char *el = element_shape(sl, sh->items, el_name);
        piece = fmt(", .items = &%s", el);
        append(&out, piece);
        free(piece);
        free(el);
        free(el_name);
    }
    append(&out, "}");
    return out;
}

/* --------------------------------------------------------------- fields */

static json_t *view_enum_values(const field *f)
{
    json_t *values = json_array();
    size_t i;
    for (i = 0; i < f->shape.enum_count; i++) {
        const enum_value *e = &f->shape.enums[i];
        json_t *o = json_object();
        char *safe = naming_comment(e->text, e->text_len);
        put_own(o, "constant", fmt("%s_%s", f->c_enum_upper, e->c_suffix));
        put_own(o, "literal", c_literal(e->text, e->text_len));
        put_own(o, "json_comment", safe);
        json_array_append_new(values, o);
    }
    return values;
}

static json_t *view_int_enum(const field *f, const char *name)
{
    json_t *o = json_object(), *values = json_array();
    size_t i;
    put_own(o, "name", fmt("%s_ints", name));
    for (i = 0; i < f->shape.enum_count; i++) {
        json_t *v = json_object();
        int64_t n = f->shape.enums[i].number;
        put_own(v, "value", n == INT64_MIN ? fmt("INT64_MIN") : fmt("INT64_C(%" PRId64 ")", n));
        json_array_append_new(values, v);
    }
    put(o, "values", values);
    return o;
}

static const char *field_flags(const field *f)
{
    static char buf[96];
    buf[0] = '\0';
    if (f->required)
        strcat(buf, "SPECC_F_REQUIRED");
    if (f->nullable)
        strcat(buf, *buf ? " | SPECC_F_NULLABLE" : "SPECC_F_NULLABLE");
    if (f->has_state)
        strcat(buf, *buf ? " | SPECC_F_STATE" : "SPECC_F_STATE");
    return *buf ? buf : "0";
}

static json_t *view_field(const type_def *t, const field *f, shape_list *sl, json_t *enums,
                          json_t *int_enums)
{
    json_t *o = json_object();
    char *shape_name = fmt("%s_%s", t->c_name, f->c_name);
    char *json_comment = naming_comment(f->json_name, f->json_len);

    /* Model facts (for dump-model and the reference docs). */
    put_own(o, "json_name", json_comment);
    put_own(o, "json_literal", c_literal(f->json_name, f->json_len));
    put(o, "json_len", json_integer((json_int_t)f->json_len));
    put_s(o, "type", f->shape.kind == SHAPE_REF ? f->shape.ref->name
                                                : shape_kind_name(f->shape.kind));
    put_s(o, "format", format_name(f->shape.format));
    put_b(o, "required", f->required);
    put_b(o, "nullable", f->nullable);
    put_s(o, "c_name", f->c_name);
    put_s(o, "owner", t->c_name);
    put(o, "doc", comment_lines(f->description));

    /* Markdown text (specc doc). */
    {
        char *name = fmt("%.*s", (int)f->json_len, f->json_name);
        put_own(o, "md_name", md_text(name));
        free(name);
    }
    put_own(o, "md_type", md_type(&f->shape));
    put_own(o, "md_constraints", md_constraints(&f->shape));
    put_own(o, "md_description", md_text(f->description));
    put_s(o, "md_required", f->required ? "yes" : "no");
    put_s(o, "md_nullable", f->nullable || f->shape.kind == SHAPE_ANY ? "yes" : "no");

    /* C text. */
    put_own(o, "decl", member_decl(f));
    put_own(o, "note", member_note(f));
    put_b(o, "has_state", f->has_state);
    put_s(o, "c_state", f->c_state);
    put_s(o, "c_other", f->c_other);
    put_s(o, "flags", field_flags(f));
    if (f->c_enum) {
        json_t *e = json_object();
        put_s(e, "c_enum", f->c_enum);
        put_s(e, "c_enum_upper", f->c_enum_upper);
        put_own(e, "comment", fmt("Values of \"%s\" in %s.", json_string_value(json_object_get(o, "json_name")), t->name));
        put(e, "values", view_enum_values(f));
        put_b(e, "open", f->shape.open);
        put(e, "count", json_integer((json_int_t)f->shape.enum_count));
        put_s(e, "c_other", f->c_other);
        json_array_append_new(enums, e);
    } else if (f->shape.enums) {
        json_array_append_new(int_enums, view_int_enum(f, shape_name));
    }
    put_own(o, "shape", shape_init(sl, &f->shape, f->c_enum, shape_name));
    free(shape_name);
    return o;
}

static json_t *view_type(const type_def *t, shape_list *sl, json_t *enums, json_t *int_enums)
{
    static const char *const policies[] = {"PRESERVE", "IGNORE", "REJECT"};
    json_t *o = json_object(), *fields = json_array();
    size_t i;
    put_s(o, "name", t->name);
    put_s(o, "c_name", t->c_name);
    put(o, "doc", comment_lines(t->description));
    put_own(o, "md_description", md_text(t->description));
    put_s(o, "md_unknown", t->unknown == UNKNOWN_PRESERVE ? "kept and written back"
                           : t->unknown == UNKNOWN_IGNORE ? "ignored" : "rejected");
    put_s(o, "policy", policies[t->unknown]);
    put_b(o, "preserve", t->unknown == UNKNOWN_PRESERVE);
    put(o, "field_count", json_integer((json_int_t)t->field_count));
    put_b(o, "has_fields", t->field_count > 0);
    put_b(o, "empty", t->field_count == 0 && t->unknown != UNKNOWN_PRESERVE);
    for (i = 0; i < t->field_count; i++)
        json_array_append_new(fields, view_field(t, &t->fields[i], sl, enums, int_enums));
    put(o, "fields", fields);
    return o;
}

/* ------------------------------------------------------------ endpoints */

static json_t *view_endpoint(const endpoint *e)
{
    json_t *o = json_object(), *params = json_array(), *responses = json_array();
    size_t i;
    char *upper = naming_upper(e->c_name);
    char *summary = fmt("%s %s", e->method, e->path);
    put_s(o, "name", e->name);
    put_s(o, "c_name", e->c_name);
    put_own(o, "upper", upper);
    put_s(o, "method", e->method);
    put_own(o, "path_literal", c_literal(e->path, strlen(e->path)));
    put_own(o, "summary", naming_comment(summary, strlen(summary)));
    free(summary);
    put(o, "doc", comment_lines(e->description));
    put_own(o, "md_description", md_text(e->description));
    put_own(o, "md_path", md_text(e->path));
    for (i = 0; i < e->param_count; i++) {
        const param *p = &e->params[i];
        json_t *po = json_object();
        static const char *const ctypes[] = {"const char *", "int64_t", "double", "bool"};
        const char *ct = ctypes[p->shape.kind <= SHAPE_BOOLEAN ? p->shape.kind : 0];
        unsigned nflags = 0;
        char flags[64] = "";
        put_s(po, "name", p->name);
        put_own(po, "literal", c_literal(p->name, strlen(p->name)));
        put_s(po, "c_name", p->c_name);
        put_s(po, "owner", e->c_name);
        put_own(po, "decl", ct[strlen(ct) - 1] == '*' ? fmt("%s%s", ct, p->c_name)
                                                      : fmt("%s %s", ct, p->c_name));
        put_s(po, "c_has", p->c_has);
        put_s(po, "in", p->in == PARAM_PATH ? "SPECC_IN_PATH" : "SPECC_IN_QUERY");
        put_s(po, "kind", kind_enum(&p->shape, false));
        put_s(po, "format", p->shape.format ? format_enum(p->shape.format) : NULL);
        if (p->required)
            strcat(flags, nflags++ ? " | SPECC_P_REQUIRED" : "SPECC_P_REQUIRED");
        if (p->keep_slashes)
            strcat(flags, nflags++ ? " | SPECC_P_KEEP_SLASHES" : "SPECC_P_KEEP_SLASHES");
        put_s(po, "flags", nflags ? flags : "0");
        put_own(po, "note",
                fmt("%s, %s%s", p->in == PARAM_PATH ? "path" : "query",
                    p->required ? "required" : (p->c_has ? "optional: set has_" : "optional: NULL to omit"),
                    p->keep_slashes ? "; '/' kept" : ""));
        if (p->c_has)
            put_own(po, "note",
                    fmt("%s, optional: set %s", p->in == PARAM_PATH ? "path" : "query", p->c_has));
        put(po, "doc", comment_lines(p->description));
        put_own(po, "md_name", md_text(p->name));
        put_own(po, "md_description", md_text(p->description));
        put_s(po, "md_in", p->in == PARAM_PATH ? "path" : "query");
        put_s(po, "md_type", shape_kind_name(p->shape.kind));
        put_s(po, "md_required", p->required ? "yes" : "no");
        json_array_append_new(params, po);
    }
    for (i = 0; i < e->response_count; i++) {
        const response *r = &e->responses[i];
        json_t *ro = json_object();
        put(ro, "status", json_integer(r->status));
        put_s(ro, "type", r->type ? r->type->c_name : NULL);
        put_s(ro, "type_name", r->type ? r->type->name : NULL);
        put_s(ro, "owner", e->c_name);
        put_own(ro, "md_description", md_text(r->description));
        json_array_append_new(responses, ro);
    }
    put(o, "params", params);
    put_b(o, "has_params", e->param_count > 0);
    put(o, "param_count", json_integer((json_int_t)e->param_count));
    put(o, "responses", responses);
    put(o, "response_count", json_integer((json_int_t)e->response_count));
    return o;
}

/* ----------------------------------------------------------------- spec */

static char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return fmt("%s", slash ? slash + 1 : path);
}

json_t *view_spec(const spec *s, const char *version)
{
    json_t *v = json_object(), *types = json_array(), *enums = json_array(),
           *int_enums = json_array(), *endpoints = json_array();
    shape_list sl = {json_array()};
    size_t i;
    char *file = base_name(s->file);
    char *banner = fmt("Generated by specc %s from %s. Do not edit: change the spec and run "
                       "specc again.",
                       version, file);
    put_own(v, "banner", naming_comment(banner, strlen(banner)));
    free(banner);
    put_own(v, "spec_file", naming_comment(file, strlen(file)));
    free(file);
    put_s(v, "version", version);
    put(v, "runtime_version", json_integer(VIEW_RUNTIME_VERSION));
    put_s(v, "api", s->api);
    put_s(v, "api_upper", s->api_upper);
    put_own(v, "guard", fmt("%s_H", s->api_upper));
    put(v, "title", comment_lines(s->title));
    put_own(v, "md_title", md_text(s->title ? s->title : s->api));
    put_own(v, "md_description", md_text(s->description));
    put_own(v, "md_docs", md_text(s->docs));
    put_own(v, "md_base_url", md_text(s->base_url));
    put(v, "doc", comment_lines(s->description));
    put_own(v, "docs_url", s->docs ? naming_comment(s->docs, strlen(s->docs)) : NULL);
    put_b(v, "has_docs", s->docs != NULL);
    put_own(v, "base_url_literal", c_literal(s->base_url ? s->base_url : "",
                                             s->base_url ? strlen(s->base_url) : 0));
    {
        json_t *auth = json_array();
        for (i = 0; i < s->auth_count; i++) {
            json_t *a = json_object();
            put_s(a, "scheme", s->auth[i]);
            json_array_append_new(auth, a);
        }
        put(v, "auth", auth);
        put_b(v, "has_auth", s->auth_count > 0);
    }
    for (i = 0; i < s->type_count; i++)
        json_array_append_new(types, view_type(&s->types[i], &sl, enums, int_enums));
    for (i = 0; i < s->endpoint_count; i++)
        json_array_append_new(endpoints, view_endpoint(&s->endpoints[i]));
    put(v, "types", types);
    put(v, "type_count", json_integer((json_int_t)s->type_count));
    put_b(v, "has_types", s->type_count > 0);
    put(v, "enums", enums);
    put(v, "int_enums", int_enums);
    put(v, "shapes", sl.shapes);
    put(v, "endpoints", endpoints);
    put(v, "endpoint_count", json_integer((json_int_t)s->endpoint_count));
    put_b(v, "has_endpoints", s->endpoint_count > 0);
    return v;
}

json_t *view_runtime(const char *version)
{
    json_t *v = json_object();
    char *banner = fmt("Generated by specc %s: the specc runtime. Do not edit.", version);
    put_own(v, "banner", banner);
    put_s(v, "version", version);
    put(v, "runtime_version", json_integer(VIEW_RUNTIME_VERSION));
    return v;
}
