/*
 * github_stripe.c — the endpoint helpers of the two version 2 APIs:
 *   - GitHub's create-repository request example (FILE, argv[1]: not a
 *     response, so not in samples/) decodes as the body type, validates as
 *     a request, and builds a request (POST /user/repos) whose body is the
 *     example's JSON value; the body is required;
 *   - request targets: GitHub's list query (enums with defaults, integers),
 *     Stripe's expand[] array (the name as written, percent-encoded),
 *     deepObject names (created[gte]), bounds and lengths checked first;
 *   - responses by status: exact, then range (4XX), then default; a
 *     status declared without a body; Stripe's customer or deleted
 *     customer told apart by `deleted`.
 * usage: github_stripe FILE   (tests/requests/github-create-repo.request.json)
 * Run it under valgrind to see that nothing leaks.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "github.h"
#include "stripe.h"
#include "read_file.h"

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

static void report(const specc_error *e, void *ctx)
{
    printf("FAIL %s: %s: %s [%s]\n", (const char *)ctx, e->path, e->message,
           specc_code_name(e->code));
}

/* ------------------------------------------------------ the request body */

static void test_create_repo(const char *file)
{
    github_create_repository_request_t body;
    github_create_repo_params_t params;
    specc_request req;
    specc_error err;
    json_t *want, *got;
    size_t len;
    char *text = read_file(file, &len);

    CHECK(text != NULL, "cannot read %s", file);
    if (!text)
        return;
    memset(&params, 0, sizeof params);
    if (github_create_repository_request_decode_text(text, len, &body, &err) != SPECC_OK) {
        CHECK(0, "%s: decode: %s: %s", file, err.path, err.message);
        free(text);
        return;
    }
    CHECK_STR(body.name, "Hello-World");
    CHECK(body.is_template_state == SPECC_PRESENT && body.is_template, "is_template true");
    CHECK(body.private_state == SPECC_PRESENT && !body.private, "private false");
    /* Defaults are documented, not filled in: absent stays absent. */
    CHECK(body.has_issues_state == SPECC_ABSENT, "has_issues absent");
    CHECK(specc_validate_as(&github_create_repository_request_desc, &body, SPECC_AS_REQUEST,
                            report, (void *)"create-repo request") == 0,
          "the example is a valid request body");

    memset(&req, 0, sizeof req);
    if (github_create_repo_request(&params, &body, &req, &err) != SPECC_OK) {
        CHECK(0, "create_repo request: %s: %s: %s", specc_code_name(err.code), err.path,
              err.message);
    } else {
        CHECK_STR(req.method, "POST");
        CHECK_STR(req.method, GITHUB_CREATE_REPO_METHOD);
        CHECK_STR(req.target, "/user/repos");
        CHECK(req.header_count == 0, "no header parameters, got %zu", req.header_count);
        CHECK(req.body && req.body_len == strlen(req.body), "a NUL-terminated body");
        /* The body is the example's JSON value (key order and spacing aside). */
        want = json_loadb(text, len, 0, NULL);
        got = req.body ? json_loadb(req.body, req.body_len, 0, NULL) : NULL;
        CHECK(want && got && json_equal(want, got), "body %s is not the example's value",
              req.body ? req.body : "(none)");
        json_decref(want);
        json_decref(got);
    }
    specc_request_clear(&req);
    CHECK(req.body == NULL && req.target == NULL, "request_clear zeroes");

    /* The body is required. */
    CHECK(github_create_repo_request(&params, NULL, &req, &err) == SPECC_ERR_PARAM,
          "no body: want SPECC_ERR_PARAM");
    CHECK(req.target == NULL && req.body == NULL, "nothing built without a body");

    /* A body that breaks the spec is refused before anything is built. */
    specc_free(body.name);
    body.name = NULL;
    CHECK(github_create_repo_request(&params, &body, &req, &err) == SPECC_ERR_MISSING,
          "a body without name: want SPECC_ERR_MISSING, got %s", specc_code_name(err.code));
    CHECK_STR(err.path, "$.name");
    CHECK(req.target == NULL && req.body == NULL, "nothing built for a bad body");
    github_create_repository_request_clear(&body);
    free(text);
}

/* --------------------------------------------------------------- targets */

static void test_targets(void)
{
    github_list_repos_for_user_params_t gl;
    github_get_repo_params_t gg;
    stripe_retrieve_customer_params_t sr;
    stripe_list_customers_params_t sl;
    static const char *expand[] = {"default_source", "test_clock"};
    static const char *odd[] = {"a b&c"};
    char long_email[600];
    specc_request req;
    specc_error err;
    char *t;

    memset(&gg, 0, sizeof gg);
    gg.owner = "octocat";
    gg.repo = "Hello World";
    t = github_get_repo_target(&gg, &err);
    CHECK_STR(t, "/repos/octocat/Hello%20World");
    specc_free(t);
    gg.repo = NULL;
    t = github_get_repo_target(&gg, &err);
    CHECK(t == NULL && err.code == SPECC_ERR_PARAM && strstr(err.message, "repo"),
          "missing repo: want a param error naming it");
    specc_free(t);

    memset(&gl, 0, sizeof gl);
    gl.username = "octocat";
    t = github_list_repos_for_user_target(&gl, &err);
    CHECK_STR(t, "/users/octocat/repos"); /* defaults are the server's: not sent */
    specc_free(t);
    gl.type = "member";
    gl.sort = "pushed";
    gl.direction = "asc";
    gl.per_page = 100;
    gl.has_per_page = true;
    gl.page = 2;
    gl.has_page = true;
    t = github_list_repos_for_user_target(&gl, &err);
    CHECK_STR(t, "/users/octocat/repos?type=member&sort=pushed&direction=asc&per_page=100&page=2");
    specc_free(t);
    gl.sort = "stars"; /* not in the enum */
    t = github_list_repos_for_user_target(&gl, &err);
    CHECK(t == NULL && err.code == SPECC_ERR_PARAM && strstr(err.message, "sort"),
          "sort=stars: want a param error naming sort, got %s", t ? t : err.message);
    specc_free(t);

    memset(&sr, 0, sizeof sr);
    sr.customer = "cus_QXg1o8vcGmoR32";
    sr.expand.items = expand;
    sr.expand.count = 2;
    memset(&req, 0, sizeof req);
    if (stripe_retrieve_customer_request(&sr, &req, &err) == SPECC_OK) {
        CHECK_STR(req.method, "GET");
        CHECK_STR(req.target,
                  "/v1/customers/cus_QXg1o8vcGmoR32?expand%5B%5D=default_source&expand%5B%5D=test_clock");
        CHECK(req.body == NULL, "a GET has no body");
    } else {
        CHECK(0, "retrieve_customer request: %s", err.message);
    }
    specc_request_clear(&req);
    sr.expand.items = odd;
    sr.expand.count = 1;
    t = stripe_retrieve_customer_target(&sr, &err);
    CHECK_STR(t, "/v1/customers/cus_QXg1o8vcGmoR32?expand%5B%5D=a%20b%26c");
    specc_free(t);

    memset(&sl, 0, sizeof sl);
    sl.created_gte = 1700000000;
    sl.has_created_gte = true;
    sl.limit = 3;
    sl.has_limit = true;
    sl.email = "jenny.rosen@example.com";
    t = stripe_list_customers_target(&sl, &err);
    CHECK_STR(t, "/v1/customers?created%5Bgte%5D=1700000000&email=jenny.rosen%40example.com&limit=3");
    specc_free(t);
    sl.limit = 101; /* 1..100 */
    t = stripe_list_customers_target(&sl, &err);
    CHECK(t == NULL && err.code == SPECC_ERR_PARAM && strstr(err.message, "limit"),
          "limit=101: want a param error naming limit");
    specc_free(t);
    sl.limit = 10;
    memset(long_email, 'a', sizeof long_email - 1);
    long_email[sizeof long_email - 1] = '\0';
    sl.email = long_email; /* maxLength 512 */
    t = stripe_list_customers_target(&sl, &err);
    CHECK(t == NULL && err.code == SPECC_ERR_PARAM && strstr(err.message, "email"),
          "a 599-character email: want a param error naming email");
    specc_free(t);
}

/* ------------------------------------------------------------- responses */

static void test_responses(void)
{
    github_create_repo_response_t cr;
    stripe_retrieve_customer_response_t rr;
    stripe_list_customers_response_t lr;
    specc_error err;
    static const char unauthorized[] =
        "{\"message\":\"Requires authentication\",\"documentation_url\":\"https://docs.github.com/rest\","
        "\"status\":\"401\"}";
    static const char failed[] =
        "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Repository\",\"code\":\"custom\","
        "\"field\":\"name\",\"message\":\"name already exists on this account\",\"value\":null}],"
        "\"documentation_url\":\"https://docs.github.com/rest\"}";
    static const char deleted[] = "{\"deleted\":true,\"id\":\"cus_1\",\"object\":\"customer\"}";
    static const char customer[] =
        "{\"id\":\"cus_1\",\"object\":\"customer\",\"created\":1,\"livemode\":false,"
        "\"default_source\":\"card_1\"}";
    static const char missing[] =
        "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such customer: 'cus_2'\","
        "\"param\":\"id\",\"type\":\"invalid_request_error\"}}";

    /* 401 is in 4XX; 422 is exact (it beats the range). */
    CHECK(github_create_repo_decode_response(401, unauthorized, strlen(unauthorized), &cr, &err) ==
              SPECC_OK,
          "401: %s", err.message);
    CHECK(cr.status == 401 && cr.status_4xx && cr.status_422 == NULL, "401 -> 4XX");
    if (cr.status_4xx)
        CHECK_STR(cr.status_4xx->status, "401");
    github_create_repo_response_clear(&cr);
    CHECK(github_create_repo_decode_response(422, failed, strlen(failed), &cr, &err) == SPECC_OK,
          "422: %s", err.message);
    CHECK(cr.status_422 && cr.status_4xx == NULL && cr.status_422->errors.count == 1 &&
              cr.status_422->errors.items[0].value_state == SPECC_NULL,
          "422 -> ValidationError, value null");
    github_create_repo_response_clear(&cr);
    /* 304: declared without a body. */
    CHECK(github_create_repo_decode_response(304, "", 0, &cr, &err) == SPECC_OK, "304: %s",
          err.message);
    CHECK(cr.status == 304 && !cr.status_201 && !cr.status_4xx && !cr.status_422, "304: no body");
    github_create_repo_response_clear(&cr);
    /* 500: nothing covers it. */
    CHECK(github_create_repo_decode_response(500, "{}", 2, &cr, &err) == SPECC_ERR_STATUS,
          "500: want SPECC_ERR_STATUS");
    github_create_repo_response_clear(&cr);

    /* Customer or deleted customer, by `deleted`. */
    CHECK(stripe_retrieve_customer_decode_response(200, deleted, strlen(deleted), &rr, &err) ==
              SPECC_OK,
          "deleted: %s", err.message);
    CHECK(rr.status_200 && rr.status_200->kind == STRIPE_ANY_CUSTOMER_DELETED_CUSTOMER,
          "deleted -> DeletedCustomer");
    stripe_retrieve_customer_response_clear(&rr);
    CHECK(stripe_retrieve_customer_decode_response(200, customer, strlen(customer), &rr, &err) ==
              SPECC_OK,
          "customer: %s", err.message);
    CHECK(rr.status_200 && rr.status_200->kind == STRIPE_ANY_CUSTOMER_CUSTOMER, "-> Customer");
    if (rr.status_200 && rr.status_200->kind == STRIPE_ANY_CUSTOMER_CUSTOMER) {
        const stripe_customer_t *c = rr.status_200->as.customer;
        CHECK(c->default_source_state == SPECC_PRESENT &&
                  c->default_source.kind == STRIPE_CUSTOMER_DEFAULT_SOURCE_STRING,
              "default_source: the id");
        if (c->default_source.kind == STRIPE_CUSTOMER_DEFAULT_SOURCE_STRING)
            CHECK_STR(c->default_source.as.string, "card_1");
        CHECK(c->test_clock_state == SPECC_ABSENT, "test_clock absent");
    }
    stripe_retrieve_customer_response_clear(&rr);
    /* Every error status is `default`. */
    CHECK(stripe_retrieve_customer_decode_response(404, missing, strlen(missing), &rr, &err) ==
              SPECC_OK,
          "404: %s", err.message);
    CHECK(rr.status == 404 && rr.status_default && rr.status_200 == NULL, "404 -> default");
    if (rr.status_default)
        CHECK(rr.status_default->error->type == STRIPE_API_ERRORS_TYPE_INVALID_REQUEST_ERROR,
              "type invalid_request_error");
    stripe_retrieve_customer_response_clear(&rr);
    CHECK(stripe_list_customers_decode_response(200, "{\"object\":\"list\"}", 17, &lr, &err) ==
              SPECC_ERR_MISSING,
          "a list without data: want SPECC_ERR_MISSING");
    CHECK(lr.status_200 == NULL && lr.status_default == NULL, "no member after a failure");
    stripe_list_customers_response_clear(&lr);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: github_stripe FILE (the create-repo request example)\n", stderr);
        return 2;
    }
    test_create_repo(argv[1]);
    test_targets();
    test_responses();
    printf("%d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
