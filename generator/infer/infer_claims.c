/*
 * infer_claims.c — the C names a draft makes, derived exactly as specc's
 * checker derives them (generator/check/check_names.c, with the rules of
 * generator/base/naming.c), so that the draft never has two things claim
 * one C name:
 *
 *   every type T      → tag api_t, api_t_{t,desc,init,clear,decode_json,
 *                       decode_text,encode,encode_text,validate,equal,
 *                       free,decode}
 *   a union U         → tag api_u_kind, api_u_kind_t, API_U_NONE and
 *                       API_U_<MEMBER> per variant (member: the variant
 *                       type's snake name, or its kind word)
 *   nullable elements → tag P_item / P_value and P_item_t, where P is
 *                       api_t_<field> (or api_u_<member>, or api_t for a
 *                       value type), nested as P_item_item ...
 *   the API           → API_H, API_BASE_URL, api_types, api_type_count,
 *                       api_endpoints, api_endpoint_count
 *
 * and inside one object type, each field's member and its `_state`.
 */
#include "infer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

typedef struct registry {
    json_t *names; /* C name → index of the type to blame (-1: the API) */
    const names *nm;
    bool oom;
    int clash_with; /* on a clash: the earlier blame; the later in clash_by */
    int clash_by;
    bool clashed;
} registry;

/* Take name (malloc'd, freed here; NULL: out of memory) for the type at
 * index blame. After a clash, nothing more is taken. */
static void claim(registry *r, char *name, int blame)
{
    json_t *prev;
    if (!name) {
        r->oom = true;
    } else if (!r->clashed && !r->oom) {
        prev = json_object_get(r->names, name);
        if (prev) {
            r->clash_with = (int)json_integer_value(prev);
            r->clash_by = blame;
            r->clashed = true;
        } else if (json_object_set_new(r->names, name, json_integer(blame)) != 0) {
            r->oom = true;
        }
    }
    free(name);
}

char *claims_field_name(const ifield *f)
{
    char *snake, *safe;
    if (f->c_name)
        return strdup(f->c_name);
    snake = naming_snake(f->key, f->key_len);
    safe = snake ? naming_safe(snake) : NULL;
    free(snake);
    return safe;
}

/* c_name without the '_' naming_safe may have added (check_names.c). */
static char *base_name(const char *c_name)
{
    size_t len = strlen(c_name);
    while (len > 1 && c_name[len - 1] == '_')
        len--;
    return str_printf("%.*s", (int)len, c_name);
}

/* The element structs of a place written as kind k, under prefix. */
static void claim_elements(registry *r, const ishape *sh, ekind k, const char *prefix, int blame)
{
    const ishape *el = part_element(sh, k);
    char *name;
    if (!el)
        return;
    name = str_printf("%s_%s", prefix, k == E_ARRAY ? "item" : "value");
    if (!name) {
        r->oom = true;
        return;
    }
    if (element_nullable(el)) {
        claim(r, str_printf("tag %s", name), blame);
        claim(r, str_printf("%s_t", name), blame);
    }
    claim_elements(r, el, place_kind(el), name, blame);
    free(name);
}

static char *type_c_name(const registry *r, const named *t)
{
    char *snake = naming_snake(t->name, strlen(t->name));
    char *c = snake ? str_printf("%s_%s", r->nm->api, snake) : NULL;
    free(snake);
    return c;
}

static void claim_fields(registry *r, const ishape *sh, const char *c, int blame)
{
    size_t i;
    for (i = 0; i < sh->field_count && !r->oom; i++) {
        const ifield *f = &sh->fields[i];
        char *member, *base, *prefix;
        if (!f->declared)
            continue;
        member = claims_field_name(f);
        base = member ? base_name(member) : NULL;
        prefix = base ? str_printf("%s_%s", c, base) : NULL;
        if (prefix)
            claim_elements(r, f->value, place_kind(f->value), prefix, blame);
        else
            r->oom = true;
        free(member);
        free(base);
        free(prefix);
    }
}

/* Index of the named type t in nm (its blame). */
static int index_of(const names *nm, const named *t)
{
    size_t i;
    for (i = 0; i < nm->count; i++)
        if (nm->types[i] == t)
            return (int)i;
    return -1;
}

static void claim_union(registry *r, const named *t, const char *c, int blame)
{
    char *upper = naming_upper(c), *member, *member_upper;
    ekind v[5];
    size_t i, n = union_variants(t->sh, v);
    claim(r, str_printf("tag %s_kind", c), blame);
    claim(r, str_printf("%s_kind_t", c), blame);
    claim(r, upper ? str_printf("%s_NONE", upper) : NULL, blame);
    for (i = 0; i < n && upper; i++) {
        const named *ref = v[i] == E_OBJECT ? t->sh->object_type : NULL;
        char *snake = ref ? naming_snake(ref->name, strlen(ref->name)) : NULL;
        member = ref ? (snake ? naming_safe(snake) : NULL) : strdup(ekind_word(v[i]));
        free(snake);
        member_upper = member ? naming_upper(member) : NULL;
        /* a variant type's name makes the constant: renaming it helps */
        claim(r, member_upper ? str_printf("%s_%s", upper, member_upper) : NULL,
              ref && t->fixed ? index_of(r->nm, ref) : blame);
        if (member) {
            char *prefix = str_printf("%s_%s", c, member);
            if (prefix)
                claim_elements(r, t->sh, v[i], prefix, blame);
            free(prefix);
        }
        free(member);
        free(member_upper);
    }
    free(upper);
}

static void claim_type(registry *r, const named *t, int blame)
{
    static const char *const suffixes[] = {
        "_t",      "_desc",        "_init",     "_clear", "_decode_json", "_decode_text",
        "_encode", "_encode_text", "_validate", "_equal", "_free",        "_decode"};
    char *c = type_c_name(r, t);
    size_t i;
    if (!c) {
        r->oom = true;
        return;
    }
    claim(r, str_printf("tag %s", c), blame);
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        claim(r, str_printf("%s%s", c, suffixes[i]), blame);
    if (t->kind == NAMED_OBJECT)
        claim_fields(r, t->sh, c, blame);
    else if (t->kind == NAMED_UNION)
        claim_union(r, t, c, blame);
    else
        claim_elements(r, t->sh, place_kind(t->sh), c, blame);
    free(c);
}

static void claim_api(registry *r)
{
    static const char *const tables[] = {"_types", "_type_count", "_endpoints",
                                         "_endpoint_count"};
    char *upper = naming_upper(r->nm->api);
    size_t i;
    claim(r, upper ? str_printf("%s_H", upper) : NULL, -1);
    claim(r, upper ? str_printf("%s_BASE_URL", upper) : NULL, -1);
    for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
        claim(r, str_printf("%s%s", r->nm->api, tables[i]), -1);
    free(upper);
}

int claims_clash(const names *nm, named **loser)
{
    registry r = {json_object(), nm, false, -1, -1, false};
    size_t i;
    *loser = NULL;
    if (!r.names)
        return -1;
    claim_api(&r);
    for (i = 0; i < nm->count && !r.clashed && !r.oom; i++)
        claim_type(&r, nm->types[i], (int)i);
    json_decref(r.names);
    if (r.oom)
        return -1;
    if (!r.clashed)
        return 0;
    if (r.clash_by >= 0 && !nm->types[r.clash_by]->fixed)
        *loser = nm->types[r.clash_by];
    else if (r.clash_with >= 0 && !nm->types[r.clash_with]->fixed)
        *loser = nm->types[r.clash_with];
    return 1;
}

/* ------------------------------------------------ members of a struct */

/* Is c free in members (with its _state member, when it has one)? */
static int member_free(json_t *members, const char *c, bool state)
{
    char *base, *st;
    int free_ = !json_object_get(members, c);
    if (!free_ || !state)
        return free_;
    base = base_name(c);
    st = base ? str_printf("%s_state", base) : NULL;
    free_ = st ? !json_object_get(members, st) : -1;
    free(base);
    free(st);
    return free_;
}

static bool member_take(json_t *members, const char *c, bool state)
{
    char *base, *st;
    bool ok = json_object_set_new(members, c, json_true()) == 0;
    if (!ok || !state)
        return ok;
    base = base_name(c);
    st = base ? str_printf("%s_state", base) : NULL;
    ok = st && json_object_set_new(members, st, json_true()) == 0;
    free(base);
    free(st);
    return ok;
}

/* The derived member, or a c_name: SNAKE_2, SNAKE_3 ... ("field",
 * "field_2" ... when the key has no letters or digits); *own: a c_name.
 * NULL when out of memory. */
static char *pick_member(json_t *members, const ifield *f, bool state, bool *own)
{
    char *snake = naming_snake(f->key, f->key_len);
    char *c = snake ? naming_safe(snake) : strdup("field");
    unsigned n = 2;
    int ok = c ? member_free(members, c, state) : -1;
    *own = !snake;
    while (ok == 0) {
        free(c);
        *own = true;
        c = str_printf("%s_%u", snake ? snake : "field", n++);
        ok = !c ? -1 : naming_is_identifier(c) && !naming_is_reserved(c)
                           ? member_free(members, c, state) : 0;
    }
    free(snake);
    if (ok < 0) {
        free(c);
        return NULL;
    }
    return c;
}

bool claims_fields(ishape *sh)
{
    json_t *members = json_object();
    size_t i;
    bool ok = members && json_object_set_new(members, "_unknown", json_true()) == 0;
    for (i = 0; ok && i < sh->field_count; i++) {
        ifield *f = &sh->fields[i];
        bool state, own;
        char *c;
        if (!f->declared)
            continue;
        state = !(field_required(sh, f) && !field_nullable(f)) && place_kind(f->value) != E_ANY;
        c = pick_member(members, f, state, &own);
        ok = c && member_take(members, c, state);
        if (ok && own)
            f->c_name = c;
        else
            free(c);
    }
    json_decref(members);
    return ok;
}
