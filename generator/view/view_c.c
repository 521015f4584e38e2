/*
 * view_c.c — the C text of the view: member declarations and their notes,
 * descriptor initialisers, enum tables, and spec text made into comments
 * and string literals (through naming.c). Templates paste it as it is.
 */
#include <inttypes.h>
#include <string.h>

#include "descriptor.h"
#include "naming.h"
#include "view_internal.h"

#define COMMENT_WIDTH 76

char *c_literal(const char *s, size_t len)
{
    char *body = naming_c_string(s, len);
    char *lit = str_printf("\"%s\"", body ? body : "");
    free(body);
    return lit;
}

/* "INT64_C(5)"; INT64_MIN has no literal of its own. */
static char *int64_literal(int64_t n)
{
    return n == INT64_MIN ? str_printf("INT64_MIN") : str_printf("INT64_C(%" PRId64 ")", n);
}

/* "A | B", or "0" for none. */
static char *join_flags(const char *const *flags, size_t n)
{
    strbuf b = STRBUF_INIT;
    size_t i;
    for (i = 0; i < n; i++)
        strbuf_printf(&b, "%s%s", i ? " | " : "", flags[i]);
    if (n == 0)
        strbuf_append(&b, "0");
    return strbuf_steal(&b, NULL);
}

char *c_declare(const char *type, const char *name)
{
    size_t n = strlen(type);
    return str_printf("%s%s%s", type, n && type[n - 1] == '*' ? "" : " ", name);
}

char *c_pointer_to(const char *elem, const char *name)
{
    size_t n = strlen(elem);
    return str_printf("%s%s*%s", elem, n && elem[n - 1] == '*' ? "" : " ", name);
}

/* --------------------------------------------------------------- comments */

/* Spec text wrapped into lines of at most COMMENT_WIDTH (a longer word has a
 * line of its own); a blank line between paragraphs. */
typedef struct wrapper {
    json_t *lines; /* [string] */
    strbuf line;   /* the line being filled */
} wrapper;

static void end_line(wrapper *w)
{
    if (!w->line.length)
        return;
    json_array_append_new(w->lines, json_stringn(w->line.value, w->line.length));
    strbuf_clear(&w->line);
}

static void add_word(wrapper *w, const char *word, size_t len)
{
    if (w->line.length && w->line.length + 1 + len > COMMENT_WIDTH)
        end_line(w);
    if (len > COMMENT_WIDTH) {
        json_array_append_new(w->lines, json_stringn(word, len));
        return;
    }
    if (w->line.length)
        strbuf_append_char(&w->line, ' ');
    strbuf_append_bytes(&w->line, word, len);
}

/* Breaks at blanks, at line ends, and at width; several line ends in a row
 * are one paragraph break. No trailing blank lines. */
static json_t *wrap(const char *text)
{
    wrapper w = {json_array(), STRBUF_INIT};
    const char *p = text;
    size_t n;

    while (*p) {
        if (*p == '\n') {
            end_line(&w);
            if (*++p == '\n')
                json_array_append_new(w.lines, json_string(""));
            while (*p == '\n')
                p++;
        } else if (*p == ' ' || *p == '\t') {
            p++;
        } else {
            n = strcspn(p, " \t\n");
            add_word(&w, p, n);
            p += n;
        }
    }
    end_line(&w);
    strbuf_free(&w.line);
    while ((n = json_array_size(w.lines)) && !*json_string_value(json_array_get(w.lines, n - 1)))
        json_array_remove(w.lines, n - 1);
    return w.lines;
}

void c_add_line(json_t *lines, char *text)
{
    json_t *o = json_object();
    put_own(o, "line", text);
    json_array_append_new(lines, o);
}

json_t *c_comment(const char *text)
{
    json_t *lines = json_array(), *wrapped;
    char *safe;
    size_t i, n;

    if (!text || !*text)
        return lines;
    safe = naming_comment(text, strlen(text));
    if (!safe)
        return lines;
    wrapped = wrap(safe);
    free(safe);
    n = json_array_size(wrapped);
    if (n == 1) {
        c_add_line(lines, str_printf("/* %s */", json_string_value(json_array_get(wrapped, 0))));
    } else if (n > 1) {
        c_add_line(lines, str_printf("/*"));
        for (i = 0; i < n; i++) {
            const char *l = json_string_value(json_array_get(wrapped, i));
            c_add_line(lines, *l ? str_printf(" * %s", l) : str_printf(" *"));
        }
        c_add_line(lines, str_printf(" */"));
    }
    json_decref(wrapped);
    return lines;
}

/* ---------------------------------------------------------------- C names */

const char *c_kind_constant(const shape *sh, bool is_enum)
{
    return desc_kind_name(desc_kind(sh, is_enum || sh->c_enum));
}

const char *c_format_constant(format_kind f)
{
    return format_get(f)->c_constant;
}

const char *c_unknown_policy(unknown_policy p)
{
    static const char *const policies[] = {"PRESERVE", "IGNORE", "REJECT"};
    return policies[p];
}

/* ---------------------------------------------------------------- members */

/* C type of a value stored by value (in an array or map, a union, a value
 * type): element structs, enums and int32 first. */
char *c_value_type(const shape *sh)
{
    char *inner, *decl, *out;
    if (sh->c_elem)
        return str_printf("%s_t", sh->c_elem);
    if (sh->c_enum)
        return str_printf("%s_t", sh->c_enum);
    if (sh->kind == SHAPE_INTEGER && sh->format == FORMAT_INT32)
        return str_printf("int32_t");
    switch (sh->kind) {
    case SHAPE_STRING:
    case SHAPE_INTEGER:
    case SHAPE_NUMBER:
    case SHAPE_BOOLEAN:
    case SHAPE_DECIMAL:
    case SHAPE_ANY: return str_printf("%s", kind_get(sh->kind)->c_type);
    case SHAPE_REF: return str_printf("%s_t", sh->ref->c_name);
    case SHAPE_ARRAY:
    case SHAPE_MAP:
        inner = c_value_type(sh->items);
        if (sh->kind == SHAPE_ARRAY) {
            decl = c_pointer_to(inner, "items");
            out = str_printf("struct { %s; size_t count; }", decl);
        } else {
            decl = c_pointer_to(inner, "values");
            out = str_printf("struct { char **keys; %s; size_t count; }", decl);
        }
        free(inner);
        free(decl);
        return out;
    }
    return str_printf("void *");
}

/* Declaration of a field's value member. */
static char *member_decl(const field *f)
{
    char *t, *d;
    if (f->c_enum)
        return str_printf("%s_t %s", f->c_enum, f->c_name);
    if (f->shape.kind == SHAPE_REF && f->shape.ref->kind == TYPE_OBJECT)
        return str_printf("%s_t *%s", f->shape.ref->c_name, f->c_name);
    t = c_value_type(&f->shape);
    d = c_declare(t, f->c_name);
    free(t);
    return d;
}

/* The version 2 facts after a note: "; const 3; default 9; read-only;
 * deprecated" (spec text made safe for a comment). Takes note. */
static char *note_v2(char *note, const shape *sh)
{
    strbuf b = STRBUF_INIT;
    char *safe;
    if (!note)
        return NULL;
    strbuf_append(&b, note);
    free(note);
    if (sh->const_json && (safe = naming_comment(sh->const_json, strlen(sh->const_json)))) {
        strbuf_printf(&b, "; const %s", safe);
        free(safe);
    }
    if (sh->default_json && (safe = naming_comment(sh->default_json, strlen(sh->default_json)))) {
        strbuf_printf(&b, "; default %s", safe);
        free(safe);
    }
    if (sh->read_only)
        strbuf_append(&b, "; read-only (never sent)");
    if (sh->write_only)
        strbuf_append(&b, "; write-only (never received)");
    if (sh->deprecated)
        strbuf_append(&b, "; deprecated");
    return strbuf_steal(&b, NULL);
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
        note = str_printf("\"%s\": %s; %s", json, presence, format_name(f->shape.format));
    else if (f->c_enum && f->shape.open)
        note = str_printf("\"%s\": %s; unknown values kept in %s", json, presence, f->c_other);
    else
        note = str_printf("\"%s\": %s", json, presence);
    free(json);
    return note_v2(note, &f->shape);
}

static char *field_flags(const field *f)
{
    const char *flags[16];
    return join_flags(flags, desc_flag_names(desc_field_flags(f), true, flags));
}

/* ------------------------------------------------------ shape initialisers */

static char *shape_init(view_ctx *ctx, const shape *sh, const char *c_enum, const char *name);

/* ", .flags = SPECC_S_MINIMUM | ...", or nothing. */
static void init_flags(strbuf *b, const shape *sh)
{
    const char *flags[16];
    size_t n = desc_flag_names(desc_shape_flags(sh), false, flags);
    char *joined;
    if (n == 0)
        return;
    joined = join_flags(flags, n);
    strbuf_printf(b, ", .flags = %s", joined ? joined : "");
    free(joined);
}

/* ", .min_int = INT64_C(0)" (integer shapes) or ", .min_num = 0.5"; `which`
 * is "min" or "max". */
static void init_bound(strbuf *b, const char *which, const bound *bd, bool integer)
{
    char *lit;
    if (!bd->set)
        return;
    if (!integer) {
        strbuf_printf(b, ", .%s_num = %.17g", which, bd->number);
        return;
    }
    lit = int64_literal(bd->integer);
    strbuf_printf(b, ", .%s_int = %s", which, lit ? lit : "");
    free(lit);
}

static void init_size(strbuf *b, const char *member, size_bound sb)
{
    if (sb.set)
        strbuf_printf(b, ", .%s = %" PRIu64 "u", member, sb.value);
}

static void init_pattern(strbuf *b, const char *pattern)
{
    char *lit = c_literal(pattern, strlen(pattern));
    strbuf_printf(b, ", .pattern = %s", lit ? lit : "");
    free(lit);
}

/* ", .items = &NAME_items", after listing that element's own shape (and
 * those inside it) in ctx->shapes. */
/* The table name of an element shape: NAME_items, or NAME_items_2 ... when
 * another shape has that name (fields `tags` and `tags_items` both make a
 * `..._tags_items`). *made tells whether the shape was met before (a value
 * type inlined again), so its table exists already. */
static char *items_name(view_ctx *ctx, const shape *el, const char *base, bool *made)
{
    json_int_t id = (json_int_t)(uintptr_t)el;
    char *name = str_printf("%s", base);
    json_t *owner;
    int n = 2;
    while (name && (owner = json_object_get(ctx->seen, name)) && json_integer_value(owner) != id) {
        free(name);
        name = str_printf("%s_%d", base, n++);
    }
    *made = name && json_object_get(ctx->seen, name) != NULL;
    if (name && !*made)
        json_object_set_new(ctx->seen, name, json_integer(id));
    return name;
}

static void init_items(strbuf *b, view_ctx *ctx, const shape *sh, const char *name)
{
    char *base = str_printf("%s_%s", name, sh->kind == SHAPE_ARRAY ? "items" : "values"), *el;
    bool made = false;
    json_t *o;
    el = base ? items_name(ctx, sh->items, base, &made) : NULL;
    free(base);
    strbuf_printf(b, ", .items = &%s", el ? el : "");
    if (!el || made) {
        free(el);
        return;
    }
    if (sh->items->c_enum)
        json_array_append_new(ctx->enums, c_string_enum(sh->items, NULL, "an element"));
    o = json_object();
    put_s(o, "name", el);
    put_own(o, "init", shape_init(ctx, sh->items, NULL, el));
    json_array_append_new(ctx->shapes, o);
    free(el);
}

/* Members of version 3: multipleOf, const, and an element's layout. */
static void init_v2(strbuf *b, const shape *sh)
{
    char *lit;
    if (sh->multiple_of.set && desc_bounds_int(sh)) {
        lit = int64_literal(sh->multiple_of.integer);
        strbuf_printf(b, ", .multiple_int = %s", lit ? lit : "");
        free(lit);
    } else if (sh->multiple_of.set) {
        strbuf_printf(b, ", .multiple_num = %.17g", sh->multiple_of.number);
    }
    if (sh->const_json) {
        lit = c_literal(sh->const_json, strlen(sh->const_json));
        strbuf_printf(b, ", .const_json = %s", lit ? lit : "");
        free(lit);
    }
    if (!sh->c_elem)
        return;
    strbuf_printf(b, ", .elem_size = sizeof(%s_t), .value_offset = offsetof(%s_t, value)",
                  sh->c_elem, sh->c_elem);
    if (desc_elem_state(sh))
        strbuf_printf(b, ", .state_offset = offsetof(%s_t, state)", sh->c_elem);
    if (desc_elem_other(sh))
        strbuf_printf(b, ", .other_offset = offsetof(%s_t, other)", sh->c_elem);
}

/* The specc_shape initialiser of a value; `name` (the field's C prefix)
 * names its tables: NAME_ints, NAME_items. A value type is written as its
 * value's shape. */
/* The initialiser with the kind constant given (a parameter's string enum
 * stays a STRING with its allowed names). */
static char *shape_init_as(view_ctx *ctx, const shape *sh, const char *c_enum, const char *name,
                           const char *kind)
{
    strbuf b = STRBUF_INIT;
    bool integer = desc_bounds_int(sh);

    strbuf_printf(&b, "{.kind = %s", kind);
    if (sh->format)
        strbuf_printf(&b, ", .format = %s", c_format_constant(sh->format));
    init_flags(&b, sh);
    init_bound(&b, "min", &sh->minimum, integer);
    init_bound(&b, "max", &sh->maximum, integer);
    init_size(&b, "min_length", sh->min_length);
    init_size(&b, "max_length", sh->max_length);
    init_size(&b, "min_items", sh->min_items);
    init_size(&b, "max_items", sh->max_items);
    if (sh->pattern)
        init_pattern(&b, sh->pattern);
    if (sh->enums && c_enum)
        strbuf_printf(&b, ", .enum_names = %s_names, .enum_count = %zu", c_enum, sh->enum_count);
    else if (sh->enums)
        strbuf_printf(&b, ", .enum_ints = %s_ints, .enum_count = %zu", name, sh->enum_count);
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_OBJECT)
        strbuf_printf(&b, ", .type = &%s_desc", sh->ref->c_name);
    if (sh->kind == SHAPE_REF && sh->ref->kind == TYPE_UNION)
        strbuf_printf(&b, ", .union_ = &%s_union", sh->ref->c_name);
    if (sh->items)
        init_items(&b, ctx, sh, name);
    init_v2(&b, sh);
    strbuf_append(&b, "}");
    return strbuf_steal(&b, NULL);
}

static char *shape_init(view_ctx *ctx, const shape *sh, const char *c_enum, const char *name)
{
    const shape *d = desc_shape(sh);
    if (d != sh) /* a value type: its value's shape, its tables named after it */
        return shape_init(ctx, d, d->c_enum, sh->ref->c_name);
    if (!c_enum)
        c_enum = sh->c_enum;
    return shape_init_as(ctx, sh, c_enum, name, c_kind_constant(sh, c_enum != NULL));
}

char *c_shape_init(view_ctx *ctx, const shape *sh, const char *name)
{
    return shape_init(ctx, sh, sh->c_enum, name);
}

/* ------------------------------------------------------------------ enums */

/* A string enum's C enum: its constants and their JSON spellings. `c_other`
 * names the member keeping unknown values (an element's is `other`);
 * `comment` says whose values they are. */
json_t *c_string_enum(const shape *sh, const char *c_other, const char *comment)
{
    json_t *e = json_object(), *values = json_array();
    size_t i;
    for (i = 0; i < sh->enum_count; i++) {
        const enum_value *ev = &sh->enums[i];
        json_t *o = json_object();
        put_own(o, "constant", str_printf("%s_%s", sh->c_enum_upper, ev->c_suffix));
        put_own(o, "literal", c_literal(ev->text, ev->text_len));
        put_own(o, "json_comment", naming_comment(ev->text, ev->text_len));
        json_array_append_new(values, o);
    }
    put_s(e, "c_enum", sh->c_enum);
    put_s(e, "c_enum_upper", sh->c_enum_upper);
    put_own(e, "comment", str_printf("Values of %s.", comment));
    put(e, "values", values);
    put_b(e, "open", sh->open);
    put(e, "count", json_integer((json_int_t)sh->enum_count));
    put_s(e, "c_other", c_other ? c_other : "other");
    return e;
}

/* The comment of a field's enum: "\"source\" in Model". */
static char *field_enum_comment(const type_def *t, const field *f)
{
    char *json = naming_comment(f->json_name, f->json_len);
    char *out = str_printf("\"%s\" in %s", json ? json : "", t->name);
    free(json);
    return out;
}

/* An integer enum's allowed values: the table NAME_ints. */
static json_t *int_enum(const field *f, const char *name)
{
    json_t *o = json_object(), *values = json_array();
    size_t i;
    put_own(o, "name", str_printf("%s_ints", name));
    for (i = 0; i < f->shape.enum_count; i++) {
        json_t *v = json_object();
        put_own(v, "value", int64_literal(f->shape.enums[i].number));
        json_array_append_new(values, v);
    }
    put(o, "values", values);
    return o;
}

/* ----------------------------------------------------------------- fields */

/* A scalar default as a C constant expression: 9, INT64_C(9), 0.5, true,
 * "text". */
static char *default_literal(const field *f)
{
    const node *n = f->shape.default_value;
    if (f->shape.kind == SHAPE_STRING)
        return c_literal(n->value, n->len);
    if (f->shape.kind == SHAPE_INTEGER && f->shape.format != FORMAT_INT32)
        return str_printf("INT64_C(%s)", n->value);
    return str_printf("%s", f->shape.default_json);
}

void c_field(view_ctx *ctx, json_t *o, const type_def *t, const field *f)
{
    char *shape_name = str_printf("%s_%s", t->c_name, f->c_name);
    put_own(o, "decl", member_decl(f));
    put_s(o, "default_macro", f->c_default);
    put_own(o, "default_value", f->c_default ? default_literal(f) : NULL);
    put_own(o, "note", member_note(f));
    put_b(o, "has_state", f->has_state);
    put_s(o, "c_state", f->c_state);
    put_s(o, "c_other", f->c_other);
    put_own(o, "flags", field_flags(f));
    if (f->c_enum) {
        char *comment = field_enum_comment(t, f);
        json_array_append_new(ctx->enums, c_string_enum(&f->shape, f->c_other, comment ? comment : ""));
        free(comment);
    } else if (f->shape.enums)
        json_array_append_new(ctx->int_enums, int_enum(f, shape_name ? shape_name : ""));
    put_own(o, "shape", shape_init(ctx, &f->shape, f->c_enum, shape_name ? shape_name : ""));
    free(shape_name);
}

/* ------------------------------------------------------------- parameters */

/* C type of one parameter value: strings are borrowed. */
static const char *param_c_type(const shape *sh)
{
    if (sh->kind == SHAPE_STRING)
        return "const char *";
    if (sh->kind == SHAPE_INTEGER && sh->format == FORMAT_INT32)
        return "int32_t";
    return kind_get(sh->kind)->c_type;
}

char *c_param_decl(const param *p)
{
    char *items, *out;
    if (p->shape.kind != SHAPE_ARRAY || !p->shape.items)
        return c_declare(param_c_type(&p->shape), p->c_name);
    items = c_pointer_to(param_c_type(p->shape.items), "items");
    out = str_printf("struct { %s; size_t count; } %s", items ? items : "", p->c_name);
    free(items);
    return out;
}

/* String enums of parameters are lists of allowed texts: NAME_names. */
static void param_names_table(view_ctx *ctx, const shape *sh, const char *name)
{
    json_t *e = json_object(), *values = json_array();
    size_t i;
    for (i = 0; i < sh->enum_count; i++) {
        json_t *v = json_object();
        put_own(v, "literal", c_literal(sh->enums[i].text, sh->enums[i].text_len));
        json_array_append_new(values, v);
    }
    put_s(e, "name", name);
    put(e, "values", values);
    json_array_append_new(ctx->name_tables, e);
}

char *c_param_shape_init(view_ctx *ctx, const param *p, const char *name)
{
    shape sh = p->shape;
    if (sh.kind == SHAPE_STRING && sh.enums) {
        param_names_table(ctx, &sh, name);
        sh.c_enum = (char *)name; /* .enum_names = NAME_names; kind stays STRING */
        return shape_init_as(ctx, &sh, name, name, "SPECC_KIND_STRING");
    }
    return shape_init(ctx, &sh, NULL, name);
}

/* "path, required; '/' kept", "query, optional: set has_limit". */
char *c_param_note(const param *p)
{
    strbuf b = STRBUF_INIT;
    strbuf_printf(&b, "%s, ", view_param_in(p->in));
    if (p->required)
        strbuf_append(&b, "required");
    else if (p->c_has)
        strbuf_printf(&b, "optional: set %s", p->c_has);
    else if (p->shape.kind == SHAPE_ARRAY)
        strbuf_append(&b, "optional: count 0 to omit");
    else
        strbuf_append(&b, "optional: NULL to omit");
    if (p->keep_slashes)
        strbuf_append(&b, "; '/' kept");
    if (p->shape.kind == SHAPE_ARRAY && p->in == PARAM_QUERY)
        strbuf_append(&b, p->explode ? "; k=a&k=b" : "; k=a,b");
    return note_v2(strbuf_steal(&b, NULL), &p->shape);
}

char *c_param_flags(const param *p)
{
    const char *flags[3];
    size_t n = 0;
    if (p->required)
        flags[n++] = "SPECC_P_REQUIRED";
    if (p->keep_slashes)
        flags[n++] = "SPECC_P_KEEP_SLASHES";
    if (p->shape.kind == SHAPE_ARRAY && p->explode)
        flags[n++] = "SPECC_P_EXPLODE";
    return join_flags(flags, n);
}
