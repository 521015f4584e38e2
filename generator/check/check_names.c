/*
 * check_names.c — decide every C name a spec produces and reject clashes.
 * Names are derived here, once, and stored in the model; view.c only reads
 * them, so what is checked is exactly what is emitted.
 *
 *   type Model          → struct api_model, api_model_t, api_model_desc,
 *                         api_model_{init,clear,decode_json,decode_text,encode,
 *                         encode_text,validate,equal}, and the deprecated
 *                         api_model_{free,decode}
 *   enum field source   → enum api_model_source, api_model_source_t,
 *                         API_MODEL_SOURCE_<VALUE>, API_MODEL_SOURCE__OTHER
 *   endpoint get_model  → api_get_model_{params_t,response_t,endpoint,target,
 *                         decode_response,response_clear}, API_GET_MODEL_{METHOD,PATH}
 *                         and the deprecated api_get_model_response_free
 *   the spec            → API_H, API_BASE_URL, api_types, api_type_count,
 *                         api_endpoints, api_endpoint_count
 */
#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "naming.h"

/* One namespace: name → who took it first. */
typedef struct registry {
    json_t *names; /* name → index into owners */
    struct owner {
        loc where;
        const char *what;
    } *owners;
    size_t count, cap;
    arena *a;
} registry;

/* Take name for `what`; false (after an error) when someone has it. Tags
 * (struct and enum names, one namespace in C) are registered as "tag X". */
static bool claim(registry *r, const char *name, loc where, const char *what)
{
    json_t *prev = json_object_get(r->names, name);
    if (prev) {
        const struct owner *o = &r->owners[json_integer_value(prev)];
        bool tag = strncmp(name, "tag ", 4) == 0;
        diag_error(where, "%s '%s' of %s collides with the one of %s",
                   tag ? "C tag" : "C name", tag ? name + 4 : name, what, o->what);
        diag_note(o->where, "%s is here", o->what);
        return false;
    }
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        struct owner *grown = arena_alloc(r->a, cap * sizeof *grown);
        if (r->count)
            memcpy(grown, r->owners, r->count * sizeof *grown);
        r->owners = grown;
        r->cap = cap;
    }
    r->owners[r->count].where = where;
    r->owners[r->count].what = what;
    json_object_set_new(r->names, name, json_integer((json_int_t)r->count));
    r->count++;
    return true;
}

/* Claim prefix+suffix for each suffix; stops at the first clash, so one
 * clashing entity gives one error. */
static bool claim_suffixes(registry *r, const char *prefix, const char *const *suffixes,
                           loc where, const char *what)
{
    size_t i;
    for (i = 0; suffixes[i]; i++)
        if (!claim(r, arena_printf(r->a, "%s%s", prefix, suffixes[i]), where, what))
            return false;
    return true;
}

/* naming_upper into the arena. */
static char *naming_upper_tmp(checker *ck, const char *s)
{
    return arena_own(ck->a, naming_upper(s));
}

/* c_name without the '_' that naming_safe may have appended. */
static char *base_name(arena *a, const char *c_name)
{
    size_t len = strlen(c_name);
    while (len > 1 && c_name[len - 1] == '_')
        len--;
    return arena_strndup(a, c_name, len);
}

/* A string enum's C enum and constants, under `prefix`. */
static bool name_enum(checker *ck, shape *sh, const char *prefix, registry *global,
                      const char *what, loc where)
{
    size_t j;
    sh->c_enum = arena_strdup(ck->a, prefix);
    sh->c_enum_upper = arena_own(ck->a, naming_upper(prefix));
    if (!claim(global, arena_printf(ck->a, "tag %s", sh->c_enum), where,
               arena_printf(ck->a, "the enum of %s", what)) ||
        !claim(global, arena_printf(ck->a, "%s_t", sh->c_enum), where,
               arena_printf(ck->a, "the enum of %s", what)))
        return false;
    for (j = 0; j < sh->enum_count; j++)
        claim(global, arena_printf(ck->a, "%s_%s", sh->c_enum_upper, sh->enums[j].c_suffix),
              sh->enums[j].where,
              arena_printf(ck->a, "enum value '%s' of %s", sh->enums[j].text, what));
    if (sh->open)
        claim(global, arena_printf(ck->a, "%s__OTHER", sh->c_enum_upper), where,
              arena_printf(ck->a, "the unknown value of %s", what));
    return true;
}

/* Names inside items and values: their enums and element structs,
 * "<prefix>_item" / "<prefix>_value". */
static void name_elements(checker *ck, shape *sh, const char *prefix, registry *global,
                          const char *what)
{
    shape *el = sh->items;
    char *name;
    if (!el || (sh->kind != SHAPE_ARRAY && sh->kind != SHAPE_MAP))
        return;
    name = arena_printf(ck->a, "%s_%s", prefix, sh->kind == SHAPE_ARRAY ? "item" : "value");
    what = arena_printf(ck->a, "the %s of %s", sh->kind == SHAPE_ARRAY ? "items" : "values", what);
    if (el->kind == SHAPE_STRING && el->enums)
        name_enum(ck, el, name, global, what, el->where);
    if (el->nullable || (el->open && el->enums)) {
        el->c_elem = el->c_enum ? arena_printf(ck->a, "%s_elem", name) : name;
        claim(global, arena_printf(ck->a, "tag %s", el->c_elem), el->where, what);
        claim(global, arena_printf(ck->a, "%s_t", el->c_elem), el->where, what);
    }
    name_elements(ck, el, name, global, what);
}

static void name_fields(checker *ck, type_def *t, registry *global)
{
    registry members = {json_object(), NULL, 0, 0, ck->a};
    size_t i;

    for (i = 0; i < t->field_count; i++) {
        field *f = &t->fields[i];
        const char *what;
        if (!f->c_name)
            continue;
        what = arena_printf(ck->a, "field '%s' of type '%s'", f->json_name, t->name);
        f->has_state = !(f->required && !f->nullable) && f->shape.kind != SHAPE_ANY;
        if (!claim(&members, f->c_name, f->where, what))
            continue; /* its derived members would only repeat the clash */
        if (f->shape.default_value && f->shape.default_value->kind == NODE_SCALAR &&
            f->shape.kind != SHAPE_ANY && f->shape.kind != SHAPE_DECIMAL) {
            char *upper = naming_upper(base_name(ck->a, f->c_name));
            f->c_default = arena_printf(ck->a, "%s_%s_DEFAULT", naming_upper_tmp(ck, t->c_name),
                                        upper ? upper : "");
            free(upper);
            claim(global, f->c_default, f->where, arena_printf(ck->a, "the default of %s", what));
        }
        if (f->has_state) {
            f->c_state = arena_printf(ck->a, "%s_state", base_name(ck->a, f->c_name));
            claim(&members, f->c_state, f->where,
                  arena_printf(ck->a, "the state member of %s", what));
        }
        name_elements(ck, &f->shape,
                      arena_printf(ck->a, "%s_%s", t->c_name, base_name(ck->a, f->c_name)), global,
                      what);
        if (f->shape.kind == SHAPE_STRING && f->shape.enums) {
            if (!name_enum(ck, &f->shape,
                           arena_printf(ck->a, "%s_%s", t->c_name, base_name(ck->a, f->c_name)),
                           global, what, f->where))
                continue;
            f->c_enum = f->shape.c_enum;
            f->c_enum_upper = f->shape.c_enum_upper;
            if (f->shape.open) {
                f->c_other = arena_printf(ck->a, "%s_other", base_name(ck->a, f->c_name));
                claim(&members, f->c_other, f->where,
                      arena_printf(ck->a, "the unknown-value member of %s", what));
            }
        }
    }
    if (t->unknown == UNKNOWN_PRESERVE)
        claim(&members, "_unknown", t->where,
              arena_printf(ck->a, "the member keeping unknown fields of type '%s'", t->name));
    json_decref(members.names);
}

/* A union's kind enum, constants and members. */
static void name_union(checker *ck, type_def *t, registry *global, const char *what)
{
    registry members = {json_object(), NULL, 0, 0, ck->a};
    union_def *u = t->u;
    size_t i;
    ck_name_union(ck, t);
    if (claim(global, arena_printf(ck->a, "tag %s", u->c_kind_enum), t->where, what) &&
        claim(global, arena_printf(ck->a, "%s_t", u->c_kind_enum), t->where, what) &&
        claim(global, arena_printf(ck->a, "%s_NONE", u->c_kind_upper), t->where, what) &&
        (!u->open || claim(global, arena_printf(ck->a, "%s__OTHER", u->c_kind_upper), t->where,
                           what)))
        for (i = 0; i < u->variant_count; i++) {
            const char *vw = arena_printf(ck->a, "variant '%s' of %s", u->variants[i].label, what);
            claim(global, u->variants[i].c_kind, u->variants[i].where, vw);
            claim(&members, u->variants[i].c_member, u->variants[i].where, vw);
            name_elements(ck, &u->variants[i].shape,
                          arena_printf(ck->a, "%s_%s", t->c_name, u->variants[i].c_member),
                          global, vw);
        }
    json_decref(members.names);
}

static void name_types(checker *ck, registry *global)
{
    static const char *const suffixes[] = {
        "_t",           "_desc",   "_init",        "_clear",    "_decode_json", "_decode_text",
        "_encode",      "_encode_text", "_validate", "_equal",  "_free",        "_decode",
        NULL};
    spec *s = ck->s;
    size_t i;
    for (i = 0; i < s->type_count; i++) {
        type_def *t = &s->types[i];
        char *snake = naming_snake(t->name, strlen(t->name));
        const char *what = arena_printf(ck->a, "type '%s'", t->name);
        t->c_name = arena_printf(ck->a, "%s_%s", s->api, snake ? snake : "type");
        free(snake);
        if (claim(global, arena_printf(ck->a, "tag %s", t->c_name), t->where, what))
            claim_suffixes(global, t->c_name, suffixes, t->where, what);
        if (t->kind == TYPE_UNION && t->u)
            name_union(ck, t, global, what);
        else if (t->kind == TYPE_VALUE)
            name_elements(ck, &t->value, t->c_name, global, what);
        name_fields(ck, t, global);
    }
}

static void name_endpoints(checker *ck, registry *global)
{
    static const char *const suffixes[] = {"_params_t",        "_response_t",     "_endpoint",
                                           "_target",          "_decode_response", "_response_clear",
                                           "_response_free",   "_request",        NULL};
    spec *s = ck->s;
    size_t i, j;
    for (i = 0; i < s->endpoint_count; i++) {
        endpoint *e = &s->endpoints[i];
        const char *what = arena_printf(ck->a, "endpoint '%s'", e->name);
        registry members = {json_object(), NULL, 0, 0, ck->a};
        char *upper;
        if (!e->c_name)
            continue;
        upper = arena_own(ck->a, naming_upper(e->c_name));
        if (claim(global, arena_printf(ck->a, "tag %s_params", e->c_name), e->where, what) &&
            claim(global, arena_printf(ck->a, "tag %s_response", e->c_name), e->where, what) &&
            claim_suffixes(global, e->c_name, suffixes, e->where, what) &&
            claim(global, arena_printf(ck->a, "%s_METHOD", upper), e->where, what))
            claim(global, arena_printf(ck->a, "%s_PATH", upper), e->where, what);
        for (j = 0; j < e->param_count; j++) {
            param *p = &e->params[j];
            const char *pw = arena_printf(ck->a, "parameter '%s' of endpoint '%s'", p->name,
                                          e->name);
            if (p->c_name)
                claim(&members, p->c_name, p->where, pw);
            if (p->c_has)
                claim(&members, p->c_has, p->where,
                      arena_printf(ck->a, "the has_ member of %s", pw));
        }
        json_decref(members.names);
    }
}

/* The typed wrappers of the value-building helpers (build_ops.c): each
 * name is claimed like every other C name, once all elements are named. */
static void claim_builders(checker *ck, registry *global, const type_def *t, const shape *sh,
                           const field *f, loc where, const char *what)
{
    build_op ops[BUILD_OPS_MAX];
    size_t i, n = build_ops(sh, f, ops);
    for (i = 0; i < n; i++)
        claim(global, arena_own(ck->a, build_name(t->c_name, f ? f->c_name : NULL, ops[i])), where,
              arena_printf(ck->a, "the typed setter of %s", what));
}

static void name_builders(checker *ck, registry *global)
{
    spec *s = ck->s;
    size_t i, j;
    for (i = 0; i < s->type_count; i++) {
        type_def *t = &s->types[i];
        const char *what = arena_printf(ck->a, "type '%s'", t->name);
        if (!t->c_name)
            continue;
        if (t->kind == TYPE_VALUE) {
            claim_builders(ck, global, t, &t->value, NULL, t->where, what);
        } else if (t->kind == TYPE_UNION) {
            shape self = {.kind = SHAPE_REF, .ref = t};
            claim_builders(ck, global, t, &self, NULL, t->where, what);
        }
        for (j = 0; j < t->field_count; j++) {
            field *f = &t->fields[j];
            if (f->c_name)
                claim_builders(ck, global, t, &f->shape, f, f->where,
                               arena_printf(ck->a, "field '%s' of type '%s'", f->json_name,
                                            t->name));
        }
    }
}

void check_names(checker *ck)
{
    spec *s = ck->s;
    registry global = {json_object(), NULL, 0, 0, ck->a};
    loc top = {s->file, 1, 1};
    static const char *const api_names[] = {"_types", "_type_count", "_endpoints",
                                            "_endpoint_count", NULL};
    int errors_before = diag_errors();

    if (!global.names) {
        diag_error(top, "out of memory");
        return;
    }
    claim(&global, arena_printf(ck->a, "%s_H", s->api_upper), top, "the header guard");
    claim(&global, arena_printf(ck->a, "%s_BASE_URL", s->api_upper), top, "the base URL macro");
    claim_suffixes(&global, s->api, api_names, top, "the spec's tables");
    name_types(ck, &global);
    name_endpoints(ck, &global);
    /* Names that already clash would clash again in their setters: one
     * report of each is enough. */
    if (diag_errors() == errors_before)
        name_builders(ck, &global);
    json_decref(global.names);
}
