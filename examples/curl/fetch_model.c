/*
 * fetch_model — the whole trip: ask LLM Stats for one model over HTTP with
 * libcurl, decode the answer by its HTTP status with the generated bindings,
 * and print a few fields or what went wrong.
 *
 *   LLMSTATS_API_KEY=... fetch_model claude-3-5-sonnet-20241022
 *
 * LLMSTATS_API_KEY is sent as a bearer token; LLMSTATS_BASE_URL, when set,
 * replaces the spec's base URL (a test server, a proxy).
 *
 * Exit status: 0 the model was printed; 1 the server answered, but not with
 * a model (an error body, no body, a status the spec does not declare, a body
 * that breaks the spec); 2 no answer (usage, network, out of memory).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "llmstats.h"

#define MAX_BODY (64u << 20) /* refuse answers beyond 64 MiB */

typedef struct body {
    char *bytes;
    size_t len, cap;
} body_t;

/* libcurl hands the body over in pieces: append each, growing the buffer. */
static size_t on_body(char *piece, size_t size, size_t n, void *ctx)
{
    body_t *b = ctx;
    size_t add = size * n, cap = b->cap ? b->cap : 4096;
    char *grown;

    if (add > MAX_BODY - b->len)
        return 0; /* libcurl stops with CURLE_WRITE_ERROR */
    while (cap - b->len < add)
        cap *= 2;
    if (cap != b->cap) {
        if (!(grown = realloc(b->bytes, cap)))
            return 0;
        b->bytes = grown;
        b->cap = cap;
    }
    memcpy(b->bytes + b->len, piece, add);
    b->len += add;
    return add;
}

/* "Authorization: Bearer KEY", or NULL when the key could change the
 * request's structure (a control character would start a new header). */
static char *auth_header(const char *key)
{
    static const char prefix[] = "Authorization: Bearer ";
    char *line;

    for (const char *c = key; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return NULL;
    if (!*key || !(line = malloc(sizeof prefix + strlen(key))))
        return NULL;
    return strcat(strcpy(line, prefix), key);
}

/* GET base + target; the status and body land in *status and *b. */
static int get(const char *url, const char *auth, long *status, body_t *b)
{
    struct curl_slist *headers = NULL;
    CURL *curl = curl_easy_init();
    CURLcode rc = CURLE_OUT_OF_MEMORY;

    /* Appending to a list keeps its head; NULL means out of memory. */
    if (curl && (headers = curl_slist_append(NULL, "Accept: application/json")) &&
        curl_slist_append(headers, auth)) {
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, b);
        rc = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    }
    if (rc != CURLE_OK)
        fprintf(stderr, "fetch_model: GET %s: %s\n", url, curl_easy_strerror(rc));
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return rc == CURLE_OK;
}

static void print_model(const llmstats_model_detail_t *m)
{
    printf("%s by %s\n", m->name, m->organization->name);
    if (m->context_window_state == SPECC_PRESENT)
        printf("context window: %lld tokens\n", (long long)m->context_window);
    else
        printf("context window: unknown\n");
    for (size_t i = 0; i < m->top_scores.count; i++)
        printf("best in %s: %g\n", m->top_scores.keys[i], m->top_scores.values[i]);
}

static void print_error(long status, const llmstats_error_response_t *e)
{
    fprintf(stderr, "fetch_model: HTTP %ld: %s: %s\n", status, e->error->code,
            e->error->message);
}

static void report(const specc_error *e, void *ctx)
{
    fprintf(stderr, "fetch_model: HTTP %ld: %s: %s\n", *(const long *)ctx, e->path, e->message);
}

/* Decode the body by its status and say what came back; the exit status. */
static int show(long status, const body_t *b)
{
    llmstats_get_model_response_t r;
    specc_error err;
    int exit_status = 1;

    if (llmstats_get_model_decode_response((int)status, b->bytes, b->len, &r, &err) != SPECC_OK) {
        if (err.code == SPECC_ERR_STATUS) /* the spec does not know this answer */
            fprintf(stderr, "fetch_model: %s\n", err.message);
        else if (b->len == 0) /* a declared status, but a proxy sent no body */
            fprintf(stderr, "fetch_model: HTTP %ld with an empty body\n", status);
        else
            report(&err, &status);
        return 1;
    }
    if (r.status_200 && llmstats_model_detail_validate(r.status_200, report, &status) == 0) {
        print_model(r.status_200);
        exit_status = 0;
    } else if (r.status_401 || r.status_404) {
        print_error(status, r.status_401 ? r.status_401 : r.status_404);
    } else if (r.status_422) {
        fprintf(stderr, "fetch_model: HTTP 422: the request was refused (%zu problems)\n",
                r.status_422->detail.count);
    }
    llmstats_get_model_response_clear(&r);
    return exit_status;
}

int main(int argc, char **argv)
{
    const char *key = getenv("LLMSTATS_API_KEY"), *base = getenv("LLMSTATS_BASE_URL");
    llmstats_get_model_params_t params = {0};
    body_t body = {0};
    char *target = NULL, *url = NULL, *auth = NULL;
    specc_error err;
    long status = 0;
    int exit_status = 2;

    if (argc != 2) {
        fputs("usage: LLMSTATS_API_KEY=... fetch_model MODEL_ID\n", stderr);
        return 2;
    }
    if (!key || !(auth = auth_header(key))) {
        fputs("fetch_model: LLMSTATS_API_KEY must be set, without control characters\n", stderr);
        return 2;
    }
    if (!base)
        base = LLMSTATS_BASE_URL;
    /* The request helper percent-encodes the id into the path. */
    params.model_id = argv[1];
    if (!(target = llmstats_get_model_target(&params, &err))) {
        fprintf(stderr, "fetch_model: %s\n", err.message);
        goto done;
    }
    if (!(url = malloc(strlen(base) + strlen(target) + 1)) ||
        curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fputs("fetch_model: out of memory\n", stderr);
        goto done;
    }
    strcat(strcpy(url, base), target);
    if (get(url, auth, &status, &body))
        exit_status = show(status, &body);
    curl_global_cleanup();
done:
    free(body.bytes);
    free(url);
    specc_free(target);
    free(auth);
    return exit_status;
}
