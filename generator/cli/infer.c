/*
 * infer.c — `specc infer [--api NAME] [--type NAME] FILE...`: a first draft
 * of a spec from sample payloads, on standard output (the work is in
 * generator/infer/). Exit 0 with the draft; 1 when a file cannot be read
 * or is not JSON (FILE:LINE:COL: error: ...); 2 on usage errors; 3 out of
 * memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "file.h"
#include "infer.h"
#include "model.h"

typedef struct infer_options {
    const char *api;
    const char *type;
    const char **files;
    size_t count;
} infer_options;

/* Options and files; a usage error's status (2), or 0. */
static int parse_options(int argc, char **argv, infer_options *o)
{
    int i;
    bool files_only = false;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!files_only && (strcmp(a, "--api") == 0 || strcmp(a, "--type") == 0)) {
            if (i + 1 >= argc)
                return usage_error("%s needs a name", a);
            *(strcmp(a, "--api") == 0 ? &o->api : &o->type) = argv[++i];
        } else if (!files_only && strcmp(a, "--") == 0) {
            files_only = true;
        } else if (!files_only && a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else {
            o->files[o->count++] = a;
        }
    }
    if (o->count == 0)
        return usage_error("%s", "infer needs at least one FILE (- for standard input)");
    return 0;
}

/* "FILE:LINE:COL: error: not JSON: MESSAGE (at PATH)"; too deep for the
 * draft is JSON still, and says so itself. */
static void report(loc where, const specc_error *err)
{
    const char *what = err->code == SPECC_ERR_DEPTH ? "" : "not JSON: ";
    if (err->path[0] && strcmp(err->path, "$") != 0)
        diag_error(where, "%s%s (at %s)", what, err->message, err->path);
    else
        diag_error(where, "%s%s", what, err->message);
}

/* One sample into the draft; false after reporting why not. */
static bool add_file(infer *in, const char *path, const char *shown, int *nomem)
{
    size_t len;
    char *text = file_read(path, &len, 1);
    specc_error err;
    loc where = {shown, 0, 0};
    bool ok;
    if (!text) {
        diag_error(where, "cannot read: %s", strerror(errno));
        return false;
    }
    ok = infer_add(in, text, len, &err);
    free(text);
    if (ok)
        return true;
    *nomem |= err.code == SPECC_ERR_NOMEM;
    where.line = err.line;
    where.col = err.column;
    report(where, &err);
    return false;
}

/* The draft must pass the checker (what `specc lint` runs); if it does
 * not, that is a bug here: say so. */
static bool self_check(const char *draft)
{
    node *root = parse_text("<draft>", draft, strlen(draft));
    spec *s = root ? spec_check("<draft>", root) : NULL;
    if (!s) {
        fputs("specc: internal error: the draft above does not pass 'specc lint'; please "
              "report it with the samples\n", stderr);
        return false;
    }
    spec_free(s);
    return true;
}

static int draft_out(infer *in, const infer_options *o)
{
    size_t warnings = 0;
    char *draft = infer_draft(in, o->api, o->type, o->files, o->count, &warnings);
    bool ok;
    if (!draft) {
        fputs("specc: out of memory\n", stderr);
        return 3;
    }
    fputs(draft, stdout);
    ok = self_check(draft);
    free(draft);
    if (warnings)
        fprintf(stderr, "specc: warning: %zu place%s of the draft cannot keep every sample "
                        "exactly; see the WARNING comments\n",
                warnings, warnings == 1 ? "" : "s");
    return ok ? 0 : 1;
}

int cmd_infer(int argc, char **argv)
{
    infer_options o = {"draft", "Root", NULL, 0};
    const char *why;
    infer *in;
    int status = 0, nomem = 0;
    size_t i;
    if (!(o.files = malloc((size_t)argc * sizeof *o.files)))
        return 3;
    if ((status = parse_options(argc, argv, &o)) != 0 ||
        ((why = infer_names_valid(o.api, o.type)) != NULL && (status = usage_error("%s", why)))) {
        free(o.files);
        return status;
    }
    if (!(in = infer_new())) {
        free(o.files);
        return 3;
    }
    for (i = 0; i < o.count; i++) {
        const char *shown = strcmp(o.files[i], "-") == 0 ? "<stdin>" : o.files[i];
        if (!add_file(in, o.files[i], shown, &nomem))
            status = 1;
        o.files[i] = shown; /* as the draft's header names it */
    }
    if (status == 0)
        status = draft_out(in, &o);
    infer_free(in);
    free(o.files);
    return nomem ? 3 : status;
}
