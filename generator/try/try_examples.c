/*
 * try_examples.c — example files, resolved beside their spec and checked.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "try_examples.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "file.h"
#include "try_check.h"

/* One example and what it is an example of. */
typedef struct example_job {
    const spec *s;
    const example_file *ex;
    const char *target; /* "Model", "get_model.200" */
    const specc_type *type;
    specc_as as;
} example_job;

/* The file, when it really lies inside the spec's directory (symbolic
 * links resolved); NULL after reporting why not. */
static char *read_inside(const example_job *j, size_t *len)
{
    char *dir = path_dir(j->s->file), *path = path_join(dir, j->ex->path);
    char real_dir[PATH_MAX], real_path[PATH_MAX];
    char *text = NULL;
    size_t n;
    if (!realpath(dir, real_dir) || !realpath(path, real_path)) {
        diag_error(j->ex->where, "example '%s' of %s: cannot open %s: %s", j->ex->path,
                   j->target, path, strerror(errno));
    } else if (n = strlen(real_dir),
               strncmp(real_path, real_dir, n) != 0 || (real_path[n] != '/' && n > 1)) {
        diag_error(j->ex->where, "example '%s' of %s: the file lies outside the spec's "
                                 "directory (%s)",
                   j->ex->path, j->target, real_path);
    } else if (!(text = file_read(real_path, len, 0))) {
        diag_error(j->ex->where, "example '%s' of %s: cannot read %s: %s", j->ex->path,
                   j->target, path, strerror(errno));
    }
    free(dir);
    free(path);
    return text;
}

/* Check one example; true when it passes. */
static bool check_one(const example_job *j, FILE *progress)
{
    size_t len, i;
    char *text = read_inside(j, &len);
    try_result r;
    bool ok;
    if (!text) {
        if (progress)
            fprintf(progress, "FAIL %s %s\n", j->target, j->ex->path);
        return false;
    }
    try_check(j->type, j->as, text, len, &r);
    for (i = 0; i < r.count; i++) {
        const try_finding *f = &r.findings[i];
        (f->note ? diag_note : diag_error)(j->ex->where, "example '%s' of %s: %s:%d:%d: %s: %s",
                                              j->ex->path, j->target, j->ex->path, f->line,
                                              f->column, f->path, f->message);
    }
    ok = r.problems == 0 && r.round_trips;
    if (r.problems == 0 && !r.round_trips)
        diag_error(j->ex->where, "example '%s' of %s: decoding and encoding it again changes "
                                 "its JSON value: %.*s%s",
                   j->ex->path, j->target, r.encoded_len > 200 ? 200 : (int)r.encoded_len,
                   r.encoded, r.encoded_len > 200 ? "..." : "");
    if (progress)
        fprintf(progress, "%s %s %s\n", ok ? "PASS" : "FAIL", j->target, j->ex->path);
    try_result_free(&r);
    free(text);
    return ok;
}

static void run_list(example_job *j, const example_file *list, size_t count, FILE *progress,
                     try_example_counts *out)
{
    size_t i;
    for (i = 0; i < count; i++) {
        j->ex = &list[i];
        if (check_one(j, progress))
            out->passed++;
        else
            out->failed++;
    }
}

void try_examples(const spec *s, const try_types *tt, FILE *progress, try_example_counts *out)
{
    example_job j;
    size_t i, k;
    memset(&j, 0, sizeof j);
    j.s = s;
    for (i = 0; i < s->type_count; i++) {
        const type_def *t = &s->types[i];
        j.target = t->name;
        j.type = try_types_of(tt, t);
        j.as = SPECC_AS_ANY;
        run_list(&j, t->examples, t->example_count, progress, out);
    }
    for (i = 0; i < s->endpoint_count; i++) {
        const endpoint *e = &s->endpoints[i];
        for (k = 0; k < e->response_count; k++) {
            const response *r = &e->responses[k];
            char *target;
            if (!r->example_count)
                continue;
            target = malloc(strlen(e->name) + strlen(r->status_text) + 2);
            if (!target)
                exit(3);
            sprintf(target, "%s.%s", e->name, r->status_text);
            if (!r->type) {
                diag_error(r->examples[0].where, "%s declares no body; its examples cannot be "
                                                 "checked",
                           target);
                out->failed += r->example_count;
                free(target);
                continue;
            }
            j.target = target;
            j.type = try_types_of(tt, r->type);
            j.as = SPECC_AS_RESPONSE;
            run_list(&j, r->examples, r->example_count, progress, out);
            free(target);
        }
    }
}
