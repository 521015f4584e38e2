/* test_deprecated.c — the old names, kept for one version as deprecated
 * aliases, still compile and do exactly what the new ones do:
 *
 *   TYPE_free(&v)                  → TYPE_clear(&v)
 *   TYPE_decode(json, &v, &err)    → TYPE_decode_json(json, &v, &err)
 *   ENDPOINT_response_free(&r)     → ENDPOINT_response_clear(&r)
 *
 * This is the one file in the repository that calls them (everything else is
 * compiled with -Werror, where a call is an error); delete it when they are
 * removed. tests/cli/deprecated.sh compiles it with KITCHEN_WARN_DEPRECATED
 * defined to check that gcc and clang do flag every alias. */
#include "check.h"

#ifndef KITCHEN_WARN_DEPRECATED
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

static long live; /* blocks from jansson's allocator (specc's too) not yet freed */

static void *counting_malloc(size_t size)
{
    void *p = malloc(size);
    if (p)
        live++;
    return p;
}

static void counting_free(void *p)
{
    if (p)
        live--;
    free(p);
}

static const char rich[] = THING(
    ",\"note\":\"n\",\"price\":\"0.13\",\"extra\":{\"a\":[1,2.5,null]},\"tags\":[\"x\",\"y\"],"
    "\"matrix\":[[1],[]],\"children\":[{" THING_REQ "}],\"parts\":{\"k\":{\"sku\":\"ABC-1\"}},"
    "\"u1\":1");

/* The aliases have the new names' types. */
static void (*const free_fn)(kitchen_thing_t *) = kitchen_thing_free;
static specc_code (*const decode_fn)(const json_t *, kitchen_thing_t *, specc_error *) =
    kitchen_thing_decode;
static void (*const response_free_fn)(kitchen_get_thing_response_t *) =
    kitchen_get_thing_response_free;

/* TYPE_free releases the members (not the struct) and leaves it initialised. */
static void test_free(void)
{
    kitchen_thing_t t, empty;
    kitchen_thing_init(&empty);
    if (!CHECK_DECODES(&kitchen_thing_desc, rich, &t))
        return;
    CHECK(live > 0);
    CHECK(t.tags.count == 2 && t.children.count == 1 && t.extra != NULL);
    kitchen_thing_free(&t);
    CHECK_INT(live, 0);
    CHECK(t.id == NULL && t.part == NULL && t.tags.count == 0 && t.extra == NULL);
    CHECK(kitchen_thing_equal(&t, &empty));
    kitchen_thing_free(&t); /* twice: harmless */
    CHECK_INT(live, 0);

    /* Another type's alias, on a value built by hand. */
    {
        kitchen_part_t p;
        kitchen_part_init(&p);
        p.sku = malloc(6);
        if (p.sku) {
            memcpy(p.sku, "ABC-1", 6);
            live++; /* counting_free will release it */
        }
        kitchen_part_free(&p);
        CHECK(p.sku == NULL);
        CHECK_INT(live, 0);
    }

    if (!CHECK_DECODES(&kitchen_thing_desc, rich, &t))
        return;
    free_fn(&t);
    CHECK_INT(live, 0);
}

/* TYPE_decode reads a jansson value exactly as TYPE_decode_json does. */
static void test_decode(void)
{
    json_error_t jerr;
    json_t *j = json_loads(rich, 0, &jerr);
    kitchen_thing_t a, b;
    specc_error err;

    CHECK(j != NULL);
    if (!j)
        return;
    CHECK_CODE(kitchen_thing_decode(j, &a, &err), SPECC_OK);
    CHECK_CODE(kitchen_thing_decode_json(j, &b, &err), SPECC_OK);
    CHECK(kitchen_thing_equal(&a, &b));
    CHECK_STR(a.note, "n");
    CHECK_STR(a.price.text, "0.13");
    kitchen_thing_clear(&a);
    kitchen_thing_clear(&b);

    CHECK_CODE(decode_fn(j, &a, &err), SPECC_OK);
    kitchen_thing_clear(&a);

    /* The same error, path and no line/column; the output owns nothing. */
    json_object_set_new(j, "count", json_string("7"));
    CHECK_CODE(kitchen_thing_decode(j, &a, &err), SPECC_ERR_TYPE);
    CHECK_STR(err.path, "$.count");
    CHECK_STR(err.message, "expected integer, got string \"7\"");
    CHECK_INT(err.line, 0);
    CHECK_INT(err.column, 0);
    CHECK(a.id == NULL && a.tags.count == 0);
    json_decref(j);
    CHECK_INT(live, 0);
}

/* ENDPOINT_response_free releases the decoded body and leaves the members NULL. */
static void test_response_free(void)
{
    kitchen_get_thing_response_t r;
    kitchen_ping_response_t pr;
    specc_error err;

    memset(&r, 0, sizeof r);
    CHECK_CODE(kitchen_get_thing_decode_response(200, rich, strlen(rich), &r, &err), SPECC_OK);
    CHECK(r.status_200 != NULL);
    kitchen_get_thing_response_free(&r);
    CHECK(r.status_200 == NULL && r.status_404 == NULL && r.status_500 == NULL);
    CHECK_INT(live, 0);
    kitchen_get_thing_response_free(&r); /* twice: harmless */

    CHECK_CODE(kitchen_get_thing_decode_response(404, "{\"detail\":\"gone\"}", 17, &r, &err),
               SPECC_OK);
    CHECK(r.status_404 != NULL);
    response_free_fn(&r);
    CHECK(r.status_404 == NULL);
    CHECK_INT(live, 0);

    memset(&pr, 0, sizeof pr);
    CHECK_CODE(kitchen_ping_decode_response(204, "", 0, &pr, &err), SPECC_OK);
    kitchen_ping_response_free(&pr); /* no body: nothing to release */
    CHECK_INT(live, 0);
}

int main(void)
{
    json_set_alloc_funcs(counting_malloc, counting_free);
    test_free();
    test_decode();
    test_response_free();
    CHECK_DONE();
}
