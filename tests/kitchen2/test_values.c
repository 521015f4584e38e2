/* test_values.c — types that are not objects: a top-level array (PetList),
 * a map with exclusive bounds (Scores), a scalar with a pattern (Token). */
#include "check.h"

static void test_array(void)
{
    kitchen2_pet_list_t l;
    if (CHECK_DECODES(&kitchen2_pet_list_desc,
                      "[{\"name\":\"Tom\"},{\"kind\":\"dog\",\"name\":\"Rex\"}]", &l)) {
        CHECK_INT(l.count, 2);
        if (l.count == 2) {
            CHECK_INT(l.items[0].kind, KITCHEN2_PET_CAT);
            CHECK_INT(l.items[1].kind, KITCHEN2_PET_DOG);
        }
        CHECK_ENCODES(&kitchen2_pet_list_desc, &l,
                      "[{\"name\":\"Tom\"},{\"kind\":\"dog\",\"name\":\"Rex\"}]");
        CHECK_INT(kitchen2_pet_list_validate(&l, NULL, NULL), 0);
        kitchen2_pet_list_clear(&l);
    }
    if (CHECK_DECODES(&kitchen2_pet_list_desc, "[]", &l)) {
        CHECK_INT(l.count, 0);
        CHECK_ENCODES(&kitchen2_pet_list_desc, &l, "[]");
        kitchen2_pet_list_clear(&l);
    }
    CHECK_DECODE_FAILS(&kitchen2_pet_list_desc, "{}", SPECC_ERR_TYPE, "$", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_list_desc, "null", SPECC_ERR_NULL, "$", NULL);
    CHECK_DECODE_FAILS(&kitchen2_pet_list_desc, "[{\"name\":\"Tom\"},7]", SPECC_ERR_TYPE, "$[1]",
                       NULL);
}

static void test_map(void)
{
    kitchen2_scores_t s;
    violations v;
    if (CHECK_DECODES(&kitchen2_scores_desc, "{\"a\":0.5,\"b\":100,\"c\":0}", &s)) {
        CHECK_INT(s.count, 3);
        VALIDATE(&kitchen2_scores_desc, &s, &v, 1); /* 0 is not > 0 */
        CHECK_VIOLATION(&v, SPECC_ERR_MINIMUM, "$.c", NULL);
        kitchen2_scores_clear(&s);
    }
}

static void test_scalar(void)
{
    kitchen2_token_t t;
    violations v;
    if (CHECK_DECODES(&kitchen2_token_desc, "\"tok_1\"", &t)) {
        CHECK_STR(t.value, "tok_1");
        CHECK_INT(kitchen2_token_validate(&t, NULL, NULL), 0);
        CHECK_ENCODES(&kitchen2_token_desc, &t, "\"tok_1\"");
        kitchen2_token_clear(&t);
    }
    if (CHECK_DECODES(&kitchen2_token_desc, "\"nope\"", &t)) {
        VALIDATE(&kitchen2_token_desc, &t, &v, 1);
        CHECK_VIOLATION(&v, SPECC_ERR_PATTERN, "$", NULL);
        kitchen2_token_clear(&t);
    }
    CHECK_DECODE_FAILS(&kitchen2_token_desc, "1", SPECC_ERR_TYPE, "$", NULL);
}

int main(void)
{
    test_array();
    test_map();
    test_scalar();
    CHECK_DONE();
}
