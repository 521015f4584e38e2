/*
 * payloads.c — see payloads.h.
 */
#define _POSIX_C_SOURCE 200809L

#include "payloads.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"

static bool errors_alike(const char *label, const char *what, const specc_error *a,
                         const specc_error *b)
{
    if (a->code == b->code && a->line == b->line && a->column == b->column &&
        strcmp(a->path, b->path) == 0 && strcmp(a->message, b->message) == 0)
        return true;
    fprintf(stderr, "%s: %s: %s %d:%d %s \"%s\" vs %s %d:%d %s \"%s\"\n", label, what,
            specc_code_name(a->code), a->line, a->column, a->path, a->message,
            specc_code_name(b->code), b->line, b->column, b->path, b->message);
    return false;
}

/* Every violation validate reports, as lines of text. */
typedef struct violations {
    char text[16384];
    size_t len;
} violations;

static void collect(const specc_error *e, void *ctx)
{
    violations *v = ctx;
    int n = snprintf(v->text + v->len, sizeof v->text - v->len, "%s %s %s\n",
                     specc_code_name(e->code), e->path, e->message);
    if (n > 0)
        v->len += (size_t)n < sizeof v->text - v->len ? (size_t)n : sizeof v->text - v->len - 1;
}

static bool validations_alike(const char *label, const specc_type *ct, const void *a,
                              const specc_type *rt, const void *b)
{
    static violations va, vb;
    specc_as as;
    for (as = SPECC_AS_ANY; as <= SPECC_AS_RESPONSE; as++) {
        size_t na, nb;
        va.len = vb.len = 0;
        va.text[0] = vb.text[0] = '\0';
        na = specc_validate_as(ct, a, as, collect, &va);
        nb = specc_validate_as(rt, b, as, collect, &vb);
        if (na != nb || strcmp(va.text, vb.text) != 0) {
            fprintf(stderr, "%s: validate (as %d): %zu violations vs %zu:\n%s---\n%s", label,
                    (int)as, na, nb, va.text, vb.text);
            return false;
        }
    }
    return true;
}

static bool encodings_alike(const char *label, const specc_type *ct, const void *a,
                            const specc_type *rt, const void *b)
{
    specc_error ea, eb;
    size_t la = 0, lb = 0;
    char *ta = specc_encode_text(ct, a, &la, &ea), *tb = specc_encode_text(rt, b, &lb, &eb);
    json_t *ja, *jb;
    bool ok = (!ta) == (!tb) && la == lb && (!ta || memcmp(ta, tb, la) == 0);
    if (!ok)
        fprintf(stderr, "%s: encoded\n%s\nvs\n%s\n", label, ta ? ta : "(failed)",
                tb ? tb : "(failed)");
    else if (!ta)
        ok = errors_alike(label, "encode", &ea, &eb);
    specc_free(ta);
    specc_free(tb);
    ja = specc_encode_json(ct, a, &ea);
    jb = specc_encode_json(rt, b, &eb);
    if (ok && ((!ja) != (!jb) || (ja && !json_equal(ja, jb)))) {
        fprintf(stderr, "%s: specc_encode_json differs\n", label);
        ok = false;
    }
    json_decref(ja);
    json_decref(jb);
    return ok;
}

bool payload_alike(const char *label, const specc_type *ct, const specc_type *rt,
                   const char *text, size_t len)
{
    void *a = malloc(ct->size), *b = malloc(rt->size);
    specc_error ea, eb;
    specc_code ca, cb;
    bool ok;
    if (!a || !b) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    memset(&ea, 0, sizeof ea);
    memset(&eb, 0, sizeof eb);
    ca = specc_decode_text(ct, text, len, a, &ea);
    cb = specc_decode_text(rt, text, len, b, &eb);
    ok = ca == cb && (ca == SPECC_OK || errors_alike(label, "decode", &ea, &eb));
    if (ca != cb)
        fprintf(stderr, "%s: decode: %s vs %s (%s)\n", label, specc_code_name(ca),
                specc_code_name(cb), ca ? ea.message : eb.message);
    if (ok && ca == SPECC_OK)
        ok = validations_alike(label, ct, a, rt, b) && encodings_alike(label, ct, a, rt, b);
    specc_clear(ct, a);
    specc_clear(rt, b);
    free(a);
    free(b);
    return ok;
}

static int check_file(resolve_fn *resolve, const char *target, const char *path, size_t *count)
{
    const specc_type *ct, *rt;
    size_t len;
    char *text;
    int bad = 0;
    if (!resolve(target, &ct, &rt)) {
        fprintf(stderr, "%s: no target %s on both sides\n", path, target);
        return 1;
    }
    if (!(text = file_read(path, &len, 0))) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    bad = !payload_alike(path, ct, rt, text, len);
    free(text);
    (*count)++;
    return bad;
}

/* Every *.json file of dir, with the target its name makes. */
static int each_json(resolve_fn *resolve, const char *api, const char *dir, bool by_status,
                     size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int bad = 0;
    if (!d) {
        fprintf(stderr, "%s: cannot open\n", dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        char target[300], path[4096];
        const char *name = e->d_name, *dot = strchr(name, '.');
        size_t n = strlen(name);
        if (name[0] == '.' || n < 5 || strcmp(name + n - 5, ".json") != 0 || !dot)
            continue;
        /* <endpoint>.<status>... or <Type>... */
        if (by_status)
            snprintf(target, sizeof target, "%s.%.*s.%.3s", api, (int)(dot - name), name, dot + 1);
        else
            snprintf(target, sizeof target, "%s.%.*s", api, (int)(dot - name), name);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        bad += check_file(resolve, target, path, count);
    }
    closedir(d);
    return bad;
}

int payloads_samples(resolve_fn *resolve, const char *api, const char *dir, size_t *count)
{
    return each_json(resolve, api, dir, true, count);
}

int payloads_named(resolve_fn *resolve, const char *api, const char *dir, size_t *count)
{
    return each_json(resolve, api, dir, false, count);
}

/* Column i of a tab-separated line (the last runs to the end), in place. */
static char *column(char *line, int i)
{
    while (i-- > 0 && line)
        if ((line = strchr(line, '\t')) != NULL)
            line++;
    return line;
}

/* "kitchen2.Full@request" → "kitchen2.Full" (validate runs every direction). */
static void strip(char *target)
{
    char *end = target + strcspn(target, "\t@");
    *end = '\0';
}

int payloads_tsv(resolve_fn *resolve, const char *file, int target_col, int json_col,
                 size_t *count)
{
    size_t len, lineno = 0;
    char *text = file_read(file, &len, 0), *line, *next, label[4200];
    int bad = 0;
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", file);
        return 1;
    }
    for (line = text; line && *line; line = next) {
        char *target, *json;
        const specc_type *ct, *rt;
        if ((next = strchr(line, '\n')) != NULL)
            *next++ = '\0';
        lineno++;
        if (*line == '#' || !*line)
            continue;
        target = column(line, target_col);
        json = column(line, json_col);
        if (!target || !json) {
            fprintf(stderr, "%s:%zu: too few columns\n", file, lineno);
            bad++;
            continue;
        }
        json[-1] = '\0';
        strip(target);
        snprintf(label, sizeof label, "%s:%zu", file, lineno);
        if (!resolve(target, &ct, &rt)) {
            fprintf(stderr, "%s: no target %s on both sides\n", label, target);
            bad++;
            continue;
        }
        bad += !payload_alike(label, ct, rt, json, strlen(json));
        (*count)++;
    }
    free(text);
    return bad;
}
