/*
 * requests.c — the generated endpoint helpers of the five seed APIs:
 *   - the BASE_URL, METHOD and PATH macros;
 *   - request targets: ids with '/', ' ', '%', '?', '#', '+', '&', '=' and
 *     non-ASCII (é) percent-encoded per RFC 3986 (upper-case hex, UTF-8
 *     bytes), path parameters with '/' as %2F, Open WebUI's id as a query
 *     parameter, Respan's model name keeping its '/' but refusing empty, '.'
 *     and '..' segments, a missing (NULL) required parameter refused with
 *     SPECC_ERR_PARAM;
 *   - responses by HTTP status: each declared status decodes into its member
 *     (checked by a field value), an undeclared status is SPECC_ERR_STATUS
 *     with a message naming it, a malformed or mis-shaped body is an error
 *     that leaves no member set, and freeing is always safe.
 * Run it under valgrind to see that nothing leaks.
 * One line per check that fails; a summary line; exit 1 on any failure.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseten.h"
#include "greenflash.h"
#include "llmstats.h"
#include "openwebui.h"
#include "respan.h"

static int checks, failures;

#define CHECK(cond, ...)                                                                          \
    do {                                                                                          \
        checks++;                                                                                 \
        if (!(cond)) {                                                                            \
            failures++;                                                                           \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                           \
            printf(__VA_ARGS__);                                                                  \
            putchar('\n');                                                                        \
        }                                                                                         \
    } while (0)

#define CHECK_STR(got, want) check_str(#got, (got), (want), __LINE__)

static void check_str(const char *what, const char *got, const char *want, int line)
{
    checks++;
    if (got && strcmp(got, want) == 0)
        return;
    failures++;
    printf("FAIL %s:%d: %s: expected \"%s\", got %s%s%s\n", __FILE__, line, what, want,
           got ? "\"" : "", got ? got : "NULL", got ? "\"" : "");
}

/* --------------------------------------------------------------- targets */

/* A request target the helper built (or NULL, with *err): must be `want`. */
static void expect_target(const char *api, const char *input, char *got, const specc_error *err,
                          const char *want)
{
    checks++;
    if (!got) {
        failures++;
        printf("FAIL %s target for \"%s\": expected \"%s\", got %s at %s: %s\n", api, input, want,
               specc_code_name(err->code), err->path, err->message);
        return;
    }
    if (strcmp(got, want) != 0) {
        failures++;
        printf("FAIL %s target for \"%s\": expected \"%s\", got \"%s\"\n", api, input, want, got);
    }
    specc_free(got);
}

/* The helper must refuse (NULL) with SPECC_ERR_PARAM and a message naming
 * the parameter. */
static void expect_param_error(const char *api, const char *input, char *got,
                               const specc_error *err, const char *param)
{
    checks++;
    if (got) {
        failures++;
        printf("FAIL %s target for %s%s%s: expected SPECC_ERR_PARAM, got \"%s\"\n", api,
               input ? "\"" : "", input ? input : "NULL", input ? "\"" : "", got);
        specc_free(got);
        return;
    }
    if (err->code != SPECC_ERR_PARAM || !strstr(err->message, param)) {
        failures++;
        printf("FAIL %s target for %s%s%s: expected param error naming '%s', got %s at %s: %s\n",
               api, input ? "\"" : "", input ? input : "NULL", input ? "\"" : "", param,
               specc_code_name(err->code), err->path, err->message);
    }
}

/* Inputs every API must percent-encode the same way in a path segment or a
 * query value (only Respan's '/' differs: it is kept). */
typedef struct encoding_case {
    const char *input;
    const char *encoded; /* with '/' as %2F */
} encoding_case;

static const encoding_case encodings[] = {
    {"llama-3.1-405b-instruct", "llama-3.1-405b-instruct"}, /* unreserved: as is */
    {"a_b~c", "a_b~c"},
    {"openai/gpt-4o", "openai%2Fgpt-4o"},
    {"my model", "my%20model"},
    {"100%", "100%25"},
    {"what?", "what%3F"},
    {"a#b", "a%23b"},
    {"a+b", "a%2Bb"},
    {"k=v&x", "k%3Dv%26x"},
    {"caf\xc3\xa9", "caf%C3%A9"}, /* é as its UTF-8 bytes, upper-case hex */
    {"%2F", "%252F"},             /* an already-encoded look is encoded again */
};

static char *llmstats_target(const char *id, specc_error *err)
{
    llmstats_get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.model_id = id;
    return llmstats_get_model_target(&p, err);
}

static char *greenflash_target(const char *id, specc_error *err)
{
    greenflash_get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.model_id = id;
    return greenflash_get_model_target(&p, err);
}

static char *baseten_target(const char *id, specc_error *err)
{
    baseten_get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.model_api_name = id;
    return baseten_get_model_target(&p, err);
}

static char *openwebui_target(const char *id, specc_error *err)
{
    openwebui_get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.id = id;
    return openwebui_get_model_target(&p, err);
}

static char *respan_target(const char *name, specc_error *err)
{
    respan_get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.model_name = name;
    return respan_get_model_target(&p, err);
}

typedef char *target_fn(const char *id, specc_error *err);

/* An API whose id is one path segment: prefix + encoded id + suffix. */
static void test_segment_api(const char *api, target_fn *fn, const char *prefix,
                             const char *param)
{
    size_t i;
    char want[256];
    specc_error err;

    for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        snprintf(want, sizeof want, "%s%s", prefix, encodings[i].encoded);
        memset(&err, 0, sizeof err);
        expect_target(api, encodings[i].input, fn(encodings[i].input, &err), &err, want);
    }
    /* In one encoded segment a dot-segment is harmless text. */
    snprintf(want, sizeof want, "%s..%%2F..%%2Fadmin", prefix);
    memset(&err, 0, sizeof err);
    expect_target(api, "../../admin", fn("../../admin", &err), &err, want);

    memset(&err, 0, sizeof err);
    expect_param_error(api, NULL, fn(NULL, &err), &err, param);
    /* An empty id would address another resource (the collection). */
    memset(&err, 0, sizeof err);
    expect_param_error(api, "", fn("", &err), &err, param);
}

static void test_targets(void)
{
    size_t i;
    char want[256];
    specc_error err;

    test_segment_api("llmstats", llmstats_target, "/v1/models/", "model_id");
    test_segment_api("baseten", baseten_target, "/v1/model_apis/", "model_api_name");
    /* Greenflash declares modelId a uuid: that is checked before a request
     * is built, so a slug or a traversal never reaches the server. */
    memset(&err, 0, sizeof err);
    expect_target("greenflash", "uuid",
                  greenflash_target("123e4567-e89b-12d3-a456-426614174000", &err), &err,
                  "/models/123e4567-e89b-12d3-a456-426614174000");
    memset(&err, 0, sizeof err);
    expect_target("greenflash", "upper-case uuid",
                  greenflash_target("123E4567-E89B-12D3-A456-426614174000", &err), &err,
                  "/models/123E4567-E89B-12D3-A456-426614174000");
    for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        memset(&err, 0, sizeof err);
        expect_param_error("greenflash", encodings[i].input, greenflash_target(encodings[i].input, &err),
                           &err, "modelId");
        CHECK(strstr(err.message, "not a valid uuid") != NULL, "greenflash: message names the format");
    }
    memset(&err, 0, sizeof err);
    expect_param_error("greenflash", "../../admin", greenflash_target("../../admin", &err), &err,
                       "modelId");
    memset(&err, 0, sizeof err);
    expect_param_error("greenflash", NULL, greenflash_target(NULL, &err), &err, "modelId");

    /* Open WebUI: the id is a query parameter. */
    for (i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        snprintf(want, sizeof want, "/api/models/model?id=%s", encodings[i].encoded);
        memset(&err, 0, sizeof err);
        expect_target("openwebui", encodings[i].input, openwebui_target(encodings[i].input, &err),
                      &err, want);
    }
    memset(&err, 0, sizeof err);
    expect_target("openwebui", "../x", openwebui_target("../x", &err), &err,
                  "/api/models/model?id=..%2Fx");
    memset(&err, 0, sizeof err);
    expect_param_error("openwebui", NULL, openwebui_target(NULL, &err), &err, "id");

    /* Respan: '/' stays a separator, everything else is encoded. */
    {
        static const encoding_case respan[] = {
            {"openai/gpt-4o-mini", "/api/models/openai/gpt-4o-mini/"},
            {"gpt-4o", "/api/models/gpt-4o/"},
            {"my-custom-gpt-4o", "/api/models/my-custom-gpt-4o/"},
            {"a/b/c", "/api/models/a/b/c/"},
            {"org name/my model", "/api/models/org%20name/my%20model/"},
            {"100%/x?y#z", "/api/models/100%25/x%3Fy%23z/"},
            {"caf\xc3\xa9/v1+2", "/api/models/caf%C3%A9/v1%2B2/"},
            {"...", "/api/models/.../"},      /* not a dot-segment */
            {".hidden/..x", "/api/models/.hidden/..x/"},
        };
        static const char *const refused[] = {
            "../admin", "openai/../admin", "openai/..", "..", ".", "./gpt-4o", "openai/./gpt",
            "/gpt-4o",  "gpt-4o/",         "a//b",      "",
        };
        for (i = 0; i < sizeof respan / sizeof respan[0]; i++) {
            memset(&err, 0, sizeof err);
            expect_target("respan", respan[i].input, respan_target(respan[i].input, &err), &err,
                          respan[i].encoded);
        }
        for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
            memset(&err, 0, sizeof err);
            expect_param_error("respan", refused[i], respan_target(refused[i], &err), &err,
                               "model_name");
        }
        memset(&err, 0, sizeof err);
        expect_param_error("respan", NULL, respan_target(NULL, &err), &err, "model_name");
    }

    /* No params struct at all: refused, not a crash. */
    memset(&err, 0, sizeof err);
    {
        char *t = llmstats_get_model_target(NULL, &err);
        CHECK(t == NULL && err.code != SPECC_OK && err.message[0] != '\0',
              "llmstats target with NULL params: expected an error, got %s", t ? t : "(error)");
        specc_free(t);
    }
    /* err may be NULL. */
    {
        char *t = llmstats_target(NULL, NULL);
        CHECK(t == NULL, "llmstats target for NULL id with err NULL: expected NULL");
        specc_free(t);
        t = llmstats_target("x", NULL);
        CHECK(t != NULL && strcmp(t, "/v1/models/x") == 0, "llmstats target with err NULL");
        specc_free(t);
    }
}

/* ---------------------------------------------------------------- macros */

static void test_macros(void)
{
    CHECK_STR(LLMSTATS_BASE_URL, "https://api.llm-stats.com");
    CHECK_STR(LLMSTATS_GET_MODEL_METHOD, "GET");
    CHECK_STR(LLMSTATS_GET_MODEL_PATH, "/v1/models/{model_id}");
    CHECK_STR(OPENWEBUI_BASE_URL, "https://api.example.com");
    CHECK_STR(OPENWEBUI_GET_MODEL_METHOD, "GET");
    CHECK_STR(OPENWEBUI_GET_MODEL_PATH, "/api/models/model");
    CHECK_STR(GREENFLASH_BASE_URL, "https://www.greenflash.ai/api/v1");
    CHECK_STR(GREENFLASH_GET_MODEL_METHOD, "GET");
    CHECK_STR(GREENFLASH_GET_MODEL_PATH, "/models/{modelId}");
    CHECK_STR(BASETEN_BASE_URL, "https://api.baseten.co");
    CHECK_STR(BASETEN_GET_MODEL_METHOD, "GET");
    CHECK_STR(BASETEN_GET_MODEL_PATH, "/v1/model_apis/{model_api_name}");
    CHECK_STR(RESPAN_BASE_URL, "https://api.respan.ai");
    CHECK_STR(RESPAN_GET_MODEL_METHOD, "GET");
    CHECK_STR(RESPAN_GET_MODEL_PATH, "/api/models/{model_name}/");

    /* The endpoint descriptors agree with the macros. */
    CHECK_STR(llmstats_get_model_endpoint.path, LLMSTATS_GET_MODEL_PATH);
    CHECK_STR(openwebui_get_model_endpoint.path, OPENWEBUI_GET_MODEL_PATH);
    CHECK_STR(greenflash_get_model_endpoint.path, GREENFLASH_GET_MODEL_PATH);
    CHECK_STR(baseten_get_model_endpoint.path, BASETEN_GET_MODEL_PATH);
    CHECK_STR(respan_get_model_endpoint.path, RESPAN_GET_MODEL_PATH);
    CHECK_STR(respan_get_model_endpoint.method, RESPAN_GET_MODEL_METHOD);

    /* BASE_URL + target is the URL: no '/' doubled or lost. */
    {
        specc_error err;
        char url[256], *t = greenflash_target("123e4567-e89b-12d3-a456-426614174000", &err);
        snprintf(url, sizeof url, "%s%s", GREENFLASH_BASE_URL, t ? t : "");
        CHECK_STR(url, "https://www.greenflash.ai/api/v1/models/123e4567-e89b-12d3-a456-426614174000");
        specc_free(t);
        t = respan_target("openai/gpt-4o-mini", &err);
        snprintf(url, sizeof url, "%s%s", RESPAN_BASE_URL, t ? t : "");
        CHECK_STR(url, "https://api.respan.ai/api/models/openai/gpt-4o-mini/");
        specc_free(t);
    }
}

/* ------------------------------------------------------------- responses */

/* An error the response decoder returned: code `want`, message holding
 * `needle` (may be NULL). */
static void expect_error(const char *what, specc_code got, const specc_error *err,
                         specc_code want, const char *needle)
{
    checks++;
    if (got != want || err->code != want || (needle && !strstr(err->message, needle)) ||
        err->message[0] == '\0') {
        failures++;
        printf("FAIL %s: expected %s%s%s%s, got %s (err.code %s) at %s: %s\n", what,
               specc_code_name(want), needle ? " with a message mentioning \"" : "",
               needle ? needle : "", needle ? "\"" : "", specc_code_name(got),
               specc_code_name(err->code), err->path, err->message);
    }
}

static void expect_ok(const char *what, specc_code got, const specc_error *err)
{
    CHECK(got == SPECC_OK, "%s: expected success, got %s at %s: %s", what, specc_code_name(got),
          err->path, err->message);
}

#define LLMSTATS_200                                                                              \
    "{\"id\":\"llama-3.1-405b-instruct\",\"name\":\"Llama 3.1 405B Instruct\","                   \
    "\"description\":\"Meta's largest open-weight model.\","                                      \
    "\"organization\":{\"id\":\"meta\",\"name\":\"Meta\"},"                                       \
    "\"license\":{\"id\":\"llama-3.1\",\"allow_commercial\":true},\"open_weight\":true,"          \
    "\"model_type\":\"llm\",\"modalities\":[\"text\"],"                                           \
    "\"providers\":[{\"provider_id\":\"together\",\"provider_name\":\"Together AI\","             \
    "\"status\":\"active\",\"input_price_per_m\":3.5,\"output_price_per_m\":null}],"              \
    "\"top_scores\":{\"reasoning\":73.3,\"coding\":89.0},"                                        \
    "\"created_at\":\"2024-07-23T15:00:00Z\",\"updated_at\":\"2025-01-10T08:12:45Z\","            \
    "\"source\":\"https://ai.meta.com/blog/meta-llama-3-1/\","                                    \
    "\"url\":\"https://llm-stats.com/models/llama-3.1-405b-instruct\",\"scores\":[],"             \
    "\"sources\":{},\"family\":null,\"context_window\":128000,\"param_count\":405000000000,"      \
    "\"release_date\":\"2024-07-23\"}"

static void test_llmstats_responses(void)
{
    llmstats_get_model_response_t r;
    specc_error err;
    specc_code rc;
    static const char body401[] = "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"The API "
                                  "key provided is invalid or has been revoked.\"}}";
    static const char body404[] = "{\"error\":{\"code\":\"model_not_found\",\"message\":\"No model "
                                  "with id 'llama-9'.\",\"param\":\"model_id\",\"help_url\":null}}";
    static const char body422[] = "{\"detail\":[{\"loc\":[\"path\",\"model_id\"],\"msg\":\"field "
                                  "required\",\"type\":\"value_error.missing\"}]}";

    memset(&r, 0, sizeof r);
    rc = llmstats_get_model_decode_response(200, LLMSTATS_200, strlen(LLMSTATS_200), &r, &err);
    expect_ok("llmstats 200", rc, &err);
    CHECK(r.status == 200, "llmstats 200: status %d", r.status);
    CHECK(r.status_200 && !r.status_401 && !r.status_404 && !r.status_422,
          "llmstats 200: exactly status_200 must be set");
    if (r.status_200) {
        CHECK_STR(r.status_200->name, "Llama 3.1 405B Instruct");
        CHECK(r.status_200->context_window_state == SPECC_PRESENT &&
                  r.status_200->context_window == 128000,
              "llmstats 200: context_window");
        CHECK(r.status_200->param_count == 405000000000LL, "llmstats 200: param_count");
        CHECK(r.status_200->family_state == SPECC_NULL, "llmstats 200: family is null");
        CHECK(r.status_200->organization && r.status_200->organization->name &&
                  strcmp(r.status_200->organization->name, "Meta") == 0,
              "llmstats 200: organization.name");
        CHECK(r.status_200->top_scores.count == 2 && r.status_200->top_scores.values[1] == 89.0,
              "llmstats 200: top_scores");
    }
    llmstats_get_model_response_clear(&r);
    CHECK(!r.status_200, "llmstats: response_clear must leave the members NULL");
    llmstats_get_model_response_clear(&r); /* twice: harmless */

    rc = llmstats_get_model_decode_response(401, body401, strlen(body401), &r, &err);
    expect_ok("llmstats 401", rc, &err);
    CHECK(r.status == 401 && r.status_401 && !r.status_200 && !r.status_404,
          "llmstats 401: exactly status_401 must be set");
    if (r.status_401 && r.status_401->error) {
        CHECK_STR(r.status_401->error->code, "invalid_api_key");
        CHECK_STR(r.status_401->error->message,
                  "The API key provided is invalid or has been revoked.");
    }
    llmstats_get_model_response_clear(&r);

    rc = llmstats_get_model_decode_response(404, body404, strlen(body404), &r, &err);
    expect_ok("llmstats 404", rc, &err);
    CHECK(r.status == 404 && r.status_404 && !r.status_200 && !r.status_401,
          "llmstats 404: exactly status_404 must be set");
    if (r.status_404 && r.status_404->error) {
        CHECK_STR(r.status_404->error->message, "No model with id 'llama-9'.");
        CHECK_STR(r.status_404->error->param, "model_id");
        CHECK(r.status_404->error->help_url_state == SPECC_NULL, "llmstats 404: help_url null");
    }
    llmstats_get_model_response_clear(&r);

    rc = llmstats_get_model_decode_response(422, body422, strlen(body422), &r, &err);
    expect_ok("llmstats 422", rc, &err);
    CHECK(r.status_422 && r.status_422->detail.count == 1, "llmstats 422: one detail entry");
    llmstats_get_model_response_clear(&r);

    /* Undeclared statuses. */
    rc = llmstats_get_model_decode_response(500, "Internal Server Error", 21, &r, &err);
    expect_error("llmstats 500", rc, &err, SPECC_ERR_STATUS, "500");
    CHECK(!r.status_200 && !r.status_401 && !r.status_404 && !r.status_422,
          "llmstats 500: no member set");
    llmstats_get_model_response_clear(&r);
    rc = llmstats_get_model_decode_response(418, "{}", 2, &r, &err);
    expect_error("llmstats 418", rc, &err, SPECC_ERR_STATUS, "418");
    llmstats_get_model_response_clear(&r);
    rc = llmstats_get_model_decode_response(204, NULL, 0, &r, &err);
    expect_error("llmstats 204 without a body", rc, &err, SPECC_ERR_STATUS, "204");
    llmstats_get_model_response_clear(&r);

    /* Malformed bodies for declared statuses. */
    rc = llmstats_get_model_decode_response(200, "{\"id\":", 6, &r, &err);
    expect_error("llmstats 200 truncated", rc, &err, SPECC_ERR_SYNTAX, NULL);
    CHECK(!r.status_200, "llmstats 200 truncated: status_200 must stay NULL");
    llmstats_get_model_response_clear(&r);
    rc = llmstats_get_model_decode_response(200, "", 0, &r, &err);
    expect_error("llmstats 200 empty body", rc, &err, SPECC_ERR_SYNTAX, NULL);
    llmstats_get_model_response_clear(&r);
    rc = llmstats_get_model_decode_response(200, body404, strlen(body404), &r, &err);
    expect_error("llmstats 200 with an error body", rc, &err, SPECC_ERR_MISSING, NULL);
    CHECK(!r.status_200, "llmstats 200 with an error body: status_200 must stay NULL");
    llmstats_get_model_response_clear(&r);
    rc = llmstats_get_model_decode_response(404, "{\"detail\":\"Not Found\"}", 22, &r, &err);
    expect_error("llmstats 404 with a FastAPI body", rc, &err, SPECC_ERR_MISSING, NULL);
    CHECK(strcmp(err.path, "$.error") == 0, "llmstats 404 with a FastAPI body: path %s", err.path);
    CHECK(!r.status_404, "llmstats 404 bad body: status_404 must stay NULL");
    llmstats_get_model_response_clear(&r);
}

#define OPENWEBUI_200                                                                             \
    "{\"id\":\"openai/gpt-4o\",\"user_id\":\"u1\",\"base_model_id\":null,\"name\":\"GPT-4o\","    \
    "\"params\":{\"temperature\":0.7},\"meta\":{\"profile_image_url\":\"/static/favicon.png\","   \
    "\"description\":null,\"capabilities\":{\"vision\":true}},\"access_grants\":[],"              \
    "\"is_active\":true,\"write_access\":null,\"user\":null,"                                     \
    "\"created_at\":1704067200,\"updated_at\":1704153600}"

static void test_openwebui_responses(void)
{
    openwebui_get_model_response_t r;
    specc_error err;
    specc_code rc;
    /* Only the first len bytes are the body. */
    static const char body404[] = "{\"detail\":\"Model not found\"}GARBAGE";

    memset(&r, 0, sizeof r);
    rc = openwebui_get_model_decode_response(200, OPENWEBUI_200, strlen(OPENWEBUI_200), &r, &err);
    expect_ok("openwebui 200", rc, &err);
    CHECK(r.status == 200 && r.status_200 && !r.status_401 && !r.status_404,
          "openwebui 200: exactly status_200 must be set");
    if (r.status_200) {
        CHECK_STR(r.status_200->id, "openai/gpt-4o");
        CHECK(r.status_200->created_at == 1704067200, "openwebui 200: created_at");
        CHECK(r.status_200->base_model_id_state == SPECC_NULL, "openwebui 200: base_model_id");
        CHECK(r.status_200->params && json_is_object(r.status_200->params),
              "openwebui 200: params kept as an object");
    }
    openwebui_get_model_response_clear(&r);

    rc = openwebui_get_model_decode_response(401, "{\"detail\":\"Access prohibited\"}", 30, &r,
                                             &err);
    expect_ok("openwebui 401", rc, &err);
    CHECK(r.status == 401 && r.status_401 && !r.status_200 && !r.status_404,
          "openwebui 401: exactly status_401 must be set");
    if (r.status_401)
        CHECK_STR(r.status_401->detail, "Access prohibited");
    openwebui_get_model_response_clear(&r);

    rc = openwebui_get_model_decode_response(404, body404, strlen(body404) - 7, &r, &err);
    expect_ok("openwebui 404 (length excludes trailing bytes)", rc, &err);
    CHECK(r.status == 404 && r.status_404 && !r.status_200 && !r.status_401,
          "openwebui 404: exactly status_404 must be set");
    if (r.status_404)
        CHECK_STR(r.status_404->detail, "Model not found");
    openwebui_get_model_response_clear(&r);

    rc = openwebui_get_model_decode_response(422, "{\"detail\":[]}", 13, &r, &err);
    expect_error("openwebui 422 (undeclared)", rc, &err, SPECC_ERR_STATUS, "422");
    openwebui_get_model_response_clear(&r);
    rc = openwebui_get_model_decode_response(500, "oops", 4, &r, &err);
    expect_error("openwebui 500", rc, &err, SPECC_ERR_STATUS, "500");
    CHECK(!r.status_200 && !r.status_401 && !r.status_404, "openwebui 500: no member set");
    openwebui_get_model_response_clear(&r);

    rc = openwebui_get_model_decode_response(200, "{\"id\":\"x\"", 9, &r, &err);
    expect_error("openwebui 200 truncated", rc, &err, SPECC_ERR_SYNTAX, NULL);
    CHECK(!r.status_200, "openwebui 200 truncated: status_200 must stay NULL");
    openwebui_get_model_response_clear(&r);
    rc = openwebui_get_model_decode_response(200, "[]", 2, &r, &err);
    expect_error("openwebui 200 array body", rc, &err, SPECC_ERR_TYPE, NULL);
    openwebui_get_model_response_clear(&r);
}

#define GREENFLASH_200                                                                            \
    "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"canonicalId\":\"gpt-4o\","                \
    "\"displayName\":\"GPT-4o\",\"provider\":\"OpenAI\",\"family\":\"GPT-4\","                    \
    "\"description\":null,\"contextWindow\":128000,\"inputCostPer1k\":0.005,"                     \
    "\"outputCostPer1k\":0.015,\"inputModalities\":[\"text\",\"image\"],"                         \
    "\"outputModalities\":[\"text\"],\"supportedParameters\":null,\"source\":\"openrouter\","     \
    "\"createdAt\":\"2025-05-01T00:00:00Z\",\"expirationDate\":null,"                             \
    "\"intelligenceIndex\":92.4,\"codingIndex\":88.1,\"mathIndex\":85.7,\"mmluPro\":87.2,"        \
    "\"gpqa\":53.6,\"usageCount\":4520,\"lastUsedAt\":\"2025-10-15T14:30:00Z\","                  \
    "\"products\":[{\"id\":\"789e4567-e89b-12d3-a456-426614174010\",\"name\":\"Customer Support " \
    "Bot\",\"icon\":\"headset\",\"conversationCount\":3200},"                                     \
    "{\"id\":\"789e4567-e89b-12d3-a456-426614174011\",\"name\":\"Sales Assistant\","              \
    "\"icon\":null,\"conversationCount\":1320}]}"

static void test_greenflash_responses(void)
{
    greenflash_get_model_response_t r;
    specc_error err;
    specc_code rc;

    memset(&r, 0, sizeof r);
    rc = greenflash_get_model_decode_response(200, GREENFLASH_200, strlen(GREENFLASH_200), &r,
                                              &err);
    expect_ok("greenflash 200", rc, &err);
    CHECK(r.status == 200 && r.status_200, "greenflash 200: status_200 must be set");
    if (r.status_200) {
        CHECK_STR(r.status_200->display_name, "GPT-4o");
        CHECK(r.status_200->products.count == 2 &&
                  r.status_200->products.items[1].conversation_count == 1320 &&
                  r.status_200->products.items[1].icon_state == SPECC_NULL,
              "greenflash 200: products[1]");
        CHECK(r.status_200->supported_parameters_state == SPECC_NULL,
              "greenflash 200: supportedParameters null");
    }
    greenflash_get_model_response_clear(&r);

    /* The spec declares only 200: the others are undeclared. */
    rc = greenflash_get_model_decode_response(404, "{\"error\":\"Model not found\"}", 27, &r,
                                              &err);
    expect_error("greenflash 404 (undeclared)", rc, &err, SPECC_ERR_STATUS, "404");
    CHECK(!r.status_200, "greenflash 404: no member set");
    greenflash_get_model_response_clear(&r);
    rc = greenflash_get_model_decode_response(401, "{}", 2, &r, &err);
    expect_error("greenflash 401 (undeclared)", rc, &err, SPECC_ERR_STATUS, "401");
    greenflash_get_model_response_clear(&r);
    rc = greenflash_get_model_decode_response(503, "", 0, &r, &err);
    expect_error("greenflash 503", rc, &err, SPECC_ERR_STATUS, "503");
    greenflash_get_model_response_clear(&r);

    rc = greenflash_get_model_decode_response(200, GREENFLASH_200, strlen(GREENFLASH_200) - 1, &r,
                                              &err);
    expect_error("greenflash 200 missing its last byte", rc, &err, SPECC_ERR_SYNTAX, NULL);
    CHECK(!r.status_200, "greenflash 200 truncated: status_200 must stay NULL");
    greenflash_get_model_response_clear(&r);
    rc = greenflash_get_model_decode_response(200, "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\"}",
                                              45, &r, &err);
    expect_error("greenflash 200 missing keys", rc, &err, SPECC_ERR_MISSING, NULL);
    greenflash_get_model_response_clear(&r);
}

#define BASETEN_200                                                                               \
    "{\"name\":\"llama-3-3-70b-instruct\",\"display_name\":\"Llama 3.3 70B Instruct\","           \
    "\"description\":\"Meta's 70B instruction-tuned Llama 3.3.\",\"release_date\":\"2024-12-06\"," \
    "\"invoke_url\":\"https://inference.baseten.co\",\"context_length\":8192,"                    \
    "\"cost_per_million_input_tokens\":\"0.13\",\"cost_per_million_output_tokens\":0.50,"         \
    "\"rate_limits\":[{\"type\":\"TOKEN\",\"unit\":\"MINUTE\",\"threshold\":60}],"                \
    "\"model_family\":\"META\",\"org_details\":null}"

static void test_baseten_responses(void)
{
    baseten_get_model_response_t r;
    specc_error err;
    specc_code rc;

    memset(&r, 0, sizeof r);
    rc = baseten_get_model_decode_response(200, BASETEN_200, strlen(BASETEN_200), &r, &err);
    expect_ok("baseten 200", rc, &err);
    CHECK(r.status == 200 && r.status_200, "baseten 200: status_200 must be set");
    if (r.status_200) {
        CHECK_STR(r.status_200->name, "llama-3-3-70b-instruct");
        CHECK(r.status_200->context_length == 8192, "baseten 200: context_length");
        CHECK_STR(r.status_200->cost_per_million_input_tokens.text, "0.13");
        CHECK(r.status_200->cost_per_million_input_tokens.is_string,
              "baseten 200: input cost was a string");
        CHECK_STR(r.status_200->cost_per_million_output_tokens.text, "0.50");
        CHECK(!r.status_200->cost_per_million_output_tokens.is_string,
              "baseten 200: output cost was a number");
        CHECK(r.status_200->rate_limits.count == 1 &&
                  r.status_200->rate_limits.items[0].threshold == 60,
              "baseten 200: rate_limits[0].threshold");
        CHECK(r.status_200->org_details_state == SPECC_NULL && !r.status_200->org_details,
              "baseten 200: org_details null");
    }
    baseten_get_model_response_clear(&r);

    rc = baseten_get_model_decode_response(404, "{\"detail\":\"Not found\"}", 22, &r, &err);
    expect_error("baseten 404 (undeclared)", rc, &err, SPECC_ERR_STATUS, "404");
    baseten_get_model_response_clear(&r);
    rc = baseten_get_model_decode_response(500, NULL, 0, &r, &err);
    expect_error("baseten 500", rc, &err, SPECC_ERR_STATUS, "500");
    CHECK(!r.status_200, "baseten 500: no member set");
    baseten_get_model_response_clear(&r);

    rc = baseten_get_model_decode_response(200, "{\"name\":\"x\",}", 13, &r, &err);
    expect_error("baseten 200 trailing comma", rc, &err, SPECC_ERR_SYNTAX, NULL);
    CHECK(!r.status_200, "baseten 200 bad body: status_200 must stay NULL");
    baseten_get_model_response_clear(&r);
    rc = baseten_get_model_decode_response(200, "null", 4, &r, &err);
    expect_error("baseten 200 null body", rc, &err, SPECC_ERR_NULL, NULL);
    baseten_get_model_response_clear(&r);
}

#define RESPAN_200                                                                                \
    "{\"id\":\"openai/gpt-4o-mini\",\"model_name\":\"openai/gpt-4o-mini\","                       \
    "\"display_name\":\"GPT-4o mini\",\"affiliation_category\":\"respan\",\"input_cost\":0.15,"   \
    "\"output_cost\":0.6,\"max_context_window\":128000,\"streaming_support\":1,"                  \
    "\"function_call\":1,\"image_support\":0,\"source\":\"hardcoded\",\"provider\":null}"

static void test_respan_responses(void)
{
    respan_get_model_response_t r;
    specc_error err;
    specc_code rc;
    static const char bad_enum[] = "{\"id\":\"x\",\"model_name\":\"x\",\"display_name\":\"X\","
                                   "\"affiliation_category\":\"custom\",\"streaming_support\":2}";

    memset(&r, 0, sizeof r);
    rc = respan_get_model_decode_response(200, RESPAN_200, strlen(RESPAN_200), &r, &err);
    expect_ok("respan 200", rc, &err);
    CHECK(r.status == 200 && r.status_200 && !r.status_401 && !r.status_404,
          "respan 200: exactly status_200 must be set");
    if (r.status_200) {
        CHECK_STR(r.status_200->model_name, "openai/gpt-4o-mini");
        CHECK(r.status_200->affiliation_category == RESPAN_MODEL_AFFILIATION_CATEGORY_RESPAN,
              "respan 200: affiliation_category");
        CHECK(r.status_200->streaming_support_state == SPECC_PRESENT &&
                  r.status_200->streaming_support == 1,
              "respan 200: streaming_support");
        CHECK(r.status_200->provider_state == SPECC_NULL, "respan 200: provider null");
    }
    respan_get_model_response_clear(&r);

    rc = respan_get_model_decode_response(
        401, "{\"detail\":\"Authentication credentials were not provided.\"}", 58, &r, &err);
    expect_ok("respan 401", rc, &err);
    CHECK(r.status == 401 && r.status_401 && !r.status_200 && !r.status_404,
          "respan 401: exactly status_401 must be set");
    if (r.status_401)
        CHECK_STR(r.status_401->detail, "Authentication credentials were not provided.");
    respan_get_model_response_clear(&r);

    rc = respan_get_model_decode_response(404, "{\"detail\":\"Not found.\"}", 23, &r, &err);
    expect_ok("respan 404", rc, &err);
    CHECK(r.status == 404 && r.status_404 && !r.status_200 && !r.status_401,
          "respan 404: exactly status_404 must be set");
    if (r.status_404)
        CHECK_STR(r.status_404->detail, "Not found.");
    respan_get_model_response_clear(&r);

    rc = respan_get_model_decode_response(500, "<html>Server Error</html>", 25, &r, &err);
    expect_error("respan 500", rc, &err, SPECC_ERR_STATUS, "500");
    CHECK(!r.status_200 && !r.status_401 && !r.status_404, "respan 500: no member set");
    respan_get_model_response_clear(&r);
    rc = respan_get_model_decode_response(429, "{\"detail\":\"Throttled.\"}", 23, &r, &err);
    expect_error("respan 429", rc, &err, SPECC_ERR_STATUS, "429");
    respan_get_model_response_clear(&r);

    rc = respan_get_model_decode_response(200, "{\"id\":\"x\",\"model_name\"", 22, &r, &err);
    expect_error("respan 200 truncated", rc, &err, SPECC_ERR_SYNTAX, NULL);
    CHECK(!r.status_200, "respan 200 truncated: status_200 must stay NULL");
    respan_get_model_response_clear(&r);
    rc = respan_get_model_decode_response(200, bad_enum, strlen(bad_enum), &r, &err);
    expect_error("respan 200 streaming_support 2", rc, &err, SPECC_ERR_ENUM, NULL);
    CHECK(strcmp(err.path, "$.streaming_support") == 0, "respan 200 enum: path %s", err.path);
    CHECK(!r.status_200, "respan 200 bad enum: status_200 must stay NULL");
    respan_get_model_response_clear(&r);
    rc = respan_get_model_decode_response(401, "{\"detail\":null}", 15, &r, &err);
    expect_error("respan 401 null detail", rc, &err, SPECC_ERR_NULL, NULL);
    CHECK(!r.status_401, "respan 401 bad body: status_401 must stay NULL");
    respan_get_model_response_clear(&r);
}

int main(void)
{
    test_macros();
    test_targets();
    test_llmstats_responses();
    test_openwebui_responses();
    test_greenflash_responses();
    test_baseten_responses();
    test_respan_responses();
    printf("requests: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
