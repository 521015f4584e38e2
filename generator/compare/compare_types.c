/*
 * compare_types.c — named types matched by name (a renamed type is one
 * removed and one added), what kind each is, the unknown-field policy of
 * objects, and unions: variants matched by what they are ("string",
 * "Customer"), the discriminator, its values and the default, open.
 * Inline types are compared where they are used (compare_shape.c,
 * compare_endpoints.c), never by their generated names.
 */
#include "compare_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- unions */

typedef struct union_pair {
    differ *d;
    const site *s;
    const union_def *o, *n;
} union_pair;

static site variant_site(union_pair *p, const variant *o, const variant *n)
{
    const variant *v = n ? n : o;
    return cmp_below(p->d, p->s, cmp_printf(p->d, "|%s", v->label), o ? o->where : cmp_nowhere,
                     n ? n->where : cmp_nowhere);
}

static bool has_tag(const variant *v, const char *tag)
{
    size_t i;
    for (i = 0; i < v->tag_count; i++)
        if (strcmp(v->tags[i], tag) == 0)
            return true;
    return false;
}

/* The discriminator values that choose a variant, before and after. */
static void compare_tags(union_pair *p, const site *s, const variant *o, const variant *n)
{
    size_t i;
    for (i = 0; i < o->tag_count; i++)
        if (!has_tag(n, o->tags[i]))
            cmp_report(p->d, s, true,
                       "discriminator value %s no longer chooses it — %s with it are now "
                       "rejected or decoded as another variant",
                       o->tags[i], cmp_who(s->dir));
    for (i = 0; i < n->tag_count; i++)
        if (!has_tag(o, n->tags[i])) {
            effect resp = {p->o->open, p->o->open ? "silent: objects with it were kept in "
                                                        "other, now they decode as this variant"
                                                      : ""};
            effect req = {false, ""};
            cmp_directed(p->d, s, cmp_printf(p->d, "now chosen by discriminator value %s",
                                             n->tags[i]),
                         resp, req);
        }
}

static bool variant_same(void *ctx, size_t i, size_t j)
{
    union_pair *p = ctx;
    return strcmp(p->o->variants[i].label, p->n->variants[j].label) == 0;
}

static void variant_matched(void *ctx, size_t i, size_t j)
{
    union_pair *p = ctx;
    const variant *o = &p->o->variants[i], *n = &p->n->variants[j];
    site s = variant_site(p, o, n);
    if (n->shape.kind != SHAPE_REF)
        cmp_shape(p->d, &s, &o->shape, &n->shape, USE_ELEMENT, n->c_member);
    if (p->o->discriminator && p->n->discriminator)
        compare_tags(p, &s, o, n);
}

static void variant_added(void *ctx, size_t j)
{
    union_pair *p = ctx;
    const variant *n = &p->n->variants[j];
    site s = variant_site(p, NULL, n);
    effect resp = {true, cmp_printf(p->d, "silent: a value may now be this variant; code "
                                              "switching on kind must handle %s",
                                        n->c_kind)};
    effect req = {false, ""};
    cmp_directed(p->d, &s, cmp_printf(p->d, "variant added (%s, as.%s)", n->c_kind, n->c_member),
                 resp, req);
}

static void variant_removed(void *ctx, size_t i)
{
    union_pair *p = ctx;
    const variant *o = &p->o->variants[i];
    site s = variant_site(p, o, NULL);
    cmp_report(p->d, &s, true,
               "variant removed — code using %s or as.%s no longer compiles, and %s with this "
               "variant are now rejected",
               o->c_kind, o->c_member, cmp_who(s.dir));
}

static const char *default_label(const union_def *u)
{
    return u->default_variant ? u->variants[u->default_variant - 1].label : NULL;
}

static void compare_discriminator(differ *d, const site *s, const union_def *o,
                                  const union_def *n)
{
    const char *od = default_label(o), *nd = default_label(n);
    if (!o->discriminator && n->discriminator)
        cmp_report(d, s, true, "discriminator '%s' added — objects are now told apart by it: "
                               "%s without it may be rejected",
                   n->discriminator, cmp_who(s->dir));
    else if (o->discriminator && !n->discriminator)
        cmp_report(d, s, true, "discriminator '%s' removed — objects are no longer told apart "
                               "by it",
                   o->discriminator);
    else if (o->discriminator && strcmp(o->discriminator, n->discriminator) != 0)
        cmp_report(d, s, true, "discriminator was '%s', now '%s' — objects are told apart by "
                               "another key",
                   o->discriminator, n->discriminator);
    if (!o->discriminator || !n->discriminator || (!od && !nd) || (od && nd && !strcmp(od, nd)))
        return;
    if (!od)
        cmp_report(d, s, false, "default variant %s added — objects without '%s' now decode as %s",
                   nd, n->discriminator, nd);
    else if (!nd)
        cmp_report(d, s, true, "default variant %s removed — %s with objects without '%s' are "
                               "now rejected",
                   od, cmp_who(s->dir), n->discriminator);
    else
        cmp_report(d, s, true, "default variant was %s, now %s — objects without '%s' now decode "
                               "as %s",
                   od, nd, n->discriminator, nd);
}

static void compare_open(differ *d, const site *s, const union_def *o, const union_def *n)
{
    effect resp, req = {false, ""};
    if (o->open == n->open)
        return;
    if (o->open) {
        cmp_report(d, s, true, "no longer open — code using other or %s__OTHER no longer "
                               "compiles, and %s no variant takes are now rejected",
                   o->c_kind_upper, cmp_who(s->dir));
        return;
    }
    resp.breaking = true;
    resp.text = cmp_printf(d, "silent: a value no variant takes is now kept in other; code "
                                  "switching on kind must handle %s__OTHER",
                               n->c_kind_upper);
    cmp_directed(d, s, "now open", resp, req);
}

static void compare_union(differ *d, const site *s, const union_def *o, const union_def *n)
{
    union_pair p;
    if (!o || !n)
        return;
    p.d = d;
    p.s = s;
    p.o = o;
    p.n = n;
    compare_discriminator(d, s, o, n);
    compare_open(d, s, o, n);
    list_ops ops = {o->variant_count, n->variant_count,
                      variant_same, variant_matched, variant_added, variant_removed};
    cmp_walk(&ops, &p);
}

/* ----------------------------------------------------------------- types */

static const char *type_kind_words(differ *d, const type_def *t)
{
    if (t->kind == TYPE_OBJECT)
        return "an object";
    if (t->kind == TYPE_UNION)
        return "a union (oneOf)";
    return cmp_printf(d, "a value type (%s)", cmp_describe(d, &t->value));
}

static const char *const policies[] = {"preserve", "ignore", "reject"};

static void compare_policy(differ *d, const site *s, const type_def *o, const type_def *n)
{
    const char *what;
    effect resp = {false, ""}, req = {false, ""};
    if (o->unknown == n->unknown)
        return;
    what = cmp_printf(d, "unknown_fields: was %s, now %s", policies[o->unknown],
                      policies[n->unknown]);
    if (o->unknown == UNKNOWN_PRESERVE) {
        cmp_report(d, s, true, "%s — code using _unknown no longer compiles%s", what,
                   n->unknown == UNKNOWN_REJECT ? ", and payloads with undeclared keys are "
                                                  "rejected"
                                                : "; undeclared keys are dropped");
        return;
    }
    if (n->unknown == UNKNOWN_REJECT) {
        resp.breaking = true;
        resp.text = "payloads with undeclared keys are now rejected";
    } else {
        resp.text = n->unknown == UNKNOWN_PRESERVE ? "undeclared keys are now kept in _unknown"
                                                       : "undeclared keys are now accepted";
    }
    cmp_directed(d, s, what, resp, req);
}

/* Two types of the same kind, or two inline types at s. */
static void compare_bodies(differ *d, const site *s, const type_def *o, const type_def *n)
{
    if (o->kind != n->kind) {
        cmp_report(d, s, true, "was %s, now %s — its C type changes: code using it must be "
                               "rewritten",
                   type_kind_words(d, o), type_kind_words(d, n));
        return;
    }
    if (o->kind == TYPE_OBJECT) {
        compare_policy(d, s, o, n);
        cmp_fields(d, o, n, s->dir);
    } else if (o->kind == TYPE_VALUE) {
        cmp_shape(d, s, &o->value, &n->value, USE_VALUE, NULL);
    } else {
        compare_union(d, s, o->u, n->u);
    }
}

void cmp_inline(differ *d, const site *s, const type_def *o, const type_def *n)
{
    compare_bodies(d, s, o, n);
}

typedef struct type_lists {
    differ *d;
    const type_def **o, **n; /* the named types of each spec */
    size_t on, nn;
} type_lists;

static const type_def **named_types(const spec *s, size_t *count)
{
    const type_def **out = calloc(s->type_count + 1, sizeof *out);
    size_t i;
    *count = 0;
    if (!out)
        exit(3);
    for (i = 0; i < s->type_count; i++)
        if (!s->types[i].is_inline)
            out[(*count)++] = &s->types[i];
    return out;
}

static bool type_same(void *ctx, size_t i, size_t j)
{
    type_lists *l = ctx;
    return strcmp(l->o[i]->name, l->n[j]->name) == 0;
}

static void type_matched(void *ctx, size_t i, size_t j)
{
    type_lists *l = ctx;
    const type_def *o = l->o[i], *n = l->n[j];
    site s;
    s.path = cmp_name(l->d, n->name, strlen(n->name));
    s.old_where = o->where;
    s.new_where = n->where;
    s.dir = cmp_type_dir(l->d, o, n);
    if (o->deprecated != n->deprecated)
        cmp_report(l->d, &s, false, "%s", n->deprecated ? "now deprecated" : "no longer deprecated");
    compare_bodies(l->d, &s, o, n);
}

static void type_added(void *ctx, size_t j)
{
    type_lists *l = ctx;
    const type_def *n = l->n[j];
    site s = {NULL, {NULL, 0, 0}, {NULL, 0, 0}, DIR_BOTH};
    s.path = cmp_name(l->d, n->name, strlen(n->name));
    s.new_where = n->where;
    cmp_report(l->d, &s, false, "added (%s_t)", n->c_name);
}

static void type_removed(void *ctx, size_t i)
{
    type_lists *l = ctx;
    const type_def *o = l->o[i];
    site s = {NULL, {NULL, 0, 0}, {NULL, 0, 0}, DIR_BOTH};
    s.path = cmp_name(l->d, o->name, strlen(o->name));
    s.old_where = o->where;
    cmp_report(l->d, &s, true, "removed — code using %s_t no longer compiles", o->c_name);
}

void cmp_types(differ *d)
{
    type_lists l;
    l.d = d;
    l.o = named_types(d->o, &l.on);
    l.n = named_types(d->n, &l.nn);
    list_ops ops = {l.on, l.nn, type_same, type_matched, type_added, type_removed};
    cmp_walk(&ops, &l);
    free(l.o);
    free(l.n);
}
