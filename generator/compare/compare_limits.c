/*
 * compare_limits.c — the constraints on one value: bounds, multipleOf,
 * lengths, counts, uniqueItems, pattern and const. A tightened constraint
 * rejects values the old bindings accepted, whichever way they travel:
 * breaking. A loosened one is compatible, except where old code could rely
 * on a value that may now be missing (fewer items than minItems promised)
 * or unlisted (a const gone) in a response: silent, breaking.
 */
#include "compare_internal.h"

#include <math.h>
#include <string.h>

static void tightened(differ *d, const site *s, const char *what)
{
    cmp_report(d, s, true, "%s — %s valid before may now be rejected", what, cmp_who(s->dir));
}

static void loosened(differ *d, const site *s, const char *what)
{
    cmp_report(d, s, false, "%s (loosened)", what);
}

/* ---------------------------------------------------------------- bounds */

/* -1, 0, 1 as a < b, a == b, a > b in the shape's own arithmetic. */
static int bound_order(const shape *sh, const bound *a, const bound *b)
{
    if (sh->kind == SHAPE_INTEGER)
        return a->integer < b->integer ? -1 : a->integer > b->integer;
    return a->number < b->number ? -1 : a->number > b->number;
}

/* "minimum 1", "exclusiveMinimum 0", "none". */
static const char *bound_words(differ *d, const bound *b, bool exclusive, bool lower)
{
    if (!b->set)
        return "none";
    return cmp_printf(d, "%s %s",
                      lower ? (exclusive ? "exclusiveMinimum" : "minimum")
                            : (exclusive ? "exclusiveMaximum" : "maximum"),
                      b->text);
}

/* Is the new bound stricter (> 0), looser (< 0) or the same (0)? */
static int bound_change(const shape *sh, const bound *o, bool oex, const bound *n, bool nex,
                        bool lower)
{
    int order;
    if (!o->set || !n->set)
        return o->set == n->set ? 0 : n->set ? 1 : -1;
    order = bound_order(sh, n, o) * (lower ? 1 : -1);
    if (order)
        return order;
    return nex == oex ? 0 : nex ? 1 : -1;
}

static void compare_bound(differ *d, const site *s, const shape *o, const shape *n, bool lower)
{
    const bound *ob = lower ? &o->minimum : &o->maximum, *nb = lower ? &n->minimum : &n->maximum;
    bool oex = lower ? o->exclusive_minimum : o->exclusive_maximum;
    bool nex = lower ? n->exclusive_minimum : n->exclusive_maximum;
    int verdict = bound_change(n, ob, oex, nb, nex, lower);
    const char *what;
    if (!verdict)
        return;
    what = cmp_printf(d, "%s bound was %s, now %s", lower ? "lower" : "upper",
                      bound_words(d, ob, oex, lower), bound_words(d, nb, nex, lower));
    if (verdict > 0)
        tightened(d, s, what);
    else
        loosened(d, s, what);
}

/* Is every multiple of `multiple` also one of `of`? */
static bool multiple_of(const shape *sh, const bound *multiple, const bound *of)
{
    double q;
    if (sh->kind == SHAPE_INTEGER)
        return of->integer != 0 && multiple->integer % of->integer == 0;
    q = multiple->number / of->number;
    return fabs(q - floor(q + 0.5)) <= 1e-9 * fabs(q);
}

static void compare_multiple(differ *d, const site *s, const shape *o, const shape *n)
{
    const bound *ob = &o->multiple_of, *nb = &n->multiple_of;
    const char *what;
    if (!ob->set && !nb->set)
        return;
    if (ob->set && nb->set && bound_order(n, ob, nb) == 0)
        return;
    what = cmp_printf(d, "multipleOf was %s, now %s", ob->set ? ob->text : "none",
                      nb->set ? nb->text : "none");
    if (!nb->set || (ob->set && multiple_of(n, ob, nb)))
        loosened(d, s, what);
    else
        tightened(d, s, what);
}

/* ------------------------------------------------------ lengths, counts */

static const char *size_words(differ *d, const size_bound *b)
{
    return b->set ? cmp_printf(d, "%llu", (unsigned long long)b->value) : "none";
}

/* minItems lowered in a response: items old code could read may be gone. */
static void fewer_items(differ *d, const site *s, const char *what, const size_bound *o)
{
    effect resp = {true, cmp_printf(d, "silent: it may now hold fewer than %llu; code that "
                                       "relied on %llu must check count",
                                    (unsigned long long)o->value, (unsigned long long)o->value)},
           req = {false, ""};
    if (s->dir & DIR_RESPONSE)
        cmp_directed(d, s, what, resp, req);
    else
        loosened(d, s, what);
}

static void compare_size(differ *d, const site *s, const size_bound *o, const size_bound *n,
                         const char *key, bool lower)
{
    uint64_t ov = o->set ? o->value : lower ? 0 : UINT64_MAX;
    uint64_t nv = n->set ? n->value : lower ? 0 : UINT64_MAX;
    const char *what;
    if (ov == nv)
        return;
    what = cmp_printf(d, "%s was %s, now %s", key, size_words(d, o), size_words(d, n));
    if (lower ? nv > ov : nv < ov)
        tightened(d, s, what);
    else if (lower && strcmp(key, "minItems") == 0)
        fewer_items(d, s, what, o);
    else
        loosened(d, s, what);
}

/* ------------------------------------------------ unique, pattern, const */

static void compare_pattern(differ *d, const site *s, const shape *o, const shape *n)
{
    const char *op = o->pattern, *np = n->pattern;
    if ((!op && !np) || (op && np && strcmp(op, np) == 0))
        return;
    if (!np)
        loosened(d, s, cmp_printf(d, "pattern '%s' removed", op));
    else if (!op)
        tightened(d, s, cmp_printf(d, "pattern '%s' added", np));
    else
        tightened(d, s, cmp_printf(d, "pattern was '%s', now '%s'", op, np));
}

static void compare_const(differ *d, const site *s, const shape *o, const shape *n)
{
    const char *oc = o->const_json, *nc = n->const_json;
    effect resp = {true, NULL}, req = {false, ""};
    if ((!oc && !nc) || (oc && nc && strcmp(oc, nc) == 0))
        return;
    if (!oc) {
        tightened(d, s, cmp_printf(d, "now const %s", nc));
    } else if (nc) {
        tightened(d, s, cmp_printf(d, "const was %s, now %s", oc, nc));
    } else {
        resp.text = cmp_printf(d, "silent: values other than %s may now arrive", oc);
        cmp_directed(d, s, cmp_printf(d, "const %s removed", oc), resp, req);
    }
}

void cmp_limits(differ *d, const site *s, const shape *o, const shape *n)
{
    compare_bound(d, s, o, n, true);
    compare_bound(d, s, o, n, false);
    compare_multiple(d, s, o, n);
    compare_size(d, s, &o->min_length, &n->min_length, "minLength", true);
    compare_size(d, s, &o->max_length, &n->max_length, "maxLength", false);
    compare_size(d, s, &o->min_items, &n->min_items, "minItems", true);
    compare_size(d, s, &o->max_items, &n->max_items, "maxItems", false);
    if (o->unique_items != n->unique_items) {
        if (n->unique_items)
            tightened(d, s, "uniqueItems added");
        else
            loosened(d, s, "uniqueItems removed");
    }
    compare_pattern(d, s, o, n);
    compare_const(d, s, o, n);
}
