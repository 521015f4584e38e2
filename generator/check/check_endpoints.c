/*
 * check_endpoints.c — endpoints: method, path template, parameters and the
 * response type for each HTTP status.
 */
#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

#include "naming.h"

/* `in:` of a parameter; a bad one counts as query, so that no path rule
 * complains about it again. */
static param_in param_location(checker *ck, const node *def, const char *what)
{
    const node *v = node_get(def, "in");
    if (!v) {
        diag_error(def->where, "%s: missing required key 'in' (path, query or header)", what);
        return PARAM_QUERY;
    }
    if (v->kind == NODE_SCALAR && strcmp(v->value, "path") == 0)
        return PARAM_PATH;
    if (v->kind == NODE_SCALAR && strcmp(v->value, "header") == 0 && ck->s->version >= 2)
        return PARAM_HEADER;
    if (v->kind == NODE_SCALAR && strcmp(v->value, "header") == 0)
        ck_needs_version(ck, v, 2);
    else if (v->kind != NODE_SCALAR || strcmp(v->value, "query") != 0)
        diag_error(v->where, "%s: 'in' must be path or query%s", what,
                   ck->s->version >= 2 ? " or header" : "");
    return PARAM_QUERY;
}

/* A query array's items are scalars; only a query holds arrays. */
static void check_param_array(checker *ck, param *p, const node *def, const char *what)
{
    const node *v = node_get(def, "explode");
    p->explode = true;
    if (v && ck_needs_version(ck, ck_key(def, "explode"), 2))
        ck_bool(v, "explode", &p->explode);
    if (v && p->shape.kind != SHAPE_ARRAY)
        diag_error(v->where, "%s: explode applies only to array parameters", what);
    if (p->shape.kind != SHAPE_ARRAY)
        return;
    if (p->in != PARAM_QUERY)
        diag_error(p->shape.where, "%s: only query parameters may be arrays", what);
    else if (p->shape.items && !kind_get(p->shape.items->kind)->param)
        diag_error(p->shape.items->where,
                   "%s: items of a query array must be string, integer, number or boolean", what);
    else if (p->shape.items && p->shape.items->enums)
        diag_error(p->shape.items->where,
                   "%s: enum on the items of a query array is not supported yet; "
                   "use a string parameter with the enum",
                   what);
}

static void check_param(checker *ck, endpoint *e, const node *key, const node *def, param *p)
{
    static const char *const own_keys[] = {"in",      "required",     "description", "example",
                                           "keep_slashes", "c_name",   "explode",     NULL};
    char what[160];
    const node *v;

    p->name = arena_strndup(ck->a, key->value, key->len);
    p->where = key->where;
    snprintf(what, sizeof what, "parameter '%.60s' of endpoint '%s'", key->value, e->name);
    if (!ck_expect(def, NODE_MAP, what))
        return;
    p->in = param_location(ck, def, what);
    ck->inline_name = NULL; /* parameters hold no unions */
    ck_shape(ck, def, &p->shape, ROLE_PARAM, own_keys, what);
    check_param_array(ck, p, def, what);
    if ((v = node_get(def, "required")))
        ck_bool(v, "required", &p->required);
    if ((v = node_get(def, "keep_slashes"))) {
        ck_bool(v, "keep_slashes", &p->keep_slashes);
        if (p->keep_slashes && (p->in != PARAM_PATH || p->shape.kind != SHAPE_STRING))
            diag_error(v->where, "%s: keep_slashes applies only to string path parameters", what);
    }
    if (p->in == PARAM_PATH && !p->required)
        diag_error(key->where, "%s: path parameters must be 'required: true'", what);
    p->description = ck_optional_string(ck, def, "description", what);
    p->c_name = ck_c_name(ck, key, def, "parameter name");
    if (p->c_name && !p->required && p->shape.kind != SHAPE_STRING &&
        p->shape.kind != SHAPE_ARRAY)
        p->c_has = arena_printf(ck->a, "has_%s", p->c_name);
}

/* Every {name} in the path must be a path parameter, and every path
 * parameter must appear in the path. */
static void check_path(endpoint *e, const node *path_node)
{
    const char *s = e->path, *open;
    size_t i;
    bool *used = calloc(e->param_count + 1, sizeof *used);

    if (s[0] != '/')
        diag_error(path_node->where, "path '%s' must start with '/'", s);
    while ((open = strchr(s, '{')) != NULL) {
        const char *close = strchr(open, '}');
        size_t len;
        bool found = false;
        if (!close) {
            diag_error(path_node->where, "path '%s': '{' without a closing '}'", e->path);
            free(used);
            return; /* which parameters it uses is unclear: say no more */
        }
        len = (size_t)(close - open - 1);
        for (i = 0; i < e->param_count; i++) {
            param *p = &e->params[i];
            if (p->name && strlen(p->name) == len && memcmp(p->name, open + 1, len) == 0) {
                found = true;
                if (p->in != PARAM_PATH)
                    diag_error(p->where, "parameter '%s' appears in the path but is 'in: %s'",
                               p->name, p->in == PARAM_HEADER ? "header" : "query");
                else if (used && used[i])
                    diag_error(path_node->where, "path parameter '%s' appears twice", p->name);
                if (used)
                    used[i] = true;
            }
        }
        if (!found)
            diag_error(path_node->where,
                       "path '%s' uses '{%.*s}', which is not declared in 'params'", e->path,
                       (int)len, open + 1);
        s = close + 1;
    }
    if (strchr(s, '}'))
        diag_error(path_node->where, "path '%s': '}' without an opening '{'", e->path);
    for (i = 0; i < e->param_count; i++)
        if (used && !used[i] && e->params[i].in == PARAM_PATH && e->params[i].name)
            diag_error(e->params[i].where, "path parameter '%s' does not appear in path '%s'",
                       e->params[i].name, e->path);
    free(used);
}

/* "200", "2XX" (v2) or "default" (v2) into r; false when it is neither. */
static bool response_status(checker *ck, const node *key, response *r)
{
    const char *k = key->value;
    if (strcmp(k, "default") == 0) {
        r->status_kind = STATUS_DEFAULT;
        return ck_needs_version(ck, key, 2);
    }
    if (key->len == 3 && k[0] >= '1' && k[0] <= '5' && (k[1] == 'X' || k[1] == 'x') &&
        (k[2] == 'X' || k[2] == 'x')) {
        r->status_kind = STATUS_RANGE;
        r->status = (k[0] - '0') * 100;
        return ck_needs_version(ck, key, 2);
    }
    if (key->len == 3 && k[0] >= '1' && k[0] <= '5' && k[1] >= '0' && k[1] <= '9' && k[2] >= '0' &&
        k[2] <= '9') {
        r->status = (k[0] - '0') * 100 + (k[1] - '0') * 10 + (k[2] - '0');
        return true;
    }
    diag_error(key->where, "response status '%s' must be an HTTP status code (100-599)%s",
               key->value, ck->s->version >= 2 ? ", a range (2XX) or default" : "");
    return false;
}

/* The body type written as a type name, null (no body), or (v2) an inline
 * type expression, which becomes a type named <Endpoint><Status>. */
static type_def *body_type(checker *ck, const endpoint *e, const node *def, const char *name,
                           const char *const *ref_keys, const char *what, bool *no_body)
{
    static const char *const own_keys[] = {"description", "required", "examples", NULL};
    const node *t = node_get(def, "type");
    type_def *inl;
    *no_body = false;
    /* `type: Name` refers to a type; a kind word or `oneOf` is an inline
     * expression, whose keys the shape grammar checks. */
    if (def->kind == NODE_MAP && (!t || (t->kind == NODE_SCALAR && kind_find(t->value)))) {
        if (!ck_needs_version(ck, def->count ? def->keys[0] : def, 2))
            return NULL;
        ck->inline_name = name;
        if (node_get(def, "oneOf"))
            return ck_inline_union(ck, def, def->where);
        if (!(inl = ck_add_type(ck, name, def->where)))
            return NULL;
        inl->kind = TYPE_VALUE;
        inl->def = def;
        ck_shape(ck, def, &inl->value, ROLE_VALUE, own_keys, what);
        return inl;
    }
    if (def->kind == NODE_MAP) {
        ck_known_keys(def, ref_keys, what);
        def = t;
    }
    if (def->kind == NODE_SCALAR && !def->quoted && node_is_null(def)) {
        *no_body = true;
        return NULL;
    }
    if (def->kind != NODE_SCALAR || !node_is_string(def)) {
        diag_error(def->where, "%s: expected a type name, or null for no body", what);
        return NULL;
    }
    if ((inl = ck_find_type(ck, def->value)) == NULL) {
        size_t n = ck->s->type_count, i;
        const char **names = arena_alloc(ck->a, (n + 1) * sizeof *names);
        const char *hint;
        for (i = 0; i < n; i++)
            names[i] = ck->s->types[i].name;
        hint = naming_suggest(def->value, names);
        diag_error(def->where, "%s of endpoint '%s': unknown type '%s'%s%s%s", what, e->name,
                   def->value, hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
    }
    return inl;
}

/* The name an inline body or response type gets: ListReposResponse200,
 * CreateRepoBody. */
static const char *inline_type_name(checker *ck, const endpoint *e, const char *suffix)
{
    return ck_camel_join(ck, ck_camel_join(ck, "", e->name), suffix);
}

static void check_response(checker *ck, endpoint *e, const node *key, const node *def,
                           response *r)
{
    static const char *const ref_keys[] = {"type", "description", "examples", NULL};
    char what[64];
    bool no_body;
    r->where = key->where;
    if (!response_status(ck, key, r))
        return;
    r->status_text = arena_strndup(ck->a, key->value, key->len);
    snprintf(what, sizeof what, "response %s", r->status_text);
    if (def->kind == NODE_MAP) {
        if (!node_get(def, "type") && !node_get(def, "oneOf")) {
            diag_error(def->where, "%s: missing required key 'type'", what);
            return;
        }
        r->description = ck_optional_string(ck, def, "description", what);
        ck_example_files(ck, def, &r->examples, &r->example_count, what);
    }
    r->type = body_type(ck, e, def,
                        inline_type_name(ck, e, arena_printf(ck->a, "Response_%c%s",
                                                             r->status_text[0],
                                                             r->status_kind == STATUS_RANGE
                                                                 ? "xx"
                                                                 : r->status_text + 1)),
                        ref_keys, what, &no_body);
}

/* body: {type: T, required: true, description: ...} (v2; not on GET/HEAD). */
static void check_body(checker *ck, endpoint *e, const node *key, const node *def)
{
    static const char *const ref_keys[] = {"type", "required", "description", NULL};
    request_body *b;
    const node *v;
    bool no_body;
    if (!ck_needs_version(ck, key, 2) || !ck_expect(def, NODE_MAP, "body"))
        return;
    if (e->method && (strcmp(e->method, "GET") == 0 || strcmp(e->method, "HEAD") == 0)) {
        diag_error(key->where, "endpoint '%s': a %s request has no body", e->name, e->method);
        return;
    }
    b = arena_alloc(ck->a, sizeof *b);
    b->where = key->where;
    if ((v = node_get(def, "required")))
        ck_bool(v, "required", &b->required);
    b->description = ck_optional_string(ck, def, "description", "body");
    if ((v = node_get(def, "examples")))
        diag_error(v->where, "body: examples are checked on responses and types; list them "
                             "on the body's type");
    if (!node_get(def, "type") && !node_get(def, "oneOf")) {
        diag_error(def->where, "body: missing required key 'type'");
        return;
    }
    b->type = body_type(ck, e, def, inline_type_name(ck, e, "Body"), ref_keys, "body", &no_body);
    if (no_body)
        diag_error(def->where, "body: the type of a body may not be null (leave 'body' out)");
    if (b->type)
        e->body = b;
}

/* An exact status, a range and default may all be given; each only once. */
static void check_statuses(endpoint *e)
{
    size_t i, j;
    for (i = 1; i < e->response_count; i++)
        for (j = 0; j < i; j++) {
            const response *a = &e->responses[i], *b = &e->responses[j];
            if (a->status_text && b->status_text && a->status_kind == b->status_kind &&
                a->status == b->status)
                diag_error(a->where, "response status %s is declared twice", a->status_text);
        }
}

static void check_endpoint(checker *ck, const node *key, const node *def, endpoint *e)
{
    static const char *const keys[] = {"method", "path",      "description", "params",
                                       "body",   "responses", NULL};
    static const char *const methods[] = {"GET",  "POST", "PUT",     "PATCH",
                                          "DELETE", "HEAD", "OPTIONS", NULL};
    char what[128];
    const node *v, *path_node;
    size_t i;

    e->name = arena_strndup(ck->a, key->value, key->len);
    e->where = key->where;
    snprintf(what, sizeof what, "endpoint '%.60s'", key->value);
    if (!ck_is_snake_name(e->name))
        diag_error(key->where,
                   "endpoint name '%s' must be lower-case letters, digits and '_', starting "
                   "with a letter and not ending with '_'",
                   e->name);
    else if (ck->s->api)
        e->c_name = arena_printf(ck->a, "%s_%s", ck->s->api, e->name);
    if (!ck_expect(def, NODE_MAP, what))
        return;
    ck_known_keys(def, keys, what);
    v = node_get(def, "method");
    if (!v) {
        diag_error(def->where, "%s: missing required key 'method'", what);
    } else {
        bool found = false;
        for (i = 0; methods[i]; i++)
            if (v->kind == NODE_SCALAR && strcmp(v->value, methods[i]) == 0)
                found = true;
        if (!found)
            diag_error(v->where, "%s: method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, "
                                 "OPTIONS (upper case)",
                       what);
        else
            e->method = arena_strdup(ck->a, v->value);
    }
    path_node = node_get(def, "path");
    if (!path_node)
        diag_error(def->where, "%s: missing required key 'path'", what);
    else
        e->path = ck_string(ck, path_node, "path");
    if ((v = node_get(def, "description")))
        e->description = ck_string(ck, v, "description");
    if ((v = node_get(def, "params")) && !(v->kind == NODE_SCALAR && node_is_null(v)) &&
        ck_expect(v, NODE_MAP, "params")) {
        e->param_count = v->count;
        e->params = arena_alloc(ck->a, (v->count ? v->count : 1) * sizeof *e->params);
        for (i = 0; i < v->count; i++)
            check_param(ck, e, v->keys[i], v->items[i], &e->params[i]);
    }
    if (e->path)
        check_path(e, path_node);
    if ((v = node_get(def, "body")))
        check_body(ck, e, ck_key(def, "body"), v);
    v = node_get(def, "responses");
    if (!v) {
        diag_error(def->where, "%s: missing required key 'responses'", what);
    } else if (ck_expect(v, NODE_MAP, "responses")) {
        if (v->count == 0)
            diag_error(v->where, "%s: declare at least one response", what);
        e->response_count = v->count;
        e->responses = arena_alloc(ck->a, (v->count ? v->count : 1) * sizeof *e->responses);
        for (i = 0; i < v->count; i++)
            check_response(ck, e, v->keys[i], v->items[i], &e->responses[i]);
        check_statuses(e);
    }
}

void check_endpoints(checker *ck, const node *endpoints)
{
    spec *s = ck->s;
    size_t i;
    if (endpoints->kind == NODE_SCALAR && node_is_null(endpoints))
        return;
    if (!ck_expect(endpoints, NODE_MAP, "endpoints"))
        return;
    s->endpoint_count = endpoints->count;
    s->endpoints = arena_alloc(ck->a, (endpoints->count ? endpoints->count : 1) * sizeof *s->endpoints);
    for (i = 0; i < endpoints->count; i++)
        check_endpoint(ck, endpoints->keys[i], endpoints->items[i], &s->endpoints[i]);
}
