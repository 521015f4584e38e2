/* test_compose.c — allOf flattened into Full, and the v2 keywords of its
 * fields: int32, hostname/ipv4/ipv6/byte, multipleOf, exclusive bounds,
 * const, nullable items, readOnly/writeOnly, value types held in place. */
#include "check.h"

static const char full[] =
    "{\"id\":2,\"note\":\"short\",\"created\":\"2024-01-02T03:04:05Z\",\"host\":\"api.example.com\","
    "\"ip4\":\"192.0.2.1\",\"ip6\":\"2001:db8::1\",\"blob\":\"aGk=\",\"step\":1.5,\"even\":4,"
    "\"level\":3,\"old\":true,\"maybe\":[1,null,3],\"pets\":[{\"name\":\"Tom\"}],"
    "\"refs\":{\"a\":\"cat_1\"},\"list\":[],\"token\":\"tok_x\"}";

static void test_fields(void)
{
    kitchen2_full_t f, g;
    char *out;
    if (!CHECK_DECODES(&kitchen2_full_desc, full, &f))
        return;
    /* Base's fields first, in order; then the inline part's. */
    CHECK_INT(kitchen2_full_desc.field_count, 18);
    CHECK_STR(kitchen2_full_desc.fields[0].name, "id");
    CHECK_STR(kitchen2_full_desc.fields[1].name, "note");
    CHECK(kitchen2_full_desc.fields[1].shape.flags & SPECC_S_MAX_LENGTH); /* narrowed */
    CHECK_INT(f.id, 2);
    CHECK_INT(f.maybe.count, 3);
    if (f.maybe.count == 3) {
        CHECK_INT(f.maybe.items[0].state, SPECC_PRESENT);
        CHECK_INT(f.maybe.items[0].value, 1);
        CHECK_INT(f.maybe.items[1].state, SPECC_NULL);
    }
    CHECK_INT(f.list.count, 0);
    CHECK_STR(f.token.value, "tok_x");
    CHECK_INT(kitchen2_full_validate(&f, NULL, NULL), 0);
    out = kitchen2_full_encode_text(&f, NULL, NULL);
    CHECK(out != NULL);
    if (out) {
        CHECK_JSON(out, full);
        if (CHECK_DECODES(&kitchen2_full_desc, out, &g)) {
            CHECK(kitchen2_full_equal(&f, &g));
            kitchen2_full_clear(&g);
        }
    }
    specc_free(out);
    kitchen2_full_clear(&f);
}

static void test_constraints(void)
{
    static const struct {
        const char *members;
        specc_code code;
        const char *path;
    } bad[] = {
        {"\"host\":\"-bad-.example\"", SPECC_ERR_FORMAT, "$.host"},
        {"\"ip4\":\"192.0.2.01\"", SPECC_ERR_FORMAT, "$.ip4"},
        {"\"ip6\":\"2001:db8:::1\"", SPECC_ERR_FORMAT, "$.ip6"},
        {"\"blob\":\"aGk\"", SPECC_ERR_FORMAT, "$.blob"},
        {"\"step\":1.25", SPECC_ERR_MULTIPLE_OF, "$.step"},
        {"\"even\":3", SPECC_ERR_MULTIPLE_OF, "$.even"},
        {"\"even\":100", SPECC_ERR_MAXIMUM, "$.even"},
        {"\"level\":4", SPECC_ERR_CONST, "$.level"},
        {"\"note\":\"longer than twenty characters\"", SPECC_ERR_MAX_LENGTH, "$.note"},
        {"\"id\":0", SPECC_ERR_MINIMUM, "$.id"},
    };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        kitchen2_full_t f;
        violations v;
        snprintf(text, sizeof text, "{\"id\":1,%s}", bad[i].members);
        if (strncmp(bad[i].members, "\"id\"", 4) == 0)
            snprintf(text, sizeof text, "{%s}", bad[i].members);
        if (!CHECK_DECODES(&kitchen2_full_desc, text, &f))
            continue;
        VALIDATE(&kitchen2_full_desc, &f, &v, 1);
        CHECK_VIOLATION(&v, bad[i].code, bad[i].path, NULL);
        kitchen2_full_clear(&f);
    }
    /* note may not be null any more: the narrowing dropped nullable. */
    CHECK_DECODE_FAILS(&kitchen2_full_desc, "{\"id\":1,\"note\":null}", SPECC_ERR_NULL, "$.note",
                       NULL);
    CHECK_DECODE_FAILS(&kitchen2_full_desc, "{\"note\":\"x\"}", SPECC_ERR_MISSING, "$.id", NULL);
}

/* readOnly fields may not be sent, writeOnly ones not received. */
static void test_directions(void)
{
    kitchen2_full_t f;
    violations v;
    if (!CHECK_DECODES(&kitchen2_full_desc,
                       "{\"id\":1,\"secret\":\"s\",\"created\":\"2024-01-02T03:04:05Z\"}", &f))
        return;
    CHECK_INT(kitchen2_full_validate(&f, NULL, NULL), 0); /* no direction: both fine */
    memset(&v, 0, sizeof v);
    CHECK_INT(specc_validate_as(&kitchen2_full_desc, &f, SPECC_AS_REQUEST, collect, &v), 1);
    CHECK_VIOLATION(&v, SPECC_ERR_READ_ONLY, "$.created", NULL);
    memset(&v, 0, sizeof v);
    CHECK_INT(specc_validate_as(&kitchen2_full_desc, &f, SPECC_AS_RESPONSE, collect, &v), 1);
    CHECK_VIOLATION(&v, SPECC_ERR_WRITE_ONLY, "$.secret", NULL);
    kitchen2_full_clear(&f);
}

int main(void)
{
    test_fields();
    test_constraints();
    test_directions();
    CHECK_DONE();
}
