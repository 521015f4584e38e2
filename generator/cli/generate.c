/*
 * generate.c — the commands that turn specs into files or checks of them:
 * generate, check, runtime, schema, doc, lint and dump-model
 * (parse → check → view → render → output).
 */


#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "commands.h"
#include "diag.h"
#include "file.h"
#include "model.h"
#include "output.h"
#include "render.h"
#include "schema.h"
#include "try_examples.h"
#include "try_types.h"
#include "view.h"

/* ------------------------------------------------------------ templates */

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --templates, $SPECC_TEMPLATES, PREFIX/share/specc/templates next to an
 * installed binary (so a moved prefix still works), then the source tree
 * this binary was built from. Returns a malloc'd path or NULL. */
static char *find_templates(const char *given)
{
    const char *env = getenv("SPECC_TEMPLATES");
    char exe[PATH_MAX];
    ssize_t n;
    if (given)
        return path_join(given, ".");
    if (env && *env)
        return path_join(env, ".");
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        char *slash;
        exe[n] = '\0';
        slash = strrchr(exe, '/');
        if (slash) {
            char *installed;
            *slash = '\0';
            installed = path_join(exe, "../share/specc/templates");
            if (is_dir(installed))
                return installed;
            free(installed);
        }
    }
#ifdef SPECC_SOURCE_TEMPLATES
    if (is_dir(SPECC_SOURCE_TEMPLATES))
        return path_join(SPECC_SOURCE_TEMPLATES, ".");
#endif
    return NULL;
}

/* Render template DIR/NAME against view into the set as OUT_NAME. */
static bool render_one(const char *tdir, const char *name, const json_t *view,
                       const char *out_name, output_set *out)
{
    char *path = path_join(tdir, name);
    size_t len, out_len;
    char *text, *result;
    loc where = {NULL, 0, 0};
    text = file_read(path, &len, 0);
    if (!text) {
        where.file = path;
        diag_error(where, "cannot read template: %s", strerror(errno));
        free(path);
        return false;
    }
    result = render_template(path, text, len, view, &out_len);
    free(text);
    free(path);
    if (!result)
        return false;
    output_add(out, out_name, result, out_len);
    return true;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of DIR/runtime, rendered with the runtime view, sorted. */
static bool render_runtime(const char *tdir, output_set *out)
{
    char *rdir = path_join(tdir, "runtime");
    char *names[64];
    size_t n = 0, i;
    DIR *d;
    struct dirent *e;
    bool ok = true;
    json_t *view = view_runtime(SPECC_VERSION);
    loc where = {NULL, 0, 0};

    d = opendir(rdir);
    if (!d) {
        where.file = rdir;
        diag_error(where, "cannot open runtime templates: %s", strerror(errno));
        json_decref(view);
        free(rdir);
        return false;
    }
    free(rdir);
    while ((e = readdir(d)) != NULL && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 2 && (strcmp(e->d_name + len - 2, ".c") == 0 ||
                        strcmp(e->d_name + len - 2, ".h") == 0))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_strings);
    for (i = 0; i < n; i++) {
        char *rel = path_join("runtime", names[i]);
        ok = render_one(tdir, rel, view, names[i], out) && ok;
        free(rel);
        free(names[i]);
    }
    json_decref(view);
    return ok;
}

/* ------------------------------------------------------------- commands */

typedef struct options {
    const char *command;
    const char *out_dir;
    const char *templates;
    const char **specs;
    size_t spec_count;
    bool no_runtime;
    bool list;    /* --list: print the file names, write nothing */
    bool verbose; /* -v: a line per file written, unchanged or checked */
} options;

/* What each command takes and makes. */
typedef struct command {
    const char *name;
    bool needs_out;   /* -o DIR */
    bool needs_specs; /* at least one SPEC */
    bool templates;   /* renders templates */
} command;

static const command commands[] = {
    {"generate", true, true, true}, {"check", true, true, true},   {"runtime", true, false, true},
    {"schema", true, true, false},  {"doc", true, true, true},     {"lint", false, true, false},
    {"dump-model", false, true, false},
};

/* Load every spec (all errors reported); NULL entries for failures. */
static spec **load_specs(const options *o, bool *ok)
{
    spec **specs = calloc(o->spec_count + 1, sizeof *specs);
    size_t i, j;
    *ok = specs != NULL;
    for (i = 0; specs && i < o->spec_count; i++) {
        specs[i] = spec_load(o->specs[i]);
        if (!specs[i]) {
            *ok = false;
            continue;
        }
        for (j = 0; j < i; j++) {
            if (specs[j] && strcmp(specs[j]->api, specs[i]->api) == 0) {
                loc where = {specs[i]->file, 0, 0};
                diag_error(where, "api '%s' is also the api of %s; each spec needs its own",
                           specs[i]->api, specs[j]->file);
                *ok = false;
            }
        }
    }
    return specs;
}

static void free_specs(spec **specs, size_t count)
{
    size_t i;
    for (i = 0; specs && i < count; i++)
        spec_free(specs[i]);
    free(specs);
}

/* "api" + suffix, malloc'd. */
static char *file_name(const spec *sp, const char *suffix)
{
    char *name = malloc(strlen(sp->api) + strlen(suffix) + 1);
    if (!name)
        exit(3);
    strcpy(name, sp->api);
    strcat(name, suffix);
    return name;
}

/* The files a command writes (or checks), into out. */
static bool collect(const options *o, spec **specs, const char *tdir, output_set *out)
{
    bool bindings = strcmp(o->command, "generate") == 0 || strcmp(o->command, "check") == 0;
    bool ok = true;
    size_t i;

    if ((bindings && !o->no_runtime) || strcmp(o->command, "runtime") == 0)
        ok = render_runtime(tdir, out);
    for (i = 0; i < o->spec_count; i++) {
        json_t *view = view_spec(specs[i], SPECC_VERSION, bindings ? VIEW_BINDINGS : VIEW_ALL);
        char *name;
        if (bindings) {
            name = file_name(specs[i], ".h");
            ok = render_one(tdir, "api.h.tmpl", view, name, out) && ok;
            free(name);
            name = file_name(specs[i], ".c");
            ok = render_one(tdir, "api.c.tmpl", view, name, out) && ok;
            free(name);
        } else if (strcmp(o->command, "doc") == 0) {
            name = file_name(specs[i], ".md");
            ok = render_one(tdir, "doc.md.tmpl", view, name, out) && ok;
            free(name);
        } else if (strcmp(o->command, "schema") == 0) {
            json_t *schema = schema_build(specs[i]);
            char *text = schema ? json_dumps(schema, JSON_INDENT(2)) : NULL;
            size_t len = text ? strlen(text) : 0;
            char *data = text ? malloc(len + 2) : NULL;
            if (!data)
                exit(3);
            memcpy(data, text, len);
            data[len] = '\n';
            data[len + 1] = '\0';
            free(text);
            json_decref(schema);
            name = file_name(specs[i], ".schema.json");
            output_add(out, name, data, len + 1);
            free(name);
        }
        json_decref(view);
    }
    return ok;
}

/* --list: the name of every file the set holds, one per line, in the
 * order generate writes them (the runtime sorted, then each spec's .h, .c). */
static int list_names(const output_set *out)
{
    size_t i;
    for (i = 0; i < out->count; i++)
        printf("%s\n", out->files[i].name);
    return fflush(stdout) == 0 ? 0 : 1;
}

/* lint's last step: the example files the specs list, decoded, validated
 * and round-tripped as the bindings would. */
static int lint_examples(const options *o, spec **specs)
{
    int status = 0;
    size_t i;
    for (i = 0; i < o->spec_count; i++) {
        try_example_counts counts = {0, 0};
        try_types *tt = try_types_build(specs[i]);
        try_examples(specs[i], tt, NULL, &counts);
        try_types_free(tt);
        if (counts.failed)
            status = 1;
        else
            printf("%s: ok\n", o->specs[i]);
    }
    if (status)
        fprintf(stderr, "specc: %d error%s\n", diag_errors(), diag_errors() == 1 ? "" : "s");
    return status;
}

static bool takes_verbose(const char *name)
{
    return strcmp(name, "generate") == 0 || strcmp(name, "runtime") == 0 ||
           strcmp(name, "check") == 0;
}

/* The kinds of file (OUTPUT_RUNTIME, OUTPUT_API) a command writes, whose
 * leftovers generate -v names. */
static unsigned written_kinds(const options *o)
{
    if (strcmp(o->command, "runtime") == 0)
        return OUTPUT_RUNTIME;
    if (strcmp(o->command, "generate") == 0)
        return OUTPUT_API | (o->no_runtime ? 0u : OUTPUT_RUNTIME);
    return 0;
}

static int run(const options *o)
{
    bool ok;
    spec **specs = load_specs(o, &ok);
    int status = 0;

    if (!ok) {
        fprintf(stderr, "specc: %d error%s\n", diag_errors(), diag_errors() == 1 ? "" : "s");
        free_specs(specs, o->spec_count);
        return specs ? 1 : 3;
    }
    if (strcmp(o->command, "lint") == 0) {
        status = lint_examples(o, specs);
    } else if (strcmp(o->command, "dump-model") == 0) {
        json_t *all = json_array();
        size_t i;
        for (i = 0; i < o->spec_count; i++)
            json_array_append_new(all, view_spec(specs[i], SPECC_VERSION, VIEW_ALL));
        json_dumpf(o->spec_count == 1 ? json_array_get(all, 0) : all, stdout,
                   JSON_INDENT(2) | JSON_ENSURE_ASCII);
        putchar('\n');
        json_decref(all);
    } else {
        output_set out = {NULL, 0, 0};
        char *tdir = find_templates(o->templates);
        if (!tdir && strcmp(o->command, "schema") != 0) {
            fputs("specc: cannot find the templates directory; pass --templates DIR or set "
                  "SPECC_TEMPLATES\n",
                  stderr);
            status = 1;
        } else if (!collect(o, specs, tdir, &out)) {
            status = 1;
        } else if (o->list) {
            status = list_names(&out);
        } else if (strcmp(o->command, "check") != 0) {
            status = output_write(&out, o->out_dir, o->verbose, written_kinds(o)) ? 0 : 1;
        } else {
            size_t stale = output_check(&out, o->out_dir, o->verbose);
            if (stale)
                fprintf(stderr, "specc: %zu file%s in %s out of date; run: specc generate -o %s "
                                "SPEC...\n",
                        stale, stale == 1 ? "" : "s", o->out_dir, o->out_dir);
            status = stale ? 1 : 0;
        }
        output_free(&out);
        free(tdir);
    }
    free_specs(specs, o->spec_count);
    return status;
}

int cmd_generate(int argc, char **argv)
{
    options o = {NULL, NULL, NULL, NULL, 0, false, false, false};
    const command *cmd = NULL;
    int i, status;
    size_t c;

    for (c = 0; c < sizeof commands / sizeof commands[0]; c++)
        if (strcmp(argv[0], commands[c].name) == 0)
            cmd = &commands[c];
    if (!cmd)
        return usage_error("unknown command '%s'", argv[0]);
    o.command = cmd->name;
    o.specs = calloc((size_t)argc, sizeof *o.specs);
    if (!o.specs)
        return 3;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-o") == 0 && cmd->needs_out) ||
            (strcmp(a, "--templates") == 0 && cmd->templates)) {
            if (i + 1 >= argc) {
                free(o.specs);
                return usage_error("%s needs a directory", a);
            }
            if (strcmp(a, "-o") == 0)
                o.out_dir = argv[++i];
            else
                o.templates = argv[++i];
        } else if (strcmp(a, "--no-runtime") == 0 &&
                   (strcmp(o.command, "generate") == 0 || strcmp(o.command, "check") == 0)) {
            o.no_runtime = true;
        } else if (strcmp(a, "--list") == 0 &&
                   (strcmp(o.command, "generate") == 0 || strcmp(o.command, "runtime") == 0)) {
            o.list = true;
        } else if ((strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) &&
                   takes_verbose(o.command)) {
            o.verbose = true;
        } else if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                o.specs[o.spec_count++] = argv[i];
        } else if (a[0] == '-' && a[1] != '\0') {
            free(o.specs);
            return usage_error("unknown option '%s'", a);
        } else {
            o.specs[o.spec_count++] = a;
        }
    }
    if (cmd->needs_out && !o.out_dir && !o.list) {
        free(o.specs);
        return usage_error("%s needs -o DIR", o.command);
    }
    if (cmd->needs_specs && o.spec_count == 0) {
        free(o.specs);
        return usage_error("%s needs at least one SPEC file", o.command);
    }
    if (!cmd->needs_specs && o.spec_count > 0) {
        free(o.specs);
        return usage_error("%s takes no SPEC files", o.command);
    }
    status = run(&o);
    free(o.specs);
    return status;
}
