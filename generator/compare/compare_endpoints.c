/*
 * compare_endpoints.c — endpoints matched by name: method and path (where
 * requests go), parameters by name, the request body, and responses by
 * status. Parameters and bodies are built by the user (a new requirement
 * breaks); responses are decoded (a status now decoded into another member
 * is silent).
 */
#include "compare_internal.h"

#include <ctype.h>
#include <string.h>

typedef struct endpoint_pair {
    differ *d;
    const endpoint *o, *n;
    const site *s;
} endpoint_pair;

/* A type as messages name it: "Pet", "array of Order", "oneOf [...]". */
static const char *type_words(differ *d, const type_def *t)
{
    shape sh;
    memset(&sh, 0, sizeof sh);
    sh.kind = SHAPE_REF;
    sh.ref = (type_def *)t;
    return cmp_describe(d, &sh);
}

static bool same_body_type(const type_def *o, const type_def *n)
{
    if (o->is_inline || n->is_inline)
        return o->is_inline && n->is_inline;
    return strcmp(o->name, n->name) == 0;
}

/* ----------------------------------------------------------- parameters */

static site param_site(endpoint_pair *p, const param *o, const param *n)
{
    const param *x = n ? n : o;
    site s = cmp_below(p->d, p->s,
                       cmp_printf(p->d, ".params.%s", cmp_name(p->d, x->name, strlen(x->name))),
                       o ? o->where : cmp_nowhere, n ? n->where : cmp_nowhere);
    s.dir = DIR_REQUEST;
    return s;
}

static const char *const places[] = {"path", "query", "header"};

static void compare_param_required(differ *d, const site *s, const param *o, const param *n)
{
    if (o->required == n->required)
        return;
    if (n->required)
        cmp_report(d, s, true, "was optional, now required%s — requests without it are refused",
                   o->c_has && !n->c_has ? cmp_printf(d, "; the member %s is gone", o->c_has)
                                         : "");
    else if (n->c_has && !o->c_has)
        cmp_report(d, s, true, "was required, now optional — silent: old code never sets %s, so "
                               "%s is left out of requests: set %s = true",
                   n->c_has, n->c_name, n->c_has);
    else
        cmp_report(d, s, false, "was required, now optional");
}

static void compare_param(endpoint_pair *p, const param *o, const param *n)
{
    site s = param_site(p, o, n);
    differ *d = p->d;
    if (strcmp(o->name, n->name) != 0)
        cmp_report(d, &s, false, "renamed from '%s' (a path placeholder: requests are the same)",
                   cmp_name(d, o->name, strlen(o->name)));
    if (o->in != n->in)
        cmp_report(d, &s, true, "was in %s, now in %s — requests send it elsewhere",
                   places[o->in], places[n->in]);
    if (strcmp(o->c_name, n->c_name) != 0)
        cmp_report(d, &s, true, "C member renamed from %s to %s — rename it in your code",
                   o->c_name, n->c_name);
    compare_param_required(d, &s, o, n);
    if (o->keep_slashes != n->keep_slashes)
        cmp_report(d, &s, true, "keep_slashes was %s, now %s — values with '/' are sent "
                                "differently: requests go elsewhere",
                   o->keep_slashes ? "true" : "false", n->keep_slashes ? "true" : "false");
    if (o->explode != n->explode && n->shape.kind == SHAPE_ARRAY && o->shape.kind == SHAPE_ARRAY)
        cmp_report(d, &s, true, "explode was %s, now %s — the query is written %s: the server "
                                "may read it differently",
                   o->explode ? "true" : "false", n->explode ? "true" : "false",
                   n->explode ? "k=a&k=b" : "k=a,b");
    cmp_shape(d, &s, &o->shape, &n->shape, USE_PARAM, n->c_name);
    if (o->shape.deprecated != n->shape.deprecated)
        cmp_report(d, &s, false, "%s", n->shape.deprecated ? "now deprecated"
                                                           : "no longer deprecated");
}

/* Parameters match by name; path parameters also by C member, since the
 * name is only the placeholder's and never sent. */
static bool param_same(void *ctx, size_t i, size_t j)
{
    endpoint_pair *p = ctx;
    const param *o = &p->o->params[i], *n = &p->n->params[j];
    if (o->in == PARAM_PATH && n->in == PARAM_PATH && strcmp(o->c_name, n->c_name) == 0)
        return true;
    return strcmp(o->name, n->name) == 0;
}

static void param_matched(void *ctx, size_t i, size_t j)
{
    endpoint_pair *p = ctx;
    compare_param(p, &p->o->params[i], &p->n->params[j]);
}

static void param_added(void *ctx, size_t j)
{
    endpoint_pair *p = ctx;
    const param *n = &p->n->params[j];
    site s = param_site(p, NULL, n);
    if (n->required)
        cmp_report(p->d, &s, true, "added, required — requests must now set %s", n->c_name);
    else
        cmp_report(p->d, &s, false, "added, optional (member %s)", n->c_name);
}

static void param_removed(void *ctx, size_t i)
{
    endpoint_pair *p = ctx;
    const param *o = &p->o->params[i];
    site s = param_site(p, o, NULL);
    cmp_report(p->d, &s, true, "removed — code using the params member %s no longer compiles",
               o->c_name);
}

static void compare_params(endpoint_pair *p)
{
    list_ops ops = {p->o->param_count, p->n->param_count,
                      param_same, param_matched, param_added, param_removed};
    cmp_walk(&ops, p);
}

/* ----------------------------------------------------------------- body */

static void compare_body(endpoint_pair *p)
{
    const request_body *o = p->o->body, *n = p->n->body;
    site s = cmp_below(p->d, p->s, ".body", o ? o->where : cmp_nowhere, n ? n->where : cmp_nowhere);
    differ *d = p->d;
    s.dir = DIR_REQUEST;
    if (!o && !n)
        return;
    if (!o || !n) {
        cmp_report(d, &s, true, "%s — calls to %s_request no longer compile (its body argument "
                                "is %s)",
                   n ? cmp_printf(d, "added (%s)", type_words(d, n->type)) : "removed",
                   p->n->c_name, n ? "new" : "gone");
        return;
    }
    if (o->required != n->required)
        cmp_report(d, &s, n->required, "%s", n->required ? "now required — requests without a "
                                                           "body are refused"
                                                         : "now optional");
    if (!same_body_type(o->type, n->type))
        cmp_report(d, &s, true, "type was %s, now %s — the body argument's C type changes: code "
                                "building it must be rewritten",
                   type_words(d, o->type), type_words(d, n->type));
    else if (o->type->is_inline)
        cmp_inline(d, &s, o->type, n->type);
}

/* ------------------------------------------------------------ responses */

/* The member of the response struct: "status_200", "status_4xx". */
static const char *member(differ *d, const response *r)
{
    char *m = cmp_printf(d, "status_%s", r->status_text);
    char *c;
    for (c = m; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return m;
}

/* The declaration of e that takes status r when r itself is not there:
 * the range, else default. */
static const response *taker(const endpoint *e, const response *r)
{
    const response *fallback = NULL;
    size_t i;
    for (i = 0; i < e->response_count; i++) {
        const response *x = &e->responses[i];
        if (x->status_kind == STATUS_RANGE && r->status_kind == STATUS_EXACT &&
            x->status == r->status / 100 * 100)
            return x;
        if (x->status_kind == STATUS_DEFAULT && r->status_kind != STATUS_DEFAULT)
            fallback = x;
    }
    return fallback;
}

static site response_site(endpoint_pair *p, const response *o, const response *n)
{
    const response *x = n ? n : o;
    site s = cmp_below(p->d, p->s, cmp_printf(p->d, ".responses.%s", x->status_text),
                       o ? o->where : cmp_nowhere, n ? n->where : cmp_nowhere);
    s.dir = DIR_RESPONSE;
    return s;
}

static bool response_same(void *ctx, size_t i, size_t j)
{
    endpoint_pair *p = ctx;
    const response *a = &p->o->responses[i], *b = &p->n->responses[j];
    return a->status_kind == b->status_kind && a->status == b->status;
}

static void response_matched(void *ctx, size_t i, size_t j)
{
    endpoint_pair *p = ctx;
    const response *o = &p->o->responses[i], *n = &p->n->responses[j];
    site s = response_site(p, o, n);
    differ *d = p->d;
    if (!o->type && !n->type)
        return;
    if (!o->type)
        cmp_report(d, &s, true, "now has a body (%s, %s) — bodies that are not one are now "
                                "rejected",
                   type_words(d, n->type), member(d, n));
    else if (!n->type)
        cmp_report(d, &s, true, "no longer has a body — code using %s no longer compiles",
                   member(d, o));
    else if (!same_body_type(o->type, n->type))
        cmp_report(d, &s, true, "type was %s, now %s — %s changes C type: code using it must be "
                                "rewritten",
                   type_words(d, o->type), type_words(d, n->type), member(d, n));
    else if (o->type->is_inline)
        cmp_inline(d, &s, o->type, n->type);
}

static void response_added(void *ctx, size_t j)
{
    endpoint_pair *p = ctx;
    const response *n = &p->n->responses[j], *was = taker(p->o, n);
    site s = response_site(p, NULL, n);
    const char *what = n->type ? cmp_printf(p->d, "added (%s)", member(p->d, n)) : "added";
    if (was && was->type)
        cmp_report(p->d, &s, true, "%s — silent: %s responses were decoded into %s, now %s",
                   what, n->status_text, member(p->d, was),
                   n->type ? cmp_printf(p->d, "into %s", member(p->d, n)) : "without a body");
    else if (was && n->type)
        cmp_report(p->d, &s, true, "%s — %s responses were taken without a body, now bodies that "
                                   "are not %s are rejected",
                   what, n->status_text, type_words(p->d, n->type));
    else
        cmp_report(p->d, &s, false, "%s", what);
}

static void response_removed(void *ctx, size_t i)
{
    endpoint_pair *p = ctx;
    const response *o = &p->o->responses[i], *now = taker(p->n, o);
    site s = response_site(p, o, NULL);
    const char *then = now ? (now->type ? cmp_printf(p->d, "decoded into %s", member(p->d, now))
                                        : "taken without a body")
                           : "an error (SPECC_ERR_STATUS)";
    if (o->type)
        cmp_report(p->d, &s, true, "removed — code using %s no longer compiles; %s responses "
                                   "are now %s",
                   member(p->d, o), o->status_text, then);
    else
        cmp_report(p->d, &s, true, "removed — %s responses are now %s", o->status_text, then);
}

static void compare_responses(endpoint_pair *p)
{
    list_ops ops = {p->o->response_count, p->n->response_count,
                      response_same, response_matched, response_added, response_removed};
    cmp_walk(&ops, p);
}

/* ------------------------------------------------------------ endpoints */

/* The path with every placeholder's name left out: "/repos/{}/{}". */
static const char *path_shape(differ *d, const char *path)
{
    char *out = cmp_printf(d, "%s", path), *w = out;
    const char *r;
    for (r = path; *r; r++) {
        *w++ = *r;
        if (*r == '{')
            while (r[1] && r[1] != '}')
                r++;
    }
    *w = '\0';
    return out;
}

static void compare_route(differ *d, const site *s, const endpoint *o, const endpoint *n)
{
    if (strcmp(o->method, n->method) != 0)
        cmp_report(d, s, true, "method was %s, now %s — requests go elsewhere", o->method,
                   n->method);
    if (strcmp(path_shape(d, o->path), path_shape(d, n->path)) != 0)
        cmp_report(d, s, true, "path was %s, now %s — requests go elsewhere", o->path, n->path);
    else if (strcmp(o->path, n->path) != 0)
        cmp_report(d, s, false, "path was %s, now %s (placeholders renamed)", o->path, n->path);
}

static site endpoint_site(differ *d, const endpoint *o, const endpoint *n)
{
    site s;
    s.path = cmp_name(d, (n ? n : o)->name, strlen((n ? n : o)->name));
    s.old_where = o ? o->where : cmp_nowhere;
    s.new_where = n ? n->where : cmp_nowhere;
    s.dir = DIR_BOTH;
    return s;
}

static bool endpoint_same(void *ctx, size_t i, size_t j)
{
    differ *d = ctx;
    return strcmp(d->o->endpoints[i].name, d->n->endpoints[j].name) == 0;
}

static void endpoint_matched(void *ctx, size_t i, size_t j)
{
    differ *d = ctx;
    endpoint_pair p;
    site s;
    p.d = d;
    p.o = &d->o->endpoints[i];
    p.n = &d->n->endpoints[j];
    s = endpoint_site(d, p.o, p.n);
    p.s = &s;
    compare_route(d, &s, p.o, p.n);
    compare_params(&p);
    compare_body(&p);
    compare_responses(&p);
}

static void endpoint_added(void *ctx, size_t j)
{
    differ *d = ctx;
    const endpoint *n = &d->n->endpoints[j];
    site s = endpoint_site(d, NULL, n);
    cmp_report(d, &s, false, "added (%s %s)", n->method, n->path);
}

static void endpoint_removed(void *ctx, size_t i)
{
    differ *d = ctx;
    const endpoint *o = &d->o->endpoints[i];
    site s = endpoint_site(d, o, NULL);
    cmp_report(d, &s, true, "removed — code using %s_* no longer compiles", o->c_name);
}

void cmp_endpoints(differ *d)
{
    list_ops ops = {d->o->endpoint_count, d->n->endpoint_count,
                      endpoint_same, endpoint_matched, endpoint_added, endpoint_removed};
    cmp_walk(&ops, d);
}
