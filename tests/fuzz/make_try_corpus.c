/*
 * make_try_corpus — seed corpus for fuzz_try: each payload the suite has
 * for the specs fuzz_try loads, prefixed with the byte that makes fuzz_try
 * pick its type (tests/fuzz/try_specs.c).
 *   samples/API/ENDPOINT.STATUS[.V].json   (a response of API)
 *   API/payloads/TYPE[.V].json             (kitchen2's payloads)
 *   FILE.tsv                               (one case a line, TARGET in the
 *        second column, the JSON in the last: negative/API.tsv, and
 *        kitchen2/ajv-cases.tsv with TARGET@DIRECTION)
 * usage: make_try_corpus OUTDIR FILE...
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

#include "try_specs.h"

static int write_seed(const char *dir, const char *name, int index, const char *data, size_t len)
{
    char path[4096];
    FILE *f;
    if (index < 0 || snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return 1;
    if (!(f = fopen(path, "wb")))
        return 1;
    fputc(index, f);
    fwrite(data, 1, len, f);
    return fclose(f) != 0;
}

/* The directory name before `end` in path ("github" of ".../github/x.json"). */
static void dir_name(const char *path, const char *end, char *out, size_t size)
{
    const char *start = end;
    while (start > path && start[-1] != '/')
        start--;
    snprintf(out, size, "%.*s", (int)(end - start), start);
}

static int json_file(const char *dir, const char *path)
{
    const char *file = strrchr(path, '/'), *dot;
    char api[64], parent[64], target[300], name[400], *text;
    size_t len;
    int bad;
    if (!file || !(dot = strchr(++file, '.')))
        return 1;
    dir_name(path, file - 1, parent, sizeof parent);
    if (strcmp(parent, "payloads") == 0) { /* API/payloads/TYPE... */
        dir_name(path, file - 1 - strlen("/payloads"), api, sizeof api);
        snprintf(target, sizeof target, "%s.%.*s", api, (int)(dot - file), file);
    } else { /* samples/API/ENDPOINT.STATUS... */
        snprintf(api, sizeof api, "%s", parent);
        snprintf(target, sizeof target, "%s.%.*s.%.3s", api, (int)(dot - file), file, dot + 1);
    }
    if (!(text = file_read(path, &len, 0)))
        return 1;
    snprintf(name, sizeof name, "%s-%s", api, file);
    bad = write_seed(dir, name, try_specs_find(target), text, len);
    free(text);
    return bad;
}

static int tsv(const char *dir, const char *path)
{
    size_t len, n = 0;
    char *text = file_read(path, &len, 0), *line, *next, name[300];
    int bad = 0;
    for (line = text; line && *line; line = next) {
        char *target, *json;
        if ((next = strchr(line, '\n')) != NULL)
            *next++ = '\0';
        n++;
        if (*line == '#' || !*line || !(target = strchr(line, '\t')) ||
            !(json = strrchr(line, '\t')))
            continue;
        target++;
        target[strcspn(target, "\t@")] = '\0';
        snprintf(name, sizeof name, "tsv-%.100s-%zu", target, n);
        bad |= write_seed(dir, name, try_specs_find(target), json + 1, strlen(json + 1));
    }
    free(text);
    return !text || bad;
}

int main(int argc, char **argv)
{
    int i, bad = 0;
    if (argc < 3) {
        fputs("usage: make_try_corpus OUTDIR FILE...\n", stderr);
        return 2;
    }
    try_specs_load();
    for (i = 2; i < argc; i++) {
        size_t n = strlen(argv[i]);
        int r = n > 4 && strcmp(argv[i] + n - 4, ".tsv") == 0 ? tsv(argv[1], argv[i])
                                                               : json_file(argv[1], argv[i]);
        if (r)
            fprintf(stderr, "make_try_corpus: skipped %s\n", argv[i]);
        bad |= r;
    }
    try_specs_free();
    return bad;
}
