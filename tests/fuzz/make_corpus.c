/*
 * make_corpus — seed corpus for fuzz_decode: each sample payload, its
 * variants with undeclared keys jansson cannot hold (tools/variants.h: at
 * the top level and in every object), and each negative payload of the .tsv
 * files, prefixed with the byte that makes fuzz_decode pick its type.
 * usage: make_corpus OUTDIR specs/samples/API/ENDPOINT.STATUS[.V].json... FILE.tsv...
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"
#include "targets.h"
#include "variants.h"

static int type_index(const char *target)
{
    const specc_type *t = targets_find(target);
    size_t i;
    for (i = 0; t && i < targets_type_count(); i++)
        if (targets_type(i, NULL) == t)
            return (int)i;
    return -1;
}

static int write_seed(const char *dir, const char *name, int index, const char *data, size_t len)
{
    char path[4096];
    FILE *f;
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return 1;
    f = fopen(path, "wb");
    if (!f)
        return 1;
    fputc(index, f);
    fwrite(data, 1, len, f);
    return fclose(f) != 0;
}

/* samples/<api>/<endpoint>.<status>... → "<api>.<endpoint>.<status>" */
static int sample(const char *dir, const char *path)
{
    char target[256], api[64], ep[64], name[300], *buf;
    const char *file = strrchr(path, '/'), *api_end = file;
    int status, index, bad;
    size_t i, n;
    if (!file)
        return 1;
    while (api_end > path && api_end[-1] != '/')
        api_end--;
    snprintf(api, sizeof api, "%.*s", (int)(file - api_end), api_end);
    if (sscanf(file + 1, "%63[a-z0-9_].%d", ep, &status) != 2)
        return 1;
    snprintf(target, sizeof target, "%s.%s.%d", api, ep, status);
    if ((index = type_index(target)) < 0)
        return 1;
    if (!(buf = read_file(path, &n)))
        return 1;
    snprintf(name, sizeof name, "%s-%s", api, file + 1);
    bad = write_seed(dir, name, index, buf, (size_t)n);
    for (i = 0; i < variant_value_count; i++) {
        size_t vlen, objects;
        char *v = variant_top(buf, (size_t)n, VARIANT_KEY, variant_values[i], &vlen);
        snprintf(name, sizeof name, "%s-%s+top%zu", api, file + 1, i);
        bad |= !v || write_seed(dir, name, index, v, vlen);
        free(v);
        v = variant_nested(targets_find(target), buf, (size_t)n, VARIANT_KEY, variant_values[i],
                           &vlen, &objects);
        snprintf(name, sizeof name, "%s-%s+nested%zu", api, file + 1, i);
        bad |= !v || write_seed(dir, name, index, v, vlen);
        specc_free(v);
    }
    free(buf);
    return bad;
}

/* NAME \t TARGET \t STAGE \t CODE \t PATH \t JSON */
static int tsv(const char *dir, const char *path)
{
    FILE *f = fopen(path, "rb");
    char line[1 << 16], name[300];
    int bad = 0;
    if (!f)
        return 1;
    while (fgets(line, sizeof line, f)) {
        char *field[6], *p = line;
        int i, index;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        for (i = 0; i < 6 && p; i++) {
            field[i] = p;
            p = strchr(p, '\t');
            if (p && i < 5)
                *p++ = '\0';
        }
        if (i < 6)
            continue;
        field[5][strcspn(field[5], "\n")] = '\0';
        if ((index = type_index(field[1])) < 0)
            continue;
        snprintf(name, sizeof name, "neg-%.100s-%.100s", field[1], field[0]);
        bad |= write_seed(dir, name, index, field[5], strlen(field[5]));
    }
    fclose(f);
    return bad;
}

int main(int argc, char **argv)
{
    int i, bad = 0;
    if (argc < 3) {
        fputs("usage: make_corpus OUTDIR FILE...\n", stderr);
        return 2;
    }
    for (i = 2; i < argc; i++) {
        size_t n = strlen(argv[i]);
        int r = n > 4 && strcmp(argv[i] + n - 4, ".tsv") == 0 ? tsv(argv[1], argv[i])
                                                               : sample(argv[1], argv[i]);
        if (r)
            fprintf(stderr, "make_corpus: skipped %s\n", argv[i]);
        bad |= r;
    }
    return bad;
}
