/*
 * try.c — what `specc try SPEC TYPE FILE...` does, for a draft compiled
 * with its bindings (api `draft`): decode, validate and re-encode each
 * file as TYPE, printing the compact JSON of each on its own line. Exit 0
 * when every file is accepted, 1 otherwise (problems on stderr), 2 usage.
 *
 *   cc -I DIR DIR/draft.c try.c libspecc_runtime.a -ljansson -lm
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draft.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)size, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

static void print_error(const specc_error *e, void *ctx)
{
    fprintf(stderr, "%s: %s: %s\n", (const char *)ctx, e->path, e->message);
}

static int try_one(const specc_type *type, const char *path)
{
    specc_error err;
    size_t len = 0, out_len;
    char *text = read_file(path, &len), *out;
    void *value = malloc(type->size);
    int status = 1;
    if (!text || !value)
        fprintf(stderr, "%s: cannot read\n", path);
    else if (specc_decode_text(type, text, len, value, &err) != SPECC_OK)
        print_error(&err, (void *)path);
    else if (specc_validate(type, value, print_error, (void *)path) == 0) {
        if ((out = specc_encode_text(type, value, &out_len, &err)) != NULL) {
            printf("%s\n", out);
            specc_free(out);
            status = 0;
        } else {
            print_error(&err, (void *)path);
        }
    }
    if (value)
        specc_clear(type, value);
    free(value);
    free(text);
    return status;
}

int main(int argc, char **argv)
{
    const specc_type *type = NULL;
    size_t i;
    int status = 0, a;
    if (argc < 3) {
        fputs("usage: try TYPE FILE...\n", stderr);
        return 2;
    }
    for (i = 0; i < draft_type_count; i++)
        if (strcmp(draft_types[i]->name, argv[1]) == 0)
            type = draft_types[i];
    if (!type) {
        fprintf(stderr, "try: no type '%s'\n", argv[1]);
        return 2;
    }
    for (a = 2; a < argc; a++)
        status |= try_one(type, argv[a]);
    return status;
}
