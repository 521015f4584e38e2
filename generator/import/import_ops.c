/*
 * import_ops.c — operations as endpoints: the chosen ones (--operation, or
 * all, in the description's order), their names (operationIds in snake
 * case, METHOD_path without one), parameters (path, query, header; cookie
 * ones are not expressed), the JSON request body and the responses by
 * status (2XX and default too; a response with no JSON content has no
 * body).
 */
#include "import_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct op_ctx {
    const char *path, *method; /* "/models/{id}", "get" */
    const node *op, *path_item;
    char *ptr;                 /* "#/paths/~1models~1{id}/get" */
    char *name;                /* endpoint name */
    char *pascal;              /* its PascalCase, for inline names */
    draft_node *def;
} op_ctx;

static const char *const methods[] = {"get", "put", "post", "delete", "options", "head",
                                      "patch", "trace", NULL};

static bool is_json_media(const char *m)
{
    size_t n = strcspn(m, ";");
    while (n && m[n - 1] == ' ')
        n--;
    return (n == 16 && strncmp(m, "application/json", 16) == 0) ||
           (n > 5 && strncmp(m + n - 5, "+json", 5) == 0 && strncmp(m, "application/", 12) == 0);
}

/* The JSON media type's schema of a content map; *other when content has
 * only other media types. */
static const node *json_schema(const node *content, const node **media, bool *other)
{
    size_t i;
    *other = false;
    *media = NULL;
    for (i = 0; content && content->kind == NODE_MAP && i < content->count; i++) {
        if (is_json_media(content->keys[i]->value)) {
            *media = content->items[i];
            return node_get(content->items[i], "schema");
        }
        *other = true;
    }
    return NULL;
}

/* n, or what its $ref points to (parameters, bodies, responses). */
static const node *deref(importer *im, const node *n, char **ptr)
{
    bool external = false;
    const node *t = imp_follow(im, n, ptr, &external);
    return t;
}

/* ---- parameters ----------------------------------------------------- */

static bool scalar_kind(const draft_node *def)
{
    const draft_node *t = draft_get(def, "type");
    return t && (strcmp(t->text, "string") == 0 || strcmp(t->text, "integer") == 0 ||
                 strcmp(t->text, "number") == 0 || strcmp(t->text, "boolean") == 0);
}

/* Can the shape be this parameter's? Query arrays of scalars too. */
static const char *param_problem(importer *im, imp_shape *sh, const char *in, const node *p,
                                 const char *ptr)
{
    const node *style = node_get(p, "style");
    draft_node *items;
    if (sh->named || !sh->def)
        return "a parameter that is not a string, number, integer, boolean or a query array of those";
    if (scalar_kind(sh->def))
        return NULL;
    items = draft_get(sh->def, "items");
    if (strcmp(in, "query") != 0 || !items || !scalar_kind(items) || draft_get(items, "nullable"))
        return "a parameter that is not a string, number, integer, boolean or a query array of those";
    if (style && !(style->kind == NODE_SCALAR && strcmp(style->value, "form") == 0))
        return "a query array in another style than form";
    if (draft_get(items, "enum")) {
        draft_remove(items, "enum");
        imp_not_expressed(im, sh->def, p, "enum on the items of a query array", ptr);
    }
    return NULL;
}

/* An object schema (no parameter can be one): not drafted, so that it
 * leaves no type behind. */
static bool object_schema(importer *im, const node *schema)
{
    char *ptr = NULL;
    bool external;
    const node *t = imp_follow(im, schema, &ptr, &external), *type;
    if (!t || t->kind != NODE_MAP)
        return false;
    type = node_get(t, "type");
    return node_get(t, "properties") || node_get(t, "additionalProperties") ||
           (type && type->kind == NODE_SCALAR && strcmp(type->value, "object") == 0);
}

/* A parameter's definition: in, its shape's keywords, and its own keys. */
static draft_node *param_def(importer *im, const node *p, const char *in, const imp_shape *sh,
                             bool path)
{
    draft_node *def = draft_map(&im->d);
    const node *v;
    size_t i;
    bool b;
    draft_set_str(&im->d, def, "in", in);
    for (i = 0; sh->def && i < sh->def->count; i++)
        draft_append(&im->d, def, sh->def->keys[i]->text, sh->def->keys[i]->len, sh->def->items[i]);
    if (def)
        def->comment = sh->def ? sh->def->comment : NULL;
    if (path || ((v = node_get(p, "required")) && node_as_bool(v, &b) && b))
        draft_set_lit(&im->d, def, "required", "true");
    if ((v = node_get(p, "explode")) && node_as_bool(v, &b) && !b && draft_get(def, "items"))
        draft_set_lit(&im->d, def, "explode", "false");
    if ((v = node_get(p, "deprecated")) && node_as_bool(v, &b) && b)
        draft_set_lit(&im->d, def, "deprecated", "true");
    if ((v = node_get(p, "example")) && !draft_get(def, "example")) {
        draft_node *ex = draft_copy_node(&im->d, v);
        if (ex)
            ex->flow = true;
        draft_set(&im->d, def, "example", ex);
    }
    if ((v = node_get(p, "description")) && v->kind == NODE_SCALAR && v->len &&
        strlen(v->value) == v->len)
        draft_set_str(&im->d, def, "description", v->value);
    if (def)
        def->flow = !draft_get(def, "description");
    return def;
}

static void add_param(importer *im, op_ctx *c, draft_node *params, const node *p, char *ptr)
{
    const node *name = node_get(p, "name"), *in = node_get(p, "in"), *schema;
    imp_shape sh = {NULL, false, NULL};
    const char *why = NULL;
    bool path;
    if (!name || !in || name->kind != NODE_SCALAR || in->kind != NODE_SCALAR ||
        strlen(name->value) != name->len || !name->len)
        return;
    if (strcmp(in->value, "path") != 0 && strcmp(in->value, "query") != 0 &&
        strcmp(in->value, "header") != 0 && strcmp(in->value, "cookie") != 0) {
        imp_not_expressed(im, c->def, p, "a parameter in no place a request has", ptr);
        return;
    }
    if (strcmp(in->value, "cookie") == 0) {
        imp_not_expressed(im, c->def, p, "a cookie parameter", ptr);
        return;
    }
    if (strcmp(in->value, "header") == 0 && (strcasecmp(name->value, "accept") == 0 ||
                                             strcasecmp(name->value, "content-type") == 0 ||
                                             strcasecmp(name->value, "authorization") == 0))
        return; /* OpenAPI: such a header parameter is ignored */
    if (draft_get(params, name->value)) {
        imp_not_expressed(im, c->def, p, "two parameters of one name", ptr);
        return;
    }
    path = strcmp(in->value, "path") == 0;
    if ((schema = node_get(p, "schema")) && object_schema(im, schema))
        why = "a parameter that is not a string, number, integer, boolean or a query array of those";
    else if (schema)
        sh = imp_schema(im, schema, imp_ptr(im, ptr, "schema"),
                        draft_printf(&im->d, "%s%s", c->pascal, imp_pascal(im, name->value)));
    else
        why = "a parameter described by content, not schema";
    if (sh.def)
        why = param_problem(im, &sh, in->value, p, ptr);
    if (why && !path) {
        imp_not_expressed(im, c->def, p, why, ptr);
        return;
    }
    if (why) {
        sh.def = draft_map(&im->d);
        draft_set_str(&im->d, sh.def, "type", "string");
        imp_not_expressed(im, sh.def, p, why, ptr);
    }
    imp_fit(im, &sh, IR_PARAM, p, ptr);
    draft_remove(sh.def, "description");
    draft_append(&im->d, params, name->value, name->len, param_def(im, p, in->value, &sh, path));
}

/* Operation parameters override path-level ones of the same name and in. */
static bool overridden(importer *im, const node *op_params, const node *p)
{
    size_t i;
    char *ptr = NULL;
    const node *name = node_get(p, "name"), *in = node_get(p, "in");
    for (i = 0; op_params && op_params->kind == NODE_SEQ && i < op_params->count; i++) {
        const node *q = deref(im, op_params->items[i], &ptr);
        const node *qn = node_get(q, "name"), *qi = node_get(q, "in");
        if (qn && qi && name && in && qn->kind == NODE_SCALAR && qi->kind == NODE_SCALAR &&
            strcmp(qn->value, name->value) == 0 && strcmp(qi->value, in->value) == 0)
            return true;
    }
    return false;
}

/* Placeholders of the path that no parameter declares: strings. */
static void placeholders(importer *im, op_ctx *c, draft_node *params)
{
    const char *s = c->path, *open;
    while ((open = strchr(s, '{')) != NULL) {
        const char *close = strchr(open, '}');
        char *name;
        draft_node *def;
        if (!close)
            return;
        name = draft_strndup(&im->d, open + 1, (size_t)(close - open - 1));
        if (name && !draft_get(params, name)) {
            def = draft_map(&im->d);
            draft_set_str(&im->d, def, "in", "path");
            draft_set_str(&im->d, def, "type", "string");
            draft_set_lit(&im->d, def, "required", "true");
            def->flow = true;
            imp_not_expressed(im, def, c->op, "a path placeholder that no parameter declares",
                              c->ptr);
            draft_append(&im->d, params, name, strlen(name), def);
        }
        s = close + 1;
    }
}

/* Path parameters the path does not use are left out (the checker wants
 * every one in the path). */
static void unused_path_params(importer *im, op_ctx *c, draft_node *params)
{
    size_t i;
    for (i = 0; i < params->count;) {
        const draft_node *in = draft_get(params->items[i], "in");
        char *ph = draft_printf(&im->d, "{%s}", params->keys[i]->text);
        if (in && strcmp(in->text, "path") == 0 && ph && !strstr(c->path, ph)) {
            imp_not_expressed(im, c->def, c->op, "a path parameter that the path does not use",
                              c->ptr);
            draft_remove(params, params->keys[i]->text);
            continue;
        }
        i++;
    }
}

static void params_of(importer *im, op_ctx *c)
{
    const node *lists[2] = {node_get(c->path_item, "parameters"), node_get(c->op, "parameters")};
    draft_node *params = draft_map(&im->d);
    size_t l, i;
    for (l = 0; l < 2; l++)
        for (i = 0; lists[l] && lists[l]->kind == NODE_SEQ && i < lists[l]->count; i++) {
            char *ptr = imp_ptr_index(im, imp_ptr(im, l ? c->ptr : imp_ptr(im, "#/paths", c->path),
                                                  "parameters"), i);
            const node *p = deref(im, lists[l]->items[i], &ptr);
            if (p && (l == 1 || !overridden(im, lists[1], p)))
                add_param(im, c, params, p, ptr);
        }
    placeholders(im, c, params);
    unused_path_params(im, c, params);
    if (params->count)
        draft_set(&im->d, c->def, "params", params);
}

/* ---- bodies and responses ------------------------------------------- */

/* A body or a response: {type: Name, ...} or an inline shape. */
static draft_node *payload(importer *im, const node *schema, const char *ptr, const char *hint,
                           const node *desc)
{
    imp_shape sh = imp_schema(im, schema, ptr, hint);
    draft_node *def;
    if (sh.named) {
        def = draft_map(&im->d);
        draft_set(&im->d, def, "type", draft_get(sh.def, "type"));
        if (sh.nullable)
            imp_not_expressed(im, def, schema, "null as a whole body or type", ptr);
    } else {
        imp_fit(im, &sh, IR_VALUE, schema, ptr);
        def = sh.def;
        draft_remove(def, "description");
    }
    if (def && desc && desc->kind == NODE_SCALAR && desc->len && strlen(desc->value) == desc->len)
        draft_set_str(&im->d, def, "description", desc->value);
    if (def)
        def->flow = def->count <= 3 && !draft_get(def, "description");
    return def;
}

static void body_of(importer *im, op_ctx *c)
{
    char *ptr = imp_ptr(im, c->ptr, "requestBody");
    const node *rb = node_get(c->op, "requestBody"), *media, *schema, *v;
    draft_node *def;
    bool other, b;
    if (!rb || !(rb = deref(im, rb, &ptr)))
        return;
    schema = json_schema(node_get(rb, "content"), &media, &other);
    if (strcmp(c->method, "get") == 0 || strcmp(c->method, "head") == 0) {
        imp_not_expressed(im, c->def, rb, "a request body on GET or HEAD", ptr);
        return;
    }
    if (!schema) {
        imp_not_expressed(im, c->def, rb,
                          media ? "a JSON body without a schema"
                                : "a request body that is not application/json",
                          ptr);
        return;
    }
    def = payload(im, schema, imp_ptr(im, imp_ptr(im, imp_ptr(im, ptr, "content"), "application/json"), "schema"),
                  draft_printf(&im->d, "%sBody", c->pascal), node_get(rb, "description"));
    if ((v = node_get(rb, "required")) && node_as_bool(v, &b) && b)
        draft_set_lit(&im->d, def, "required", "true");
    draft_set(&im->d, c->def, "body", def);
}

/* "200", "2XX" (any case) or "default", else NULL. */
static const char *status_text(importer *im, const node *k)
{
    const char *s = k->value;
    if (strcmp(s, "default") == 0)
        return s;
    if (k->len == 3 && s[0] >= '1' && s[0] <= '5' &&
        ((isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) ||
         (toupper((unsigned char)s[1]) == 'X' && toupper((unsigned char)s[2]) == 'X')))
        return draft_printf(&im->d, "%c%s", s[0],
                            isdigit((unsigned char)s[1]) ? s + 1 : "XX");
    return NULL;
}

static void response_of(importer *im, op_ctx *c, draft_node *out, const node *key,
                        const node *r, char *ptr)
{
    const char *status = status_text(im, key);
    const node *schema, *media, *desc;
    draft_node *def;
    bool other;
    if (!status || draft_get(out, status)) {
        imp_not_expressed(im, c->def, key, "a response status that is not 100-599, 1XX-5XX or default", ptr);
        return;
    }
    if (!(r = deref(im, r, &ptr)))
        return;
    desc = node_get(r, "description");
    schema = json_schema(node_get(r, "content"), &media, &other);
    if (schema)
        def = payload(im, schema, imp_ptr(im, imp_ptr(im, imp_ptr(im, ptr, "content"), "application/json"), "schema"),
                      draft_printf(&im->d, "%sResponse%s", c->pascal,
                                   strcmp(status, "default") == 0 ? "Default" : status),
                      desc);
    else {
        def = draft_map(&im->d);
        draft_set_lit(&im->d, def, "type", "null");
        if (desc && desc->kind == NODE_SCALAR && desc->len && strlen(desc->value) == desc->len)
            draft_set_str(&im->d, def, "description", desc->value);
        else
            def->flow = true;
        if (other)
            imp_not_expressed(im, def, r, "a response body that is not JSON", ptr);
    }
    draft_set(&im->d, out, status, def);
}

static void responses_of(importer *im, op_ctx *c)
{
    const node *rs = node_get(c->op, "responses");
    char *ptr = imp_ptr(im, c->ptr, "responses");
    draft_node *out = draft_map(&im->d);
    size_t i;
    for (i = 0; rs && rs->kind == NODE_MAP && i < rs->count; i++)
        if (strncmp(rs->keys[i]->value, "x-", 2) != 0)
            response_of(im, c, out, rs->keys[i], rs->items[i], imp_ptr(im, ptr, rs->keys[i]->value));
    if (out && out->count == 0) {
        draft_node *none = draft_map(&im->d);
        draft_set_lit(&im->d, none, "type", "null");
        none->flow = true;
        imp_not_expressed(im, none, c->op, "an operation with no responses", c->ptr);
        draft_set(&im->d, out, "default", none);
    }
    draft_set(&im->d, c->def, "responses", out);
}

/* ---- operations ------------------------------------------------------ */

static char *endpoint_name(importer *im, op_ctx *c)
{
    const node *id = node_get(c->op, "operationId");
    char *base = NULL, *name;
    size_t n;
    if (id && id->kind == NODE_SCALAR && strlen(id->value) == id->len)
        base = imp_snake(im, id->value);
    if (!base)
        base = imp_snake(im, draft_printf(&im->d, "%s_%s", c->method, c->path));
    if (!base)
        base = draft_strdup(&im->d, c->method);
    if (base && !(base[0] >= 'a' && base[0] <= 'z'))
        base = draft_printf(&im->d, "op_%s", base[0] == '_' ? base + 1 : base);
    for (name = base, n = 2; name && draft_get(im->endpoints, name); n++)
        name = draft_printf(&im->d, "%s_%zu", base, n);
    if (name != base && name)
        diag_note(c->op->where, "operation '%s' is named '%s': '%s' is taken by another",
                  id && id->kind == NODE_SCALAR ? id->value : c->path, name, base);
    return name;
}

static bool wanted(importer *im, const node *op, bool *used)
{
    const node *id = node_get(op, "operationId");
    size_t i;
    bool any = false;
    if (!im->o->operation_count)
        return true;
    for (i = 0; i < im->o->operation_count; i++)
        if (id && id->kind == NODE_SCALAR && strcmp(id->value, im->o->operations[i]) == 0)
            any = used[i] = true;
    return any;
}

/* A path the checker can template: from '/', each '{name}' closed, not
 * nested, not empty, each name once. */
static bool templatable(importer *im, const char *path)
{
    const char *s = path, *open, *close;
    json_t *seen = json_object();
    bool ok = path[0] == '/' && seen;
    while (ok && (open = strchr(s, '{')) != NULL) {
        char *name;
        close = strchr(open, '}');
        ok = close && close > open + 1 && memchr(open + 1, '{', (size_t)(close - open - 1)) == NULL &&
             memchr(s, '}', (size_t)(open - s)) == NULL;
        name = ok ? draft_strndup(&im->d, open + 1, (size_t)(close - open - 1)) : NULL;
        ok = ok && name && !json_object_get(seen, name);
        if (ok)
            json_object_set_new(seen, name, json_true());
        s = ok ? close + 1 : s;
    }
    ok = ok && !strchr(s, '}');
    json_decref(seen);
    return ok;
}

static void one_operation(importer *im, op_ctx *c)
{
    const node *d = node_get(c->op, "description"), *s = node_get(c->op, "summary");
    char upper[16];
    size_t i;
    if (strcmp(c->method, "trace") == 0) {
        imp_not_expressed(im, im->endpoints, c->op, "a TRACE operation", c->ptr);
        return;
    }
    if (!templatable(im, c->path)) {
        imp_not_expressed(im, im->endpoints, c->op, "a path that is no template of placeholders",
                          c->ptr);
        return;
    }
    c->name = endpoint_name(im, c);
    c->pascal = imp_pascal(im, c->name);
    c->def = draft_map(&im->d);
    if (!c->name || !c->pascal || !c->def)
        return;
    for (i = 0; c->method[i] && i < sizeof upper - 1; i++)
        upper[i] = (char)toupper((unsigned char)c->method[i]);
    upper[i] = '\0';
    draft_set_str(&im->d, c->def, "method", upper);
    draft_set_str(&im->d, c->def, "path", c->path);
    if (!d || d->kind != NODE_SCALAR || !d->len || strlen(d->value) != d->len)
        d = s;
    if (d && d->kind == NODE_SCALAR && d->len && strlen(d->value) == d->len)
        draft_set_str(&im->d, c->def, "description", d->value);
    draft_append(&im->d, im->endpoints, c->name, strlen(c->name), c->def);
    {
        char key[32];
        snprintf(key, sizeof key, "%p", (const void *)c->op);
        json_object_set_new(im->endpoint_of, key, json_string(c->name));
    }
    params_of(im, c);
    body_of(im, c);
    responses_of(im, c);
}

static void path_item(importer *im, const node *key, const node *item, bool *used)
{
    char *ptr = imp_ptr(im, "#/paths", key->value);
    size_t i, m;
    if (!(item = deref(im, item, &ptr)) || item->kind != NODE_MAP)
        return;
    for (i = 0; i < item->count; i++)
        for (m = 0; methods[m]; m++)
            if (strcmp(item->keys[i]->value, methods[m]) == 0 && item->items[i]->kind == NODE_MAP &&
                wanted(im, item->items[i], used)) {
                op_ctx c;
                memset(&c, 0, sizeof c);
                c.path = key->value;
                c.method = methods[m];
                c.op = item->items[i];
                c.path_item = item;
                c.ptr = imp_ptr(im, ptr, methods[m]);
                one_operation(im, &c);
            }
}

void imp_operations(importer *im)
{
    const node *paths = node_get(im->root, "paths");
    bool *used = calloc(im->o->operation_count + 1, sizeof *used);
    size_t i;
    if (!used) {
        im->oom = true;
        return;
    }
    for (i = 0; paths && paths->kind == NODE_MAP && i < paths->count; i++)
        if (paths->keys[i]->value[0] == '/')
            path_item(im, paths->keys[i], paths->items[i], used);
    for (i = 0; i < im->o->operation_count; i++)
        if (!used[i]) {
            diag_error((loc){im->file, 0, 0}, "no operation with operationId '%s' (--operation)",
                       im->o->operations[i]);
            im->failed = true;
        }
    free(used);
}
