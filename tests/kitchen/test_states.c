/* test_states.c — absent / null / value of every kind of field in Thing:
 * decoded from text and checked in the struct, encoded back and compared as
 * JSON; zero values stay distinct from absent; nulls where not allowed and
 * required keys missing are rejected with their path. */
#include "check.h"

/* Decode text into *t, check it encodes back to the same JSON and decodes
 * again to an equal struct. Returns 1 when decoded. */
static int decode_roundtrip(const char *text, kitchen_thing_t *t)
{
    kitchen_thing_t again;
    specc_error err;
    char *out;

    if (!CHECK_DECODES(&kitchen_thing_desc, text, t))
        return 0;
    out = kitchen_thing_encode_text(t, NULL, &err);
    CHECK(out != NULL);
    if (!out)
        return 1;
    CHECK_JSON(out, text);
    if (CHECK_DECODES(&kitchen_thing_desc, out, &again)) {
        CHECK(kitchen_thing_equal(t, &again));
        kitchen_thing_clear(&again);
    }
    specc_free(out);
    return 1;
}

static void test_all_absent(void)
{
    kitchen_thing_t t;
    if (!decode_roundtrip(THING(""), &t))
        return;
    /* Required members hold their values. */
    CHECK_STR(t.id, THING_ID);
    CHECK_STR(t.name, "abc");
    CHECK_INT(t.tag_state, SPECC_PRESENT);
    CHECK_STR(t.tag, "t");
    CHECK_INT(t.color, KITCHEN_THING_COLOR_RED);
    CHECK_INT(t.count, 1);
    CHECK(t.flag == false);
    CHECK_INT(t.cost_state, SPECC_PRESENT);
    CHECK_STR(t.cost.text, "1");
    CHECK(t.cost.is_string);
    CHECK(json_is_object(t.blob) && json_object_size(t.blob) == 0);
    CHECK(t.part != NULL && t.part && t.part->sku && strcmp(t.part->sku, "ABC-1") == 0);
    /* Every optional member is absent. */
    CHECK_INT(t.note_state, SPECC_ABSENT);
    CHECK(t.note == NULL);
    CHECK_INT(t.shade_state, SPECC_ABSENT);
    CHECK(t.shade_other == NULL);
    CHECK_INT(t.level_state, SPECC_ABSENT);
    CHECK_INT(t.code_state, SPECC_ABSENT);
    CHECK_INT(t.big_state, SPECC_ABSENT);
    CHECK_INT(t.created_state, SPECC_ABSENT);
    CHECK_INT(t.ratio_state, SPECC_ABSENT);
    CHECK_INT(t.maybe_state, SPECC_ABSENT);
    CHECK_INT(t.price_state, SPECC_ABSENT);
    CHECK(t.price.text == NULL);
    CHECK(t.extra == NULL);
    CHECK_INT(t.tags_state, SPECC_ABSENT);
    CHECK_INT(t.tags.count, 0);
    CHECK_INT(t.dates_state, SPECC_ABSENT);
    CHECK_INT(t.matrix_state, SPECC_ABSENT);
    CHECK_INT(t.children_state, SPECC_ABSENT);
    CHECK_INT(t.parent_state, SPECC_ABSENT);
    CHECK(t.parent == NULL);
    CHECK_INT(t.opts_state, SPECC_ABSENT);
    CHECK_INT(t.scores_state, SPECC_ABSENT);
    CHECK_INT(t.parts_state, SPECC_ABSENT);
    CHECK_INT(t.default_state, SPECC_ABSENT);
    CHECK_INT(t.errno_state, SPECC_ABSENT);
    CHECK_INT(t.content_type_state, SPECC_ABSENT);
    CHECK_INT(t._2fa_state, SPECC_ABSENT);
    CHECK_INT(t.with_space_state, SPECC_ABSENT);
    CHECK_INT(t.renamed_field_state, SPECC_ABSENT);
    CHECK_INT(t._unknown.count, 0);
    kitchen_thing_clear(&t);
}

static void test_all_null(void)
{
    /* Every nullable field null, the required+nullable ones included. */
    static const char text[] =
        "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"note\":null,\"tag\":null,\"color\":\"green\","
        "\"shade\":null,\"count\":1,\"big\":null,\"ratio\":null,\"flag\":true,\"maybe\":null,"
        "\"cost\":null,\"blob\":[],\"dates\":null,\"parent\":null,\"part\":{\"sku\":\"ABC-1\"}}";
    kitchen_thing_t t;
    if (!decode_roundtrip(text, &t))
        return;
    CHECK_INT(t.note_state, SPECC_NULL);
    CHECK(t.note == NULL);
    CHECK_INT(t.tag_state, SPECC_NULL);
    CHECK(t.tag == NULL);
    CHECK_INT(t.shade_state, SPECC_NULL);
    CHECK(t.shade_other == NULL);
    CHECK_INT(t.big_state, SPECC_NULL);
    CHECK_INT(t.ratio_state, SPECC_NULL);
    CHECK_INT(t.maybe_state, SPECC_NULL);
    CHECK_INT(t.cost_state, SPECC_NULL);
    CHECK(t.cost.text == NULL);
    CHECK_INT(t.dates_state, SPECC_NULL);
    CHECK_INT(t.dates.count, 0);
    CHECK(t.dates.items == NULL);
    CHECK_INT(t.parent_state, SPECC_NULL);
    CHECK(t.parent == NULL);
    CHECK(t.flag == true);
    CHECK_INT(t.color, KITCHEN_THING_COLOR_GREEN);
    CHECK(json_is_array(t.blob) && json_array_size(t.blob) == 0);
    /* The optional ones that were not given stay absent, not null. */
    CHECK_INT(t.level_state, SPECC_ABSENT);
    CHECK_INT(t.price_state, SPECC_ABSENT);
    CHECK(t.extra == NULL);
    CHECK_INT(kitchen_thing_validate(&t, NULL, NULL), 0);
    kitchen_thing_clear(&t);
}

static void test_zero_values(void)
{
    /* 0, false, "", [], {} are values: present, never confused with absent. */
    static const char text[] =
        "{\"id\":\"" THING_ID "\",\"name\":\"a\",\"note\":\"\",\"tag\":\"\",\"color\":\"red\","
        "\"shade\":\"light\",\"level\":0,\"code\":-1,\"count\":0,\"big\":0,\"created\":0,"
        "\"ratio\":0,\"flag\":false,\"maybe\":false,\"price\":0,\"cost\":0,\"extra\":0,"
        "\"blob\":false,\"tags\":[],\"dates\":[],\"matrix\":[],\"children\":[],\"opts\":{},"
        "\"scores\":{},\"parts\":{},\"part\":{\"sku\":\"ABC-0\"},\"default\":\"\",\"errno\":0,"
        "\"content-type\":\"\",\"2fa\":false,\"with space\":\"\",\"renamed\":\"\"}";
    kitchen_thing_t t;
    if (!decode_roundtrip(text, &t))
        return;
    CHECK_INT(t.note_state, SPECC_PRESENT);
    CHECK_STR(t.note, "");
    CHECK_INT(t.tag_state, SPECC_PRESENT);
    CHECK_STR(t.tag, "");
    CHECK_INT(t.shade_state, SPECC_PRESENT);
    CHECK_INT(t.shade, KITCHEN_THING_SHADE_LIGHT);
    CHECK_INT(t.level_state, SPECC_PRESENT);
    CHECK_INT(t.level, 0);
    CHECK_INT(t.code_state, SPECC_PRESENT);
    CHECK_INT(t.code, -1);
    CHECK_INT(t.count, 0);
    CHECK_INT(t.big_state, SPECC_PRESENT);
    CHECK_INT(t.big, 0);
    CHECK_INT(t.created_state, SPECC_PRESENT);
    CHECK_INT(t.created, 0);
    CHECK_INT(t.ratio_state, SPECC_PRESENT);
    CHECK(t.ratio == 0.0);
    CHECK(t.flag == false);
    CHECK_INT(t.maybe_state, SPECC_PRESENT);
    CHECK(t.maybe == false);
    CHECK_INT(t.price_state, SPECC_PRESENT);
    CHECK_STR(t.price.text, "0");
    CHECK(!t.price.is_string);
    CHECK_INT(t.cost_state, SPECC_PRESENT);
    CHECK_STR(t.cost.text, "0");
    CHECK(json_is_integer(t.extra) && json_integer_value(t.extra) == 0);
    CHECK(json_is_false(t.blob));
    CHECK_INT(t.tags_state, SPECC_PRESENT);
    CHECK_INT(t.tags.count, 0);
    CHECK_INT(t.dates_state, SPECC_PRESENT);
    CHECK_INT(t.matrix_state, SPECC_PRESENT);
    CHECK_INT(t.children_state, SPECC_PRESENT);
    CHECK_INT(t.opts_state, SPECC_PRESENT);
    CHECK_INT(t.opts.count, 0);
    CHECK_INT(t.scores_state, SPECC_PRESENT);
    CHECK_INT(t.parts_state, SPECC_PRESENT);
    CHECK_INT(t.default_state, SPECC_PRESENT);
    CHECK_STR(t.default_, "");
    CHECK_INT(t.errno_state, SPECC_PRESENT);
    CHECK_INT(t.errno_, 0);
    CHECK_INT(t.content_type_state, SPECC_PRESENT);
    CHECK_STR(t.content_type, "");
    CHECK_INT(t._2fa_state, SPECC_PRESENT);
    CHECK(t._2fa == false);
    CHECK_INT(t.with_space_state, SPECC_PRESENT);
    CHECK_STR(t.with_space, "");
    CHECK_INT(t.renamed_field_state, SPECC_PRESENT);
    CHECK_STR(t.renamed_field, "");
    kitchen_thing_clear(&t);
}

static void test_values(void)
{
    static const char text[] = THING(
        ",\"note\":\"n\",\"shade\":\"dark\",\"level\":2,\"code\":7,\"big\":-42,"
        "\"created\":1704067200,\"ratio\":1.25,\"maybe\":true,\"price\":\"0.13\","
        "\"extra\":{\"k\":[1,\"x\",null,true,2.5]},\"tags\":[\"a\",\"b\"],"
        "\"dates\":[\"2024-02-29\"],\"matrix\":[[1,2],[],[3]],\"opts\":{\"a\":true,\"b\":false},"
        "\"scores\":{\"x\":0.5},\"parts\":{\"p\":{\"sku\":\"XYZ-9\"}},\"default\":\"d\","
        "\"errno\":5,\"content-type\":\"text/plain\",\"2fa\":true,\"with space\":\"w\","
        "\"renamed\":\"r\"");
    kitchen_thing_t t;
    json_t *k;
    if (!decode_roundtrip(text, &t))
        return;
    CHECK_STR(t.note, "n");
    CHECK_INT(t.shade, KITCHEN_THING_SHADE_DARK);
    CHECK_INT(t.level, 2);
    CHECK_INT(t.code, 7);
    CHECK_INT(t.big, -42);
    CHECK_INT(t.created, 1704067200);
    CHECK(t.ratio == 1.25);
    CHECK_INT(t.maybe_state, SPECC_PRESENT);
    CHECK(t.maybe == true);
    CHECK_STR(t.price.text, "0.13");
    CHECK(t.price.is_string);
    k = json_object_get(t.extra, "k");
    CHECK(json_is_array(k) && json_array_size(k) == 5);
    CHECK(json_is_null(json_array_get(k, 2)));
    CHECK(json_real_value(json_array_get(k, 4)) == 2.5);
    CHECK_INT(t.tags.count, 2);
    if (t.tags.count == 2) {
        CHECK_STR(t.tags.items[0], "a");
        CHECK_STR(t.tags.items[1], "b");
    }
    CHECK_INT(t.dates.count, 1);
    if (t.dates.count == 1)
        CHECK_STR(t.dates.items[0], "2024-02-29");
    CHECK_INT(t.opts.count, 2);
    if (t.opts.count == 2) {
        CHECK_STR(t.opts.keys[0], "a");
        CHECK(t.opts.values[0] == true);
        CHECK_STR(t.opts.keys[1], "b");
        CHECK(t.opts.values[1] == false);
    }
    CHECK_INT(t.scores.count, 1);
    if (t.scores.count == 1)
        CHECK(t.scores.values[0] == 0.5);
    CHECK_INT(t.parts.count, 1);
    if (t.parts.count == 1) {
        CHECK_STR(t.parts.keys[0], "p");
        CHECK_STR(t.parts.values[0].sku, "XYZ-9");
    }
    CHECK_STR(t.default_, "d");
    CHECK_INT(t.errno_, 5);
    CHECK_STR(t.content_type, "text/plain");
    CHECK(t._2fa == true);
    CHECK_STR(t.with_space, "w");
    CHECK_STR(t.renamed_field, "r");
    kitchen_thing_clear(&t);
}

/* Encoding hand-set states: ABSENT writes nothing, NULL writes null. */
static void test_encode_states(void)
{
    kitchen_thing_t t;
    if (!CHECK_DECODES(&kitchen_thing_desc, THING(""), &t))
        return;
    t.tag_state = SPECC_NULL; /* value member ignored in the NULL state */
    specc_free(t.cost.text);
    t.cost.text = NULL;
    t.cost_state = SPECC_NULL;
    t.big = 99; /* a value with state ABSENT is not written */
    t.maybe_state = SPECC_NULL;
    t.maybe = true;
    CHECK_ENCODES(&kitchen_thing_desc, &t,
                  "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":null,\"color\":\"red\","
                  "\"count\":1,\"maybe\":null,\"flag\":false,\"cost\":null,\"blob\":{},"
                  "\"part\":{\"sku\":\"ABC-1\"}}");
    kitchen_thing_clear(&t);
}

/* null for every field that does not allow it. */
static void test_null_rejected(void)
{
    static const struct {
        const char *text, *path;
    } cases[] = {
        {THING(",\"level\":null"), "$.level"},
        {THING(",\"code\":null"), "$.code"},
        {THING(",\"created\":null"), "$.created"},
        {THING(",\"price\":null"), "$.price"},
        {THING(",\"tags\":null"), "$.tags"},
        {THING(",\"matrix\":null"), "$.matrix"},
        {THING(",\"children\":null"), "$.children"},
        {THING(",\"opts\":null"), "$.opts"},
        {THING(",\"scores\":null"), "$.scores"},
        {THING(",\"parts\":null"), "$.parts"},
        {THING(",\"default\":null"), "$.default"},
        {THING(",\"errno\":null"), "$.errno"},
        {THING(",\"content-type\":null"), "$['content-type']"},
        {THING(",\"2fa\":null"), "$['2fa']"},
        {THING(",\"with space\":null"), "$['with space']"},
        {THING(",\"renamed\":null"), "$.renamed"},
        {THING(",\"tags\":[\"a\",null]"), "$.tags[1]"},
        {THING(",\"matrix\":[[1,null]]"), "$.matrix[0][1]"},
        {THING(",\"opts\":{\"a\":null}"), "$.opts.a"},
        {THING(",\"dates\":[null]"), "$.dates[0]"},
        {"{\"id\":null}", "$.id"},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK_DECODE_FAILS(&kitchen_thing_desc, cases[i].text, SPECC_ERR_NULL, cases[i].path,
                           NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"level\":null"), SPECC_ERR_NULL, "$.level",
                       "expected integer, got null");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"tags\":null"), SPECC_ERR_NULL, "$.tags",
                       "expected array, got null");
}

/* any: absent = NULL pointer, null = json null, value = that value. For
 * an `any` field null is a JSON value like any other (the decoder takes it
 * whatever `nullable` says), so validate must accept what decode accepted. */
static void test_any(void)
{
    kitchen_thing_t t;
    violations v;
    if (decode_roundtrip(THING(",\"extra\":null"), &t)) {
        CHECK(t.extra != NULL && json_is_null(t.extra));
        VALIDATE(&kitchen_thing_desc, &t, &v, 0);
        kitchen_thing_clear(&t);
    }
    if (decode_roundtrip("{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                         "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":null,"
                         "\"part\":{\"sku\":\"ABC-1\"}}",
                         &t)) {
        CHECK(t.blob != NULL && json_is_null(t.blob));
        CHECK(t.extra == NULL);
        VALIDATE(&kitchen_thing_desc, &t, &v, 0);
        kitchen_thing_clear(&t);
    }
    if (decode_roundtrip(THING(",\"extra\":\"s\""), &t)) {
        CHECK_STR(json_string_value(t.extra), "s");
        kitchen_thing_clear(&t);
    }
    if (decode_roundtrip(THING(",\"extra\":-9223372036854775808"), &t)) {
        CHECK(json_integer_value(t.extra) == INT64_MIN);
        kitchen_thing_clear(&t);
    }
    /* Absent required any: missing. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                       "\"count\":1,\"flag\":false,\"cost\":\"1\",\"part\":{\"sku\":\"ABC-1\"}}",
                       SPECC_ERR_MISSING, "$.blob", "required key is missing");
    /* Numbers inside any: int64 exact, beyond it an error, not a rounding. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"extra\":[9223372036854775808]"),
                       SPECC_ERR_RANGE, "$.extra[0]", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"extra\":{\"a\":1e999}"), SPECC_ERR_RANGE,
                       "$.extra.a", NULL);
}

/* Every required key missing, one at a time; also the required non-null
 * ones given null. */
static void test_required(void)
{
    static const char *const members[] = {
        "\"id\":\"" THING_ID "\"", "\"name\":\"abc\"", "\"tag\":\"t\"", "\"color\":\"red\"",
        "\"count\":1", "\"flag\":false", "\"cost\":\"1\"", "\"blob\":{}",
        "\"part\":{\"sku\":\"ABC-1\"}",
    };
    static const char *const paths[] = {"$.id",   "$.name", "$.tag",  "$.color", "$.count",
                                        "$.flag", "$.cost", "$.blob", "$.part"};
    static const char *const names[] = {"id", "name", "tag", "color", "count",
                                        "flag", "cost", "blob", "part"};
    size_t n = sizeof members / sizeof members[0], skip, i;
    char text[512], nulled[512];

    for (skip = 0; skip < n; skip++) {
        size_t len = 0, nlen = 0;
        text[len++] = '{';
        nulled[nlen++] = '{';
        for (i = 0; i < n; i++) {
            const char *m = i == skip ? NULL : members[i];
            if (m) {
                len += (size_t)sprintf(text + len, "%s%s", len > 1 ? "," : "", m);
                nlen += (size_t)sprintf(nulled + nlen, "%s%s", nlen > 1 ? "," : "", m);
            } else {
                nlen += (size_t)sprintf(nulled + nlen, "%s\"%s\":null", nlen > 1 ? "," : "",
                                        names[i]);
            }
        }
        text[len++] = '}';
        text[len] = '\0';
        nulled[nlen++] = '}';
        nulled[nlen] = '\0';
        CHECK_DECODE_FAILS(&kitchen_thing_desc, text, SPECC_ERR_MISSING, paths[skip],
                           "required key is missing");
        /* tag and cost are nullable, and null is a value of `any` (blob):
         * null is fine there. */
        if (strcmp(names[skip], "tag") == 0 || strcmp(names[skip], "cost") == 0 ||
            strcmp(names[skip], "blob") == 0) {
            kitchen_thing_t t;
            if (CHECK_DECODES(&kitchen_thing_desc, nulled, &t))
                kitchen_thing_clear(&t);
        } else {
            CHECK_DECODE_FAILS(&kitchen_thing_desc, nulled, SPECC_ERR_NULL, paths[skip], NULL);
        }
    }
    /* Required inside a nested object. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc,
                       "{\"id\":\"" THING_ID "\",\"name\":\"abc\",\"tag\":\"t\",\"color\":\"red\","
                       "\"count\":1,\"flag\":false,\"cost\":\"1\",\"blob\":{},\"part\":{}}",
                       SPECC_ERR_MISSING, "$.part.sku", "required key is missing");
}

/* Wrong JSON types, one per kind, with the message people read. */
static void test_types(void)
{
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"note\":1"), SPECC_ERR_TYPE, "$.note",
                       "expected string, got number 1");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"big\":\"7\""), SPECC_ERR_TYPE, "$.big",
                       "expected integer, got string \"7\"");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"ratio\":true"), SPECC_ERR_TYPE, "$.ratio",
                       "expected number, got boolean true");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"maybe\":0"), SPECC_ERR_TYPE, "$.maybe",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"price\":[]"), SPECC_ERR_TYPE, "$.price",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"shade\":1"), SPECC_ERR_TYPE, "$.shade",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"parent\":[]"), SPECC_ERR_TYPE, "$.parent",
                       "expected object, got array");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"tags\":{}"), SPECC_ERR_TYPE, "$.tags",
                       "expected array, got object");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"opts\":[]"), SPECC_ERR_TYPE, "$.opts",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"opts\":{\"a\":\"yes\"}"), SPECC_ERR_TYPE,
                       "$.opts.a", "expected boolean, got string \"yes\"");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"matrix\":[[1],[2,\"x\"]]"),
                       SPECC_ERR_TYPE, "$.matrix[1][1]", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, "[]", SPECC_ERR_TYPE, "$", NULL);
    /* A string with U+0000 cannot be a C string. */
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"note\":\"a\\u0000b\""), SPECC_ERR_NUL,
                       "$.note", NULL);
}

int main(void)
{
    test_all_absent();
    test_all_null();
    test_zero_values();
    test_values();
    test_encode_states();
    test_null_rejected();
    test_any();
    test_required();
    test_types();
    CHECK_DONE();
}
