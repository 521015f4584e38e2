/*
 * test_request.c — specc_request_target (percent-encoding, keep-slashes,
 * query strings) and specc_decode_response / specc_response_clear.
 *
 * Links with the real decoder (specc_decode.c, specc_value.c). Built with
 * -DTEST_STUB_DECODER instead, a small stand-in below decodes the two test
 * types, for use while those files do not exist.
 */
#include "demo_types.h"

/* ------------------------------------------------------------ endpoints */

typedef struct get_model_params {
    const char *model_id;
    int64_t limit;
    bool has_limit;
    bool verbose;
    bool has_verbose;
    const char *q;
    double temp;
    bool has_temp;
    const char *api_version; /* required query parameter */
} get_model_params_t;

typedef struct model {
    char *id;
} model_t;

typedef struct api_error {
    char *message;
} api_error_t;

typedef struct get_model_response {
    int status;
    model_t *ok;
    api_error_t *error;
} get_model_response_t;

static const specc_field model_fields[] = {
    {.name = "id", .name_len = 2, .flags = SPECC_F_REQUIRED, .offset = offsetof(model_t, id),
     .shape = {.kind = SPECC_KIND_STRING}}};
static const specc_type model_desc = {.name = "Model", .size = sizeof(model_t),
                                      .fields = model_fields, .field_count = 1,
                                      .unknown = SPECC_UNKNOWN_IGNORE};
static const specc_field error_fields[] = {
    {.name = "message", .name_len = 7, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(api_error_t, message), .shape = {.kind = SPECC_KIND_STRING}}};
static const specc_type error_desc = {.name = "Error", .size = sizeof(api_error_t),
                                      .fields = error_fields, .field_count = 1,
                                      .unknown = SPECC_UNKNOWN_IGNORE};

#define P(field) .offset = offsetof(get_model_params_t, field)
#define HAS(field) .has_offset = offsetof(get_model_params_t, has_##field)

static const specc_param get_model_params[] = {
    {.name = "model_id", .in = SPECC_IN_PATH, .kind = SPECC_KIND_STRING,
     .flags = SPECC_P_REQUIRED, P(model_id)},
    {.name = "limit", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_INTEGER, P(limit), HAS(limit)},
    {.name = "verbose", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_BOOLEAN, P(verbose),
     HAS(verbose)},
    {.name = "q", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_STRING, P(q)},
    {.name = "temp", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_NUMBER, P(temp), HAS(temp)},
    {.name = "api_version", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_STRING,
     .flags = SPECC_P_REQUIRED, P(api_version)},
};

static const specc_response get_model_responses[] = {
    {.status = 200, .type = &model_desc, .offset = offsetof(get_model_response_t, ok)},
    {.status = 401, .type = &error_desc, .offset = offsetof(get_model_response_t, error)},
    {.status = 404, .type = &error_desc, .offset = offsetof(get_model_response_t, error)},
    {.status = 204, .type = NULL, .offset = offsetof(get_model_response_t, ok)},
};

static const specc_endpoint get_model = {
    .name = "get_model",
    .method = "GET",
    .path = "/v1/models/{model_id}",
    .params = get_model_params,
    .param_count = sizeof get_model_params / sizeof get_model_params[0],
    .responses = get_model_responses,
    .response_count = sizeof get_model_responses / sizeof get_model_responses[0],
    .status_offset = offsetof(get_model_response_t, status),
};

/* A model name made of path segments ("openai/gpt-4o-mini"). */
typedef struct chat_params {
    const char *model;
    int64_t n; /* required integer path parameter */
} chat_params_t;

static const specc_param chat_params[] = {
    {.name = "model", .in = SPECC_IN_PATH, .kind = SPECC_KIND_STRING,
     .flags = SPECC_P_REQUIRED | SPECC_P_KEEP_SLASHES, .offset = offsetof(chat_params_t, model)},
    {.name = "n", .in = SPECC_IN_PATH, .kind = SPECC_KIND_INTEGER, .flags = SPECC_P_REQUIRED,
     .offset = offsetof(chat_params_t, n)},
};

static const specc_endpoint chat = {
    .name = "chat",
    .method = "POST",
    .path = "/v1/{model}/chat/{n}?stream=true",
    .params = chat_params,
    .param_count = 2,
};

static const specc_endpoint broken = {
    .name = "broken",
    .method = "GET",
    .path = "/v1/{nope}",
    .params = chat_params,
    .param_count = 2,
};

/* ------------------------------------------------------------- helpers */

static void expect_target_at(int line, const specc_endpoint *ep, const void *params,
                             const char *want)
{
    specc_error err;
    char *got = specc_request_target(ep, params, &err);
    if (!got) {
        failures++;
        printf("%s:%d: failed: %s: %s\n", __FILE__, line, specc_code_name(err.code), err.message);
        return;
    }
    if (strcmp(got, want) != 0) {
        failures++;
        printf("%s:%d: got  %s\n  want %s\n", __FILE__, line, got, want);
    }
    specc_free(got);
}

static void expect_param_error_at(int line, const specc_endpoint *ep, const void *params,
                                  const char *message)
{
    specc_error err;
    char *got = specc_request_target(ep, params, &err);
    if (got) {
        failures++;
        printf("%s:%d: want an error, got %s\n", __FILE__, line, got);
        specc_free(got);
        return;
    }
    if (err.code != SPECC_ERR_PARAM || (message && strcmp(err.message, message) != 0)) {
        failures++;
        printf("%s:%d: want param error \"%s\", got %s: %s\n", __FILE__, line,
               message ? message : "", specc_code_name(err.code), err.message);
    }
}

#define expect_target(ep, params, want) expect_target_at(__LINE__, ep, params, want)
#define expect_param_error(ep, params, msg) expect_param_error_at(__LINE__, ep, params, msg)

static get_model_params_t model_params(const char *id)
{
    get_model_params_t p;
    memset(&p, 0, sizeof p);
    p.model_id = id;
    p.api_version = "1";
    return p;
}

/* ---------------------------------------------------------------- paths */

static void test_path_encoding(void)
{
    get_model_params_t p = model_params("abc");
    expect_target(&get_model, &p, "/v1/models/abc?api_version=1");
    p.model_id = "a/b c%d?e#f&g=h+i";
    expect_target(&get_model, &p, "/v1/models/a%2Fb%20c%25d%3Fe%23f%26g%3Dh%2Bi?api_version=1");
    p.model_id = "\xc3\xa9t\xc3\xa9";
    expect_target(&get_model, &p, "/v1/models/%C3%A9t%C3%A9?api_version=1");
    p.model_id = "AZaz09-._~";
    expect_target(&get_model, &p, "/v1/models/AZaz09-._~?api_version=1");
    p.model_id = "..";
    expect_target(&get_model, &p, "/v1/models/..?api_version=1"); /* no slashes kept: harmless */
    p.model_id = "\x01\x7f\xff";
    expect_target(&get_model, &p, "/v1/models/%01%7F%FF?api_version=1");
    p.model_id = NULL;
    expect_param_error(&get_model, &p, "path parameter 'model_id' is not given");
    p.model_id = "";
    expect_param_error(&get_model, &p, "path parameter 'model_id' is empty");
}

static void test_keep_slashes(void)
{
    chat_params_t c = {"openai/gpt-4o-mini", 3};
    static const char *const rejected[] = {"../x", "a/../b", "a/./b", ".",  "..",
                                           "a//b", "/a",     "a/",    "/", "x/.."};
    size_t i;

    expect_target(&chat, &c, "/v1/openai/gpt-4o-mini/chat/3?stream=true");
    c.model = "a b/c%2F..d/..e";
    c.n = -42;
    expect_target(&chat, &c, "/v1/a%20b/c%252F..d/..e/chat/-42?stream=true");
    c.model = "...";
    expect_target(&chat, &c, "/v1/.../chat/-42?stream=true");
    for (i = 0; i < sizeof rejected / sizeof rejected[0]; i++) {
        c.model = rejected[i];
        expect_param_error(&chat, &c, "path parameter 'model' has an empty, '.' or '..' segment");
    }
    c.model = "m";
    expect_param_error(&broken, &c, "path of broken names an undeclared parameter 'nope'");
}

/* ---------------------------------------------------------------- query */

static void test_query(void)
{
    get_model_params_t p = model_params("m");
    p.has_limit = p.has_verbose = p.has_temp = true;
    p.limit = INT64_MIN;
    p.verbose = false;
    p.q = "x y&z=1/\xc3\xa9";
    p.temp = 0.5;
    p.api_version = "2024-01-01";
    expect_target(&get_model, &p,
                  "/v1/models/m?limit=-9223372036854775808&verbose=false&q=x%20y%26z%3D1%2F%C3%A9"
                  "&temp=0.5&api_version=2024-01-01");
    p.verbose = true;
    p.temp = 2;
    p.limit = 10;
    p.q = "";
    expect_target(&get_model, &p,
                  "/v1/models/m?limit=10&verbose=true&q=&temp=2&api_version=2024-01-01");
    p.temp = 1e21;
    p.has_limit = p.has_verbose = false;
    p.q = NULL;
    expect_target(&get_model, &p, "/v1/models/m?temp=1e%2B21&api_version=2024-01-01");
    p.temp = 0.1;
    expect_target(&get_model, &p, "/v1/models/m?temp=0.1&api_version=2024-01-01");
    p.temp = 1.0 / 0.0;
    expect_param_error(&get_model, &p, "parameter 'temp' is not a finite number");
    p.has_temp = false;
    p.api_version = NULL;
    expect_param_error(&get_model, &p, "required query parameter 'api_version' is not given");
}

/* ------------------------------------------------------------ responses */

#ifdef TEST_STUB_DECODER
#include "specc_internal.h"

/* Just enough of the decoder for the two one-string types above. */
specc_code specc_decode_text(const specc_type *type, const char *text, size_t len, void *out,
                             specc_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(text, len, 0, &jerr);
    json_t *v = json_object_get(root, type->fields[0].name);
    speccp_path here = {NULL, type->fields[0].name, type->fields[0].name_len, 0};
    char *s;

    memset(out, 0, type->size);
    if (!root) /* jansson may report its allocation failures as syntax errors */
        return speccp_fail(err, alloc_fail_at ? SPECC_ERR_NOMEM : SPECC_ERR_SYNTAX, NULL, "%s",
                           jerr.text);
    if (!json_is_string(v)) {
        json_decref(root);
        return speccp_fail(err, SPECC_ERR_MISSING, &here, "missing");
    }
    s = speccp_strndup(json_string_value(v), json_string_length(v));
    json_decref(root);
    if (!s)
        return speccp_fail(err, SPECC_ERR_NOMEM, NULL, "out of memory");
    speccp_set_ptr(out, type->fields[0].offset, s);
    return SPECC_OK;
}

void specc_clear(const specc_type *type, void *value)
{
    specc_free(speccp_get_ptr(value, type->fields[0].offset));
    memset(value, 0, type->size);
}
#endif

static specc_code decode(get_model_response_t *r, int status, const char *body, specc_error *err)
{
    memset(r, 0xab, sizeof *r); /* out need not be initialised */
    return specc_decode_response(&get_model, status, body, strlen(body), r, err);
}

static void test_responses(void)
{
    get_model_response_t r;
    specc_error err;

    CHECK(decode(&r, 200, "{\"id\":\"m1\"}", &err) == SPECC_OK);
    CHECK(r.status == 200 && r.ok && r.error == NULL);
    CHECK(r.ok && strcmp(r.ok->id, "m1") == 0);
    specc_response_clear(&get_model, &r);
    CHECK(r.status == 0 && r.ok == NULL && r.error == NULL);
    specc_response_clear(&get_model, &r); /* twice is fine */

    CHECK(decode(&r, 404, "{\"message\":\"no such model\"}", &err) == SPECC_OK);
    CHECK(r.status == 404 && r.ok == NULL && r.error);
    CHECK(r.error && strcmp(r.error->message, "no such model") == 0);
    specc_response_clear(&get_model, &r);
    CHECK(r.error == NULL);

    CHECK(decode(&r, 204, "", &err) == SPECC_OK); /* no body declared */
    CHECK(r.status == 204 && r.ok == NULL && r.error == NULL);
    specc_response_clear(&get_model, &r);

    CHECK(decode(&r, 500, "{}", &err) == SPECC_ERR_STATUS);
    CHECK(err.code == SPECC_ERR_STATUS);
    CHECK_STR(err.message, "unexpected HTTP status 500 for get_model (declared: 200, 401, 404, 204)");
    CHECK(r.status == 500 && r.ok == NULL && r.error == NULL);
    specc_response_clear(&get_model, &r);

    CHECK(decode(&r, 200, "{\"id\":", &err) == SPECC_ERR_SYNTAX);
    CHECK(r.ok == NULL && r.error == NULL);
    CHECK(decode(&r, 401, "{\"msg\":\"x\"}", &err) == SPECC_ERR_MISSING);
    CHECK(strcmp(err.path, "$.message") == 0);
    CHECK(r.ok == NULL && r.error == NULL);
    specc_response_clear(&get_model, &r);
}

/* --------------------------------------------------- allocation failure */

static void test_nomem(void)
{
    get_model_params_t p = model_params("a/b c");
    size_t n, before_alloc, before_free;
    bool target_done = false, response_done = false;
    char long_q[600];

    memset(long_q, 'q', sizeof long_q - 1);
    long_q[sizeof long_q - 1] = '\0';
    p.q = long_q; /* several buffer growths */
    for (n = 1; n < 500 && !(target_done && response_done); n++) {
        specc_error err;
        get_model_response_t r;
        char *t;

        before_alloc = alloc_count;
        before_free = free_count;
        alloc_calls = 0;
        alloc_fail_at = n;
        t = specc_request_target(&get_model, &p, &err);
        if (!target_done && !t)
            CHECK(err.code == SPECC_ERR_NOMEM);
        target_done = target_done || t;
        specc_free(t);

        alloc_calls = 0;
        if (decode(&r, 200, "{\"id\":\"m1\",\"x\":[1,2,3]}", &err) == SPECC_OK)
            response_done = true;
        else
            CHECK(err.code == SPECC_ERR_NOMEM && r.ok == NULL);
        specc_response_clear(&get_model, &r);
        alloc_fail_at = 0;
        if (alloc_count - before_alloc != free_count - before_free) {
            failures++;
            printf("leak with allocation %zu failing\n", n);
        }
    }
    CHECK(target_done && response_done);
}

int main(void)
{
    use_counting_alloc();
    test_path_encoding();
    test_keep_slashes();
    test_query();
    test_responses();
    test_nomem();
    CHECK(alloc_count == free_count);
    if (failures) {
        printf("test_request: %d failed\n", failures);
        return 1;
    }
    printf("test_request: all passed\n");
    return 0;
}
