/*
 * roundtrip — point the bindings at a captured response and see whether they
 * accept it: decode, validate, encode, print the JSON they would send back.
 *
 *   roundtrip --list              every target: API.ENDPOINT.STATUS, API.Type
 *   roundtrip TARGET FILE         FILE may be - for standard input
 *   roundtrip --arena TARGET FILE the same, decoding into an arena
 *                                 (specc_decode_text_arena): the same answer
 *
 * Exit status: 0 accepted (re-encoded JSON on stdout), 1 rejected (one line
 * per problem on stderr, each beginning with its JSON path), 2 usage.
 * It walks the descriptor tables of the bindings in generated/, so it
 * is also an example of the reflection they offer.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode_path.h"
#include "targets.h"

static const char usage[] =
    "usage: roundtrip --list\n"
    "       roundtrip [--arena] TARGET FILE    (FILE - reads standard input)\n"
    "TARGET is API.ENDPOINT.STATUS or API.Type, as --list prints; --arena decodes\n"
    "into an arena (specc_decode_text_arena): the same answer.\n";

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0, got;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                return NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void print_error(const specc_error *e, void *ctx)
{
    (void)ctx;
    if (e->line > 0)
        fprintf(stderr, "%s: %s (line %d, column %d)\n", e->path, e->message, e->line, e->column);
    else
        fprintf(stderr, "%s: %s\n", e->path, e->message);
}

int main(int argc, char **argv)
{
    const specc_type *type;
    FILE *in;
    char *text, *out, *value;
    size_t len, out_len, problems = 0;
    specc_error err;
    decode_path dp;
    int status = 0;

    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        targets_list(stdout);
        return 0;
    }
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    if (!decode_path_open(&dp, decode_path_option(&argc, argv))) {
        fputs("roundtrip: out of memory\n", stderr);
        return 1;
    }
    if (argc != 3) {
        fputs(usage, stderr);
        decode_path_close(&dp);
        return 2;
    }
    type = targets_find(argv[1]);
    if (!type) {
        fprintf(stderr, "roundtrip: unknown target '%s' (roundtrip --list shows them all)\n",
                argv[1]);
        return 2;
    }
    in = strcmp(argv[2], "-") == 0 ? stdin : fopen(argv[2], "rb");
    if (!in) {
        fprintf(stderr, "roundtrip: cannot open %s: %s\n", argv[2], strerror(errno));
        return 2;
    }
    text = read_all(in, &len);
    if (in != stdin)
        fclose(in);
    if (!text) {
        fprintf(stderr, "roundtrip: cannot read %s\n", argv[2]);
        return 2;
    }

    value = malloc(type->size);
    if (!value) {
        free(text);
        fputs("roundtrip: out of memory\n", stderr);
        return 1;
    }
    if (decode_path_text(&dp, type, text, len, value, &err) != SPECC_OK) {
        print_error(&err, NULL);
        status = 1;
    } else if ((problems = specc_validate(type, value, print_error, NULL)) > 0) {
        status = 1;
    } else if (!(out = specc_encode_text(type, value, &out_len, &err))) {
        print_error(&err, NULL);
        status = 1;
    } else {
        fwrite(out, 1, out_len, stdout);
        putchar('\n');
        specc_free(out);
    }
    decode_path_release(&dp, type, value); /* safe after a failed decode too */
    decode_path_close(&dp);
    free(value);
    free(text);
    return status;
}
