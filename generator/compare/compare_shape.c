/*
 * compare_shape.c — one value's type, format and enum, then its
 * constraints (compare_limits.c) and its items or map values, recursively
 * (`X[]`, `X{}`). A changed type is one breaking change: its C type
 * changes, so nothing finer is said. A named type is compared on its own;
 * an inline one (a field's oneOf) is compared here, where it is used.
 */
#include "compare_internal.h"

#include <string.h>

bool cmp_same_type(const shape *o, const shape *n)
{
    if (o->kind != n->kind || (o->format == FORMAT_INT32) != (n->format == FORMAT_INT32))
        return false;
    if (o->kind != SHAPE_REF)
        return true;
    if (o->ref->is_inline || n->ref->is_inline)
        return o->ref->is_inline && n->ref->is_inline;
    return strcmp(o->ref->name, n->ref->name) == 0;
}

static const char *describe_union(differ *d, const union_def *u)
{
    const char *out = "oneOf [";
    size_t i;
    for (i = 0; u && i < u->variant_count; i++)
        out = cmp_printf(d, "%s%s%s", out, i ? ", " : "", u->variants[i].label);
    return cmp_printf(d, "%s]", out);
}

const char *cmp_describe(differ *d, const shape *sh)
{
    const char *format = format_name(sh->format);
    switch (sh->kind) {
    case SHAPE_REF:
        if (!sh->ref->is_inline)
            return sh->ref->name;
        if (sh->ref->kind == TYPE_UNION)
            return describe_union(d, sh->ref->u);
        return cmp_describe(d, &sh->ref->value);
    case SHAPE_ARRAY:
        return cmp_printf(d, "array of %s", cmp_describe(d, sh->items));
    case SHAPE_MAP:
        return cmp_printf(d, "map of %s", cmp_describe(d, sh->items));
    default:
        if (format && *format)
            return cmp_printf(d, "%s (%s)", shape_kind_name(sh->kind), format);
        return shape_kind_name(sh->kind);
    }
}

/* "the member pushed_at", "the items", "the params member owner". */
static const char *c_thing(differ *d, shape_use use, const char *c_member)
{
    if (use == USE_ELEMENT)
        return "each element";
    if (use == USE_PARAM)
        return c_member ? cmp_printf(d, "the params member %s", c_member) : "the params member";
    return c_member ? cmp_printf(d, "the member %s", c_member) : "the value member";
}

static void type_changed(differ *d, const site *s, const shape *o, const shape *n,
                         shape_use use, const char *c_member)
{
    cmp_report(d, s, true, "type was %s, now %s — %s changes C type: code using it must be "
                           "rewritten%s",
               cmp_describe(d, o), cmp_describe(d, n), c_thing(d, use, c_member),
               s->dir & DIR_RESPONSE ? ", and payloads of the old type are rejected" : "");
}

/* Does the format restrict values? (unix-time only labels an integer.) */
static bool format_checks(format_kind f)
{
    return f != FORMAT_NONE && f != FORMAT_UNIX_TIME;
}

static void compare_format(differ *d, const site *s, const shape *o, const shape *n)
{
    const char *of = format_name(o->format), *nf = format_name(n->format);
    if (o->format == n->format)
        return;
    if (!*nf)
        cmp_report(d, s, false, "format %s removed", of);
    else if (!format_checks(n->format))
        cmp_report(d, s, false, "format %s added (a label: nothing more is checked)", nf);
    else if (!format_checks(o->format))
        cmp_report(d, s, true, "format %s added — %s with values that are not %s are now "
                               "rejected",
                   nf, cmp_who(s->dir), nf);
    else
        cmp_report(d, s, true, "format was %s, now %s — %s with values that are not %s are "
                               "now rejected",
                   of, nf, cmp_who(s->dir), nf);
}

/* ------------------------------------------------------------- enums */

typedef struct enum_pair {
    differ *d;
    const site *s;
    const shape *o, *n;
    bool c_enum; /* a C enum holds the values (strings, not in a parameter) */
    shape_use use;
} enum_pair;

static const char *enum_text(differ *d, const shape *sh, const enum_value *e)
{
    if (sh->kind == SHAPE_INTEGER)
        return cmp_printf(d, "%lld", (long long)e->number);
    return cmp_printf(d, "'%s'", cmp_name(d, e->text, e->text_len));
}

/* The C constant of a value, or the value itself when there is none. */
static const char *enum_constant(enum_pair *p, const shape *sh, const enum_value *e)
{
    if (p->c_enum && sh->c_enum_upper)
        return cmp_printf(p->d, "%s_%s", sh->c_enum_upper, e->c_suffix);
    return cmp_printf(p->d, "the value %s", enum_text(p->d, sh, e));
}

static bool enum_same(void *ctx, size_t i, size_t j)
{
    enum_pair *p = ctx;
    const enum_value *a = &p->o->enums[i], *b = &p->n->enums[j];
    if (p->o->kind == SHAPE_INTEGER)
        return a->number == b->number;
    return a->text_len == b->text_len && memcmp(a->text, b->text, a->text_len) == 0;
}

static void enum_matched(void *ctx, size_t i, size_t j)
{
    (void)ctx;
    (void)i;
    (void)j;
}

static void enum_added(void *ctx, size_t j)
{
    enum_pair *p = ctx;
    const enum_value *e = &p->n->enums[j];
    site s = cmp_below(p->d, p->s, "", cmp_nowhere, e->where);
    const char *constant = enum_constant(p, p->n, e);
    effect resp = {true, NULL}, req = {false, ""};
    if (!p->o->open)
        resp.text = cmp_printf(p->d, "silent: it may now arrive; code switching on the value "
                                      "must handle %s",
                               constant);
    else if (p->c_enum)
        resp.text = cmp_printf(p->d, "silent: it was kept as %s__OTHER (its text in the _other "
                                      "member), now it decodes as %s; code looking for it "
                                      "there must use %s",
                               p->n->c_enum_upper, constant, constant);
    else
        resp = req;
    cmp_directed(p->d, &s, cmp_printf(p->d, "enum value %s added", enum_text(p->d, p->n, e)),
                 resp, req);
}

static void enum_removed(void *ctx, size_t i)
{
    enum_pair *p = ctx;
    const enum_value *e = &p->o->enums[i];
    site s = cmp_below(p->d, p->s, "", e->where, cmp_nowhere);
    const char *value = enum_text(p->d, p->o, e);
    if (p->c_enum)
        cmp_report(p->d, &s, true, "enum value %s removed — code using %s no longer compiles%s",
                   value, enum_constant(p, p->o, e),
                   p->n->open ? "" : cmp_printf(p->d, ", and %s with it are now rejected",
                                                cmp_who(s.dir)));
    else if (!p->n->open)
        cmp_report(p->d, &s, true, "enum value %s removed — %s with it are now rejected", value,
                   cmp_who(s.dir));
    else
        cmp_report(p->d, &s, false, "enum value %s removed (still accepted: the enum is open)",
                   value);
}

static void compare_open(enum_pair *p)
{
    const site *s = p->s;
    bool elem = p->c_enum && p->use == USE_ELEMENT;
    effect resp = {true, NULL}, req = {false, ""};
    if (p->o->open == p->n->open)
        return;
    if (elem) {
        cmp_report(p->d, s, true, "enum %s — each element's C type changes (a struct with value "
                                  "and other): code using them must be rewritten",
                   p->n->open ? "now open" : "no longer open");
    } else if (p->o->open) {
        cmp_report(p->d, s, true, "enum no longer open — %s%s with other values are now rejected",
                   p->c_enum ? cmp_printf(p->d, "code using %s__OTHER or the _other member no "
                                                "longer compiles, and ",
                                          p->o->c_enum_upper)
                             : "",
                   cmp_who(s->dir));
    } else {
        resp.text = p->c_enum ? cmp_printf(p->d, "silent: other values are now kept as %s__OTHER "
                                                 "(their text in the _other member); code "
                                                 "switching on it must handle %s__OTHER",
                                           p->n->c_enum_upper, p->n->c_enum_upper)
                              : "silent: values outside the list may now arrive";
        cmp_directed(p->d, s, "enum now open", resp, req);
    }
}

/* An enum appears or goes: for a C enum the member changes type. */
static void enum_presence(enum_pair *p)
{
    const site *s = p->s;
    effect resp = {!p->o->open, "silent: values outside the old list may now arrive"},
           req = {false, ""};
    if (p->c_enum) {
        cmp_report(p->d, s, true, "%s — its C type changes (%s): code using it must be "
                                  "rewritten",
                   p->o->enums ? "no longer an enum" : "now an enum",
                   p->o->enums ? "to char *" : cmp_printf(p->d, "to %s_t", p->n->c_enum));
    } else if (!p->o->enums) {
        if (!p->n->open)
            cmp_report(p->d, s, true, "now an enum — %s with other values are now rejected",
                       cmp_who(s->dir));
        else
            cmp_report(p->d, s, false, "now an open enum");
    } else {
        if (p->o->open)
            resp.text = "";
        cmp_directed(p->d, s, "no longer an enum", resp, req);
    }
}

static void compare_enum(differ *d, const site *s, const shape *o, const shape *n,
                         shape_use use)
{
    enum_pair p;
    list_ops ops = {o->enum_count, n->enum_count, enum_same, enum_matched, enum_added,
                    enum_removed};
    if (!o->enums && !n->enums)
        return;
    p.d = d;
    p.s = s;
    p.o = o;
    p.n = n;
    p.c_enum = o->kind == SHAPE_STRING && use != USE_PARAM;
    p.use = use;
    if (!o->enums || !n->enums) {
        enum_presence(&p);
        return;
    }
    compare_open(&p);
    cmp_walk(&ops, &p);
}

/* ------------------------------------------------------------ the rest */

static void compare_default(differ *d, const site *s, const shape *o, const shape *n)
{
    const char *od = o->default_json, *nd = n->default_json;
    if ((!od && !nd) || (od && nd && strcmp(od, nd) == 0))
        return;
    if (!od)
        cmp_report(d, s, false, "default %s added", nd);
    else if (!nd)
        cmp_report(d, s, false, "default %s removed", od);
    else
        cmp_report(d, s, false, "default was %s, now %s — the server's value when it is left "
                                "out",
                   od, nd);
}

static void compare_element_null(differ *d, const site *s, const shape *o, const shape *n)
{
    if (o->nullable == n->nullable)
        return;
    cmp_report(d, s, true, "%s — each element's C type changes (a struct with state and "
                           "value): code using them must be rewritten",
               n->nullable ? "now nullable" : "no longer nullable");
}

static void compare_elements(differ *d, const site *s, const shape *o, const shape *n,
                             shape_use use)
{
    site below;
    if ((o->kind != SHAPE_ARRAY && o->kind != SHAPE_MAP) || !o->items || !n->items)
        return;
    below = cmp_below(d, s, o->kind == SHAPE_ARRAY ? "[]" : "{}", o->items->where,
                      n->items->where);
    cmp_shape(d, &below, o->items, n->items, use == USE_PARAM ? USE_PARAM : USE_ELEMENT, NULL);
}

void cmp_shape(differ *d, const site *s, const shape *o, const shape *n, shape_use use,
               const char *c_member)
{
    if (!cmp_same_type(o, n)) {
        type_changed(d, s, o, n, use, c_member);
        return;
    }
    if (use == USE_ELEMENT)
        compare_element_null(d, s, o, n);
    if (o->kind == SHAPE_REF) {
        if (o->ref->is_inline)
            cmp_inline(d, s, o->ref, n->ref);
        return;
    }
    compare_format(d, s, o, n);
    compare_enum(d, s, o, n, use);
    cmp_limits(d, s, o, n);
    if (use != USE_FIELD)
        compare_default(d, s, o, n);
    compare_elements(d, s, o, n, use);
}
