/* test_request.c — version 2 endpoints: query arrays (exploded or not,
 * names as written), header parameters (no CR/LF), parameter constraints,
 * a JSON request body validated as a request, responses by exact status,
 * range and default. */
#include "check.h"

static void test_target(void)
{
    static const char *expand[] = {"owner", "a b"};
    static int64_t ids[] = {1, 22};
    kitchen2_list_pets_params_t p;
    specc_request r;
    specc_error err;
    memset(&p, 0, sizeof p);
    p.owner = "ann/b";
    p.expand.items = expand;
    p.expand.count = 2;
    p.ids.items = ids;
    p.ids.count = 2;
    p.sort = "age";
    p.limit = 10;
    p.has_limit = true;
    p.x_request_id = "req-1";
    CHECK(kitchen2_list_pets_request(&p, &r, &err) == SPECC_OK);
    if (r.target) {
        CHECK_STR(r.method, "GET");
        CHECK_STR(r.target, "/owners/ann%2Fb/pets?expand%5B%5D=owner&expand%5B%5D=a%20b"
                            "&ids=1,22&sort=age&limit=10");
        CHECK_INT(r.header_count, 1);
        if (r.header_count == 1) {
            CHECK_STR(r.headers[0].name, "X-Request-Id");
            CHECK_STR(r.headers[0].value, "req-1");
        }
        CHECK(r.body == NULL);
        specc_request_clear(&r);
    }
    /* Every constraint is checked before anything is built. */
    p.x_request_id = "req-1\r\nX-Evil: 1";
    CHECK(kitchen2_list_pets_request(&p, &r, &err) == SPECC_ERR_PARAM);
    CHECK(r.target == NULL && r.headers == NULL);
    p.x_request_id = NULL;
    p.sort = "size";
    CHECK(kitchen2_list_pets_request(&p, &r, &err) == SPECC_ERR_PARAM);
    p.sort = NULL;
    p.limit = 101;
    CHECK(kitchen2_list_pets_request(&p, &r, &err) == SPECC_ERR_PARAM);
    p.limit = 1;
    p.owner = "a";
    CHECK(kitchen2_list_pets_request(&p, &r, &err) == SPECC_ERR_PARAM); /* minLength 2 */
}

static void test_body(void)
{
    kitchen2_create_full_params_t p;
    kitchen2_full_t f;
    specc_request r;
    specc_error err;
    memset(&p, 0, sizeof p);
    CHECK(kitchen2_create_full_request(&p, NULL, &r, &err) == SPECC_ERR_PARAM); /* required */
    if (!CHECK_DECODES(&kitchen2_full_desc, "{\"id\":5,\"secret\":\"s\"}", &f))
        return;
    if (kitchen2_create_full_request(&p, &f, &r, &err) == SPECC_OK) {
        CHECK_STR(r.method, "POST");
        CHECK_STR(r.target, "/full");
        CHECK(r.body && strcmp(r.body, "{\"id\":5,\"secret\":\"s\"}") == 0);
        specc_request_clear(&r);
    } else {
        CHECK(!"create_full request failed");
    }
    kitchen2_full_clear(&f);
    /* A read-only field in a request body is refused. */
    if (CHECK_DECODES(&kitchen2_full_desc, "{\"id\":5,\"created\":\"2024-01-02T03:04:05Z\"}", &f)) {
        CHECK(kitchen2_create_full_request(&p, &f, &r, &err) == SPECC_ERR_READ_ONLY);
        CHECK_STR(err.path, "$.created");
        kitchen2_full_clear(&f);
    }
}

static void test_responses(void)
{
    kitchen2_list_pets_response_t lr;
    kitchen2_create_full_response_t cr;
    specc_error err;
    static const char acct[] = "{\"id\":\"a\"}";
    CHECK(kitchen2_list_pets_decode_response(200, "[]", 2, &lr, &err) == SPECC_OK);
    CHECK(lr.status_200 && lr.status_200->count == 0);
    kitchen2_list_pets_response_clear(&lr);
    /* 404 falls in 4XX. */
    CHECK(kitchen2_list_pets_decode_response(404, acct, strlen(acct), &lr, &err) == SPECC_OK);
    CHECK(lr.status == 404 && lr.status_4xx && strcmp(lr.status_4xx->id, "a") == 0);
    kitchen2_list_pets_response_clear(&lr);
    /* 500: default, declared without a body. */
    CHECK(kitchen2_list_pets_decode_response(500, "", 0, &lr, &err) == SPECC_OK);
    CHECK(lr.status == 500 && lr.status_200 == NULL && lr.status_4xx == NULL);
    kitchen2_list_pets_response_clear(&lr);
    /* An exact status beats the range: 201 is Full, 202 the 2XX array. */
    CHECK(kitchen2_create_full_decode_response(201, "{\"id\":1}", 8, &cr, &err) == SPECC_OK);
    CHECK(cr.status_201 && cr.status_201->id == 1 && cr.status_2xx == NULL);
    kitchen2_create_full_response_clear(&cr);
    CHECK(kitchen2_create_full_decode_response(202, "[\"x\"]", 5, &cr, &err) == SPECC_OK);
    CHECK(cr.status_2xx && cr.status_2xx->count == 1);
    kitchen2_create_full_response_clear(&cr);
    CHECK(kitchen2_create_full_decode_response(503, "\"down\"", 6, &cr, &err) == SPECC_OK);
    CHECK(cr.status_default && cr.status_default->kind == KITCHEN2_CREATE_FULL_RESPONSE_DEFAULT_STRING);
    kitchen2_create_full_response_clear(&cr);
}

int main(void)
{
    test_target();
    test_body();
    test_responses();
    CHECK_DONE();
}
