/*
 * import_names.c — names: endpoints in snake case, types in PascalCase, and
 * every C name the draft makes, derived as the checker derives them
 * (generator/check/check_names.c): two things that would claim one C name
 * are settled here, the later type renamed (Name2) or the later field or
 * parameter given a `c_name` (name_2), each with a note.
 */
#include "import_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "naming.h"
#include "strbuf.h"

char *imp_snake(importer *im, const char *s)
{
    char *snake = s ? naming_snake(s, strlen(s)) : NULL, *out;
    if (!snake)
        return NULL;
    out = draft_strdup(&im->d, snake);
    free(snake);
    return out;
}

char *imp_pascal(importer *im, const char *s)
{
    strbuf b = STRBUF_INIT;
    bool up = true;
    char *out;
    for (; s && *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            up = true;
            continue;
        }
        if (b.length == 0 && c >= '0' && c <= '9')
            strbuf_append_char(&b, 'T');
        strbuf_append_char(&b, up && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
        up = false;
    }
    out = b.value && !b.failed ? draft_strdup(&im->d, b.value) : NULL;
    strbuf_free(&b);
    return out;
}

char *imp_take_type_name(importer *im, const char *wanted)
{
    char *base = imp_pascal(im, wanted), *name;
    size_t n;
    if (!base)
        base = "Type";
    for (name = base, n = 2; name && json_object_get(im->taken, name); n++)
        name = draft_printf(&im->d, "%s%zu", base, n);
    if (name && json_object_set_new(im->taken, name, json_true()))
        im->oom = true;
    return name;
}

/* ---- C names ------------------------------------------------------- */

typedef struct names {
    char **items;
    size_t count, cap;
    bool oom;
} names;

static void add(names *l, char *name)
{
    if (!name || l->oom) {
        free(name);
        l->oom = true;
        return;
    }
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **g = realloc(l->items, cap * sizeof *g);
        if (!g) {
            free(name);
            l->oom = true;
            return;
        }
        l->items = g;
        l->cap = cap;
    }
    l->items[l->count++] = name;
}

static void names_clear(names *l)
{
    size_t i;
    for (i = 0; i < l->count; i++)
        free(l->items[i]);
    l->count = 0;
}

/* Are all of l free in reg (and distinct)? Then they are taken. */
static bool take(importer *im, json_t *reg, const names *l)
{
    size_t i, j;
    for (i = 0; i < l->count; i++) {
        if (json_object_get(reg, l->items[i]))
            return false;
        for (j = 0; j < i; j++)
            if (strcmp(l->items[i], l->items[j]) == 0)
                return false;
    }
    for (i = 0; i < l->count; i++)
        if (json_object_set_new(reg, l->items[i], json_true()))
            im->oom = true;
    return true;
}

static char *upper(const char *s)
{
    char *u = naming_upper(s);
    return u;
}

/* A string enum's names under prefix. */
static void enum_names(names *l, const draft_node *def, const char *prefix)
{
    const draft_node *e = draft_get(def, "enum"), *t = draft_get(def, "type");
    char *up;
    size_t i;
    if (!e || !t || strcmp(t->text, "string") != 0)
        return;
    up = upper(prefix);
    add(l, str_printf("tag %s", prefix));
    add(l, str_printf("%s_t", prefix));
    for (i = 0; up && i < e->count; i++) {
        char *snake = naming_snake(e->items[i]->text, e->items[i]->len);
        char *su = snake ? upper(snake) : NULL;
        add(l, su ? str_printf("%s_%s", up, su) : NULL);
        free(snake);
        free(su);
    }
    free(up);
}

/* Items and values: enums and element structs, "<prefix>_item" ... */
static void element_names(names *l, const draft_node *def, const char *prefix, int depth)
{
    const draft_node *el = draft_get(def, "items");
    const draft_node *t = draft_get(def, "type");
    char *name;
    bool is_array = t && strcmp(t->text, "array") == 0;
    if (!el)
        el = draft_get(def, "values");
    if (!el || depth > 64 || el->kind != DRAFT_MAP || !t ||
        (strcmp(t->text, "array") != 0 && strcmp(t->text, "map") != 0))
        return;
    name = str_printf("%s_%s", prefix, is_array ? "item" : "value");
    if (!name) {
        l->oom = true;
        return;
    }
    enum_names(l, el, name);
    if (draft_get(el, "nullable")) {
        bool en = draft_get(el, "enum") != NULL;
        add(l, str_printf("tag %s%s", name, en ? "_elem" : ""));
        add(l, str_printf("%s%s_t", name, en ? "_elem" : ""));
    }
    element_names(l, el, name, depth + 1);
    free(name);
}

static const char *api_of(importer *im)
{
    return draft_get(im->spec, "api")->text;
}

static char *type_c(importer *im, const char *name)
{
    char *snake = naming_snake(name, strlen(name));
    char *c = str_printf("%s_%s", api_of(im), snake ? snake : "type");
    free(snake);
    return c;
}

static void type_names(importer *im, names *l, const char *name, const draft_node *def)
{
    static const char *const suffixes[] = {"_t", "_desc", "_init", "_clear", "_decode_json",
                                           "_decode_text", "_encode", "_encode_text",
                                           "_validate", "_equal", "_free", "_decode", NULL};
    char *c = type_c(im, name), *up;
    const draft_node *list = draft_get(def, "oneOf");
    size_t i;
    if (!c) {
        l->oom = true;
        return;
    }
    add(l, str_printf("tag %s", c));
    for (i = 0; suffixes[i]; i++)
        add(l, str_printf("%s%s", c, suffixes[i]));
    up = upper(c);
    if (list && up) {
        add(l, str_printf("tag %s_kind", c));
        add(l, str_printf("%s_kind_t", c));
        add(l, str_printf("%s_NONE", up));
        for (i = 0; i < list->count; i++) {
            const draft_node *v = list->items[i];
            const char *word = v->kind == DRAFT_SCALAR ? v->text : draft_get(v, "type")->text;
            char *snake = naming_snake(word, strlen(word));
            char *member = snake ? naming_safe(snake) : NULL;
            char *mu = member ? upper(member) : NULL;
            char *prefix = member ? str_printf("%s_%s", c, member) : NULL;
            add(l, mu ? str_printf("%s_%s", up, mu) : NULL);
            if (prefix && v->kind == DRAFT_MAP)
                element_names(l, v, prefix, 0);
            free(snake);
            free(member);
            free(mu);
            free(prefix);
        }
    } else if (draft_get(def, "type")) {
        element_names(l, def, c, 0);
    }
    free(up);
    free(c);
}

/* A field's names with C member c: members into m, globals into g. */
static void field_names(names *m, names *g, const char *type_cn, const char *c,
                        const draft_node *def)
{
    size_t len = strlen(c);
    const draft_node *t = draft_get(def, "type"), *dv = draft_get(def, "default");
    char *base, *prefix;
    bool any = t && strcmp(t->text, "any") == 0;
    while (len > 1 && c[len - 1] == '_')
        len--;
    base = str_printf("%.*s", (int)len, c);
    prefix = base ? str_printf("%s_%s", type_cn, base) : NULL;
    if (!prefix) {
        free(base);
        m->oom = true;
        return;
    }
    add(m, str_printf("%s", c));
    if (!(draft_get(def, "required") && !draft_get(def, "nullable")) && !any)
        add(m, str_printf("%s_state", base));
    if (dv && !dv->dropped && dv->kind == DRAFT_SCALAR && !any) {
        char *up = upper(prefix);
        add(g, up ? str_printf("%s_DEFAULT", up) : NULL);
        free(up);
    }
    element_names(g, def, prefix, 0);
    enum_names(g, def, prefix);
    free(base);
    free(prefix);
}

/* A default beside an enum value "default": the checker names both
 * PREFIX_DEFAULT; the default goes. */
static void default_beside_enum(importer *im, draft_node *def)
{
    draft_node *dv = draft_get(def, "default"), *e = draft_get(def, "enum");
    size_t i;
    for (i = 0; dv && !dv->dropped && e && i < e->count; i++) {
        char *snake = naming_snake(e->items[i]->text, e->items[i]->len);
        char *up = snake ? upper(snake) : NULL;
        if (up && strcmp(up, "DEFAULT") == 0) {
            const drop_info *di = dv->owner;
            dv->dropped = true;
            imp_not_expressed(im, def, di ? di->src : NULL,
                              "a default beside the enum value 'default' (one C name for both)",
                              di ? di->ptr : NULL);
        }
        free(snake);
        free(up);
    }
}

/* One field: its c_name moved on (name_2, ...) until its names are free. */
static void settle_field(importer *im, json_t *global, json_t *members, const char *type_cn,
                         const imp_type *t, draft_node *key, draft_node *def)
{
    names m = {NULL, 0, 0, false}, g = {NULL, 0, 0, false};
    const draft_node *given = draft_get(def, "c_name");
    char *snake = naming_snake(key->text, key->len);
    char *base = given ? strdup(given->text) : snake ? naming_safe(snake) : strdup("field");
    char *c = base ? strdup(base) : NULL;
    size_t n;
    default_beside_enum(im, def);
    for (n = 2; c && n < 1000; n++) {
        names_clear(&m);
        names_clear(&g);
        field_names(&m, &g, type_cn, c, def);
        if (m.oom || g.oom)
            break;
        if (take(im, members, &m) && take(im, global, &g))
            break;
        free(c);
        c = str_printf("%s_%zu", base, n);
    }
    if (c && (n > 2 || !snake) && !given) {
        draft_set_str(&im->d, def, "c_name", c);
        if (!snake)
            diag_note(t->schema->where, "field '%s' of type '%s' gets c_name '%s': its name "
                                        "has no letters or digits", key->text, t->name, c);
        else if (n > 2)
            diag_note(t->schema->where, "field '%s' of type '%s' gets c_name '%s': its C names "
                                        "would clash with another's",
                      key->text, t->name, c);
    }
    im->oom |= m.oom || g.oom || !c;
    names_clear(&m);
    names_clear(&g);
    free(m.items);
    free(g.items);
    free(snake);
    free(base);
    free(c);
}

static void rename_type(importer *im, imp_type *t, const char *why)
{
    char *old = t->name, *name = imp_take_type_name(im, t->name);
    if (!name)
        return;
    t->name = name;
    t->ref->text = name;
    t->ref->len = strlen(name);
    t->key->text = name;
    t->key->len = t->ref->len;
    diag_note(t->schema->where, "type '%s' is named '%s': %s", old, name, why);
}

static void settle_type(importer *im, json_t *global, imp_type *t)
{
    names l = {NULL, 0, 0, false};
    json_t *members;
    draft_node *fields;
    char *c;
    size_t i;
    for (i = 0; i < 100; i++) {
        names_clear(&l);
        type_names(im, &l, t->name, t->def);
        if (l.oom || take(im, global, &l))
            break;
        rename_type(im, t, "its C names would clash with another's");
    }
    im->oom |= l.oom;
    names_clear(&l);
    free(l.items);
    if (!t->is_object || !(fields = imp_composed_fields(im, t)) || !(c = type_c(im, t->name)))
        return;
    members = json_object();
    if (!draft_get(t->def, "unknown_fields"))
        json_object_set_new(members, "_unknown", json_true());
    for (i = 0; members && i < fields->count; i++)
        settle_field(im, global, members, c, t, fields->keys[i], fields->items[i]);
    json_decref(members);
    free(c);
}

static void endpoint_names(importer *im, names *l, const char *name)
{
    static const char *const suffixes[] = {"_params_t", "_response_t", "_endpoint", "_target",
                                           "_decode_response", "_response_clear",
                                           "_response_free", "_request", NULL};
    char *c = str_printf("%s_%s", api_of(im), name), *up = c ? upper(c) : NULL;
    size_t i;
    if (!up) {
        l->oom = true;
        free(c);
        return;
    }
    add(l, str_printf("tag %s_params", c));
    add(l, str_printf("tag %s_response", c));
    for (i = 0; suffixes[i]; i++)
        add(l, str_printf("%s%s", c, suffixes[i]));
    add(l, str_printf("%s_METHOD", up));
    add(l, str_printf("%s_PATH", up));
    free(c);
    free(up);
}

static void settle_params(importer *im, draft_node *params)
{
    json_t *members = json_object();
    names l = {NULL, 0, 0, false};
    size_t i, n;
    for (i = 0; members && params && i < params->count; i++) {
        draft_node *def = params->items[i];
        char *snake = naming_snake(params->keys[i]->text, params->keys[i]->len);
        char *base = snake ? naming_safe(snake) : strdup("param"), *c = base ? strdup(base) : NULL;
        const draft_node *t = draft_get(def, "type");
        bool has = !draft_get(def, "required") && t && strcmp(t->text, "string") != 0 &&
                   strcmp(t->text, "array") != 0;
        for (n = 2; c && n < 1000; n++) {
            names_clear(&l);
            add(&l, strdup(c));
            if (has)
                add(&l, str_printf("has_%s", c));
            if (l.oom || take(im, members, &l))
                break;
            free(c);
            c = str_printf("%s_%zu", base, n);
        }
        if (c && (n > 2 || !snake))
            draft_set_str(&im->d, def, "c_name", c);
        im->oom |= l.oom || !c;
        free(snake);
        free(base);
        free(c);
    }
    names_clear(&l);
    free(l.items);
    json_decref(members);
}

static imp_type *type_named(importer *im, const char *name)
{
    size_t i;
    for (i = 0; i < im->type_count; i++)
        if (!im->types_list[i]->def->dropped && strcmp(im->types_list[i]->name, name) == 0)
            return im->types_list[i];
    return NULL;
}

static bool is_kind_word(const char *w)
{
    static const char *const words[] = {"string", "integer", "number", "boolean", "decimal",
                                        "any",    "array",   "map",    NULL};
    size_t i;
    for (i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

/* A body or response written inline is a type the checker names itself. */
static void inline_type(importer *im, json_t *global, const char *ep, const char *suffix,
                        const draft_node *def)
{
    const draft_node *t = draft_get(def, "type");
    names l = {NULL, 0, 0, false};
    char *name;
    imp_type *clash;
    if (!t || t->kind != DRAFT_SCALAR || !t->string || !is_kind_word(t->text))
        return;
    name = draft_printf(&im->d, "%s%s", imp_pascal(im, ep), suffix);
    if (!name)
        return;
    if ((clash = type_named(im, name)))
        rename_type(im, clash, "the checker names an inline body or response so");
    json_object_set_new(im->taken, name, json_true());
    type_names(im, &l, name, def);
    take(im, global, &l);
    im->oom |= l.oom;
    names_clear(&l);
    free(l.items);
}

static void settle_endpoint(importer *im, json_t *global, size_t i)
{
    draft_node *e = im->endpoints->items[i], *rs = draft_get(e, "responses");
    const char *ep = im->endpoints->keys[i]->text;
    names l = {NULL, 0, 0, false};
    size_t j;
    endpoint_names(im, &l, ep);
    if (!l.oom && !take(im, global, &l))
        diag_note((loc){im->file, 0, 0}, "endpoint '%s': its C names clash with another's", ep);
    im->oom |= l.oom;
    names_clear(&l);
    free(l.items);
    settle_params(im, draft_get(e, "params"));
    if (draft_get(e, "body"))
        inline_type(im, global, ep, "Body", draft_get(e, "body"));
    for (j = 0; rs && j < rs->count; j++) {
        const char *s = rs->keys[j]->text;
        char suffix[32];
        snprintf(suffix, sizeof suffix, "Response%c%s", s[0] == 'd' ? 'D' : s[0],
                 s[1] == 'X' ? "xx" : s + 1);
        inline_type(im, global, ep, suffix, rs->items[j]);
    }
}

void imp_settle_names(importer *im)
{
    json_t *global = json_object();
    const char *api = api_of(im);
    char *up = upper(api);
    size_t i;
    if (!global || !up) {
        im->oom = true;
        json_decref(global);
        free(up);
        return;
    }
    {
        static const char *const tables[] = {"_types", "_type_count", "_endpoints",
                                             "_endpoint_count", NULL};
        char buf[300];
        snprintf(buf, sizeof buf, "%s_H", up);
        json_object_set_new(global, buf, json_true());
        snprintf(buf, sizeof buf, "%s_BASE_URL", up);
        json_object_set_new(global, buf, json_true());
        for (i = 0; tables[i]; i++) {
            snprintf(buf, sizeof buf, "%s%s", api, tables[i]);
            json_object_set_new(global, buf, json_true());
        }
    }
    free(up);
    for (i = 0; i < im->endpoints->count; i++)
        settle_endpoint(im, global, i);
    for (i = 0; i < im->type_count; i++)
        if (!im->types_list[i]->def->dropped && !im->types_list[i]->alias)
            settle_type(im, global, im->types_list[i]);
    json_decref(global);
}
