/*
 * compare_fields.c — the fields of an object type, matched by JSON key (a
 * renamed key is one removed and one added): the C member's name,
 * required and nullable (and the `_state` member they decide), the value's
 * shape, the default's macro, deprecated, readOnly and writeOnly.
 */
#include "compare_internal.h"

#include <string.h>

typedef struct field_pair {
    differ *d;
    const type_def *o, *n;
    direction dir;
} field_pair;

/* A field read-only in both specs only travels in responses, a
 * write-only one only in requests. */
static direction field_dir(direction dir, const field *o, const field *n)
{
    bool ro = (!o || o->shape.read_only) && (!n || n->shape.read_only);
    bool wo = (!o || o->shape.write_only) && (!n || n->shape.write_only);
    if (ro && (dir & DIR_RESPONSE))
        return DIR_RESPONSE;
    if (wo && (dir & DIR_REQUEST))
        return DIR_REQUEST;
    return dir;
}

/* Where a field is declared: its key, or in a type composed with allOf
 * (whose fields keep the key of their first declaration, in a part) the
 * declaration that decides it, a narrowing included. */
static loc field_where(const type_def *t, const field *f)
{
    if (t->def && node_get(t->def, "allOf") && f->def_node)
        return f->def_node->where;
    return f->where;
}

static site field_site(field_pair *p, const field *o, const field *n)
{
    const field *f = n ? n : o;
    const type_def *t = n ? p->n : p->o;
    site s;
    s.path = cmp_printf(p->d, "%s.%s", t->name, cmp_name(p->d, f->json_name, f->json_len));
    s.old_where = o ? field_where(p->o, o) : cmp_nowhere;
    s.new_where = n ? field_where(p->n, n) : cmp_nowhere;
    s.dir = field_dir(p->dir, o, n);
    return s;
}

/* ------------------------------------------------- required, nullable */

/* What code reading the field must now look at. */
static const char *reader_check(differ *d, const field *o, const field *n, const char *state)
{
    if (!n->has_state)
        return cmp_printf(d, "code reading %s must check it for NULL", n->c_name);
    return cmp_printf(d, "code reading %s must check %s%s", n->c_name, n->c_state,
                      o->has_state ? state : " (a new member)");
}

/* A state member appears: old code building a value never sets it, and
 * its zero is SPECC_ABSENT, so the value is left out. */
static effect writer_effect(differ *d, const field *o, const field *n, const char *otherwise)
{
    effect e = {false, otherwise};
    if (o->has_state || !n->has_state)
        return e;
    e.breaking = true;
    e.text = cmp_printf(d, "silent: old code never sets %s, so %s is left out of requests: "
                           "set it to SPECC_PRESENT",
                        n->c_state, n->c_name);
    return e;
}

static const char *state_gone(differ *d, const field *o, const field *n)
{
    if (!o->has_state || n->has_state)
        return "";
    return cmp_printf(d, "; the member %s is gone", o->c_state);
}

static void compare_required(differ *d, const site *s, const field *o, const field *n)
{
    effect resp, req;
    if (o->required == n->required)
        return;
    if (!n->required) {
        resp.breaking = true;
        resp.text = cmp_printf(d, "silent: %s", reader_check(d, o, n, ""));
        req = writer_effect(d, o, n, "requests may leave it out");
        cmp_directed(d, s, "was required, now optional", resp, req);
        return;
    }
    resp.breaking = req.breaking = true;
    resp.text = "payloads without it are now rejected";
    req.text = cmp_printf(d, "requests must now set %s", n->c_name);
    cmp_directed(d, s, cmp_printf(d, "was optional, now required%s", state_gone(d, o, n)),
                 resp, req);
}

/* told: compare_required has said what became of the state member. */
static void compare_nullable(differ *d, const site *s, const field *o, const field *n, bool told)
{
    effect resp, req = {false, "requests may send null"};
    if (o->nullable == n->nullable)
        return;
    if (n->nullable) {
        resp.breaking = true;
        resp.text = cmp_printf(d, "silent: %s",
                               reader_check(d, told ? n : o, n, " for SPECC_NULL"));
        if (!told)
            req = writer_effect(d, o, n, req.text);
        cmp_directed(d, s, "now nullable", resp, req);
        return;
    }
    resp.breaking = req.breaking = true;
    resp.text = "payloads with null are now rejected";
    req.text = "requests with null are now refused";
    cmp_directed(d, s, cmp_printf(d, "no longer nullable%s", told ? "" : state_gone(d, o, n)),
                 resp, req);
}

/* ------------------------------------------------------------ the rest */

static void compare_default(differ *d, const site *s, const field *o, const field *n)
{
    const char *od = o->shape.default_json, *nd = n->shape.default_json;
    if ((!od && !nd) || (od && nd && strcmp(od, nd) == 0))
        return;
    if (o->c_default && !n->c_default)
        cmp_report(d, s, true, "default %s removed — code using %s no longer compiles", od,
                   o->c_default);
    else if (!od)
        cmp_report(d, s, false, "default %s added%s", nd,
                   n->c_default ? cmp_printf(d, " (%s)", n->c_default) : "");
    else if (!nd)
        cmp_report(d, s, false, "default %s removed", od);
    else
        cmp_report(d, s, false, "default was %s, now %s — the server's value when it is left "
                                "out%s",
                   od, nd, n->c_default ? cmp_printf(d, " (%s)", n->c_default) : "");
}

static void compare_flags(differ *d, const site *s, const shape *o, const shape *n)
{
    effect resp = {false, ""}, req = {false, ""};
    if (o->deprecated != n->deprecated)
        cmp_report(d, s, false, "%s", n->deprecated ? "now deprecated" : "no longer deprecated");
    if (o->read_only != n->read_only && n->read_only) {
        req.breaking = true;
        req.text = "specc_validate_as refuses requests that set it";
        cmp_directed(d, s, "now read-only", resp, req);
    } else if (o->read_only != n->read_only) {
        cmp_report(d, s, false, "no longer read-only");
    }
    req.breaking = false;
    req.text = "";
    if (o->write_only != n->write_only && n->write_only) {
        resp.breaking = true;
        resp.text = "specc_validate_as reports payloads that carry it";
        cmp_directed(d, s, "now write-only", resp, req);
    } else if (o->write_only != n->write_only) {
        cmp_report(d, s, false, "no longer write-only");
    }
}

static void compare_field(field_pair *p, const field *o, const field *n)
{
    site s = field_site(p, o, n);
    if (strcmp(o->c_name, n->c_name) != 0)
        cmp_report(p->d, &s, true, "C member renamed from %s to %s — rename it in your code",
                   o->c_name, n->c_name);
    compare_required(p->d, &s, o, n);
    compare_nullable(p->d, &s, o, n, o->required != n->required);
    cmp_shape(p->d, &s, &o->shape, &n->shape, USE_FIELD, n->c_name);
    compare_default(p->d, &s, o, n);
    compare_flags(p->d, &s, &o->shape, &n->shape);
}

/* ------------------------------------------------------------ the walk */

static bool field_same(void *ctx, size_t i, size_t j)
{
    field_pair *p = ctx;
    const field *a = &p->o->fields[i], *b = &p->n->fields[j];
    return a->json_len == b->json_len && memcmp(a->json_name, b->json_name, a->json_len) == 0;
}

static void field_matched(void *ctx, size_t i, size_t j)
{
    field_pair *p = ctx;
    compare_field(p, &p->o->fields[i], &p->n->fields[j]);
}

static void field_added(void *ctx, size_t j)
{
    field_pair *p = ctx;
    const field *n = &p->n->fields[j];
    site s = field_site(p, NULL, n);
    effect resp = {true, "payloads without it are now rejected"}, req = {true, NULL};
    if (!n->required) {
        cmp_report(p->d, &s, false, "added, optional (member %s)", n->c_name);
        return;
    }
    req.text = cmp_printf(p->d, "requests must now set %s", n->c_name);
    cmp_directed(p->d, &s, cmp_printf(p->d, "added, required (member %s)", n->c_name), resp,
                 req);
}

/* The new field whose C member has this name, if any. */
static const field *member_named(const type_def *t, const char *c_name)
{
    size_t i;
    for (i = 0; i < t->field_count; i++)
        if (strcmp(t->fields[i].c_name, c_name) == 0)
            return &t->fields[i];
    return NULL;
}

static void field_removed(void *ctx, size_t i)
{
    field_pair *p = ctx;
    const field *o = &p->o->fields[i], *heir = member_named(p->n, o->c_name);
    site s = field_site(p, o, NULL);
    if (heir)
        cmp_report(p->d, &s, true, "removed — the member %s now reads and writes \"%s\" instead", o->c_name,
                   cmp_name(p->d, heir->json_name, heir->json_len));
    else
        cmp_report(p->d, &s, true, "removed — code using the member %s no longer compiles",
                   o->c_name);
}

void cmp_fields(differ *d, const type_def *o, const type_def *n, direction dir)
{
    field_pair p;
    p.d = d;
    p.o = o;
    p.n = n;
    p.dir = dir;
    list_ops ops = {o->field_count, n->field_count,
                      field_same, field_matched, field_added, field_removed};
    cmp_walk(&ops, &p);
}
