/*
 * diff.c — `specc diff [--json] OLD NEW`: what a change to a spec breaks.
 * One line per change (FILE:LINE:COL: breaking|compatible: LOCATION:
 * MESSAGE, at the new spec's position or the old one's for a removal),
 * then "N breaking, M compatible"; or, with --json, a JSON array.
 *
 * Exit status: 0 nothing breaks, 1 something does, 2 usage errors or an
 * invalid spec (its errors printed as `specc lint` prints them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "commands.h"
#include "compare.h"
#include "diag.h"
#include "model.h"

/* Where a change is shown: the new spec's position, else the old one's. */
static loc shown_at(const change *c)
{
    return c->new_where.file ? c->new_where : c->old_where;
}

static void print_text(const change_list *l, const char *fallback_file)
{
    size_t i;
    for (i = 0; i < l->count; i++) {
        const change *c = &l->items[i];
        loc at = shown_at(c);
        if (!at.file)
            at.file = fallback_file;
        if (at.line > 0)
            printf("%s:%d:%d: ", at.file, at.line, at.col);
        else
            printf("%s: ", at.file);
        printf("%s: %s: %s\n", c->breaking ? "breaking" : "compatible", c->location, c->message);
    }
    printf("%zu breaking, %zu compatible\n", l->breaking, l->count - l->breaking);
}

/* A JSON string, with any byte that is not UTF-8 text as '?'. */
static json_t *text(const char *s)
{
    json_t *v = json_string(s);
    char *copy, *c;
    if (v)
        return v;
    copy = strdup(s);
    for (c = copy; c && *c; c++)
        if ((unsigned char)*c >= 0x80)
            *c = '?';
    v = json_string(copy ? copy : "");
    free(copy);
    return v;
}

static json_t *position(loc where)
{
    if (!where.file)
        return json_null();
    return json_pack("{s:o, s:i, s:i}", "file", text(where.file), "line", where.line, "column",
                     where.col);
}

static int print_json(const change_list *l)
{
    json_t *all = json_array();
    size_t i;
    for (i = 0; all && i < l->count; i++) {
        const change *c = &l->items[i];
        json_t *one = json_pack("{s:s, s:o, s:o, s:o, s:o}", "severity",
                                c->breaking ? "breaking" : "compatible", "location",
                                text(c->location), "message", text(c->message), "old",
                                position(c->old_where), "new", position(c->new_where));
        if (!one || json_array_append_new(all, one) != 0) {
            json_decref(all);
            return 3;
        }
    }
    if (!all || json_dumpf(all, stdout, JSON_INDENT(2)) != 0)
        return 3;
    putchar('\n');
    json_decref(all);
    return 0;
}

static int run(const char *old_path, const char *new_path, bool json)
{
    spec *o = spec_load(old_path), *n = spec_load(new_path);
    change_list changes;
    int status;
    if (!o || !n) {
        fprintf(stderr, "specc: %d error%s\n", diag_errors(), diag_errors() == 1 ? "" : "s");
        spec_free(o);
        spec_free(n);
        return 2;
    }
    memset(&changes, 0, sizeof changes);
    compare_specs(o, n, &changes);
    status = 0;
    if (json)
        status = print_json(&changes);
    else
        print_text(&changes, new_path);
    if (status == 0)
        status = changes.breaking ? 1 : 0;
    change_list_free(&changes);
    spec_free(o);
    spec_free(n);
    return status;
}

int cmd_diff(int argc, char **argv)
{
    const char *paths[2];
    size_t count = 0;
    bool json = false, options = true;
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options && strcmp(a, "--json") == 0)
            json = true;
        else if (options && strcmp(a, "--") == 0)
            options = false;
        else if (options && a[0] == '-' && a[1] != '\0')
            return usage_error("unknown option '%s'", a);
        else if (count == 2)
            return usage_error("diff takes two SPEC files, OLD and NEW; '%s' is a third", a);
        else
            paths[count++] = a;
    }
    if (count != 2)
        return usage_error("%s", "diff needs two SPEC files: specc diff [--json] OLD NEW");
    return run(paths[0], paths[1], json);
}
