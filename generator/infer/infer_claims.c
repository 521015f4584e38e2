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

/* Who claimed a C name: a type (index in nm->types; -1: the API) and,
 * for the element structs named after a field, that field. */
typedef struct blame {
    long type;
    long field; /* -1: the type itself */
} blame;

typedef struct registry {
    json_t *names; /* C name → its blame, packed (pack) */
    const names *nm;
    bool oom;
    bool clashed;
    blame first, second; /* on a clash: the earlier and the later claim */
} registry;

static json_int_t pack(blame b)
{
    return (json_int_t)(b.type + 1) * 0x100000000LL + (json_int_t)(b.field + 1);
}

static blame unpack(json_int_t v)
{
    blame b = {(long)(v / 0x100000000LL) - 1, (long)(v % 0x100000000LL) - 1};
    return b;
}

/* Take name (malloc'd, freed here; NULL: out of memory) for who. After a
 * clash, nothing more is taken. */
static void claim(registry *r, char *name, blame who)
{
    json_t *prev;
    if (!name) {
        r->oom = true;
    } else if (!r->clashed && !r->oom) {
        prev = json_object_get(r->names, name);
        if (prev) {
            r->first = unpack(json_integer_value(prev));
            r->second = who;
            r->clashed = true;
        } else if (json_object_set_new(r->names, name, json_integer(pack(who))) != 0) {
            r->oom = true;
        }
    }
    free(name);
}

/* The element structs of a place written as kind k, under prefix. */
static void claim_elements(registry *r, const ishape *sh, ekind k, const char *prefix, blame who)
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
        claim(r, str_printf("tag %s", name), who);
        claim(r, str_printf("%s_t", name), who);
    }
    claim_elements(r, el, place_kind(el), name, who);
    free(name);
}

static char *type_c_name(const registry *r, const named *t)
{
    char *snake = naming_snake(t->name, strlen(t->name));
    char *c = snake ? str_printf("%s_%s", r->nm->api, snake) : NULL;
    free(snake);
    return c;
}

static void claim_fields(registry *r, const ishape *sh, const char *c, long type)
{
    size_t i;
    for (i = 0; i < sh->field_count && !r->oom; i++) {
        const ifield *f = &sh->fields[i];
        blame who = {type, (long)i};
        char *member, *base, *prefix;
        if (!f->declared)
            continue;
        member = members_field_name(f);
        base = member ? members_base_name(member) : NULL;
        prefix = base ? str_printf("%s_%s", c, base) : NULL;
        if (prefix)
            claim_elements(r, f->value, place_kind(f->value), prefix, who);
        else
            r->oom = true;
        free(member);
        free(base);
        free(prefix);
    }
}

/* Index of the named type t in nm (its blame). */
static long index_of(const names *nm, const named *t)
{
    size_t i;
    for (i = 0; i < nm->count; i++)
        if (nm->types[i] == t)
            return (long)i;
    return -1;
}

static void claim_union(registry *r, const named *t, const char *c, blame who)
{
    char *upper = naming_upper(c), *member, *member_upper;
    ekind v[5];
    size_t i, n = union_variants(t->sh, v);
    claim(r, str_printf("tag %s_kind", c), who);
    claim(r, str_printf("%s_kind_t", c), who);
    claim(r, upper ? str_printf("%s_NONE", upper) : NULL, who);
    for (i = 0; i < n && upper; i++) {
        const named *ref = v[i] == E_OBJECT ? t->sh->object_type : NULL;
        blame by_ref = {ref ? index_of(r->nm, ref) : -1, -1};
        char *snake = ref ? naming_snake(ref->name, strlen(ref->name)) : NULL;
        member = ref ? (snake ? naming_safe(snake) : NULL) : strdup(ekind_word(v[i]));
        free(snake);
        member_upper = member ? naming_upper(member) : NULL;
        /* a variant type's name makes the constant: renaming it helps */
        claim(r, member_upper ? str_printf("%s_%s", upper, member_upper) : NULL,
              ref ? by_ref : who);
        if (member) {
            char *prefix = str_printf("%s_%s", c, member);
            if (prefix)
                claim_elements(r, t->sh, v[i], prefix, who);
            free(prefix);
        }
        free(member);
        free(member_upper);
    }
    free(upper);
}

static void claim_type(registry *r, const named *t, long type)
{
    static const char *const suffixes[] = {
        "_t",      "_desc",        "_init",     "_clear", "_decode_json", "_decode_text",
        "_encode", "_encode_text", "_validate", "_equal", "_free",        "_decode"};
    blame who = {type, -1};
    char *c = type_c_name(r, t);
    size_t i;
    if (!c) {
        r->oom = true;
        return;
    }
    claim(r, str_printf("tag %s", c), who);
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        claim(r, str_printf("%s%s", c, suffixes[i]), who);
    if (t->kind == NAMED_OBJECT)
        claim_fields(r, t->sh, c, type);
    else if (t->kind == NAMED_UNION)
        claim_union(r, t, c, who);
    else
        claim_elements(r, t->sh, place_kind(t->sh), c, who);
    free(c);
}

static void claim_api(registry *r)
{
    static const char *const tables[] = {"_types", "_type_count", "_endpoints",
                                         "_endpoint_count"};
    blame api = {-1, -1};
    char *upper = naming_upper(r->nm->api);
    size_t i;
    claim(r, upper ? str_printf("%s_H", upper) : NULL, api);
    claim(r, upper ? str_printf("%s_BASE_URL", upper) : NULL, api);
    for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
        claim(r, str_printf("%s%s", r->nm->api, tables[i]), api);
    free(upper);
}

static bool renamable(const names *nm, blame b)
{
    return b.type >= 0 && !nm->types[b.type]->fixed;
}

/* What to change so that the later claim no longer clashes: its type (when
 * another type made the earlier one), else the field it came from, else
 * the earlier claim's field or type. */
static void choose_fix(const names *nm, blame first, blame second, claims_fix *fix)
{
    if (second.type != first.type && renamable(nm, second))
        fix->type = nm->types[second.type];
    else if (second.field >= 0 || first.field >= 0) {
        blame b = second.field >= 0 ? second : first;
        fix->object = nm->types[b.type]->sh;
        fix->field = (size_t)b.field;
    } else if (renamable(nm, first))
        fix->type = nm->types[first.type];
}

int claims_clash(const names *nm, claims_fix *fix)
{
    registry r = {json_object(), nm, false, false, {-1, -1}, {-1, -1}};
    size_t i;
    if (!r.names)
        return -1;
    claim_api(&r);
    for (i = 0; i < nm->count && !r.clashed && !r.oom; i++)
        claim_type(&r, nm->types[i], (long)i);
    json_decref(r.names);
    if (r.oom)
        return -1;
    if (r.clashed)
        choose_fix(nm, r.first, r.second, fix);
    return r.clashed;
}
