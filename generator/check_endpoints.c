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
static param_in param_location(const node *def, const char *what)
{
    const node *v = node_get(def, "in");
    if (!v) {
        diag_error(def->where, "%s: missing required key 'in' (path or query)", what);
        return PARAM_QUERY;
    }
    if (v->kind == NODE_SCALAR && strcmp(v->value, "path") == 0)
        return PARAM_PATH;
    if (v->kind != NODE_SCALAR || strcmp(v->value, "query") != 0)
        diag_error(v->where, "%s: 'in' must be path or query", what);
    return PARAM_QUERY;
}

static void check_param(checker *ck, endpoint *e, const node *key, const node *def, param *p)
{
    static const char *const own_keys[] = {"in",     "required",     "description",
                                           "example", "keep_slashes", "c_name",
                                           NULL};
    char what[160];
    const node *v;

    p->name = arena_strndup(ck->a, key->value, key->len);
    p->where = key->where;
    snprintf(what, sizeof what, "parameter '%.60s' of endpoint '%s'", key->value, e->name);
    if (!ck_expect(def, NODE_MAP, what))
        return;
    p->in = param_location(def, what);
    ck_shape(ck, def, &p->shape, ROLE_PARAM, own_keys, what);
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
    if (p->c_name && !p->required && p->shape.kind != SHAPE_STRING)
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
                    diag_error(p->where, "parameter '%s' appears in the path but is 'in: query'",
                               p->name);
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

static void check_response(checker *ck, endpoint *e, const node *key, const node *def,
                           response *r)
{
    int64_t status = 0;
    const node *type_node = def;
    size_t i;
    r->where = key->where;
    /* "200" and 200 both name a status; YAML users quote them either way. */
    for (i = 0; i < key->len && i < 4; i++)
        status = key->value[i] >= '0' && key->value[i] <= '9' ? status * 10 + (key->value[i] - '0')
                                                              : -1000;
    if (key->len != 3 || status < 100 || status > 599) {
        diag_error(key->where, "response status '%s' must be an HTTP status code (100-599)",
                   key->value);
        return;
    }
    r->status = (int)status;
    if (def->kind == NODE_MAP) {
        static const char *const keys[] = {"type", "description", NULL};
        ck_known_keys(def, keys, "response");
        type_node = node_get(def, "type");
        if (!type_node) {
            diag_error(def->where, "response %d: missing required key 'type'", r->status);
            return;
        }
        if (node_get(def, "description"))
            r->description = ck_string(ck, node_get(def, "description"), "description");
    }
    if (type_node->kind == NODE_SCALAR && !type_node->quoted && node_is_null(type_node))
        return; /* no body: 204 No Content, a HEAD reply */
    if (type_node->kind != NODE_SCALAR || !node_is_string(type_node)) {
        diag_error(type_node->where, "response %d: expected a type name, or null for no body",
                   r->status);
        return;
    }
    r->type = ck_find_type(ck->s, type_node->value);
    if (!r->type) {
        size_t n = ck->s->type_count;
        const char **names = arena_alloc(ck->a, (n + 1) * sizeof *names);
        const char *hint;
        for (i = 0; i < n; i++)
            names[i] = ck->s->types[i].name;
        hint = naming_suggest(type_node->value, names);
        diag_error(type_node->where, "response %d of endpoint '%s': unknown type '%s'%s%s%s",
                   r->status, e->name, type_node->value, hint ? "; did you mean '" : "",
                   hint ? hint : "", hint ? "'?" : "");
    }
}

static void check_endpoint(checker *ck, const node *key, const node *def, endpoint *e)
{
    static const char *const keys[] = {"method", "path", "description", "params", "responses",
                                       NULL};
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
        for (i = 1; i < v->count; i++) {
            size_t j;
            for (j = 0; j < i; j++)
                if (e->responses[i].status && e->responses[i].status == e->responses[j].status)
                    diag_error(e->responses[i].where, "response status %d is declared twice",
                               e->responses[i].status);
        }
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
