/*
 * show_model — read a Greenflash "get a model" response (a file, or - for
 * standard input), decode and validate it with the generated bindings, and
 * print a few fields. Exit 1 with one line per problem when it is rejected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "greenflash.h"

static void report(const specc_error *e, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "%s: %s\n", e->path, e->message);
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap), *grown;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    greenflash_get_model_response_t response;
    const greenflash_model_t *m;
    specc_error err;
    FILE *in;
    char *body;
    size_t len, i;
    int status = 0;

    if (argc != 2) {
        fputs("usage: show_model FILE|-\n", stderr);
        return 2;
    }
    in = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "rb");
    if (!in || !(body = read_all(in, &len))) {
        perror(argv[1]);
        return 2;
    }
    if (in != stdin)
        fclose(in);

    /* As an HTTP client would: decode the body by its status. */
    if (greenflash_get_model_decode_response(200, body, len, &response, &err) != SPECC_OK) {
        report(&err, NULL);
        free(body);
        return 1;
    }
    m = response.status_200;
    if (greenflash_model_validate(m, report, NULL) > 0) {
        status = 1;
    } else {
        printf("%s (%s) by %s\n", m->display_name, m->canonical_id, m->provider);
        if (m->context_window_state == SPECC_PRESENT)
            printf("context window: %.0f tokens\n", m->context_window);
        else
            printf("context window: unknown\n");
        for (i = 0; i < m->products.count; i++)
            printf("used by %s: %.0f conversations\n", m->products.items[i].name,
                   m->products.items[i].conversation_count);
    }
    greenflash_get_model_response_clear(&response);
    free(body);
    return status;
}
