/*
 * import_fit.c — a shape's keywords fitted to where it goes: a field, an
 * element (items, values), a union variant, a parameter or a value (a
 * body, a response, a named value type) each allow their own keywords
 * (generator/check/check_shape.c). What a place cannot hold is left out:
 * assertions with a `# not expressed` comment, annotations (description,
 * example, deprecated) without one, as they change no value's fate.
 */
#include "import_internal.h"

#include <string.h>

typedef struct rule {
    const char *key;
    unsigned roles; /* where it may stay */
    bool assertion; /* leaving it out accepts more: say so */
} rule;

#define F (1u << IR_FIELD)
#define E (1u << IR_ELEMENT)
#define V (1u << IR_VARIANT)
#define P (1u << IR_PARAM)
#define L (1u << IR_VALUE)

static const rule rules[] = {
    {"type", F | E | V | P | L, false},
    {"format", F | E | V | P | L, false},
    {"items", F | E | V | P | L, false},
    {"values", F | E | V | L, false},
    {"enum", F | E | P, true}, /* elements: strings only (below) */
    {"nullable", E, false},
    {"minimum", F | E | V | P | L, true},
    {"maximum", F | E | V | P | L, true},
    {"exclusiveMinimum", F | E | V | P | L, true},
    {"exclusiveMaximum", F | E | V | P | L, true},
    {"multipleOf", F | E | V | L, true},
    {"minLength", F | E | V | P | L, true},
    {"maxLength", F | E | V | P | L, true},
    {"minItems", F | E | V | L, true},
    {"maxItems", F | E | V | L, true},
    {"uniqueItems", F | E | V | L, true},
    {"pattern", F | E | V | P | L, true},
    {"const", F | E | V | L, true},
    {"default", F | E | V | P | L, false},
    {"deprecated", F | P | L, false},
    {"readOnly", F, true},
    {"writeOnly", F, true},
    {"description", F | E | V | P | L, false},
    {"example", F | P, false},
};

static const char *const places[] = {"a field", "array items or map values", "a union variant",
                                     "a parameter", "a body, a response or a type of its own"};

static const rule *find_rule(const char *key)
{
    size_t i;
    for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].key, key) == 0)
            return &rules[i];
    return NULL;
}

/* const on a parameter: a one-value enum says the same (strings, integers). */
static bool const_as_enum(importer *im, draft_node *def)
{
    draft_node *c = draft_get(def, "const"), *t = draft_get(def, "type"), *list;
    if (!c || !t || (strcmp(t->text, "string") != 0 && strcmp(t->text, "integer") != 0))
        return false;
    list = draft_seq(&im->d);
    c = draft_copy(&im->d, c);
    if (c)
        c->droppable = false;
    draft_push(&im->d, list, c);
    list->flow = true;
    draft_remove(def, "const");
    draft_set(&im->d, def, "enum", list);
    return true;
}

void imp_fit(importer *im, imp_shape *sh, imp_role role, const node *where, const char *ptr)
{
    draft_node *def = sh->def, *t;
    size_t i;
    if (!def)
        return;
    t = draft_get(def, "type");
    if (role == IR_PARAM && draft_get(def, "const"))
        const_as_enum(im, def);
    for (i = 0; i < def->count;) {
        const rule *r = find_rule(def->keys[i]->text);
        bool keep = r && (r->roles & (1u << role));
        if (keep && role == IR_ELEMENT && strcmp(r->key, "enum") == 0)
            keep = t && strcmp(t->text, "string") == 0;
        if (keep) {
            i++;
            continue;
        }
        if (r && r->assertion)
            imp_not_expressed(im, def, where,
                              draft_printf(&im->d, "%s on %s", r->key, places[role]), ptr);
        draft_remove(def, def->keys[i]->text);
    }
    if (sh->nullable && imp_is_any(def))
        sh->nullable = false; /* any takes null already */
    if (sh->nullable && role == IR_ELEMENT)
        draft_set_lit(&im->d, def, "nullable", "true");
    if (sh->nullable && role == IR_VALUE)
        imp_not_expressed(im, def, where, "null as a whole body or type", ptr);
    if (role == IR_PARAM || role == IR_VALUE || role == IR_VARIANT)
        sh->nullable = role == IR_VARIANT && sh->nullable;
    if (def->count <= 4 && !draft_get(def, "description"))
        def->flow = true;
}
