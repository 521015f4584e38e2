/* test_names.c — JSON names that are not C names: `default`, `errno`,
 * `content-type`, `2fa`, `with space`, `renamed` map to default_, errno_,
 * content_type, _2fa, with_space, renamed_field, round-trip under their
 * JSON names, and appear in error paths in JSON spelling. */
#include "check.h"

#include <errno.h> /* errno_ must not clash with the errno macro */

static void test_members(void)
{
    static const char text[] =
        THING(",\"default\":\"D\",\"errno\":42,\"content-type\":\"text/html\",\"2fa\":true,"
              "\"with space\":\"W\",\"renamed\":\"R\"");
    kitchen_thing_t t;
    char *out;
    specc_error err;

    errno = 0;
    if (!CHECK_DECODES(&kitchen_thing_desc, text, &t))
        return;
    CHECK_INT(t.default_state, SPECC_PRESENT);
    CHECK_STR(t.default_, "D");
    CHECK_INT(t.errno_state, SPECC_PRESENT);
    CHECK_INT(t.errno_, 42);
    CHECK_INT(errno, 0); /* decoding "errno" does not touch errno */
    CHECK_INT(t.content_type_state, SPECC_PRESENT);
    CHECK_STR(t.content_type, "text/html");
    CHECK_INT(t._2fa_state, SPECC_PRESENT);
    CHECK(t._2fa == true);
    CHECK_INT(t.with_space_state, SPECC_PRESENT);
    CHECK_STR(t.with_space, "W");
    CHECK_INT(t.renamed_field_state, SPECC_PRESENT);
    CHECK_STR(t.renamed_field, "R");
    CHECK_INT(t._unknown.count, 0); /* all six are declared fields */
    out = kitchen_thing_encode_text(&t, NULL, &err);
    CHECK(out != NULL);
    if (out) {
        CHECK_JSON(out, text);
        CHECK(strstr(out, "\"default\":\"D\"") != NULL);
        CHECK(strstr(out, "\"errno\":42") != NULL);
        CHECK(strstr(out, "\"content-type\":\"text/html\"") != NULL);
        CHECK(strstr(out, "\"2fa\":true") != NULL);
        CHECK(strstr(out, "\"with space\":\"W\"") != NULL);
        CHECK(strstr(out, "\"renamed\":\"R\"") != NULL);
        CHECK(strstr(out, "renamed_field") == NULL);
        CHECK(strstr(out, "content_type") == NULL);
    }
    specc_free(out);
    kitchen_thing_clear(&t);

    /* The C spellings are not JSON names: they are unknown keys. */
    if (CHECK_DECODES(&kitchen_thing_desc, THING(",\"renamed_field\":\"x\",\"default_\":1"), &t)) {
        CHECK_INT(t.renamed_field_state, SPECC_ABSENT);
        CHECK_INT(t.default_state, SPECC_ABSENT);
        CHECK_INT(t._unknown.count, 2);
        kitchen_thing_clear(&t);
    }
}

static void test_paths(void)
{
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"content-type\":1"), SPECC_ERR_TYPE,
                       "$['content-type']", "expected string, got number 1");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"2fa\":\"yes\""), SPECC_ERR_TYPE, "$['2fa']",
                       "expected boolean, got string \"yes\"");
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"with space\":[]"), SPECC_ERR_TYPE,
                       "$['with space']", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"renamed\":{}"), SPECC_ERR_TYPE,
                       "$.renamed", NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"errno\":1.5"), SPECC_ERR_TYPE, "$.errno",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen_thing_desc, THING(",\"default\":false"), SPECC_ERR_TYPE,
                       "$.default", NULL);
    /* Keys with quotes and backslashes are escaped inside the brackets. */
    CHECK_DECODE_FAILS(&kitchen_strict_desc, "{\"a\":1,\"it's\\\\\":0}", SPECC_ERR_UNKNOWN_FIELD,
                       "$['it\\'s\\\\']", NULL);
}

/* The descriptor tables: reflection by JSON name. */
static void test_descriptors(void)
{
    static const struct {
        const char *json;
        size_t offset;
    } want[] = {
        {"default", offsetof(kitchen_thing_t, default_)},
        {"errno", offsetof(kitchen_thing_t, errno_)},
        {"content-type", offsetof(kitchen_thing_t, content_type)},
        {"2fa", offsetof(kitchen_thing_t, _2fa)},
        {"with space", offsetof(kitchen_thing_t, with_space)},
        {"renamed", offsetof(kitchen_thing_t, renamed_field)},
    };
    size_t i, j;
    CHECK_STR(kitchen_thing_desc.name, "Thing");
    CHECK_INT(kitchen_thing_desc.size, sizeof(kitchen_thing_t));
    CHECK_INT(kitchen_thing_desc.field_count, 33);
    CHECK_INT(kitchen_part_desc.unknown, SPECC_UNKNOWN_IGNORE);
    CHECK_INT(kitchen_strict_desc.unknown, SPECC_UNKNOWN_REJECT);
    CHECK_INT(kitchen_thing_desc.unknown, SPECC_UNKNOWN_PRESERVE);
    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        const specc_field *f = NULL;
        for (j = 0; j < kitchen_thing_desc.field_count; j++)
            if (strcmp(kitchen_thing_desc.fields[j].name, want[i].json) == 0)
                f = &kitchen_thing_desc.fields[j];
        CHECK(f != NULL);
        if (f) {
            CHECK_INT(f->offset, want[i].offset);
            CHECK_INT(f->name_len, strlen(want[i].json));
        }
    }
    /* Spec order is kept in the descriptor. */
    CHECK_STR(kitchen_thing_desc.fields[0].name, "id");
    CHECK_STR(kitchen_thing_desc.fields[kitchen_thing_desc.field_count - 1].name, "renamed");
    CHECK_INT(kitchen_type_count, 6);
    CHECK_INT(kitchen_endpoint_count, 3);
}

int main(void)
{
    test_members();
    test_paths();
    test_descriptors();
    CHECK_DONE();
}
