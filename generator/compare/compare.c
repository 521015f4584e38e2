/*
 * compare.c — the list of changes, the walk that keeps it in the new spec's
 * order, and the spec's own settings (api, base_url, auth). Types and
 * endpoints are compared in the files named after them.
 */
#define _POSIX_C_SOURCE 200809L

#include "compare_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

const loc cmp_nowhere = {NULL, 0, 0};

#define SILENT "silent: "

/* ------------------------------------------------------------- the list */

static void *must(void *p)
{
    if (!p) {
        fputs("specc: out of memory\n", stderr);
        exit(3);
    }
    return p;
}

static char *vformat(differ *d, const char *fmt, va_list ap) DIAG_PRINTF(2, 0);

static char *vformat(differ *d, const char *fmt, va_list ap)
{
    strbuf b = STRBUF_INIT;
    strbuf_vprintf(&b, fmt, ap);
    return arena_own(d->a, must(strbuf_steal(&b, NULL)));
}

char *cmp_printf(differ *d, const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    s = vformat(d, fmt, ap);
    va_end(ap);
    return s;
}

static void append(differ *d, const site *s, bool breaking, const char *message)
{
    change_list *l = d->out;
    change *c;
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->items = must(realloc(l->items, l->cap * sizeof *l->items));
    }
    c = &l->items[l->count++];
    c->breaking = breaking;
    c->location = s->path;
    c->message = cmp_name(d, message, strlen(message)); /* spec text: one line */
    c->old_where = s->old_where;
    c->new_where = s->new_where;
    l->breaking += breaking;
}

void cmp_report(differ *d, const site *s, bool breaking, const char *fmt, ...)
{
    va_list ap;
    char *message;
    va_start(ap, fmt);
    message = vformat(d, fmt, ap);
    va_end(ap);
    append(d, s, breaking, message);
}

void cmp_directed(differ *d, const site *s, const char *what, effect resp, effect req)
{
    const effect *halves[2];
    size_t n = 0, i;
    bool breaking = false;
    char *text = NULL;
    if ((s->dir & DIR_RESPONSE) && resp.text)
        halves[n++] = &resp;
    if ((s->dir & DIR_REQUEST) && req.text && !(n && strcmp(req.text, resp.text) == 0))
        halves[n++] = &req;
    for (i = 0; i < n; i++)
        breaking |= halves[i]->breaking;
    for (i = 0; i < n; i++) {
        const char *add = halves[i]->text;
        if (halves[i]->breaking != breaking || !add[0])
            continue;
        if (text && strncmp(text, SILENT, strlen(SILENT)) == 0 &&
            strncmp(add, SILENT, strlen(SILENT)) == 0)
            add += strlen(SILENT); /* say it once */
        text = text ? cmp_printf(d, "%s; %s", text, add) : cmp_printf(d, "%s", add);
    }
    if (text)
        cmp_report(d, s, breaking, "%s — %s", what, text);
    else
        cmp_report(d, s, breaking, "%s", what);
}

const char *cmp_who(direction dir)
{
    return dir == DIR_RESPONSE  ? "payloads"
           : dir == DIR_REQUEST ? "requests"
                                : "payloads and requests";
}

const char *cmp_name(differ *d, const char *bytes, size_t len)
{
    strbuf b = STRBUF_INIT;
    size_t i;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c == '\n')
            strbuf_append(&b, "\\n");
        else if (c == '\t')
            strbuf_append(&b, "\\t");
        else if (c < 0x20 || c == 0x7f)
            strbuf_printf(&b, "\\x%02x", c);
        else
            strbuf_append_char(&b, (char)c);
    }
    return arena_own(d->a, must(strbuf_steal(&b, NULL)));
}

site cmp_below(differ *d, const site *s, const char *suffix, loc old_where, loc new_where)
{
    site below = *s;
    below.path = cmp_printf(d, "%s%s", s->path, suffix);
    below.old_where = old_where;
    below.new_where = new_where;
    return below;
}

void change_list_free(change_list *list)
{
    free(list->items);
    arena_free(&list->mem);
    list->items = NULL;
    list->count = list->cap = list->breaking = 0;
}

/* ------------------------------------------------------------- the walk */

/* Report old items from..., up to the next one that is still there. */
static void removed_run(const list_ops *ops, void *ctx, const bool *taken, size_t from)
{
    size_t k;
    for (k = from; k < ops->old_count && !taken[k]; k++)
        ops->removed(ctx, k);
}

void cmp_walk(const list_ops *ops, void *ctx)
{
    size_t *old_of_new = must(calloc(ops->new_count + 1, sizeof *old_of_new));
    bool *taken = must(calloc(ops->old_count + 1, sizeof *taken));
    size_t i, j;
    for (i = 0; i < ops->new_count; i++)
        for (j = 0; j < ops->old_count; j++)
            if (!taken[j] && ops->same(ctx, j, i)) {
                old_of_new[i] = j + 1;
                taken[j] = true;
                break;
            }
    removed_run(ops, ctx, taken, 0);
    for (i = 0; i < ops->new_count; i++) {
        if (!old_of_new[i]) {
            ops->added(ctx, i);
            continue;
        }
        ops->matched(ctx, old_of_new[i] - 1, i);
        removed_run(ops, ctx, taken, old_of_new[i]);
    }
    free(old_of_new);
    free(taken);
}

/* ---------------------------------------------------- the spec's settings */

/* Where the top-level key is written, or nowhere. */
static loc key_where(const spec *s, const char *key)
{
    size_t i;
    for (i = 0; s->root && s->root->kind == NODE_MAP && i < s->root->count; i++)
        if (strcmp(s->root->keys[i]->value, key) == 0)
            return s->root->keys[i]->where;
    return cmp_nowhere;
}

static site setting_site(const differ *d, const char *key)
{
    site s;
    s.path = key;
    s.old_where = key_where(d->o, key);
    s.new_where = key_where(d->n, key);
    s.dir = DIR_BOTH;
    return s;
}

static void compare_api(differ *d)
{
    site s = setting_site(d, "api");
    if (strcmp(d->o->api, d->n->api) == 0)
        return;
    cmp_report(d, &s, true,
               "was '%s', now '%s' — every C name's prefix changes (%s_ → %s_, %s_ → %s_) and "
               "the files are %s.h and %s.c: rename them in your code",
               d->o->api, d->n->api, d->o->api, d->n->api, d->o->api_upper, d->n->api_upper,
               d->n->api, d->n->api);
}

static void compare_base_url(differ *d)
{
    site s = setting_site(d, "base_url");
    const char *o = d->o->base_url, *n = d->n->base_url;
    if ((!o && !n) || (o && n && strcmp(o, n) == 0))
        return;
    if (!o)
        cmp_report(d, &s, false, "added: %s (%s_BASE_URL)", n, d->n->api_upper);
    else if (!n)
        cmp_report(d, &s, true, "removed (was %s) — %s_BASE_URL is now empty: requests need "
                                "their base URL from elsewhere",
                   o, d->n->api_upper);
    else
        cmp_report(d, &s, true, "was %s, now %s — requests go elsewhere (%s_BASE_URL)", o, n,
                   d->n->api_upper);
}

static bool has_scheme(const spec *s, const char *scheme)
{
    size_t i;
    for (i = 0; i < s->auth_count; i++)
        if (strcmp(s->auth[i], scheme) == 0)
            return true;
    return false;
}

/* auth lists the schemes the API accepts: one taken away may refuse
 * requests that authenticated with it. */
static void compare_auth(differ *d)
{
    site s = setting_site(d, "auth");
    size_t i;
    for (i = 0; i < d->o->auth_count; i++)
        if (!has_scheme(d->n, d->o->auth[i]))
            cmp_report(d, &s, true, "scheme '%s' removed — requests %s may be refused",
                       d->o->auth[i],
                       strcmp(d->o->auth[i], "none") == 0
                           ? "without credentials"
                           : cmp_printf(d, "authenticated with %s", d->o->auth[i]));
    for (i = 0; i < d->n->auth_count; i++)
        if (!has_scheme(d->o, d->n->auth[i]))
            cmp_report(d, &s, false, "scheme '%s' added", d->n->auth[i]);
}

/* Does the new spec list its types before its endpoints? */
static bool types_first(const spec *s)
{
    loc t = key_where(s, "types"), e = key_where(s, "endpoints");
    return t.file && (!e.file || t.line < e.line || (t.line == e.line && t.col < e.col));
}

void compare_specs(const spec *old_spec, const spec *new_spec, change_list *out)
{
    differ d;
    d.o = old_spec;
    d.n = new_spec;
    d.out = out;
    d.a = &out->mem;
    cmp_usage(&d);
    compare_api(&d);
    compare_base_url(&d);
    compare_auth(&d);
    if (types_first(new_spec)) {
        cmp_types(&d);
        cmp_endpoints(&d);
    } else {
        cmp_endpoints(&d);
        cmp_types(&d);
    }
    free(d.use_o);
    free(d.use_n);
}
