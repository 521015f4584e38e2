/* test_nomem.c — allocation failure, through jansson's allocator hook
 * (which specc uses too): for every N, the Nth allocation fails. Each
 * operation must then return SPECC_ERR_NOMEM (or NULL) with nothing leaked
 * and the output initialised, or succeed; and it must succeed once no
 * allocation fails. */
#include "check.h"

static long live;        /* allocations not yet freed */
static long countdown;   /* fail when it reaches 0; < 0: never */

static void *t_malloc(size_t size)
{
    void *p;
    if (countdown >= 0 && countdown-- == 0)
        return NULL;
    p = malloc(size);
    if (p)
        live++;
    return p;
}

static void t_free(void *p)
{
    if (p)
        live--;
    free(p);
}

static const char rich[] = THING(
    ",\"note\":\"n\\u00e9\",\"shade\":\"ultra\",\"level\":1,\"price\":\"0.13\","
    "\"extra\":{\"a\":[1,2.5,\"s\",{\"b\":null}]},\"tags\":[\"x\",\"y\"],\"dates\":[\"2024-02-29\"],"
    "\"matrix\":[[1,2],[],[3]],\"children\":[{" THING_REQ ",\"u\":1}],\"parent\":{" THING_REQ
    "},\"opts\":{\"a\":true,\"b\":false},\"scores\":{\"x\":1},"
    "\"parts\":{\"p\":{\"sku\":\"ABC-1\",\"zz\":[1]}},\"default\":\"d\",\"unknown\":{\"k\":[1]}");

/* Run op with allocation N failing, N = 0, 1, 2 ... until it succeeds. */
static void test_decode(void)
{
    long n;
    for (n = 0; n < 100000; n++) {
        kitchen_thing_t t;
        specc_error err;
        specc_code rc;
        live = 0;
        countdown = n;
        rc = kitchen_thing_decode_text(rich, strlen(rich), &t, &err);
        countdown = -1;
        if (rc == SPECC_OK) {
            kitchen_thing_clear(&t);
            CHECK_INT(live, 0);
            break;
        }
        if (rc != SPECC_ERR_NOMEM) {
            fprintf(stderr, "%s:%d: allocation %ld failing: decode gave %s at %s: %s\n",
                    __FILE__, __LINE__, n, specc_code_name(rc), err.path, err.message);
            check_failures++;
        }
        if (live != 0) {
            fprintf(stderr, "%s:%d: allocation %ld failing: decode leaked %ld blocks\n", __FILE__,
                    __LINE__, n, live);
            check_failures++;
            kitchen_thing_clear(&t);
        }
        CHECK(t.id == NULL && t.part == NULL && t.children.count == 0 && t._unknown.count == 0 &&
              t._unknown.members == NULL);
    }
    CHECK(n > 10);
}

static void test_encode_and_equal(void)
{
    kitchen_thing_t t;
    long n;
    if (!CHECK_DECODES(&kitchen_thing_desc, rich, &t))
        return;
    for (n = 0; n < 100000; n++) {
        specc_error err;
        long before = live;
        char *out;
        countdown = n;
        out = kitchen_thing_encode_text(&t, NULL, &err);
        countdown = -1;
        if (out) {
            specc_free(out);
            CHECK_INT(live, before);
            break;
        }
        CHECK_CODE(err.code, SPECC_ERR_NOMEM);
        CHECK_INT(live, before);
    }
    for (n = 0; n < 100000; n++) {
        specc_error err;
        long before = live;
        json_t *j;
        countdown = n;
        j = kitchen_thing_encode(&t, &err);
        countdown = -1;
        if (j) {
            json_decref(j);
            CHECK_INT(live, before);
            break;
        }
        CHECK_CODE(err.code, SPECC_ERR_NOMEM);
        CHECK_INT(live, before);
    }
    for (n = 0; n < 100; n++) {
        long before = live;
        size_t count;
        countdown = n;
        count = kitchen_thing_validate(&t, NULL, NULL);
        countdown = -1;
        CHECK_INT(live, before);
        if (count == 0)
            break;
    }
    kitchen_thing_clear(&t);
    CHECK_INT(live, 0);
}

static void test_endpoints(void)
{
    kitchen_get_thing_params_t p;
    long n;
    memset(&p, 0, sizeof p);
    p.thing_id = "a/b c%?#\xc3\xa9-a-long-id-to-make-the-buffer-grow-beyond-its-first-size-"
                 "0123456789012345678901234567890123456789012345678901234567890123456789";
    p.part = 7;
    p.page_size = 10;
    p.expand = "x";
    for (n = 0; n < 1000; n++) {
        specc_error err;
        char *target;
        live = 0;
        countdown = n;
        target = kitchen_get_thing_target(&p, &err);
        countdown = -1;
        if (target) {
            specc_free(target);
            CHECK_INT(live, 0);
            break;
        }
        CHECK_CODE(err.code, SPECC_ERR_NOMEM);
        CHECK_INT(live, 0);
    }
    for (n = 0; n < 100000; n++) {
        kitchen_get_thing_response_t r;
        specc_error err;
        specc_code rc;
        memset(&r, 0, sizeof r);
        live = 0;
        countdown = n;
        rc = kitchen_get_thing_decode_response(200, rich, strlen(rich), &r, &err);
        countdown = -1;
        if (rc == SPECC_OK) {
            CHECK(r.status_200 != NULL);
            kitchen_get_thing_response_clear(&r);
            CHECK_INT(live, 0);
            break;
        }
        CHECK_CODE(rc, SPECC_ERR_NOMEM);
        CHECK(r.status_200 == NULL);
        CHECK_INT(live, 0);
    }
}

int main(void)
{
    countdown = -1;
    json_set_alloc_funcs(t_malloc, t_free);
    test_decode();
    test_encode_and_equal();
    test_endpoints();
    CHECK_DONE();
}
