/*
 * bench_cases.c — loading the bench's cases (see bench_cases.h).
 */
#define _POSIX_C_SOURCE 200809L

#include "bench_cases.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_corpus_io.h"
#include "targets.h"
#include "variants.h"
#include "read_file.h"

const char *const bench_kind_names[3] = {"sample", "corpus", "large"};

static bench_case *new_case(bench_cases *cases)
{
    bench_case *c;
    if (cases->count == cases->cap) {
        size_t cap = cases->cap ? 2 * cases->cap : 64;
        bench_case *grown = realloc(cases->list, cap * sizeof *grown);
        if (!grown)
            return NULL;
        cases->list = grown;
        cases->cap = cap;
    }
    c = &cases->list[cases->count++];
    memset(c, 0, sizeof *c);
    return c;
}

/* Add target to c->target unless it is there. */
static void note_target(bench_case *c, const char *target)
{
    size_t len = strlen(target), have = strlen(c->target);
    const char *p = c->target;
    while ((p = strstr(p, target)) != NULL) {
        if ((p == c->target || p[-1] == ',') && (p[len] == ',' || p[len] == '\0'))
            return;
        p += len;
    }
    if (have + len + 2 <= sizeof c->target)
        snprintf(c->target + have, sizeof c->target - have, "%s%s", have ? "," : "", target);
}

int cases_add_file(bench_cases *cases, const char *target, const char *path, size_t unknown)
{
    const specc_type *type = targets_find(target);
    const char *name = path, *p;
    bench_case *c;
    size_t len, name_len;
    char *text, case_name[sizeof c->name];
    /* The name: "api/file" (the last two parts of the path), no ".json". */
    for (p = path; *p; p++)
        if (*p == '/' && strchr(p + 1, '/'))
            name = p + 1;
    name_len = strlen(name);
    if (name_len > 5 && strcmp(name + name_len - 5, ".json") == 0)
        name_len -= 5;
    snprintf(case_name, sizeof case_name, "%.*s", (int)name_len, name);
    if (cases->only && !strstr(case_name, cases->only))
        return 0;
    text = read_file(path, &len);
    if (!type || !text) {
        fprintf(stderr, "bench: unknown target %s or unreadable %s\n", target, path);
        free(text);
        return -1;
    }
    if (unknown) {
        size_t wide_len;
        char *wide = variant_widen(text, len, unknown, &wide_len);
        free(text);
        if (!wide) {
            fprintf(stderr, "bench: %s is not a JSON object\n", path);
            return -1;
        }
        text = wide;
        len = wide_len;
    }
    if (!(c = new_case(cases)) || !(c->payloads = malloc(sizeof *c->payloads))) {
        free(text);
        return -1;
    }
    memcpy(c->name, case_name, sizeof c->name);
    c->kind = KIND_SAMPLE;
    note_target(c, target);
    c->payloads[0].type = type;
    c->payloads[0].text = c->buffer = text;
    c->payloads[0].len = c->bytes = len;
    c->count = 1;
    return 0;
}

static int is_dir_entry(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

int cases_add_samples(bench_cases *cases, const char *dir, size_t unknown)
{
    struct dirent **apis;
    int n = scandir(dir, &apis, is_dir_entry, alphasort), i, status = 0;
    if (n < 0) {
        fprintf(stderr, "bench: cannot read the samples directory %s\n", dir);
        return -1;
    }
    for (i = 0; i < n; i++) {
        char sub[4096], path[4096], target[256];
        struct dirent **files;
        int m, j;
        m = (size_t)snprintf(sub, sizeof sub, "%s/%s", dir, apis[i]->d_name) < sizeof sub
                ? scandir(sub, &files, is_dir_entry, alphasort)
                : -1;
        for (j = 0; j < m; j++) {
            if (status == 0 &&
                (size_t)snprintf(path, sizeof path, "%s/%s", sub, files[j]->d_name) < sizeof path &&
                sample_target(path, target, sizeof target, NULL, 0))
                status = cases_add_file(cases, target, path, unknown);
            free(files[j]);
        }
        if (m >= 0)
            free(files);
        free(apis[i]);
    }
    free(apis);
    return status;
}

/* DIR/API.EXT as one case; 0 when the file is absent. */
static int add_generated(bench_cases *cases, const char *dir, const char *api, const char *ext,
                         bench_kind kind)
{
    char path[4096];
    size_t len, count, i;
    corpus_item *items;
    bench_case *c;
    char *buf, case_name[sizeof c->name];
    snprintf(case_name, sizeof case_name, "%s/%s", api, ext);
    if ((cases->only && !strstr(case_name, cases->only)) ||
        (size_t)snprintf(path, sizeof path, "%s/%s.%s", dir, api, ext) >= sizeof path ||
        !(buf = read_file(path, &len)))
        return 0;
    if (!(items = corpus_parse(buf, len, &count)) || !(c = new_case(cases)) ||
        !(c->payloads = malloc((count ? count : 1) * sizeof *c->payloads))) {
        fprintf(stderr, "bench: %s is not a corpus file (rebuild: cmake --build build)\n", path);
        free(items);
        free(buf);
        return -1;
    }
    memcpy(c->name, case_name, sizeof c->name);
    c->kind = kind;
    c->buffer = buf;
    for (i = 0; i < count; i++) {
        if (!(c->payloads[i].type = targets_find(items[i].target))) {
            fprintf(stderr, "bench: %s: unknown target %s\n", path, items[i].target);
            free(items);
            return -1;
        }
        note_target(c, items[i].target);
        c->payloads[i].text = items[i].text;
        c->payloads[i].len = items[i].len;
        c->bytes += items[i].len;
    }
    c->count = count;
    free(items);
    return 0;
}

static int is_corpus_entry(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return n > 7 && strcmp(e->d_name + n - 7, ".corpus") == 0;
}

int cases_add_corpus(bench_cases *cases, const char *dir)
{
    struct dirent **files;
    int n = scandir(dir, &files, is_corpus_entry, alphasort), i, status = 0;
    if (n <= 0) {
        fprintf(stderr, "bench: no corpus in %s (the bench_corpus build step makes it); "
                        "running the samples only\n", dir);
        if (n == 0)
            free(files);
        return 0;
    }
    for (i = 0; i < n; i++) {
        char api[256];
        snprintf(api, sizeof api, "%.*s", (int)(strlen(files[i]->d_name) - 7), files[i]->d_name);
        if (status == 0)
            status = add_generated(cases, dir, api, "corpus", KIND_CORPUS);
        if (status == 0)
            status = add_generated(cases, dir, api, "large", KIND_LARGE);
        free(files[i]);
    }
    free(files);
    return status;
}

void cases_free(bench_cases *cases)
{
    size_t i;
    for (i = 0; i < cases->count; i++) {
        free(cases->list[i].payloads);
        free(cases->list[i].buffer);
    }
    free(cases->list);
    cases->list = NULL;
    cases->count = cases->cap = 0;
}
