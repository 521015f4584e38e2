/*
 * test_endpoints.c — runtime version 3 endpoint helpers: header parameters
 * (no CR, LF or other control characters), query arrays (exploded or not,
 * names as written, percent-encoded), parameter constraints from their
 * shapes, specc_request_build (method, target, headers, a JSON body
 * validated as a request), responses by exact status, range and default;
 * errors, allocation failures.
 */
#include "v3_check.h"

/* ------------------------------------------------------------- the body */

typedef struct t_thing {
    specc_state id_state; /* readOnly */
    int64_t id;
    char *name; /* required, 1..8 code points */
    specc_state note_state;
    char *note;
} t_thing_t;

static const specc_field thing_fields[] = {
    {.name = "id", .name_len = 2, .flags = SPECC_F_STATE | SPECC_F_REQUIRED,
     .offset = offsetof(t_thing_t, id), .state_offset = offsetof(t_thing_t, id_state),
     .shape = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_READ_ONLY}},
    {.name = "name", .name_len = 4, .flags = SPECC_F_REQUIRED,
     .offset = offsetof(t_thing_t, name),
     .shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_MIN_LENGTH | SPECC_S_MAX_LENGTH,
               .min_length = 1, .max_length = 8}},
    {.name = "note", .name_len = 4, .flags = SPECC_F_STATE | SPECC_F_NULLABLE,
     .offset = offsetof(t_thing_t, note), .state_offset = offsetof(t_thing_t, note_state),
     .shape = {.kind = SPECC_KIND_STRING}},
};
static const specc_type thing_desc = {.name = "Thing", .size = sizeof(t_thing_t),
                                      .fields = thing_fields, .field_count = 3,
                                      .unknown = SPECC_UNKNOWN_REJECT};

/* Things: a top-level array (a VALUE type as a response). */
typedef struct t_things {
    t_thing_t *items;
    size_t count;
} t_things_t;
static const specc_shape thing_shape = {.kind = SPECC_KIND_OBJECT, .type = &thing_desc};
static const specc_shape things_value = {.kind = SPECC_KIND_ARRAY, .items = &thing_shape};
static const specc_type things_desc = {.name = "Things", .size = sizeof(t_things_t),
                                       .kind = SPECC_TYPE_VALUE, .value = &things_value};

/* ------------------------------------------------------- the parameters */

typedef enum t_order { T_ORDER_ASC = 0, T_ORDER_DESC = 1 } t_order_t;

typedef struct t_params {
    const char *owner; /* path, 2..20 code points, pattern ^[a-z/]+$ */
    struct {
        const char **items;
        size_t count;
    } expand; /* query "expand[]", exploded, unique, <= 3 items of 1..10 code points */
    struct {
        int64_t *items;
        size_t count;
    } ids; /* query, not exploded, items >= 1 */
    struct {
        double *items;
        size_t count;
    } near; /* query, exploded */
    struct {
        bool *items;
        size_t count;
    } flags; /* query, not exploded */
    const char *sort; /* query, enum {name, -name} */
    int32_t limit;    /* query int32, 1..100, multiple of 5 */
    bool has_limit;
    t_order_t order; /* query, a C enum */
    bool has_order;
    const char *trace; /* header X-Trace, required */
    int64_t retries;   /* header X-Retries, optional */
    bool has_retries;
    struct {
        const char **items;
        size_t count;
    } langs; /* header Accept-Language, an array */
    const char *day; /* query, format date (version 2 style: no shape) */
} t_params_t;

static const char *const sort_names[] = {"name", "-name"};
static const char *const order_names[] = {"asc", "desc"};
static const specc_shape owner_shape = {.kind = SPECC_KIND_STRING, .pattern = "^[a-z/]+$",
                                        .flags = SPECC_S_MIN_LENGTH | SPECC_S_MAX_LENGTH,
                                        .min_length = 2, .max_length = 20};
static const specc_shape expand_item = {.kind = SPECC_KIND_STRING,
                                        .flags = SPECC_S_MIN_LENGTH | SPECC_S_MAX_LENGTH,
                                        .min_length = 1, .max_length = 10};
static const specc_shape expand_shape = {.kind = SPECC_KIND_ARRAY, .items = &expand_item,
                                         .flags = SPECC_S_UNIQUE_ITEMS | SPECC_S_MAX_ITEMS,
                                         .max_items = 3};
static const specc_shape id_item = {.kind = SPECC_KIND_INTEGER, .flags = SPECC_S_MINIMUM,
                                    .min_int = 1};
static const specc_shape ids_shape = {.kind = SPECC_KIND_ARRAY, .items = &id_item};
static const specc_shape near_item = {.kind = SPECC_KIND_NUMBER};
static const specc_shape near_shape = {.kind = SPECC_KIND_ARRAY, .items = &near_item};
static const specc_shape flag_item = {.kind = SPECC_KIND_BOOLEAN};
static const specc_shape flags_shape = {.kind = SPECC_KIND_ARRAY, .items = &flag_item};
static const specc_shape sort_shape = {.kind = SPECC_KIND_STRING, .enum_names = sort_names,
                                       .enum_count = 2};
static const specc_shape limit_shape = {.kind = SPECC_KIND_INT32,
                                        .flags = SPECC_S_MINIMUM | SPECC_S_MAXIMUM |
                                                 SPECC_S_MULTIPLE_OF,
                                        .min_int = 1, .max_int = 100, .multiple_int = 5};
static const specc_shape order_shape = {.kind = SPECC_KIND_ENUM, .enum_names = order_names,
                                        .enum_count = 2};
static const specc_shape trace_shape = {.kind = SPECC_KIND_STRING, .flags = SPECC_S_MAX_LENGTH,
                                        .max_length = 40};
static const specc_shape lang_item = {.kind = SPECC_KIND_STRING};
static const specc_shape langs_shape = {.kind = SPECC_KIND_ARRAY, .items = &lang_item};

#define TP(m) .offset = offsetof(t_params_t, m)
#define TH(m) .has_offset = offsetof(t_params_t, has_##m)
static const specc_param list_params[] = {
    {.name = "owner", .in = SPECC_IN_PATH, .kind = SPECC_KIND_STRING, .flags = SPECC_P_REQUIRED,
     TP(owner), .shape = &owner_shape},
    {.name = "expand[]", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_ARRAY,
     .flags = SPECC_P_EXPLODE, TP(expand), .shape = &expand_shape},
    {.name = "ids", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_ARRAY, TP(ids), .shape = &ids_shape},
    {.name = "near", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_ARRAY, .flags = SPECC_P_EXPLODE,
     TP(near), .shape = &near_shape},
    {.name = "flags", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_ARRAY, TP(flags),
     .shape = &flags_shape},
    {.name = "sort", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_STRING, TP(sort),
     .shape = &sort_shape},
    {.name = "limit", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_INT32, TP(limit), TH(limit),
     .shape = &limit_shape},
    {.name = "order", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_ENUM, TP(order), TH(order),
     .shape = &order_shape},
    {.name = "X-Trace", .in = SPECC_IN_HEADER, .kind = SPECC_KIND_STRING,
     .flags = SPECC_P_REQUIRED, TP(trace), .shape = &trace_shape},
    {.name = "X-Retries", .in = SPECC_IN_HEADER, .kind = SPECC_KIND_INTEGER, TP(retries),
     TH(retries)},
    {.name = "Accept-Language", .in = SPECC_IN_HEADER, .kind = SPECC_KIND_ARRAY, TP(langs),
     .shape = &langs_shape},
    {.name = "day", .in = SPECC_IN_QUERY, .kind = SPECC_KIND_STRING, .format = SPECC_FORMAT_DATE,
     TP(day)},
};

/* -------------------------------------------------------- the responses */

typedef struct t_list_response {
    int status;
    t_things_t *ok;
    t_thing_t *client_error;
    t_thing_t *other;
} t_list_response_t;

static const specc_response list_responses[] = {
    {.status = 200, .type = &things_desc, .offset = offsetof(t_list_response_t, ok)},
    {.status = 404, .type = NULL}, /* exact, no body: beats 4XX */
    {.status = 400, .type = &thing_desc, .offset = offsetof(t_list_response_t, client_error),
     .kind = SPECC_STATUS_RANGE},
    {.status = 0, .type = &thing_desc, .offset = offsetof(t_list_response_t, other),
     .kind = SPECC_STATUS_DEFAULT},
};

static const specc_endpoint list_ep = {
    .name = "list_things",
    .method = "GET",
    .path = "/owners/{owner}/things",
    .params = list_params,
    .param_count = sizeof list_params / sizeof list_params[0],
    .responses = list_responses,
    .response_count = 4,
    .status_offset = offsetof(t_list_response_t, status),
};

typedef struct t_create_response {
    int status;
    t_thing_t *created;
} t_create_response_t;

static const specc_response create_responses[] = {
    {.status = 201, .type = &thing_desc, .offset = offsetof(t_create_response_t, created)},
    {.status = 500, .type = NULL, .kind = SPECC_STATUS_RANGE},
};

static const specc_endpoint create_ep = {
    .name = "create_thing",
    .method = "POST",
    .path = "/things",
    .responses = create_responses,
    .response_count = 2,
    .status_offset = offsetof(t_create_response_t, status),
    .body_type = &thing_desc,
    .body_required = true,
};

static const specc_endpoint patch_ep = { /* an optional body */
    .name = "patch_thing",
    .method = "PATCH",
    .path = "/things/1",
    .body_type = &thing_desc,
};

/* ---------------------------------------------------------------- helpers */

static t_params_t base_params(void)
{
    t_params_t p;
    memset(&p, 0, sizeof p);
    p.owner = "ann";
    p.trace = "req-1";
    return p;
}

static void build_ok_at(int line, const specc_endpoint *ep, const void *params, const void *body,
                        const char *target, size_t headers, const char *body_text)
{
    specc_request r;
    specc_error err;
    if (specc_request_build(ep, params, body, &r, &err) != SPECC_OK) {
        failures++;
        printf("line %d: build failed: %s %s: %s\n", line, specc_code_name(err.code), err.path,
               err.message);
        return;
    }
    if (strcmp(r.target, target) != 0 || r.header_count != headers || strcmp(r.method, ep->method) ||
        (body_text ? !r.body || strcmp(r.body, body_text) || r.body_len != strlen(body_text)
                   : r.body != NULL) ||
        err.code != SPECC_OK) {
        failures++;
        printf("line %d: got %s %s, %zu headers, body %s\n", line, r.method, r.target,
               r.header_count, r.body ? r.body : "(none)");
    }
    specc_request_clear(&r);
    CHECK(all_zero(&r, sizeof r));
}
#define BUILD_OK(ep, params, body, target, headers, body_text) \
    build_ok_at(__LINE__, (ep), (params), (body), (target), (headers), (body_text))

static void build_err_at(int line, const specc_endpoint *ep, const void *params, const void *body,
                         specc_code code, const char *path, const char *message)
{
    specc_request r;
    specc_error err;
    specc_code rc = specc_request_build(ep, params, body, &r, &err);
    if (rc != code || err.code != code || (path && strcmp(err.path, path)) ||
        (message && strcmp(err.message, message))) {
        failures++;
        printf("line %d: want %s %s: %s\n  got %s %s: %s\n", line, specc_code_name(code),
               path ? path : "*", message ? message : "*", specc_code_name(rc), err.path,
               err.message);
    }
    if (!all_zero(&r, sizeof r)) {
        failures++;
        printf("line %d: request not zeroed after a failure\n", line);
        specc_request_clear(&r);
    }
}
#define BUILD_ERR(ep, params, body, code, path, message) \
    build_err_at(__LINE__, (ep), (params), (body), (code), (path), (message))

/* ------------------------------------------------------------------ tests */

static void test_query_arrays(void)
{
    static const char *expand[] = {"owner", "a b,c"};
    static int64_t ids[] = {1, 22, 333};
    static double near[] = {0.5, -2};
    static bool flags[] = {true, false};
    t_params_t p = base_params();

    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things", 1, NULL);
    p.expand.items = expand;
    p.expand.count = 2;
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things?expand%5B%5D=owner&expand%5B%5D=a%20b%2Cc",
             1, NULL);
    p.ids.items = ids;
    p.ids.count = 3;
    p.near.items = near;
    p.near.count = 2;
    p.flags.items = flags;
    p.flags.count = 2;
    BUILD_OK(&list_ep, &p, NULL,
             "/owners/ann/things?expand%5B%5D=owner&expand%5B%5D=a%20b%2Cc&ids=1,22,333"
             "&near=0.5&near=-2&flags=true,false",
             1, NULL);
    /* An empty array is not given; NULL items with a count is an error. */
    p.expand.count = 0;
    p.ids.count = 1;
    p.near.count = 0;
    p.flags.count = 0;
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things?ids=1", 1, NULL);
    p.ids.items = NULL;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.ids",
              "parameter 'ids' has items NULL with count 1");
    p.ids.count = 0;
    /* The target alone, as in version 2. */
    {
        specc_error err;
        char *t = specc_request_target(&list_ep, &p, &err);
        CHECK(t && strcmp(t, "/owners/ann/things") == 0);
        specc_free(t);
    }
    CHECK_NO_LEAK();
}

static void test_constraints(void)
{
    static const char *expand[] = {"a", "b", "a", "c"};
    static const char *null_item[] = {"a", NULL};
    static int64_t ids[] = {1, 0};
    t_params_t p = base_params();

    p.owner = "a";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.owner",
              "parameter 'owner': length must be >= 2, got 1");
    p.owner = "Ann";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.owner",
              "parameter 'owner': does not match pattern ^[a-z/]+$: \"Ann\"");
    p.owner = "ann/b";
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann%2Fb/things", 1, NULL);
    p.owner = "";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.owner", NULL);
    p.owner = NULL;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.owner", "path parameter 'owner' is not given");
    p.owner = "ann";

    p.expand.items = expand;
    p.expand.count = 3;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['expand[]'][2]",
              "parameter 'expand[]': item 2 equals item 0 (items must be unique)");
    p.expand.count = 4;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['expand[]']",
              "parameter 'expand[]': must have <= 3 items, got 4");
    p.expand.items = null_item;
    p.expand.count = 2;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['expand[]'][1]",
              "parameter 'expand[]': string is NULL");
    p.expand.count = 0;
    p.ids.items = ids;
    p.ids.count = 2;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.ids[1]",
              "parameter 'ids': must be >= 1, got 0");
    p.ids.count = 0;

    p.sort = "size";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.sort",
              "parameter 'sort': \"size\" is not one of the allowed values");
    p.sort = "-name";
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things?sort=-name", 1, NULL);
    p.sort = NULL;

    p.has_limit = true;
    p.limit = 101;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.limit",
              "parameter 'limit': must be <= 100, got 101");
    p.limit = 7;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.limit",
              "parameter 'limit': must be a multiple of 5, got 7");
    p.limit = 10;
    p.has_order = true;
    p.order = T_ORDER_DESC;
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things?limit=10&order=desc", 1, NULL);
    p.order = (t_order_t)5;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.order", NULL);
    p.has_order = false;

    p.day = "2024-02-30";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$.day",
              "parameter 'day' is not a valid date: \"2024-02-30\"");
    p.day = "2024-02-29";
    BUILD_OK(&list_ep, &p, NULL, "/owners/ann/things?limit=10&day=2024-02-29", 1, NULL);
    CHECK_NO_LEAK();
}

static void test_headers(void)
{
    static const char *langs[] = {"en", "fr;q=0.5"};
    static const char *bad_lang[] = {"en\n"};
    t_params_t p = base_params();
    specc_request r;
    specc_error err;

    p.has_retries = true;
    p.retries = -3;
    p.langs.items = langs;
    p.langs.count = 2;
    p.trace = "a\tb"; /* tab is allowed */
    if (specc_request_build(&list_ep, &p, NULL, &r, &err) == SPECC_OK) {
        CHECK(r.header_count == 3);
        CHECK_STR(r.headers[0].name, "X-Trace");
        CHECK_STR(r.headers[0].value, "a\tb");
        CHECK_STR(r.headers[1].name, "X-Retries");
        CHECK_STR(r.headers[1].value, "-3");
        CHECK_STR(r.headers[2].name, "Accept-Language");
        CHECK_STR(r.headers[2].value, "en,fr;q=0.5");
        CHECK_STR(r.target, "/owners/ann/things");
        specc_request_clear(&r);
    } else {
        CHECK(!"build failed");
    }
    p.trace = "req-1\r\nX-Evil: 1";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']",
              "header parameter 'X-Trace' holds a line break or another control character");
    p.trace = "a\nb";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']", NULL);
    p.trace = "a\rb";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']", NULL);
    p.trace = "a\x7f";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']", NULL);
    p.trace = "0123456789012345678901234567890123456789X";
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']",
              "parameter 'X-Trace': length must be <= 40, got 41");
    p.trace = NULL;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['X-Trace']",
              "required header parameter 'X-Trace' is not given");
    p.trace = "ok";
    p.langs.items = bad_lang;
    p.langs.count = 1;
    BUILD_ERR(&list_ep, &p, NULL, SPECC_ERR_PARAM, "$['Accept-Language']", NULL);
    /* Headers are not part of the target. */
    {
        char *t = specc_request_target(&list_ep, &p, &err);
        CHECK(t && strcmp(t, "/owners/ann/things") == 0);
        specc_free(t);
    }
    CHECK_NO_LEAK();
}

static void test_body(void)
{
    t_thing_t t;
    memset(&t, 0, sizeof t);
    BUILD_ERR(&create_ep, NULL, NULL, SPECC_ERR_PARAM, "$", "create_thing needs a request body");
    BUILD_ERR(&create_ep, NULL, &t, SPECC_ERR_MISSING, "$.name", "string is NULL");
    t.name = "box";
    BUILD_OK(&create_ep, NULL, &t, "/things", 0, "{\"name\":\"box\"}");
    t.note_state = SPECC_NULL;
    BUILD_OK(&create_ep, NULL, &t, "/things", 0, "{\"name\":\"box\",\"note\":null}");
    t.id_state = SPECC_PRESENT;
    t.id = 7;
    BUILD_ERR(&create_ep, NULL, &t, SPECC_ERR_READ_ONLY, "$.id",
              "read-only field must be absent in a request");
    t.id_state = SPECC_ABSENT;
    t.name = "far too long";
    BUILD_ERR(&create_ep, NULL, &t, SPECC_ERR_MAX_LENGTH, "$.name", "length must be <= 8, got 12");
    t.name = "box";
    t.note_state = (specc_state)7;
    BUILD_ERR(&create_ep, NULL, &t, SPECC_ERR_INVALID, "$.note", "invalid state 7");
    t.note_state = SPECC_ABSENT;
    /* An optional body, and a body given where none is taken. */
    BUILD_OK(&patch_ep, NULL, NULL, "/things/1", 0, NULL);
    BUILD_OK(&patch_ep, NULL, &t, "/things/1", 0, "{\"name\":\"box\"}");
    {
        t_params_t p = base_params();
        BUILD_ERR(&list_ep, &p, &t, SPECC_ERR_PARAM, "$", "list_things takes no request body");
        BUILD_ERR(&list_ep, NULL, NULL, SPECC_ERR_INVALID, "$", "NULL endpoint or params");
        BUILD_ERR(NULL, &p, NULL, SPECC_ERR_INVALID, "$", NULL);
        CHECK(specc_request_build(&list_ep, &p, NULL, NULL, NULL) == SPECC_ERR_INVALID);
    }
    specc_request_clear(NULL);
    CHECK_NO_LEAK();
}

static void test_responses(void)
{
    t_list_response_t lr;
    t_create_response_t cr;
    specc_error err;
    const char ok[] = "[{\"name\":\"a\",\"id\":1}]", thing[] = "{\"name\":\"e\"}";

    CHECK(specc_decode_response(&list_ep, 200, ok, strlen(ok), &lr, &err) == SPECC_OK);
    CHECK(lr.status == 200 && lr.ok && lr.ok->count == 1 && lr.ok->items[0].id == 1);
    CHECK(!lr.client_error && !lr.other);
    specc_response_clear(&list_ep, &lr);
    CHECK(lr.status == 0 && !lr.ok);
    /* 404: exact, without a body, beats 4XX. */
    CHECK(specc_decode_response(&list_ep, 404, "", 0, &lr, &err) == SPECC_OK);
    CHECK(lr.status == 404 && !lr.ok && !lr.client_error && !lr.other);
    specc_response_clear(&list_ep, &lr);
    /* 400..499 otherwise: the range. */
    CHECK(specc_decode_response(&list_ep, 422, thing, strlen(thing), &lr, &err) == SPECC_OK);
    CHECK(lr.status == 422 && lr.client_error && !lr.other);
    specc_response_clear(&list_ep, &lr);
    CHECK(specc_decode_response(&list_ep, 400, thing, strlen(thing), &lr, &err) == SPECC_OK);
    CHECK(lr.client_error != NULL);
    specc_response_clear(&list_ep, &lr);
    /* Anything else: default. */
    CHECK(specc_decode_response(&list_ep, 503, thing, strlen(thing), &lr, &err) == SPECC_OK);
    CHECK(lr.status == 503 && lr.other && !lr.client_error);
    specc_response_clear(&list_ep, &lr);
    CHECK(specc_decode_response(&list_ep, 201, thing, strlen(thing), &lr, &err) == SPECC_OK);
    CHECK(lr.other != NULL);
    specc_response_clear(&list_ep, &lr);
    CHECK(specc_decode_response(&list_ep, 499, "{}", 2, &lr, &err) == SPECC_ERR_MISSING);
    CHECK(lr.status == 499 && !lr.client_error);
    CHECK_STR(err.path, "$.name");
    /* Without a default, an undeclared status is an error naming them all. */
    CHECK(specc_decode_response(&create_ep, 503, "", 0, &cr, &err) == SPECC_OK);
    CHECK(cr.status == 503 && !cr.created);
    CHECK(specc_decode_response(&create_ep, 200, "", 0, &cr, &err) == SPECC_ERR_STATUS);
    CHECK_STR(err.message, "unexpected HTTP status 200 for create_thing (declared: 201, 5XX)");
    CHECK(specc_decode_response(&create_ep, 600, "", 0, &cr, &err) == SPECC_ERR_STATUS);
    CHECK(specc_decode_response(&create_ep, 99, "", 0, &cr, &err) == SPECC_ERR_STATUS);
    CHECK_NO_LEAK();
}

static void test_allocation_failures(void)
{
    static const char *expand[] = {"owner", "a b,c"};
    static int64_t ids[] = {1, 22, 333};
    static const char *langs[] = {"en", "fr"};
    static const char list_text[] = "[{\"name\":\"a\"},{\"name\":\"b\"}]";
    t_params_t p = base_params();
    t_thing_t t;
    long n;
    int which;

    p.expand.items = expand;
    p.expand.count = 2;
    p.ids.items = ids;
    p.ids.count = 3;
    p.langs.items = langs;
    p.langs.count = 2;
    p.has_retries = true;
    memset(&t, 0, sizeof t);
    t.name = "box";
    for (which = 0; which < 2; which++) {
        for (n = 1;; n++) {
            specc_request r;
            specc_error err;
            specc_code rc;
            alloc_calls = 0;
            alloc_fail_at = (size_t)n;
            rc = which ? specc_request_build(&create_ep, NULL, &t, &r, &err)
                       : specc_request_build(&list_ep, &p, NULL, &r, &err);
            alloc_fail_at = 0;
            if ((long)alloc_calls < n) {
                CHECK(rc == SPECC_OK);
                specc_request_clear(&r);
                break;
            }
            if (rc != SPECC_ERR_NOMEM || err.code != SPECC_ERR_NOMEM || !all_zero(&r, sizeof r)) {
                failures++;
                printf("build %d with allocation %ld failing: %s %s\n", which, n,
                       specc_code_name(rc), err.message);
                specc_request_clear(&r);
            }
            CHECK_NO_LEAK();
        }
        CHECK(n > 2);
    }
    for (n = 1;; n++) {
        t_list_response_t lr;
        specc_error err;
        specc_code rc;
        alloc_calls = 0;
        alloc_fail_at = (size_t)n;
        rc = specc_decode_response(&list_ep, 200, list_text, strlen(list_text), &lr, &err);
        alloc_fail_at = 0;
        if ((long)alloc_calls < n) {
            CHECK(rc == SPECC_OK);
            specc_response_clear(&list_ep, &lr);
            break;
        }
        CHECK(rc == SPECC_ERR_NOMEM && !lr.ok);
        CHECK_NO_LEAK();
    }
    CHECK_NO_LEAK();
}

int main(void)
{
    use_counting_alloc();
    test_query_arrays();
    test_constraints();
    test_headers();
    test_body();
    test_responses();
    test_allocation_failures();
    if (failures)
        printf("%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
