/*
 * view_types.c — the C text of the types that are not objects (spec
 * language v2): value types (a top-level array, map or scalar), unions and
 * the element structs of items that are more than a value. Their struct
 * bodies are made here as lines, their descriptors as initialisers.
 */
#include <string.h>

#include "descriptor.h"
#include "naming.h"
#include "view_internal.h"

/* ------------------------------------------------------------- elements */

void c_elements(view_ctx *ctx, const shape *sh)
{
    const shape *el = sh->items;
    json_t *o, *members;
    char *t;
    if (!el || (sh->kind != SHAPE_ARRAY && sh->kind != SHAPE_MAP))
        return;
    c_elements(ctx, el);
    if (!el->c_elem || view_seen(ctx, el->c_elem))
        return;
    o = json_object();
    members = json_array();
    put_s(o, "c_elem", el->c_elem);
    if (desc_elem_state(el))
        c_add_line(members, str_printf("specc_state state; /* SPECC_NULL or SPECC_PRESENT */"));
    t = el->c_enum ? str_printf("%s_t", el->c_enum) : NULL;
    if (!t) { /* the value's own type, without the element struct */
        shape bare = *el;
        bare.c_elem = NULL;
        t = c_value_type(&bare);
    }
    {
        char *d = c_declare(t ? t : "", "value");
        c_add_line(members, str_printf("%s;%s", d ? d : "", desc_elem_state(el) ? " /* when state is SPECC_PRESENT */" : ""));
        free(d);
    }
    free(t);
    if (desc_elem_other(el))
        c_add_line(members, str_printf("char *other; /* the value when not listed in the enum */"));
    put(o, "members", members);
    json_array_append_new(ctx->elems, o);
}

/* ---------------------------------------------------------- value types */

void c_value_type_view(view_ctx *ctx, json_t *o, const type_def *t)
{
    const shape *v = &t->value;
    json_t *members = json_array();
    char *inner, *d, *name = str_printf("%s_value", t->c_name);

    c_elements(ctx, v);
    if (v->kind == SHAPE_ARRAY || v->kind == SHAPE_MAP) {
        inner = c_value_type(v->items);
        if (v->kind == SHAPE_MAP)
            c_add_line(members, str_printf("char **keys; /* in input order */"));
        d = c_pointer_to(inner ? inner : "", v->kind == SHAPE_ARRAY ? "items" : "values");
        c_add_line(members, str_printf("%s;", d ? d : ""));
        c_add_line(members, str_printf("size_t count;"));
        free(d);
        free(inner);
    } else {
        inner = c_value_type(v);
        d = c_declare(inner ? inner : "", "value");
        c_add_line(members, str_printf("%s;", d ? d : ""));
        free(d);
        free(inner);
    }
    put(o, "members", members);
    put_s(o, "value_name", name);
    put_own(o, "value_init", c_shape_init(ctx, v, t->c_name));
    free(name);
}

/* --------------------------------------------------------------- unions */

/* The kind enum: NONE, one constant per variant, OTHER for open unions. */
static json_t *kind_enum(const type_def *t)
{
    const union_def *u = t->u;
    json_t *e = json_object(), *values = json_array(), *v;
    size_t i;
    put_s(e, "c_enum", u->c_kind_enum);
    put_own(e, "comment", str_printf("Which variant of %s a value holds.", t->name));
    v = json_object();
    put_own(v, "constant", str_printf("%s_NONE", u->c_kind_upper));
    put(v, "value", json_integer(0));
    put_s(v, "comment", "no value (a zeroed union)");
    json_array_append_new(values, v);
    for (i = 0; i < u->variant_count; i++) {
        v = json_object();
        put_s(v, "constant", u->variants[i].c_kind);
        put(v, "value", json_integer((json_int_t)i + 1));
        put_own(v, "comment", str_printf("as.%s", u->variants[i].c_member));
        json_array_append_new(values, v);
    }
    if (u->open) {
        v = json_object();
        put_own(v, "constant", str_printf("%s__OTHER", u->c_kind_upper));
        put(v, "value", json_integer((json_int_t)u->variant_count + 1));
        put_s(v, "comment", "none of them: the value as sent is in `other`");
        json_array_append_new(values, v);
    }
    put(e, "values", values);
    return e;
}

/* A variant's member in the C union: objects by pointer, the rest in place. */
static char *variant_member(const variant *v)
{
    char *t, *d, *out;
    if (v->shape.kind == SHAPE_REF && v->shape.ref->kind == TYPE_OBJECT)
        return str_printf("%s_t *%s;", v->shape.ref->c_name, v->c_member);
    t = c_value_type(&v->shape);
    d = c_declare(t ? t : "", v->c_member);
    out = str_printf("%s;", d ? d : "");
    free(t);
    free(d);
    return out;
}

static json_t *variant_view(view_ctx *ctx, const type_def *t, const variant *v)
{
    json_t *o = json_object();
    char *name = str_printf("%s_%s", t->c_name, v->c_member);
    const char *tag;
    put_own(o, "name", c_literal(v->label, strlen(v->label)));
    c_elements(ctx, &v->shape);
    put_own(o, "shape", c_shape_init(ctx, &v->shape, name ? name : ""));
    free(name);
    put_s(o, "tag", NULL);
    put(o, "tag_len", json_integer(0));
    if (v->tag_count) {
        tag = v->tags[0];
        put_own(o, "tag", c_literal(tag, strlen(tag)));
        put(o, "tag_len", json_integer((json_int_t)strlen(tag)));
    }
    return o;
}

void c_union_view(view_ctx *ctx, json_t *o, const type_def *t)
{
    const union_def *u = t->u;
    json_t *members = json_array(), *d = json_object(), *variants = json_array();
    size_t i;

    json_array_append_new(ctx->kind_enums, kind_enum(t));
    c_add_line(members, str_printf("%s_t kind; /* which member of `as` is set */", u->c_kind_enum));
    c_add_line(members, str_printf("union {"));
    for (i = 0; i < u->variant_count; i++) {
        char *m = variant_member(&u->variants[i]);
        c_add_line(members, str_printf("    %s", m ? m : ""));
        free(m);
    }
    c_add_line(members, str_printf("} as;"));
    if (u->open)
        c_add_line(members, str_printf("char *other; /* kind __OTHER: the value as sent */"));
    put(o, "members", members);

    for (i = 0; i < u->variant_count; i++)
        json_array_append_new(variants, variant_view(ctx, t, &u->variants[i]));
    put_s(d, "c_name", t->c_name);
    put_s(d, "name", t->name);
    put(d, "variants", variants);
    put(d, "variant_count", json_integer((json_int_t)u->variant_count));
    put_own(d, "discriminator",
            u->discriminator ? c_literal(u->discriminator, strlen(u->discriminator)) : NULL);
    put(d, "discriminator_len",
        json_integer((json_int_t)(u->discriminator ? strlen(u->discriminator) : 0)));
    put(d, "default_variant", json_integer((json_int_t)u->default_variant));
    put_b(d, "open", u->open);
    json_array_append_new(ctx->unions, d);
    put_own(o, "value_name", str_printf("%s_value", t->c_name));
    put_own(o, "value_init", str_printf("{.kind = SPECC_KIND_UNION, .union_ = &%s_union}",
                                        t->c_name));
}
