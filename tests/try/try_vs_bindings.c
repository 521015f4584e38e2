/*
 * try_vs_bindings — `specc try` answers as the compiled bindings do.
 *
 * For every input, decode it twice: with the descriptors compiled into
 * generated/ (as build/roundtrip does: decode, validate, encode) and with
 * the descriptors specc builds at run time from the spec (try_check, the
 * engine behind `specc try`), and demand the same verdict, the same first
 * problem (code, path, message) and the same re-encoded bytes.
 *
 * usage: try_vs_bindings SPECS_DIR INPUT...
 *   INPUT: a sample (samples/API/ENDPOINT.STATUS[.V].json), a negative-case
 *   file (NAME TARGET STAGE CODE PATH JSON per line, .tsv), or a directory
 *   of fuzz_decode corpus files (first byte picks the type, as in
 *   tests/fuzz/fuzz_decode.c).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "file.h"
#include "model.h"
#include "targets.h"
#include "try_check.h"
#include "try_target.h"
#include "try_types.h"

/* One API's spec and its run-time descriptors, loaded once. */
typedef struct loaded {
    char api[64];
    spec *s;
    try_types *tt;
} loaded;

static loaded apis[16];
static size_t api_count;
static const char *specs_dir;
static size_t compared, failures;

static loaded *load_api(const char *api)
{
    size_t i;
    char *path, *name;
    for (i = 0; i < api_count; i++)
        if (strcmp(apis[i].api, api) == 0)
            return &apis[i];
    if (api_count == sizeof apis / sizeof apis[0])
        return NULL;
    name = malloc(strlen(api) + 6);
    sprintf(name, "%s.yaml", api);
    path = path_join(specs_dir, name);
    free(name);
    snprintf(apis[api_count].api, sizeof apis[api_count].api, "%s", api);
    apis[api_count].s = spec_load(path);
    free(path);
    if (!apis[api_count].s)
        return NULL;
    apis[api_count].tt = try_types_build(apis[api_count].s);
    return &apis[api_count++];
}

/* The compiled bindings' answer, in try_result's terms. */
typedef struct verdict {
    bool accepted;
    specc_error first; /* the first problem met */
    char *encoded;
    size_t encoded_len;
} verdict;

static void first_violation(const specc_error *e, void *ctx)
{
    verdict *v = ctx;
    if (v->first.code == SPECC_OK)
        v->first = *e;
}

static void compiled(const specc_type *type, specc_as as, const char *text, size_t len,
                     verdict *v)
{
    void *value = malloc(type->size);
    memset(v, 0, sizeof *v);
    if (specc_decode_text(type, text, len, value, &v->first) == SPECC_OK) {
        v->first.code = SPECC_OK;
        if (specc_validate_as(type, value, as, first_violation, v) == 0) {
            v->encoded = specc_encode_text(type, value, &v->encoded_len, &v->first);
            v->accepted = v->encoded != NULL;
        }
    }
    specc_clear(type, value);
    free(value);
}

static void differ(const char *what, const char *input, const char *detail)
{
    fprintf(stderr, "DIFFER %s: %s: %s\n", input, what, detail);
    failures++;
}

static void compare(const specc_type *type, const specc_type *rt, specc_as as, const char *text,
                    size_t len, const char *input)
{
    verdict v;
    try_result r;
    char buf[2 * (SPECC_PATH_MAX + SPECC_MESSAGE_MAX) + 64];
    compiled(type, as, text, len, &v);
    try_check(rt, as, text, len, &r);
    compared++;
    if (v.accepted != (r.problems == 0)) {
        snprintf(buf, sizeof buf, "bindings %s (%s: %s), try %s (%s: %s)",
                 v.accepted ? "accept" : "reject", v.first.path, v.first.message,
                 r.problems ? "rejects" : "accepts", r.first_path, r.first_message);
        differ("verdict", input, buf);
    } else if (!v.accepted && (v.first.code != r.first_code ||
                               strcmp(v.first.path, r.first_path) != 0 ||
                               strcmp(v.first.message, r.first_message) != 0)) {
        snprintf(buf, sizeof buf, "bindings %s %s: %s; try %s %s: %s",
                 specc_code_name(v.first.code), v.first.path, v.first.message,
                 specc_code_name(r.first_code), r.first_path, r.first_message);
        differ("first problem", input, buf);
    } else if (v.accepted && (v.encoded_len != r.encoded_len ||
                              memcmp(v.encoded, r.encoded, v.encoded_len) != 0)) {
        differ("re-encoded bytes", input, "the encodings differ");
    }
    specc_free(v.encoded);
    try_result_free(&r);
}

/* "api.rest" → the API's run-time descriptor for `rest`. */
static void compare_target(const char *target, const char *text, size_t len, const char *input)
{
    const specc_type *type = targets_find(target);
    const char *dot = strchr(target, '.');
    char api[64];
    try_target t;
    loaded *l;
    if (!type || !dot || (size_t)(dot - target) >= sizeof api) {
        differ("target", input, target);
        return;
    }
    snprintf(api, sizeof api, "%.*s", (int)(dot - target), target);
    if (!(l = load_api(api)) || !try_target_find(l->s, l->tt, dot + 1, &t)) {
        differ("target", input, target);
        return;
    }
    compare(type, t.type, t.as, text, len, input);
}

/* A type of the compiled list (as fuzz_decode picks it) → its run-time twin. */
static void compare_indexed(size_t index, const char *text, size_t len, const char *input)
{
    const char *api;
    const specc_type *type = targets_type(index % targets_type_count(), &api);
    const specc_type *rt;
    loaded *l = load_api(api);
    if (!l || !(rt = try_types_find(l->tt, type->name))) {
        differ("type", input, type->name);
        return;
    }
    compare(type, rt, SPECC_AS_ANY, text, len, input);
}

/* specs/samples/API/ENDPOINT.STATUS[.V].json → "API.ENDPOINT.STATUS" */
static void sample(const char *path)
{
    const char *file = strrchr(path, '/'), *api = file;
    char target[256], *text;
    size_t len;
    int n;
    while (api > path && api[-1] != '/')
        api--;
    n = snprintf(target, sizeof target, "%.*s.%s", (int)(file - api), api, file + 1);
    if (!file || n <= 0 || (size_t)n >= sizeof target) {
        differ("sample name", path, "not samples/API/ENDPOINT.STATUS.json");
        return;
    }
    /* keep ENDPOINT.STATUS: cut at the second dot after the API's */
    {
        char *dot = strchr(strchr(target, '.') + 1, '.');
        char *next = dot ? strchr(dot + 1, '.') : NULL;
        if (next)
            *next = '\0';
    }
    if (!(text = file_read(path, &len, 0))) {
        differ("read", path, "cannot read");
        return;
    }
    compare_target(target, text, len, path);
    free(text);
}

/* NAME TARGET STAGE CODE PATH JSON, tab-separated; '#' lines are comments. */
static void negatives(const char *path)
{
    size_t len;
    char *text = file_read(path, &len, 0), *line, *save = NULL;
    if (!text) {
        differ("read", path, "cannot read");
        return;
    }
    for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *cols[6], *p = line, where[300];
        int c;
        if (*line == '#' || *line == '\0')
            continue;
        for (c = 0; c < 5 && p; c++) {
            cols[c] = p;
            if ((p = strchr(p, '\t')))
                *p++ = '\0';
        }
        if (c < 5 || !p)
            continue;
        cols[5] = p;
        snprintf(where, sizeof where, "%s:%s", path, cols[0]);
        compare_target(cols[1], cols[5], strlen(cols[5]), where);
    }
    free(text);
}

static void corpus(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char *path;
        char *text;
        size_t len;
        if (e->d_name[0] == '.')
            continue;
        path = path_join(dir, e->d_name);
        if ((text = file_read(path, &len, 0)) != NULL && len > 0)
            compare_indexed((unsigned char)text[0], text + 1, len - 1, path);
        free(text);
        free(path);
    }
    if (d)
        closedir(d);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int main(int argc, char **argv)
{
    int i;
    size_t k;
    if (argc < 3) {
        fputs("usage: try_vs_bindings SPECS_DIR INPUT...\n", stderr);
        return 2;
    }
    specs_dir = argv[1];
    for (i = 2; i < argc; i++) {
        if (ends_with(argv[i], ".json"))
            sample(argv[i]);
        else if (ends_with(argv[i], ".tsv"))
            negatives(argv[i]);
        else
            corpus(argv[i]);
    }
    for (k = 0; k < api_count; k++) {
        try_types_free(apis[k].tt);
        spec_free(apis[k].s);
    }
    printf("%zu inputs compared, %zu differ\n", compared, failures);
    return failures || compared == 0 ? 1 : 0;
}
