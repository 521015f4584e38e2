/* test_recursive.c — containers and recursive types: children (array of
 * Thing holding Things), a parent chain 3 deep, a map of Part, a matrix of
 * arrays; error paths deep inside them; depth limits; hand-built cycles. */
#include "check.h"

static void test_children(void)
{
    static const char text[] = THING(
        ",\"children\":[{" THING_REQ ",\"count\":1},{" THING_REQ
        ",\"children\":[{" THING_REQ ",\"note\":\"grandchild\"}]}]");
    kitchen_thing_t t;
    /* THING_REQ already has count: build the text without the repeat. */
    (void)text;
    {
        static const char ok[] = THING(
            ",\"children\":[{" THING_REQ ",\"note\":\"c0\"},{" THING_REQ
            ",\"children\":[{" THING_REQ ",\"note\":\"grandchild\"}]}]");
        if (!CHECK_DECODES(&kitchen_thing_desc, ok, &t))
            return;
        CHECK_INT(t.children_state, SPECC_PRESENT);
        CHECK_INT(t.children.count, 2);
        if (t.children.count == 2) {
            kitchen_thing_t *c0 = &t.children.items[0], *c1 = &t.children.items[1];
            CHECK_STR(c0->note, "c0");
            CHECK_INT(c0->children_state, SPECC_ABSENT);
            CHECK_STR(c0->part->sku, "ABC-1");
            CHECK_INT(c1->children.count, 1);
            if (c1->children.count == 1) {
                CHECK_STR(c1->children.items[0].note, "grandchild");
                CHECK_STR(c1->children.items[0].id, THING_ID);
            }
        }
        CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
        CHECK_ENCODES(&kitchen_thing_desc, &t, ok);
        kitchen_thing_clear(&t);
    }
    /* Decoded text repeats a key: a duplicate, at its path. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_DUPLICATE_KEY, "$.children[0].count",
                       "duplicate key \"count\"");
    /* Errors deep inside arrays name the element. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       THING(",\"children\":[{" THING_REQ "},{\"count\":\"7\"}]"), SPECC_ERR_TYPE,
                       "$.children[1].count", "expected integer, got string \"7\"");
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       THING(",\"children\":[{" THING_REQ ",\"children\":[{\"id\":\"" THING_ID
                             "\"}]}]"),
                       SPECC_ERR_MISSING, "$.children[0].children[0].name",
                       "required key is missing");
}

static void test_parent_chain(void)
{
    static const char text[] =
        THING(",\"note\":\"0\",\"parent\":{" THING_REQ ",\"note\":\"1\",\"parent\":{" THING_REQ
              ",\"note\":\"2\",\"parent\":{" THING_REQ ",\"note\":\"3\",\"parent\":null}}}");
    kitchen_thing_t t;
    const kitchen_thing_t *p;
    int depth = 0;
    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    for (p = &t; p; p = p->parent) {
        char want[2] = {(char)('0' + depth), 0};
        CHECK_STR(p->note, want);
        if (p->parent)
            CHECK_INT(p->parent_state, SPECC_PRESENT);
        depth++;
        if (depth > 10)
            break;
    }
    CHECK_INT(depth, 4);
    if (t.parent && t.parent->parent && t.parent->parent->parent)
        CHECK_INT(t.parent->parent->parent->parent_state, SPECC_NULL);
    CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
    CHECK_ENCODES(&kitchen_thing_desc, &t, text);
    kitchen_thing_clear(&t);
    /* A violation three levels up carries the whole path. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       THING(",\"parent\":{" THING_REQ ",\"parent\":{" THING_REQ
                             ",\"parent\":{\"ratio\":\"x\"}}}"),
                       SPECC_ERR_TYPE, "$.parent.parent.parent.ratio",
                       "expected number, got string \"x\"");
    /* And validate finds a violation three levels up. */
    if (CHECK_DECODES(&kitchen_thing_desc,
                      THING(",\"parent\":{" THING_REQ ",\"parent\":{" THING_REQ
                            ",\"parent\":{" THING_REQ ",\"ratio\":2}}}"),
                      &t)) {
        violations v;
        VALIDATE(&kitchen_thing_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_MAXIMUM, "$.parent.parent.parent.ratio",
                        "must be <= 1.5, got 2");
        kitchen_thing_clear(&t);
    }
}

static void test_parts_and_matrix(void)
{
    static const char text[] = THING(
        ",\"parts\":{\"b\":{\"sku\":\"BBB-2\",\"when\":\"2024-02-29T23:59:60Z\"},"
        "\"a\":{\"sku\":\"AAA-1\",\"mail\":\"x@example.com\"},\"\":{\"sku\":\"EEE-0\"}},"
        "\"matrix\":[[1,2],[],[3]]");
    kitchen_thing_t t;
    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    CHECK_INT(t.parts.count, 3);
    if (t.parts.count == 3) {
        /* Keys in input order, not sorted. */
        CHECK_STR(t.parts.keys[0], "b");
        CHECK_STR(t.parts.keys[1], "a");
        CHECK_STR(t.parts.keys[2], "");
        CHECK_STR(t.parts.values[0].sku, "BBB-2");
        CHECK_INT(t.parts.values[0].when_state, SPECC_PRESENT);
        CHECK_STR(t.parts.values[0].when, "2024-02-29T23:59:60Z");
        CHECK_STR(t.parts.values[1].mail, "x@example.com");
        CHECK_INT(t.parts.values[1].when_state, SPECC_ABSENT);
        CHECK_STR(t.parts.values[2].sku, "EEE-0");
    }
    CHECK_INT(t.matrix.count, 3);
    if (t.matrix.count == 3) {
        CHECK_INT(t.matrix.items[0].count, 2);
        if (t.matrix.items[0].count == 2) {
            CHECK_INT(t.matrix.items[0].items[0], 1);
            CHECK_INT(t.matrix.items[0].items[1], 2);
        }
        CHECK_INT(t.matrix.items[1].count, 0);
        CHECK_INT(t.matrix.items[2].count, 1);
        if (t.matrix.items[2].count == 1)
            CHECK_INT(t.matrix.items[2].items[0], 3);
    }
    CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
    {
        specc_error err;
        char *out = kitchen_thing_encode_text(&t, NULL, &err);
        CHECK(out != NULL);
        if (out) {
            const char *b = strstr(out, "\"b\":{"), *a = strstr(out, "\"a\":{");
            CHECK(b && a && b < a); /* map order kept on output too */
            CHECK(strstr(out, "\"matrix\":[[1,2],[],[3]]") != NULL);
            CHECK_JSON(out, text);
        }
        specc_free(out);
    }
    kitchen_thing_clear(&t);
    /* Map errors name the key; a repeated map key is a duplicate. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"parts\":{\"a\":{\"sku\":\"AAA-1\"},\"a\":{\"sku\":\"AAA-2\"}}"),
                       SPECC_ERR_DUPLICATE_KEY, "$.parts.a", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"parts\":{\"x y\":{}}"), SPECC_ERR_MISSING,
                       "$.parts['x y'].sku", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"parts\":{\"k\":[]}"), SPECC_ERR_TYPE,
                       "$.parts.k", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"matrix\":[[1,2],[],[3,4.5]]"),
                       SPECC_ERR_TYPE, "$.matrix[2][1]", "expected integer, got number 4.5");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"matrix\":[1]"), SPECC_ERR_TYPE,
                       "$.matrix[0]", "expected array, got number 1");
}

/* Nesting beyond SPECC_MAX_DEPTH: an error, not a stack overflow. */
static void test_depth(void)
{
    size_t levels = SPECC_MAX_DEPTH + 10, i, len = 0;
    size_t cap = levels * 16 + 64;
    char *text = malloc(cap);
    if (!text)
        return;
    for (i = 0; i < levels; i++)
        len += (size_t)sprintf(text + len, "{\"parent\":");
    len += (size_t)sprintf(text + len, "null");
    for (i = 0; i < levels; i++)
        text[len++] = '}';
    text[len] = '\0';
    CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_DEPTH, NULL, NULL);
    /* Also inside an `any` value. */
    len = (size_t)sprintf(text, "{\"a\":");
    for (i = 0; i < levels; i++)
        text[len++] = '[';
    for (i = 0; i < levels; i++)
        text[len++] = ']';
    text[len++] = '}';
    text[len] = '\0';
    CHECK_DECODE_FAILS(&kitchen_scalars_desc, text, SPECC_ERR_DEPTH, NULL, NULL);
    free(text);
}

/* A hand-built cycle: validate and encode stop at the depth limit. */
static void test_cycle(void)
{
    kitchen_thing_t t;
    violations v;
    specc_error err;
    char *out;
    if (!CHECK_DECODES(&kitchen_thing_desc, THING(""), &t))
        return;
    t.parent_state = SPECC_PRESENT;
    t.parent = &t;
    /* Each container found beyond the limit is reported: at least one,
     * and nothing but depth errors (the value is otherwise valid). */
    memset(&v, 0, sizeof v);
    CHECK(kitchen_thing_validate(&t, collect, &v) >= 1);
    {
        size_t i;
        for (i = 0; i < v.count && i < MAX_VIOLATIONS; i++)
            CHECK_CODE(v.e[i].code, SPECC_ERR_DEPTH);
    }
    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out == NULL);
    if (!out)
        CHECK_CODE(err.code, SPECC_ERR_DEPTH);
    specc_free(out);
    t.parent = NULL;
    t.parent_state = SPECC_ABSENT;
    kitchen_thing_clear(&t);
}

int main(void)
{
    test_children();
    test_parent_chain();
    test_parts_and_matrix();
    test_depth();
    test_cycle();
    CHECK_DONE();
}
