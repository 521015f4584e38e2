/*
 * show_model — decode a Baseten "get a Model API" response body (a file, or
 * - for standard input) with the generated bindings and print a few fields.
 * A rejected body: one "path: message" line per problem, exit 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseten.h"

static void report(const specc_error *e, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "%s: %s\n", e->path, e->message);
}

/* The whole of f, malloc'd; NULL when out of memory. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 4096;
    char *buf = malloc(cap), *more;
    *len = 0;
    while (buf) {
        *len += fread(buf + *len, 1, cap - *len, f);
        if (*len < cap)
            return buf;
        more = realloc(buf, cap *= 2);
        if (!more)
            free(buf);
        buf = more;
    }
    return NULL;
}

static void show(const baseten_model_api_t *m)
{
    printf("%s (%s), released %s\n", m->display_name, m->name, m->release_date);
    printf("context: %lld tokens\n", (long long)m->context_length);
    printf("per million tokens: $%s in, $%s out\n", m->cost_per_million_input_tokens.text,
           m->cost_per_million_output_tokens.text);
    printf("rate limits: %zu\n", m->rate_limits.count);
    if (m->org_details_state == SPECC_PRESENT)
        printf("added to the workspace at %s\n", m->org_details->added_at);
}

int main(int argc, char **argv)
{
    baseten_get_model_response_t response;
    specc_error err;
    FILE *in;
    char *body;
    size_t len;
    int status = 1;

    if (argc != 2) {
        fputs("usage: show_model FILE|-\n", stderr);
        return 2;
    }
    in = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    body = slurp(in, &len);
    if (in != stdin)
        fclose(in);
    if (!body) {
        fputs("show_model: out of memory\n", stderr);
        return 2;
    }
    /* As an HTTP client would: decode the body by its status, then check the
     * rules decoding does not (formats, ranges, patterns). */
    if (baseten_get_model_decode_response(200, body, len, &response, &err) != SPECC_OK) {
        report(&err, NULL);
    } else {
        if (baseten_model_api_validate(response.status_200, report, NULL) == 0) {
            show(response.status_200);
            status = 0;
        }
        baseten_get_model_response_clear(&response);
    }
    free(body);
    return status;
}
