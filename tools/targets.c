/*
 * targets.c — name lookup over the generated descriptor tables, and the JSON
 * comparison used to judge a round trip.
 */
#define _POSIX_C_SOURCE 200809L

#include "targets.h"

#include <stdlib.h>
#include <string.h>

#include "baseten.h"
#include "github.h"
#include "greenflash.h"
#include "llmstats.h"
#include "openwebui.h"
#include "respan.h"
#include "stripe.h"

typedef struct api {
    const char *name;
    const specc_type *const *types;
    const size_t *type_count;
    const specc_endpoint *const *endpoints;
    const size_t *endpoint_count;
} api;

static const api apis[] = {
    {"llmstats", llmstats_types, &llmstats_type_count, llmstats_endpoints,
     &llmstats_endpoint_count},
    {"openwebui", openwebui_types, &openwebui_type_count, openwebui_endpoints,
     &openwebui_endpoint_count},
    {"greenflash", greenflash_types, &greenflash_type_count, greenflash_endpoints,
     &greenflash_endpoint_count},
    {"baseten", baseten_types, &baseten_type_count, baseten_endpoints,
     &baseten_endpoint_count},
    {"respan", respan_types, &respan_type_count, respan_endpoints, &respan_endpoint_count},
    {"github", github_types, &github_type_count, github_endpoints, &github_endpoint_count},
    {"stripe", stripe_types, &stripe_type_count, stripe_endpoints, &stripe_endpoint_count},
};
#define API_COUNT (sizeof apis / sizeof apis[0])

void targets_list(FILE *out)
{
    size_t a, i, j;
    for (a = 0; a < API_COUNT; a++) {
        const api *p = &apis[a];
        for (i = 0; i < *p->endpoint_count; i++) {
            const specc_endpoint *e = p->endpoints[i];
            for (j = 0; j < e->response_count; j++) {
                const specc_response *r = &e->responses[j];
                if (!r->type) /* no body to decode */
                    continue;
                if (r->kind == SPECC_STATUS_DEFAULT)
                    fprintf(out, "%s.%s.default\n", p->name, e->name);
                else if (r->kind == SPECC_STATUS_RANGE)
                    fprintf(out, "%s.%s.%dXX\n", p->name, e->name, r->status / 100);
                else
                    fprintf(out, "%s.%s.%d\n", p->name, e->name, r->status);
            }
        }
        for (i = 0; i < *p->type_count; i++)
            fprintf(out, "%s.%s\n", p->name, p->types[i]->name);
    }
}

size_t targets_type_count(void)
{
    size_t a, n = 0;
    for (a = 0; a < API_COUNT; a++)
        n += *apis[a].type_count;
    return n;
}

const specc_type *targets_type(size_t i, const char **api_name)
{
    size_t a;
    for (a = 0; a < API_COUNT; a++) {
        if (i < *apis[a].type_count) {
            if (api_name)
                *api_name = apis[a].name;
            return apis[a].types[i];
        }
        i -= *apis[a].type_count;
    }
    return NULL;
}

/* The response of kind `kind` covering `code` (exact: that status; range:
 * the same hundred; default: any), or NULL. *found says whether there is one
 * (its type may be NULL: a response without a body). */
static const specc_type *response_of(const specc_endpoint *e, int kind, int code, bool *found)
{
    size_t j;
    for (j = 0; j < e->response_count; j++) {
        const specc_response *r = &e->responses[j];
        if (r->kind == kind &&
            (kind == SPECC_STATUS_DEFAULT ||
             (kind == SPECC_STATUS_RANGE ? r->status / 100 == code / 100 : r->status == code))) {
            *found = true;
            return r->type;
        }
    }
    return NULL;
}

/* The response of e that `status` names: as --list prints it (404, 4XX,
 * default), or any HTTP status, resolved as specc_decode_response does
 * (the exact status, else its range, else default). */
static const specc_type *find_response(const specc_endpoint *e, const char *status)
{
    bool found = false;
    const specc_type *t;
    int code;
    if (strcmp(status, "default") == 0)
        return response_of(e, SPECC_STATUS_DEFAULT, 0, &found);
    if (strlen(status) != 3 || status[0] < '1' || status[0] > '5')
        return NULL;
    if (strcmp(status + 1, "XX") == 0 || strcmp(status + 1, "xx") == 0)
        return response_of(e, SPECC_STATUS_RANGE, (status[0] - '0') * 100, &found);
    if (strspn(status, "0123456789") != 3)
        return NULL;
    code = atoi(status);
    t = response_of(e, SPECC_STATUS_EXACT, code, &found);
    if (!found)
        t = response_of(e, SPECC_STATUS_RANGE, code, &found);
    if (!found)
        t = response_of(e, SPECC_STATUS_DEFAULT, code, &found);
    return t;
}

static const specc_type *find_in_api(const api *p, const char *rest)
{
    size_t i;
    for (i = 0; i < *p->type_count; i++)
        if (strcmp(rest, p->types[i]->name) == 0)
            return p->types[i];
    for (i = 0; i < *p->endpoint_count; i++) {
        const specc_endpoint *e = p->endpoints[i];
        size_t en = strlen(e->name);
        if (strncmp(rest, e->name, en) != 0 || rest[en] != '.')
            continue;
        return find_response(e, rest + en + 1);
    }
    return NULL;
}

const specc_type *targets_find(const char *target)
{
    size_t a;
    for (a = 0; a < API_COUNT; a++) {
        size_t n = strlen(apis[a].name);
        if (strncmp(target, apis[a].name, n) == 0 && target[n] == '.')
            return find_in_api(&apis[a], target + n + 1);
    }
    return NULL;
}

static bool differ(char *where, size_t size, const char *path, const char *what)
{
    if (where)
        snprintf(where, size, "%s: %s", path, what);
    return false;
}

static bool same_at(const json_t *a, const json_t *b, const char *path, char *where, size_t size)
{
    char sub[512];
    if (json_is_number(a) && json_is_number(b)) {
        if (json_is_integer(a) && json_is_integer(b))
            return json_integer_value(a) == json_integer_value(b) ||
                   differ(where, size, path, "integers differ");
        return json_number_value(a) == json_number_value(b) ||
               differ(where, size, path, "numbers differ");
    }
    if (json_typeof(a) != json_typeof(b))
        return differ(where, size, path, "JSON types differ");
    if (json_is_string(a)) {
        return (json_string_length(a) == json_string_length(b) &&
                memcmp(json_string_value(a), json_string_value(b), json_string_length(a)) == 0) ||
               differ(where, size, path, "strings differ");
    }
    if (json_is_array(a)) {
        size_t i;
        if (json_array_size(a) != json_array_size(b))
            return differ(where, size, path, "array lengths differ");
        for (i = 0; i < json_array_size(a); i++) {
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            if (!same_at(json_array_get(a, i), json_array_get(b, i), sub, where, size))
                return false;
        }
        return true;
    }
    if (json_is_object(a)) {
        const char *key;
        json_t *v;
        if (json_object_size(a) != json_object_size(b))
            return differ(where, size, path, "key sets differ (a key was lost or added)");
        json_object_foreach((json_t *)a, key, v) {
            json_t *w = json_object_get(b, key);
            snprintf(sub, sizeof sub, "%s.%s", path, key);
            if (!w)
                return differ(where, size, sub, "key missing after the round trip");
            if (!same_at(v, w, sub, where, size))
                return false;
        }
        return true;
    }
    return true; /* true, false, null: same type is enough */
}

bool targets_json_same(const json_t *a, const json_t *b, char *where, size_t size)
{
    return same_at(a, b, "$", where, size);
}
