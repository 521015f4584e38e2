/*
 * try.c — `specc try SPEC TARGET [FILE...]`: payloads checked against a
 * spec without writing C. The spec's types become runtime descriptors at
 * run time (generator/try/), so the answer is the compiled bindings'.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "file.h"
#include "model.h"
#include "try_check.h"
#include "try_target.h"
#include "try_types.h"

/* Print one file's findings (standard error) and its re-encoding
 * (standard output, unless quiet); true when it was accepted. */
static bool report(const char *name, const try_result *r, bool quiet)
{
    size_t i;
    for (i = 0; i < r->count; i++) {
        const try_finding *f = &r->findings[i];
        fprintf(stderr, "%s:%d:%d: %s%s: %s\n", name, f->line, f->column,
                f->note ? "note: " : "", f->path, f->message);
    }
    if (r->problems)
        return false;
    if (!quiet) {
        fwrite(r->encoded, 1, r->encoded_len, stdout);
        putchar('\n');
    }
    return true;
}

/* Check one file; 0 accepted, 1 rejected, 2 unreadable. */
static int try_file(const specc_type *type, specc_as as, const char *path, bool quiet)
{
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    size_t len;
    char *text = file_read(path, &len, 1);
    try_result r;
    bool ok;
    if (!text) {
        fprintf(stderr, "specc: %s: %s\n", name, strerror(errno));
        return 2;
    }
    try_check(type, as, text, len, &r);
    ok = report(name, &r, quiet);
    try_result_free(&r);
    free(text);
    return ok ? 0 : 1;
}

int cmd_try(int argc, char **argv)
{
    const char *spec_path = NULL, *target = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0, i;
    bool quiet = false, rest = false;
    int status = 0, a;
    spec *s;

    if (!files)
        return 3;
    for (a = 1; a < argc; a++) {
        if (!rest && strcmp(argv[a], "--quiet") == 0)
            quiet = true;
        else if (!rest && strcmp(argv[a], "--") == 0)
            rest = true;
        else if (!rest && argv[a][0] == '-' && argv[a][1] != '\0') {
            free(files);
            return usage_error("unknown option '%s'", argv[a]);
        } else if (!spec_path)
            spec_path = argv[a];
        else if (!target)
            target = argv[a];
        else
            files[nfiles++] = argv[a];
    }
    if (!target) {
        free(files);
        return usage_error("%s", "try needs a SPEC and a TARGET (Type or endpoint.STATUS)");
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    if (!(s = spec_load(spec_path))) {
        fprintf(stderr, "specc: %d error%s\n", diag_errors(), diag_errors() == 1 ? "" : "s");
        free(files);
        return 2;
    }
    {
        try_types *tt = try_types_build(s);
        try_target t;
        if (!try_target_find(s, tt, target, &t)) {
            status = 2;
        } else {
            for (i = 0; i < nfiles; i++) {
                int one = try_file(t.type, t.as, files[i], quiet);
                status = one > status ? one : status;
            }
        }
        try_types_free(tt);
    }
    spec_free(s);
    free(files);
    return status;
}
