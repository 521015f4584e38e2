/*
 * import_examples.c — every example of the description, with its place
 * (import_examples.h): for each operation, its parameters', request
 * body's and responses' examples (the media type's `example` and
 * `examples[*].value`, and the examples inside their inline schemas), then
 * the examples inside every component schema. $refs are not followed into
 * schemas, so each schema example is listed once, where it is written.
 */
#include "import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define MAX_DEPTH 128

typedef struct ex_ctx {
    importer *im;
    import_examples *out;
    import_example proto; /* kind, operation, endpoint, status, param */
    bool oom;
} ex_ctx;

static void add(ex_ctx *x, const node *value, const char *ptr, import_example_kind kind)
{
    import_example *e;
    json_t *j;
    if (x->oom)
        return;
    if (x->out->count == x->out->cap) {
        size_t cap = x->out->cap ? x->out->cap * 2 : 64;
        import_example *g = realloc(x->out->items, cap * sizeof *g);
        if (!g) {
            x->oom = true;
            return;
        }
        x->out->items = g;
        x->out->cap = cap;
    }
    e = &x->out->items[x->out->count];
    *e = x->proto;
    e->kind = kind;
    e->value = value;
    e->where = value->where;
    j = node_json(value);
    e->json = j ? json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    json_decref(j);
    e->pointer = strdup(ptr ? ptr : "#");
    if (!e->json || !e->pointer) {
        free(e->json);
        free(e->pointer);
        x->oom = true;
        return;
    }
    x->out->count++;
}

/* `example` and `examples` (a 3.1 schema's list, or a map of Example
 * objects with `value`) of n, whose schema is `schema`. */
static void examples_of(ex_ctx *x, const node *n, const char *ptr, import_example_kind kind)
{
    x->proto.schema = kind == IMPORT_EXAMPLE_SCHEMA ? n : node_get(n, "schema");
    const node *ex = node_get(n, "example"), *exs = node_get(n, "examples");
    char *p;
    size_t i;
    if (ex)
        add(x, ex, imp_ptr(x->im, ptr, "example"), kind);
    p = imp_ptr(x->im, ptr, "examples");
    for (i = 0; exs && exs->kind == NODE_SEQ && i < exs->count; i++)
        add(x, exs->items[i], imp_ptr_index(x->im, p, i), kind);
    for (i = 0; exs && exs->kind == NODE_MAP && i < exs->count; i++) {
        char *ep = imp_ptr(x->im, p, exs->keys[i]->value);
        bool external;
        const node *e = imp_follow(x->im, exs->items[i], &ep, &external);
        if (e && node_get(e, "value"))
            add(x, node_get(e, "value"), imp_ptr(x->im, ep, "value"), kind);
    }
}

static void schema_examples(ex_ctx *x, const node *s, const char *ptr, int depth)
{
    static const char *const singles[] = {"items", "additionalProperties", "not", NULL};
    static const char *const lists[] = {"allOf", "oneOf", "anyOf", "prefixItems", NULL};
    const node *props = node_get(s, "properties"), *v;
    size_t i, j;
    if (!s || s->kind != NODE_MAP || node_get(s, "$ref") || depth > MAX_DEPTH)
        return;
    examples_of(x, s, ptr, IMPORT_EXAMPLE_SCHEMA);
    for (i = 0; props && props->kind == NODE_MAP && i < props->count; i++)
        schema_examples(x, props->items[i],
                        imp_ptr(x->im, imp_ptr(x->im, ptr, "properties"), props->keys[i]->value),
                        depth + 1);
    for (i = 0; singles[i]; i++)
        if ((v = node_get(s, singles[i])))
            schema_examples(x, v, imp_ptr(x->im, ptr, singles[i]), depth + 1);
    for (i = 0; lists[i]; i++)
        for (j = 0; (v = node_get(s, lists[i])) && v->kind == NODE_SEQ && j < v->count; j++)
            schema_examples(x, v->items[j], imp_ptr_index(x->im, imp_ptr(x->im, ptr, lists[i]), j),
                            depth + 1);
}

/* A request body or response: its JSON media type's examples and schema. */
static void content_examples(ex_ctx *x, const node *holder, const char *ptr,
                             import_example_kind kind)
{
    const node *content = node_get(holder, "content");
    size_t i;
    for (i = 0; content && content->kind == NODE_MAP && i < content->count; i++) {
        char *mp = imp_ptr(x->im, imp_ptr(x->im, ptr, "content"), content->keys[i]->value);
        examples_of(x, content->items[i], mp, kind);
        schema_examples(x, node_get(content->items[i], "schema"), imp_ptr(x->im, mp, "schema"), 0);
    }
}

static void operation_examples(ex_ctx *x, const node *op, const char *ptr)
{
    const node *params = node_get(op, "parameters"), *rs = node_get(op, "responses"), *v;
    size_t i;
    bool ext;
    for (i = 0; params && params->kind == NODE_SEQ && i < params->count; i++) {
        char *pp = imp_ptr_index(x->im, imp_ptr(x->im, ptr, "parameters"), i);
        const node *p = imp_follow(x->im, params->items[i], &pp, &ext);
        const node *name = node_get(p, "name");
        x->proto.param = name && name->kind == NODE_SCALAR ? name->value : NULL;
        examples_of(x, p, pp, IMPORT_EXAMPLE_PARAMETER);
        schema_examples(x, node_get(p, "schema"), imp_ptr(x->im, pp, "schema"), 0);
    }
    x->proto.param = NULL;
    if ((v = node_get(op, "requestBody"))) {
        char *bp = imp_ptr(x->im, ptr, "requestBody");
        if ((v = imp_follow(x->im, v, &bp, &ext)))
            content_examples(x, v, bp, IMPORT_EXAMPLE_REQUEST);
    }
    for (i = 0; rs && rs->kind == NODE_MAP && i < rs->count; i++) {
        char *rp = imp_ptr(x->im, imp_ptr(x->im, ptr, "responses"), rs->keys[i]->value);
        x->proto.status = rs->keys[i]->value;
        if ((v = imp_follow(x->im, rs->items[i], &rp, &ext)))
            content_examples(x, v, rp, IMPORT_EXAMPLE_RESPONSE);
    }
    x->proto.status = NULL;
}

static void path_examples(ex_ctx *x, const node *key, const node *item)
{
    static const char *const methods[] = {"get", "put", "post", "delete", "options", "head",
                                          "patch", "trace", NULL};
    char *pp = imp_ptr(x->im, "#/paths", key->value), key_p[32];
    size_t m;
    for (m = 0; methods[m]; m++) {
        const node *op = node_get(item, methods[m]), *id;
        json_t *ep;
        if (!op || op->kind != NODE_MAP)
            continue;
        id = node_get(op, "operationId");
        snprintf(key_p, sizeof key_p, "%p", (const void *)op);
        ep = json_object_get(x->im->endpoint_of, key_p);
        x->proto.operation = id && id->kind == NODE_SCALAR
                                 ? id->value
                                 : draft_printf(&x->im->d, "%s %s", methods[m], key->value);
        x->proto.endpoint = ep ? json_string_value(ep) : NULL;
        operation_examples(x, op, imp_ptr(x->im, pp, methods[m]));
    }
    x->proto.operation = x->proto.endpoint = NULL;
}

bool import_collect_examples(struct importer *im, import_examples *out)
{
    const node *paths = node_get(im->root, "paths");
    const node *schemas = node_get(node_get(im->root, "components"), "schemas");
    ex_ctx x;
    size_t i;
    memset(&x, 0, sizeof x);
    x.im = im;
    x.out = out;
    for (i = 0; paths && paths->kind == NODE_MAP && i < paths->count; i++)
        path_examples(&x, paths->keys[i], paths->items[i]);
    for (i = 0; schemas && schemas->kind == NODE_MAP && i < schemas->count; i++)
        schema_examples(&x, schemas->items[i],
                        imp_ptr(im, "#/components/schemas", schemas->keys[i]->value), 0);
    return !x.oom && !im->d.oom;
}

void import_examples_free(import_examples *list)
{
    size_t i;
    for (i = 0; i < list->count; i++) {
        free(list->items[i].json);
        free(list->items[i].pointer);
    }
    free(list->items);
    list->items = NULL;
    list->count = list->cap = 0;
}
