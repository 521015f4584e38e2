/* test_validate_handbuilt.c — validate on structs built by hand (init, then
 * set members): the exact violations of an empty Thing, of states that JSON
 * cannot express, then fixed one by one to zero violations, encoded,
 * decoded again and compared with kitchen_thing_equal. */
#include "check.h"

static char *sdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = specc_alloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static void test_empty_thing(void)
{
    kitchen_thing_t t;
    violations v;
    kitchen_thing_init(&t);
    VALIDATE(&kitchen_thing_desc, &t, &v, 6);
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.id", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.name", "string is NULL");
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.tag", "required field is absent");
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.cost", "required field is absent");
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.blob", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.part", "object is NULL");
    /* Encoding it fails too, naming the first problem, leaving nothing. */
    {
        specc_error err;
        size_t len = 99;
        char *text = kitchen_thing_encode_text(&t, &len, &err);
        CHECK(text == NULL);
        if (!text) {
            CHECK_CODE(err.code, SPECC_ERR_MISSING);
            CHECK_STR(err.path, "$.id");
        }
        specc_free(text);
    }
    kitchen_thing_clear(&t);
}

static void test_fix_one_by_one(void)
{
    kitchen_thing_t t, back;
    violations v;
    specc_error err;
    char *text;

    kitchen_thing_init(&t);
    t.id = sdup(THING_ID);
    t.name = sdup("abc");
    t.note_state = SPECC_NULL; /* nullable: fine */
    t.tag_state = SPECC_NULL;  /* required but nullable: fine */
    t.cost_state = SPECC_NULL;
    t.blob = json_object();
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.part", NULL);

    t.part = specc_alloc(sizeof *t.part);
    if (t.part)
        kitchen_part_init(t.part);
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_MISSING, "$.part.sku", "string is NULL");
    if (t.part)
        t.part->sku = sdup("ABC-1");
    VALIDATE(&kitchen_thing_desc, &t, &v, 0);

    /* Present states need their values. */
    t.note_state = SPECC_PRESENT; /* note still NULL */
    t.price_state = SPECC_PRESENT; /* price.text NULL */
    t.tags_state = SPECC_PRESENT;
    t.tags.count = 2; /* items NULL */
    t.parent_state = SPECC_PRESENT; /* parent NULL */
    VALIDATE(&kitchen_thing_desc, &t, &v, 4);
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.note",
                    "state is SPECC_PRESENT but there is no value (set one, or set the state)");
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.price", NULL);
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.tags", "items is NULL with count 2");
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.parent", NULL);
    t.note = sdup("hello");
    t.price.text = sdup("0.13");
    t.price.is_string = true;
    t.tags.items = specc_alloc(2 * sizeof *t.tags.items);
    if (t.tags.items) {
        t.tags.items[0] = sdup("x");
        t.tags.items[1] = sdup("y");
    } else {
        t.tags.count = 0;
    }
    t.parent_state = SPECC_NULL;
    VALIDATE(&kitchen_thing_desc, &t, &v, 0);

    /* States JSON cannot express, or the spec does not allow. */
    t.level_state = SPECC_NULL;        /* level is not nullable */
    t.big_state = (specc_state)7;      /* not a state at all */
    t.extra = json_null();             /* null is a value of `any`: fine */
    VALIDATE(&kitchen_thing_desc, &t, &v, 2);
    CHECK_VIOLATION(&v, SPECC_ERR_NULL, "$.level", "null is not allowed");
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.big", "invalid state 7");
    text = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(text == NULL); /* the invalid state stops the encoder */
    if (!text)
        CHECK_STR(err.path, "$.big");
    specc_free(text);
    t.level_state = SPECC_PRESENT;
    t.level = 1;
    t.big_state = SPECC_PRESENT;
    t.big = INT64_MIN;
    json_decref(t.extra);
    t.extra = json_pack("{s:[i,s]}", "k", 1, "v");

    /* A map built by hand, with a repeated key. */
    t.opts_state = SPECC_PRESENT;
    t.opts.keys = specc_alloc(2 * sizeof *t.opts.keys);
    t.opts.values = specc_alloc(2 * sizeof *t.opts.values);
    if (t.opts.keys && t.opts.values) {
        t.opts.count = 2;
        t.opts.keys[0] = sdup("k");
        t.opts.keys[1] = sdup("k");
        t.opts.values[0] = true;
        t.opts.values[1] = false;
    }
    VALIDATE(&kitchen_thing_desc, &t, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_DUPLICATE_KEY, "$.opts.k", NULL);
    if (t.opts.count == 2)
        t.opts.keys[1][0] = 'j';

    /* Special names set through their C members. */
    t.default_state = SPECC_PRESENT;
    t.default_ = sdup("dflt");
    t.errno_state = SPECC_PRESENT;
    t.errno_ = 2;
    t.content_type_state = SPECC_PRESENT;
    t.content_type = sdup("application/json");
    t._2fa_state = SPECC_PRESENT;
    t._2fa = true;
    t.with_space_state = SPECC_PRESENT;
    t.with_space = sdup("s p");
    t.renamed_field_state = SPECC_PRESENT;
    t.renamed_field = sdup("r");
    t.shade_state = SPECC_PRESENT;
    t.shade = KITCHEN_THING_SHADE__OTHER;
    t.shade_other = sdup("ultra");
    VALIDATE(&kitchen_thing_desc, &t, &v, 0);

    /* Encode, decode, equal; and the JSON is what was built. */
    text = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(text != NULL);
    if (text) {
        CHECK_JSON(text,
                   "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"note\":\"hello\",\"tag\":null,"
                   "\"color\":\"red\",\"shade\":\"ultra\",\"level\":1,\"count\":0,"
                   "\"big\":-9223372036854775808,\"flag\":false,\"price\":\"0.13\","
                   "\"cost\":null,\"extra\":{\"k\":[1,\"v\"]},\"blob\":{},\"tags\":[\"x\",\"y\"],"
                   "\"parent\":null,\"opts\":{\"k\":true,\"j\":false},"
                   "\"part\":{\"sku\":\"ABC-1\"},\"default\":\"dflt\",\"errno\":2,"
                   "\"content-type\":\"application/json\",\"2fa\":true,\"with space\":\"s p\","
                   "\"renamed\":\"r\"}");
        if (CHECK_DECODES(&kitchen_thing_desc, text, &back)) {
            CHECK(kitchen_thing_equal(&t, &back));
            CHECK(kitchen_thing_equal(&back, &t));
            /* One difference anywhere breaks equality. */
            back.part->sku[0] = 'X';
            CHECK(!kitchen_thing_equal(&t, &back));
            back.part->sku[0] = 'A';
            back.tags.items[1][0] = 'z';
            CHECK(!kitchen_thing_equal(&t, &back));
            back.tags.items[1][0] = 'y';
            back.tag_state = SPECC_ABSENT; /* absent != null */
            CHECK(!kitchen_thing_equal(&t, &back));
            back.tag_state = SPECC_NULL;
            CHECK(kitchen_thing_equal(&t, &back));
            kitchen_thing_clear(&back);
        }
    }
    specc_free(text);
    kitchen_thing_clear(&t);
    /* clear leaves it initialised: a second clear is harmless. */
    kitchen_thing_clear(&t);
    CHECK(t.id == NULL && t.part == NULL && t.tags.count == 0 && t.extra == NULL);
}

static void test_strict_and_part(void)
{
    kitchen_strict_t s;
    kitchen_part_t p;
    violations v;
    kitchen_strict_init(&s);
    VALIDATE(&kitchen_strict_desc, &s, &v, 0); /* a = 0 is a value */
    s.b_state = SPECC_PRESENT;
    VALIDATE(&kitchen_strict_desc, &s, &v, 1);
    CHECK_VIOLATION(&v, SPECC_ERR_INVALID, "$.b", NULL);
    kitchen_strict_clear(&s);

    kitchen_part_init(&p);
    p.sku = sdup("ABC-1");
    p.when_state = SPECC_PRESENT;
    p.when = sdup("2024-02-29T23:59:60Z");
    p.mail_state = SPECC_PRESENT;
    p.mail = sdup("not an email");
    p.site_state = SPECC_PRESENT;
    p.site = sdup("\xff"); /* not UTF-8 */
    VALIDATE(&kitchen_part_desc, &p, &v, 2);
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.mail", "not a valid email: \"not an email\"");
    CHECK_VIOLATION(&v, SPECC_ERR_FORMAT, "$.site", NULL);
    kitchen_part_clear(&p);
    /* NULL value: one violation, no crash. */
    CHECK_INT(specc_validate(&kitchen_part_desc, NULL, NULL, NULL), 1);
}

int main(void)
{
    test_empty_thing();
    test_fix_one_by_one();
    test_strict_and_part();
    CHECK_DONE();
}
