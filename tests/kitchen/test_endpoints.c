/* test_endpoints.c — request targets (RFC 3986 percent-encoding of path and
 * query parameters, optional ones omitted, keep_slashes) and decoding a
 * response body by HTTP status. */
#include "check.h"

#include <math.h>

/* The target for params, or NULL with *err set. */
#define CHECK_TARGET(params, want)                                                                 \
    do {                                                                                           \
        specc_error err_;                                                                          \
        char *got_ = kitchen_get_thing_target((params), &err_);                                    \
        if (!got_) {                                                                               \
            fprintf(stderr, "%s:%d: target failed: %s at %s: %s\n", __FILE__, __LINE__,            \
                    specc_code_name(err_.code), err_.path, err_.message);                          \
            check_failures++;                                                                      \
        } else {                                                                                   \
            CHECK_STR(got_, (want));                                                               \
        }                                                                                          \
        specc_free(got_);                                                                          \
    } while (0)

static kitchen_get_thing_params_t base_params(void)
{
    kitchen_get_thing_params_t p;
    memset(&p, 0, sizeof p);
    p.thing_id = "a/b c%?#\xc3\xa9";
    p.part = 7;
    p.page_size = 10;
    return p;
}

static void test_thing_target(void)
{
    kitchen_get_thing_params_t p = base_params();
    specc_error err;
    char *got;

    CHECK_STR(KITCHEN_GET_THING_PATH, "/things/{thing_id}/parts/{part}");
    CHECK_STR(KITCHEN_GET_THING_METHOD, "GET");
    /* Unset optional query parameters are omitted; the required one stays. */
    CHECK_TARGET(&p, "/things/a%2Fb%20c%25%3F%23%C3%A9/parts/7?page%20size=10");
    /* A value in limit without has_limit is not sent. */
    p.limit = 5;
    p.verbose = true;
    p.ratio = 0.5;
    CHECK_TARGET(&p, "/things/a%2Fb%20c%25%3F%23%C3%A9/parts/7?page%20size=10");
    /* Every optional one given, in declaration order. */
    p.thing_id = "x";
    p.expand = "a b,c&d=e+f";
    p.has_limit = true;
    p.has_verbose = true;
    p.has_ratio = true;
    CHECK_TARGET(&p, "/things/x/parts/7?expand=a%20b%2Cc%26d%3De%2Bf&limit=5&verbose=true"
                     "&ratio=0.5&page%20size=10");
    /* Zero and false are values, sent as such. */
    p.limit = 0;
    p.verbose = false;
    p.ratio = 2.0;
    p.expand = "";
    CHECK_TARGET(&p, "/things/x/parts/7?expand=&limit=0&verbose=false&ratio=2&page%20size=10");
    /* int64 limits and negative numbers. */
    p.expand = NULL;
    p.has_verbose = false;
    p.has_ratio = false;
    p.part = -3;
    p.limit = INT64_MIN;
    p.page_size = INT64_MAX;
    CHECK_TARGET(&p, "/things/x/parts/-3?limit=-9223372036854775808"
                     "&page%20size=9223372036854775807");
    /* Unreserved characters stay as they are. */
    p = base_params();
    p.thing_id = "AZaz09-._~";
    CHECK_TARGET(&p, "/things/AZaz09-._~/parts/7?page%20size=10");
    p.thing_id = "..";
    CHECK_TARGET(&p, "/things/../parts/7?page%20size=10"); /* no slash kept: '..' is data */

    /* Missing required path parameter. */
    p = base_params();
    p.thing_id = NULL;
    memset(&err, 0, sizeof err);
    got = kitchen_get_thing_target(&p, &err);
    CHECK(got == NULL);
    CHECK_CODE(err.code, SPECC_ERR_PARAM);
    CHECK_STR(err.path, "$.thing_id");
    CHECK_STR(err.message, "path parameter 'thing_id' is not given");
    specc_free(got);
    /* An empty path segment would change the resource. */
    p.thing_id = "";
    got = kitchen_get_thing_target(&p, &err);
    CHECK(got == NULL);
    CHECK_CODE(err.code, SPECC_ERR_PARAM);
    specc_free(got);
    /* A number that cannot be written. */
    p = base_params();
    p.has_ratio = true;
    p.ratio = NAN;
    got = kitchen_get_thing_target(&p, &err);
    CHECK(got == NULL);
    CHECK_CODE(err.code, SPECC_ERR_PARAM);
    CHECK_STR(err.path, "$.ratio");
    specc_free(got);
    got = kitchen_get_thing_target(NULL, &err);
    CHECK(got == NULL);
    specc_free(got);
}

static void test_file_target(void)
{
    static const struct {
        const char *name, *want;
    } ok[] = {
        {"dir/sub/file.txt", "/files/dir/sub/file.txt/"},
        {"file", "/files/file/"},
        {"a b/c%d", "/files/a%20b/c%25d/"},
        {"...", "/files/.../"},
        {".hidden/x", "/files/.hidden/x/"},
        {"\xc3\xa9/?#", "/files/%C3%A9/%3F%23/"},
    };
    static const char *const bad[] = {"../etc", "a/../b", "a/./b", "a//b", "/abs", "dir/", ".",
                                      "..",     ""};
    size_t i;
    for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        kitchen_get_file_params_t p = {ok[i].name};
        specc_error err;
        char *got = kitchen_get_file_target(&p, &err);
        if (!got) {
            fprintf(stderr, "%s:%d: target of \"%s\" failed: %s\n", __FILE__, __LINE__,
                    ok[i].name, err.message);
            check_failures++;
        } else {
            CHECK_STR(got, ok[i].want);
        }
        specc_free(got);
    }
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kitchen_get_file_params_t p = {bad[i]};
        specc_error err;
        char *got = kitchen_get_file_target(&p, &err);
        if (got) {
            fprintf(stderr, "%s:%d: target of \"%s\" is \"%s\", want SPECC_ERR_PARAM\n",
                    __FILE__, __LINE__, bad[i], got);
            check_failures++;
        } else {
            CHECK_CODE(err.code, SPECC_ERR_PARAM);
            CHECK_STR(err.path, "$.name");
        }
        specc_free(got);
    }
    {
        kitchen_ping_params_t p = {0};
        specc_error err;
        char *got = kitchen_ping_target(&p, &err);
        CHECK(got != NULL);
        if (got)
            CHECK_STR(got, "/ping");
        specc_free(got);
        CHECK_STR(KITCHEN_PING_METHOD, "HEAD");
    }
}

static void test_responses(void)
{
    static const char thing[] = THING(",\"note\":\"hi\"");
    kitchen_get_thing_response_t r;
    specc_error err;
    specc_code rc;

    memset(&r, 0, sizeof r);
    rc = kitchen_get_thing_decode_response(200, thing, strlen(thing), &r, &err);
    CHECK_CODE(rc, SPECC_OK);
    CHECK_INT(r.status, 200);
    CHECK(r.status_200 != NULL && r.status_404 == NULL && r.status_500 == NULL);
    if (r.status_200) {
        CHECK_STR(r.status_200->note, "hi");
        CHECK_STR(r.status_200->id, THING_ID);
    }
    kitchen_get_thing_response_clear(&r);
    CHECK(r.status_200 == NULL);

    rc = kitchen_get_thing_decode_response(404, "{\"detail\":\"Not found\"}", 22, &r, &err);
    CHECK_CODE(rc, SPECC_OK);
    CHECK_INT(r.status, 404);
    CHECK(r.status_200 == NULL && r.status_404 != NULL && r.status_500 == NULL);
    if (r.status_404)
        CHECK_STR(r.status_404->detail, "Not found");
    kitchen_get_thing_response_clear(&r);

    rc = kitchen_get_thing_decode_response(500, "{\"detail\":\"boom\",\"trace\":[1]}", 29, &r,
                                           &err);
    CHECK_CODE(rc, SPECC_OK);
    CHECK_INT(r.status, 500);
    CHECK(r.status_200 == NULL && r.status_404 == NULL && r.status_500 != NULL);
    if (r.status_500) {
        CHECK_STR(r.status_500->detail, "boom");
        CHECK(specc_unknown_find(&r.status_500->_unknown, "trace") != NULL);
    }
    kitchen_get_thing_response_clear(&r);

    /* Undeclared status. */
    rc = kitchen_get_thing_decode_response(418, "{}", 2, &r, &err);
    CHECK_CODE(rc, SPECC_ERR_STATUS);
    CHECK_CODE(err.code, SPECC_ERR_STATUS);
    CHECK_STR(err.message, "unexpected HTTP status 418 for get_thing (declared: 200, 404, 500)");
    CHECK(r.status_200 == NULL && r.status_404 == NULL && r.status_500 == NULL);
    kitchen_get_thing_response_clear(&r);

    /* Bad bodies: an error, no member set, nothing leaked (ASan checks). */
    rc = kitchen_get_thing_decode_response(200, "{\"id\":", 6, &r, &err);
    CHECK_CODE(rc, SPECC_ERR_SYNTAX);
    CHECK(r.status_200 == NULL && r.status_404 == NULL && r.status_500 == NULL);
    kitchen_get_thing_response_clear(&r);
    {
        /* Fails late, after much has been allocated. */
        static const char late[] =
            THING(",\"tags\":[\"a\",\"b\"],\"parts\":{\"p\":{\"sku\":\"ABC-1\"}},"
                  "\"children\":[{" THING_REQ "}],\"extra\":{\"x\":[1,2]},\"level\":9");
        rc = kitchen_get_thing_decode_response(200, late, strlen(late), &r, &err);
        CHECK_CODE(rc, SPECC_ERR_ENUM);
        CHECK_STR(err.path, "$.level");
        CHECK(r.status_200 == NULL);
        kitchen_get_thing_response_clear(&r);
    }
    rc = kitchen_get_thing_decode_response(404, "{\"detail\":1}", 12, &r, &err);
    CHECK_CODE(rc, SPECC_ERR_TYPE);
    CHECK_STR(err.path, "$.detail");
    CHECK(r.status_404 == NULL);
    kitchen_get_thing_response_clear(&r);
    rc = kitchen_get_thing_decode_response(500, "", 0, &r, &err);
    CHECK_CODE(rc, SPECC_ERR_SYNTAX);
    CHECK(r.status_500 == NULL);
    kitchen_get_thing_response_clear(&r);

    /* get_file 200: Scalars. */
    {
        kitchen_get_file_response_t f;
        memset(&f, 0, sizeof f);
        rc = kitchen_get_file_decode_response(200, "{\"s\":\"x\",\"i\":1}", 15, &f, &err);
        CHECK_CODE(rc, SPECC_OK);
        if (f.status_200) {
            CHECK_STR(f.status_200->s, "x");
            CHECK_INT(f.status_200->i, 1);
        }
        kitchen_get_file_response_clear(&f);
    }
    /* HEAD /ping answers 204 No Content: there is no body to decode. */
    {
        kitchen_ping_response_t pr;
        memset(&pr, 0, sizeof pr);
        rc = kitchen_ping_decode_response(204, "", 0, &pr, &err);
        CHECK_CODE(rc, SPECC_OK);
        if (rc != SPECC_OK)
            fprintf(stderr, "    (%s)\n", err.message);
        CHECK_INT(pr.status, 204);
        kitchen_ping_response_clear(&pr);
        rc = kitchen_ping_decode_response(204, NULL, 0, &pr, &err);
        CHECK_CODE(rc, SPECC_OK);
        kitchen_ping_response_clear(&pr);
    }
}

int main(void)
{
    test_thing_target();
    test_file_target();
    test_responses();
    CHECK_DONE();
}
