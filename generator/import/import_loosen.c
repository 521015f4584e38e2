/*
 * import_loosen.c — one problem of one example made to fit (--fit-examples,
 * import_check.h): its place in the draft is found by walking the draft
 * from the example's target along the problem's JSON path (fields by key,
 * allOf parts, array items, map values, the union variant the value's
 * discriminator or JSON kind chooses), and loosened just enough:
 *
 *   null                     → nullable: true on the field or element
 *   a required key missing   → not required
 *   an unlisted enum value   → open: true (a string enum), else no enum;
 *                              an unmapped discriminator: an open union
 *   a fraction for integer   → number (its format left out)
 *   a broken bound, length, count, pattern, format, multipleOf,
 *   uniqueItems, const, readOnly, writeOnly → that keyword left out
 *   an undeclared key refused, or dropped by encoding → unknown_fields
 *                              left out (preserve)
 *   anything else            → type: any (never a named type's own
 *                              definition)
 *
 * Every change is a `# loosened: WHY (WHO, PATH)` comment on the node
 * changed. A keyword on a named value type is loosened there; a key that
 * several allOf parts declare is loosened in each, so that they stay the
 * same declaration.
 */
#include "import_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGS 128
#define MAX_ALSO 16
#define MAX_HOPS 64 /* named types followed at one step (aliases, variants) */

/* ---- the runtime's paths ------------------------------------------ */

typedef struct seg {
    const char *key; /* NULL: an index */
    size_t len, index;
} seg;

typedef struct path {
    seg segs[MAX_SEGS];
    size_t count;
    char keys[SPECC_PATH_MAX * 2];
} path;

/* "['a\'b']" from s (after "["); the key into out. */
static const char *quoted_key(const char *s, char *out, size_t *len)
{
    size_t n = 0;
    for (s++; *s && *s != '\''; s++) {
        if (*s == '\\' && s[1] == 'u') {
            unsigned v = 0;
            if (sscanf(s + 2, "%4x", &v) != 1)
                return NULL;
            out[n++] = (char)v;
            s += 5;
        } else {
            if (*s == '\\')
                s++;
            out[n++] = *s;
        }
    }
    if (*s != '\'' || s[1] != ']')
        return NULL;
    *len = n;
    return s + 2;
}

/* "$.a['b c'][3]" as segments; false for what cannot be walked (a key or
 * path the runtime cut short). */
static bool parse_path(const char *s, path *p)
{
    char *k = p->keys;
    p->count = 0;
    if (*s++ != '$')
        return false;
    while (*s) {
        seg *g = &p->segs[p->count];
        if (p->count == MAX_SEGS)
            return false;
        if (*s == '.') {
            size_t n = strspn(s + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "0123456789_$");
            if (!n)
                return false;
            g->key = memcpy(k, s + 1, n);
            g->len = n;
            s += n + 1;
        } else if (s[0] == '[' && s[1] == '\'') {
            if (!(s = quoted_key(s + 1, k, &g->len)))
                return false;
            g->key = k;
        } else if (s[0] == '[' && s[1] >= '0' && s[1] <= '9') {
            char *end;
            g->key = NULL;
            g->index = strtoul(s + 1, &end, 10);
            if (*end != ']')
                return false;
            s = end + 1;
            p->count++;
            continue;
        } else {
            return false;
        }
        if (g->len >= 3 && memcmp(g->key + g->len - 3, "...", 3) == 0)
            return false;
        k += g->len;
        p->count++;
    }
    return true;
}

/* ---- walking the draft ------------------------------------------- */

typedef struct walker {
    importer *im;
    const imp_problem *p;
    draft_node **place;           /* the deepest place reached: field, element, target */
    draft_node **also[MAX_ALSO];  /* the same key declared by other allOf parts */
    size_t also_count;
    bool at_root;
    const json_t *value;          /* the example's value at place */
    draft_node *unchosen;         /* a union whose variant the walk could not choose */
    draft_node *last_object;      /* the object definition the last key was looked up in */
} walker;

static const char *const kinds[] = {"string", "integer", "number", "boolean", "decimal",
                                    "any", "array", "map", "null", NULL};

static bool is_kind(const char *w)
{
    size_t i;
    for (i = 0; kinds[i]; i++)
        if (strcmp(kinds[i], w) == 0)
            return true;
    return false;
}

static draft_node *text_of(const draft_node *n, const char *key)
{
    draft_node *v = n && n->kind == DRAFT_MAP ? draft_get(n, key) : NULL;
    return v && v->kind == DRAFT_SCALAR && !v->dropped ? v : NULL;
}

static bool text_is(const draft_node *n, const char *key, const char *want)
{
    const draft_node *v = text_of(n, key);
    return v && strcmp(v->text, want) == 0;
}

/* The slot of key[0..len) in map, or NULL. */
static draft_node **slot_of(draft_node *map, const char *key, size_t len)
{
    size_t i;
    for (i = 0; map && map->kind == DRAFT_MAP && i < map->count; i++)
        if (map->keys[i]->len == len && memcmp(map->keys[i]->text, key, len) == 0)
            return &map->items[i];
    return NULL;
}

/* The name a shape refers to (a scalar, or {type: Name}), or NULL. */
static const char *ref_name(const draft_node *shape)
{
    const draft_node *t = shape && shape->kind == DRAFT_MAP ? text_of(shape, "type") : shape;
    if (!t || t->kind != DRAFT_SCALAR || is_kind(t->text))
        return NULL;
    return t->text;
}

/* What holds the structure of a shape: an inline shape itself, or the
 * definition of the type it names; NULL for a plain kind. */
static draft_node *def_of(const walker *w, draft_node *shape)
{
    int hops;
    for (hops = 0; shape && hops < MAX_HOPS; hops++) {
        const char *name = ref_name(shape);
        if (!name)
            return shape->kind == DRAFT_MAP ? shape : NULL;
        shape = draft_get(w->im->types, name);
    }
    return NULL;
}

/* The JSON kind a variant takes: "object", "array", "string", ... */
static const char *variant_kind(const walker *w, draft_node *variant)
{
    draft_node *def = def_of(w, variant);
    const draft_node *t;
    if (!def)
        return variant->kind == DRAFT_SCALAR ? variant->text : "?";
    if (draft_get(def, "fields") || draft_get(def, "allOf"))
        return "object";
    t = text_of(def, "type");
    if (!t)
        return "?";
    return strcmp(t->text, "map") == 0 ? "object" : t->text;
}

static bool kind_takes(const char *kind, const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return strcmp(kind, "object") == 0;
    case JSON_ARRAY: return strcmp(kind, "array") == 0;
    case JSON_STRING: return strcmp(kind, "string") == 0 || strcmp(kind, "decimal") == 0;
    case JSON_INTEGER: return strcmp(kind, "integer") == 0;
    case JSON_REAL: return strcmp(kind, "number") == 0 || strcmp(kind, "decimal") == 0;
    case JSON_TRUE:
    case JSON_FALSE: return strcmp(kind, "boolean") == 0;
    case JSON_NULL: return false;
    }
    return false;
}

/* Does the variant's object declare `key` with `const` equal to tag? */
static bool const_tag(const walker *w, draft_node *variant, const char *key, const char *tag)
{
    draft_node *def = def_of(w, variant), *parts;
    draft_node **f = def ? slot_of(draft_get(def, "fields"), key, strlen(key)) : NULL;
    size_t i;
    if (f)
        return text_is(*f, "const", tag);
    parts = def ? draft_get(def, "allOf") : NULL;
    for (i = 0; parts && parts->kind == DRAFT_SEQ && i < parts->count; i++)
        if (const_tag(w, parts->items[i], key, tag))
            return true;
    return false;
}

static draft_node *by_name(draft_node *variants, const char *name)
{
    size_t i;
    for (i = 0; name && i < variants->count; i++) {
        const char *n = ref_name(variants->items[i]);
        if (n && strcmp(n, name) == 0)
            return variants->items[i];
    }
    return NULL;
}

/* The variant a discriminator value picks: by the mapping, else by the
 * const of the key in an object variant. */
static draft_node *by_tag(const walker *w, draft_node *u, draft_node *variants, const char *key,
                          const char *tag)
{
    const draft_node *mapped = text_of(draft_get(draft_get(u, "discriminator"), "mapping"), tag);
    draft_node *m = by_name(variants, mapped ? mapped->text : NULL);
    size_t i;
    for (i = 0; !m && i < variants->count; i++)
        if (const_tag(w, variants->items[i], key, tag))
            m = variants->items[i];
    return m;
}

/* The variant of union u that the value v goes to, or NULL. */
static draft_node *choose(const walker *w, draft_node *u, const json_t *v)
{
    draft_node *variants = draft_get(u, "oneOf");
    const draft_node *prop = text_of(draft_get(u, "discriminator"), "propertyName");
    size_t i;
    if (!variants || variants->kind != DRAFT_SEQ || !v)
        return NULL;
    if (prop && json_is_object(v)) {
        const json_t *tag = json_object_get(v, prop->text);
        return json_is_string(tag) ? by_tag(w, u, variants, prop->text, json_string_value(tag))
                                   : NULL;
    }
    for (i = 0; i < variants->count; i++)
        if (kind_takes(variant_kind(w, variants->items[i]), v))
            return variants->items[i];
    for (i = 0; json_is_integer(v) && i < variants->count; i++) {
        const char *k = variant_kind(w, variants->items[i]);
        if (strcmp(k, "number") == 0 || strcmp(k, "decimal") == 0)
            return variants->items[i];
    }
    return NULL;
}

/* Every declaration of key in an object definition (its fields, or its
 * allOf parts), into w: the first as the place, the others as also. */
static size_t find_field(walker *w, draft_node *def, const char *key, size_t len, int depth)
{
    draft_node **f = slot_of(draft_get(def, "fields"), key, len), *parts = draft_get(def, "allOf");
    size_t i, n = 0;
    if (f) {
        if (w->place == NULL)
            w->place = f;
        else if (w->also_count < MAX_ALSO)
            w->also[w->also_count++] = f;
        return 1;
    }
    for (i = 0; depth < MAX_HOPS && parts && parts->kind == DRAFT_SEQ && i < parts->count; i++) {
        draft_node *part = def_of(w, parts->items[i]);
        if (part)
            n += find_field(w, part, key, len, depth + 1);
    }
    return n;
}

/* The definition at the place, through the unions the value chooses. */
static draft_node *structure(walker *w)
{
    draft_node *def = def_of(w, *w->place);
    int hops;
    for (hops = 0; def && draft_get(def, "oneOf") && hops < MAX_HOPS; hops++) {
        draft_node *v = choose(w, def, w->value);
        if (!v) {
            w->unchosen = def;
            return NULL;
        }
        def = def_of(w, v);
    }
    return def;
}

/* One step of the path; false when the draft has no place for it. */
static bool step(walker *w, const seg *g)
{
    draft_node *def = structure(w);
    const json_t *child = g->key ? json_object_getn(w->value, g->key, g->len)
                                 : json_array_get(w->value, g->index);
    draft_node **at;
    if (!def)
        return false;
    w->also_count = 0;
    if (g->key && (draft_get(def, "fields") || draft_get(def, "allOf"))) {
        draft_node **was = w->place;
        w->place = NULL;
        w->last_object = def;
        if (!find_field(w, def, g->key, g->len, 0)) {
            w->place = was;
            return false;
        }
    } else if ((at = slot_of(def, g->key ? "values" : "items", g->key ? 6 : 5)) &&
               text_is(def, "type", g->key ? "map" : "array")) {
        w->place = at;
    } else {
        return false;
    }
    w->value = child;
    w->at_root = false;
    return true;
}

/* Walks `count` segments; how many were walked. */
static size_t walk(walker *w, const path *p, size_t count)
{
    size_t i;
    w->place = w->p->root;
    w->at_root = true;
    w->value = w->p->value;
    w->also_count = 0;
    for (i = 0; i < count; i++)
        if (!step(w, &p->segs[i]))
            break;
    return i;
}

/* ---- the changes -------------------------------------------------- */

static void touch(const walker *w, const draft_node *n)
{
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)n);
    json_object_set_new(w->p->touched, key, json_true());
}

static bool touched(const walker *w, const draft_node *n)
{
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)n);
    return n && json_object_get(w->p->touched, key) != NULL;
}

/* Was the place (or a named type it refers to) loosened this round? */
static bool touched_chain(const walker *w, const draft_node *n)
{
    int hops;
    for (hops = 0; n && hops < MAX_HOPS; hops++) {
        const char *name = ref_name(n);
        if (touched(w, n))
            return true;
        n = name ? draft_get(w->im->types, name) : NULL;
    }
    return false;
}

/* The comment: "loosened: WHAT: MESSAGE (WHO, PATH)", one line. */
static void note(walker *w, draft_node *n, const char *what)
{
    touch(w, n);
    char msg[84];
    size_t i;
    snprintf(msg, sizeof msg, "%s", w->p->message);
    if (strlen(w->p->message) >= sizeof msg)
        memcpy(msg + sizeof msg - 4, "...", 4);
    for (i = 0; msg[i]; i++)
        if ((unsigned char)msg[i] < 0x20)
            msg[i] = ' ';
    draft_comment(&w->im->d, n, "loosened: %s: %s (%s, %s)", what, msg, w->p->who, w->p->path);
}

/* The place as a mapping (a short form `items: string` written out). */
static draft_node *as_map(walker *w, draft_node **slot)
{
    if ((*slot)->kind == DRAFT_MAP)
        return *slot;
    if ((*slot)->kind == DRAFT_SCALAR) {
        draft_node *m = draft_map(&w->im->d);
        draft_set_str(&w->im->d, m, "type", (*slot)->text);
        if (m)
            m->flow = true;
        *slot = m;
        return m;
    }
    return NULL;
}

typedef size_t change_fn(walker *w, draft_node **slot, const void *arg);

/* fn at the place and at every other declaration of its key. */
static size_t each(walker *w, change_fn *fn, const void *arg)
{
    size_t i, n = fn(w, w->place, arg);
    for (i = 0; i < w->also_count; i++)
        n += fn(w, w->also[i], arg);
    return n;
}

static size_t make_any(walker *w, draft_node **slot, const void *arg)
{
    static const char *const keep[] = {"type", "description", "required", "deprecated",
                                       "readOnly", "writeOnly", "c_name", NULL};
    draft_node *m;
    size_t i, k;
    (void)arg;
    if ((slot == w->p->root && w->p->root_is_type) || !(m = as_map(w, slot)))
        return 0;
    if (text_is(m, "type", "any") && !draft_get(m, "nullable"))
        return 0;
    for (i = 0; i < m->count;) {
        for (k = 0; keep[k] && strcmp(keep[k], m->keys[i]->text) != 0; k++)
            ;
        if (keep[k])
            i++;
        else
            draft_remove(m, m->keys[i]->text);
    }
    draft_set_str(&w->im->d, m, "type", "any");
    note(w, m, "any");
    return 1;
}

static size_t make_nullable(walker *w, draft_node **slot, const void *arg)
{
    draft_node *m;
    (void)arg;
    if (slot == w->p->root)
        return make_any(w, slot, NULL);
    if (!(m = as_map(w, slot)) || text_is(m, "nullable", "true") || text_is(m, "type", "any"))
        return 0;
    draft_set_lit(&w->im->d, m, "nullable", "true");
    note(w, m, "nullable");
    return 1;
}

static size_t not_required(walker *w, draft_node **slot, const void *arg)
{
    (void)arg;
    if ((*slot)->kind != DRAFT_MAP || !draft_remove(*slot, "required"))
        return 0;
    note(w, *slot, "not required");
    return 1;
}

/* The node that holds `key` for the place: the place, or the definition
 * of the named value type it refers to. */
static draft_node *holder(const walker *w, draft_node **slot, const char *key)
{
    draft_node *n = *slot;
    int hops;
    for (hops = 0; n && n->kind == DRAFT_MAP && hops < MAX_HOPS; hops++) {
        const char *name;
        draft_node *v = draft_get(n, key);
        if (v && !v->dropped)
            return n;
        if (!(name = ref_name(n)))
            return NULL;
        n = draft_get(w->im->types, name);
    }
    return NULL;
}

/* Leaves out the keywords (a NULL-terminated list); any when none is there. */
static size_t drop_keywords(walker *w, draft_node **slot, const void *arg)
{
    const char *const *keys = arg;
    size_t i, n = 0;
    for (i = 0; keys[i]; i++) {
        draft_node *h = holder(w, slot, keys[i]);
        if (h && draft_remove(h, keys[i])) {
            note(w, h, draft_printf(&w->im->d, "%s left out", keys[i]));
            n++;
        }
    }
    return n ? n : make_any(w, slot, NULL);
}

static size_t open_enum(walker *w, draft_node **slot, const void *arg)
{
    draft_node *h = holder(w, slot, "enum");
    (void)arg;
    if (!h)
        return make_any(w, slot, NULL);
    if (!text_is(h, "type", "string")) {
        static const char *const keys[] = {"enum", NULL};
        return drop_keywords(w, slot, keys);
    }
    if (text_is(h, "open", "true"))
        return 0;
    draft_set_lit(&w->im->d, h, "open", "true");
    note(w, h, "open");
    return 1;
}

/* integer → number for a fraction (or an integer beyond int64). */
static size_t widen(walker *w, draft_node **slot, const void *arg)
{
    draft_node *h = holder(w, slot, "type");
    (void)arg;
    if (!h || !text_is(h, "type", "integer") ||
        !(json_is_real(w->value) || w->p->code == SPECC_ERR_RANGE))
        return make_any(w, slot, NULL);
    if (w->p->code == SPECC_ERR_RANGE && text_is(h, "format", "int32")) {
        draft_remove(h, "format");
        note(w, h, "format int32 left out");
        return 1;
    }
    draft_set_str(&w->im->d, h, "type", "number");
    draft_remove(h, "format");
    draft_remove(h, "enum");
    draft_remove(h, "open");
    note(w, h, "number, not integer");
    return 1;
}

/* unknown_fields left out (preserve) on the object definition at place,
 * and on its allOf parts. */
static size_t preserve(walker *w, draft_node *def, int depth)
{
    draft_node *parts = draft_get(def, "allOf");
    size_t i, n = 0;
    if (!def || depth > MAX_HOPS)
        return 0;
    if (draft_remove(def, "unknown_fields")) {
        note(w, def, "unknown_fields left out (preserve)");
        n++;
    }
    for (i = 0; parts && parts->kind == DRAFT_SEQ && i < parts->count; i++)
        n += preserve(w, def_of(w, parts->items[i]), depth + 1);
    return n;
}

/* The key the problem is at is not declared: its object keeps it. */
static size_t undeclared(walker *w, const path *p)
{
    draft_node *def;
    if (!p->count || !p->segs[p->count - 1].key || walk(w, p, p->count - 1) != p->count - 1)
        return 0;
    def = structure(w);
    return def ? preserve(w, def, 0) : 0;
}

typedef struct rule {
    specc_code code;
    change_fn *fn;
    const char *keys[3];
} rule;

static const rule rules[] = {
    {SPECC_ERR_NULL, make_nullable, {NULL}},
    {SPECC_ERR_MISSING, not_required, {NULL}},
    {SPECC_ERR_ENUM, open_enum, {NULL}},
    {SPECC_ERR_TYPE, widen, {NULL}},
    {SPECC_ERR_RANGE, widen, {NULL}},
    {SPECC_ERR_NUL, make_any, {NULL}},
    {SPECC_ERR_FORMAT, drop_keywords, {"format", NULL}},
    {SPECC_ERR_MINIMUM, drop_keywords, {"minimum", "exclusiveMinimum", NULL}},
    {SPECC_ERR_MAXIMUM, drop_keywords, {"maximum", "exclusiveMaximum", NULL}},
    {SPECC_ERR_MIN_LENGTH, drop_keywords, {"minLength", NULL}},
    {SPECC_ERR_MAX_LENGTH, drop_keywords, {"maxLength", NULL}},
    {SPECC_ERR_MIN_ITEMS, drop_keywords, {"minItems", NULL}},
    {SPECC_ERR_MAX_ITEMS, drop_keywords, {"maxItems", NULL}},
    {SPECC_ERR_PATTERN, drop_keywords, {"pattern", NULL}},
    {SPECC_ERR_MULTIPLE_OF, drop_keywords, {"multipleOf", NULL}},
    {SPECC_ERR_UNIQUE, drop_keywords, {"uniqueItems", NULL}},
    {SPECC_ERR_CONST, drop_keywords, {"const", NULL}},
    {SPECC_ERR_READ_ONLY, drop_keywords, {"readOnly", NULL}},
    {SPECC_ERR_WRITE_ONLY, drop_keywords, {"writeOnly", NULL}},
    {SPECC_OK, make_any, {NULL}}, /* a value that encodes otherwise */
};

/* The problem's place could not be walked to the end: an undeclared key,
 * an unmapped discriminator value, or what holds the union made any. */
static size_t unwalked(walker *w, const path *p, size_t walked)
{
    if ((w->p->code == SPECC_ERR_UNKNOWN_FIELD || w->p->code == SPECC_OK) &&
        walked + 1 == p->count)
        return undeclared(w, p);
    if (w->unchosen && w->p->code == SPECC_ERR_ENUM && walked + 1 == p->count) {
        if (text_is(w->unchosen, "open", "true"))
            return 0;
        draft_set_lit(&w->im->d, w->unchosen, "open", "true");
        note(w, w->unchosen, "an open union");
        return 1;
    }
    return each(w, make_any, NULL);
}

/* Is any place the problem's walk reached loosened this round already? */
static bool deferred(const walker *w)
{
    size_t i;
    if (touched_chain(w, *w->place) || touched(w, w->unchosen))
        return true;
    for (i = 0; i < w->also_count; i++)
        if (touched_chain(w, *w->also[i]))
            return true;
    return false;
}

size_t imp_loosen(importer *im, const imp_problem *problem, bool *later)
{
    walker w;
    path *p = malloc(sizeof *p);
    size_t walked, i, n = 0;
    if (!p) {
        im->oom = true;
        return 0;
    }
    memset(&w, 0, sizeof w);
    w.im = im;
    w.p = problem;
    *later = false;
    if (parse_path(problem->path, p)) {
        walked = walk(&w, p, p->count);
        if ((*later = deferred(&w))) {
            n = 0;
        } else if (walked < p->count) {
            n = unwalked(&w, p, walked);
        } else if (problem->code == SPECC_ERR_UNKNOWN_FIELD) {
            n = undeclared(&w, p);
        } else {
            for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
                if (rules[i].code == problem->code)
                    n = each(&w, rules[i].fn, rules[i].keys);
        }
    }
    free(p);
    return n;
}

/* ---- where two JSON values differ --------------------------------- */

void imp_path_key(char *buf, size_t size, const char *key, size_t len)
{
    size_t n = strlen(buf), i;
    bool plain = len > 0 && !(key[0] >= '0' && key[0] <= '9') && len <= 48;
    for (i = 0; plain && i < len; i++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$",
                       key[i]) != NULL && key[i];
    if (plain) {
        snprintf(buf + n, size - n, ".%.*s", (int)len, key);
        return;
    }
    snprintf(buf + n, size - n, "['");
    for (i = 0; i < len && strlen(buf) + 10 < size; i++) {
        n = strlen(buf);
        if (key[i] == '\'' || key[i] == '\\')
            snprintf(buf + n, size - n, "\\%c", key[i]);
        else if ((unsigned char)key[i] < 0x20 || key[i] == 0x7f)
            snprintf(buf + n, size - n, "\\u%04x", (unsigned char)key[i]);
        else
            snprintf(buf + n, size - n, "%c", key[i]);
    }
    n = strlen(buf);
    snprintf(buf + n, size - n, "']");
}

static bool differ(const json_t *in, const json_t *out, char *buf, size_t size, int depth)
{
    size_t n = strlen(buf), i;
    const char *key;
    json_t *v;
    if (depth > 256 || json_typeof(in) != json_typeof(out) || json_is_number(in) ||
        json_is_string(in))
        return !json_equal((json_t *)in, (json_t *)out);
    if (json_is_array(in)) {
        for (i = 0; i < json_array_size(in) && i < json_array_size(out); i++) {
            snprintf(buf + n, size - n, "[%zu]", i);
            if (differ(json_array_get(in, i), json_array_get(out, i), buf, size, depth + 1))
                return true;
            buf[n] = '\0';
        }
        return json_array_size(in) != json_array_size(out);
    }
    if (json_is_object(in)) {
        json_object_foreach((json_t *)in, key, v) {
            size_t klen = strlen(key); /* keys with NUL: compared as far as C sees */
            const json_t *o = json_object_get(out, key);
            imp_path_key(buf, size, key, klen);
            if (!o || differ(v, o, buf, size, depth + 1))
                return true;
            buf[n] = '\0';
        }
        return json_object_size(in) != json_object_size(out);
    }
    return false;
}

bool imp_json_diff(const json_t *in, const json_t *out, char *buf, size_t size)
{
    snprintf(buf, size, "$");
    return differ(in, out, buf, size, 0);
}
