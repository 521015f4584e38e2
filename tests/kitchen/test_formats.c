/* test_formats.c — string formats at their edges (RFC 3339 dates and
 * date-times with leap days, leap seconds and offsets; uuid case and
 * lengths; uri; email), through specc_format_valid and through validate of
 * a decoded Part. */
#include "check.h"

#define OK(fmt, s) format_case(__LINE__, (fmt), (s), true)
#define BAD(fmt, s) format_case(__LINE__, (fmt), (s), false)

static const char *field_of(specc_format f)
{
    switch (f) {
    case SPECC_FORMAT_DATE: return "day";
    case SPECC_FORMAT_DATE_TIME: return "when";
    case SPECC_FORMAT_URI: return "site";
    case SPECC_FORMAT_EMAIL: return "mail";
    default: return NULL;
    }
}

/* specc_format_valid agrees, and (for Part's formats) so does validate of
 * a decoded Part holding the string. */
static void format_case(int line, specc_format fmt, const char *s, bool want)
{
    const char *field = field_of(fmt);
    bool got = specc_format_valid(fmt, s, strlen(s));
    if (got != want) {
        fprintf(stderr, "%s:%d: specc_format_valid(\"%s\") is %s, want %s\n", __FILE__, line, s,
                got ? "true" : "false", want ? "true" : "false");
        check_failures++;
    }
    if (field) {
        char text[256], path[32];
        kitchen_part_t p;
        violations v;
        json_t *j = json_pack("{s:s, s:s}", "sku", "ABC-1", field, s);
        char *dumped = j ? json_dumps(j, JSON_COMPACT) : NULL;
        snprintf(text, sizeof text, "%s", dumped ? dumped : "");
        free(dumped);
        json_decref(j);
        if (!check_decodes_at(__FILE__, line, &kitchen_part_desc, text, &p))
            return;
        validate_at(__FILE__, line, &kitchen_part_desc, &p, &v, want ? 0 : 1);
        if (!want) {
            snprintf(path, sizeof path, "$.%s", field);
            check_violation_at(__FILE__, line, &v, SPECC_ERR_FORMAT, path, NULL);
        }
        kitchen_part_clear(&p);
    }
}

static void test_date(void)
{
    OK(SPECC_FORMAT_DATE, "2024-02-29");
    BAD(SPECC_FORMAT_DATE, "2023-02-29");
    BAD(SPECC_FORMAT_DATE, "1900-02-29");
    OK(SPECC_FORMAT_DATE, "2000-02-29");
    OK(SPECC_FORMAT_DATE, "2023-02-28");
    BAD(SPECC_FORMAT_DATE, "2024-02-30");
    OK(SPECC_FORMAT_DATE, "2024-12-31");
    BAD(SPECC_FORMAT_DATE, "2024-04-31");
    BAD(SPECC_FORMAT_DATE, "2024-13-01");
    BAD(SPECC_FORMAT_DATE, "2024-00-10");
    BAD(SPECC_FORMAT_DATE, "2024-01-00");
    BAD(SPECC_FORMAT_DATE, "2024-1-01");
    BAD(SPECC_FORMAT_DATE, "24-01-01");
    BAD(SPECC_FORMAT_DATE, "2024/01/01");
    BAD(SPECC_FORMAT_DATE, "2024-01-01 ");
    BAD(SPECC_FORMAT_DATE, "2024-01-01T00:00:00Z");
    BAD(SPECC_FORMAT_DATE, "");
    BAD(SPECC_FORMAT_DATE, "2024-0a-01");
}

static void test_date_time(void)
{
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00Z");
    OK(SPECC_FORMAT_DATE_TIME, "2024-02-29T00:00:00Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2023-02-29T00:00:00Z");
    /* Leap seconds: only at 23:59:60 UTC. */
    OK(SPECC_FORMAT_DATE_TIME, "2024-02-29T23:59:60Z");
    OK(SPECC_FORMAT_DATE_TIME, "1990-12-31T15:59:60-08:00");
    OK(SPECC_FORMAT_DATE_TIME, "1990-12-31T23:59:60+00:00");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:60Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T23:59:60+01:00");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T23:59:61Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T23:58:60Z");
    /* Offsets. */
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+14:00");
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00-00:00");
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+05:30");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+24:00");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+05:60");
    /* RFC 3339 time-numoffset is ("+" / "-") time-hour ":" time-minute. */
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+0530");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00+05");
    /* A leap second crossing the date line in local time: 23:59:60 UTC. */
    OK(SPECC_FORMAT_DATE_TIME, "2017-01-01T00:59:60+01:00");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00");
    /* Lower-case t and z are allowed by RFC 3339 (section 5.6 note). */
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01t12:00:00z");
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01t12:00:00Z");
    /* Fractions of a second. */
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00.5Z");
    OK(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00.123456789+01:00");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00.Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00,5Z");
    /* Fields out of range or malformed. */
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T24:00:00Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:60:00Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T1:00:00Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00Z");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01TZ");
    BAD(SPECC_FORMAT_DATE_TIME, "2024-01-01T12:00:00Z ");
    BAD(SPECC_FORMAT_DATE_TIME, "");
}

static void test_uuid(void)
{
    OK(SPECC_FORMAT_UUID, "123e4567-e89b-12d3-a456-426614174000");
    OK(SPECC_FORMAT_UUID, "123E4567-E89B-12D3-A456-426614174000");
    OK(SPECC_FORMAT_UUID, "123E4567-e89b-12d3-A456-426614174000");
    OK(SPECC_FORMAT_UUID, "00000000-0000-0000-0000-000000000000");
    OK(SPECC_FORMAT_UUID, "ffffffff-ffff-ffff-ffff-ffffffffffff");
    BAD(SPECC_FORMAT_UUID, "123e4567-e89b-12d3-a456-42661417400");   /* 35 */
    BAD(SPECC_FORMAT_UUID, "123e4567-e89b-12d3-a456-4266141740000"); /* 37 */
    BAD(SPECC_FORMAT_UUID, "123e4567e89b12d3a456426614174000");      /* no dashes */
    BAD(SPECC_FORMAT_UUID, "123e4567-e89b-12d3-a4564-26614174000");  /* dash moved */
    BAD(SPECC_FORMAT_UUID, "123e456-7e89b-12d3-a456-426614174000");
    BAD(SPECC_FORMAT_UUID, "123g4567-e89b-12d3-a456-426614174000");  /* not hex */
    BAD(SPECC_FORMAT_UUID, "{123e4567-e89b-12d3-a456-426614174000}");
    BAD(SPECC_FORMAT_UUID, " 123e4567-e89b-12d3-a456-426614174000");
    BAD(SPECC_FORMAT_UUID, "");
    /* specc.h: "8-4-4-4-12 hex digits, any case" -- nothing around them. */
    BAD(SPECC_FORMAT_UUID, "urn:uuid:123e4567-e89b-12d3-a456-426614174000");
}

static void test_uri(void)
{
    OK(SPECC_FORMAT_URI, "https://example.com/a?b=c#d");
    OK(SPECC_FORMAT_URI, "http://[::1]:8080/");
    OK(SPECC_FORMAT_URI, "urn:isbn:0451450523");
    OK(SPECC_FORMAT_URI, "mailto:a@example.com");
    OK(SPECC_FORMAT_URI, "https://example.com/%C3%A9");
    OK(SPECC_FORMAT_URI, "a+b.c-d:x");
    BAD(SPECC_FORMAT_URI, "//example.com/x");
    BAD(SPECC_FORMAT_URI, "example.com");
    BAD(SPECC_FORMAT_URI, "/relative/path");
    BAD(SPECC_FORMAT_URI, "1http://example.com");
    BAD(SPECC_FORMAT_URI, "http://exa mple.com/");
    BAD(SPECC_FORMAT_URI, "https://example.com/%zz");
    BAD(SPECC_FORMAT_URI, "https://example.com/\xc3\xa9");
    BAD(SPECC_FORMAT_URI, ":nothing");
    BAD(SPECC_FORMAT_URI, "");
}

static void test_email(void)
{
    OK(SPECC_FORMAT_EMAIL, "a@example.com");
    OK(SPECC_FORMAT_EMAIL, "a.b+c@example.com");
    OK(SPECC_FORMAT_EMAIL, "first_last-1@sub.example.co.uk");
    BAD(SPECC_FORMAT_EMAIL, "nobody");
    BAD(SPECC_FORMAT_EMAIL, "@example.com");
    BAD(SPECC_FORMAT_EMAIL, "a@");
    BAD(SPECC_FORMAT_EMAIL, "a@@example.com");
    BAD(SPECC_FORMAT_EMAIL, "a@b@example.com");
    BAD(SPECC_FORMAT_EMAIL, "a b@example.com");
    BAD(SPECC_FORMAT_EMAIL, "a@exa mple.com");
    BAD(SPECC_FORMAT_EMAIL, "");
}

static void test_no_format(void)
{
    /* NONE and UNIX_TIME accept anything. */
    CHECK(specc_format_valid(SPECC_FORMAT_NONE, "anything at all", 15));
    CHECK(specc_format_valid(SPECC_FORMAT_UNIX_TIME, "x", 1));
    /* The length is honoured: a valid prefix is not a valid value. */
    CHECK(!specc_format_valid(SPECC_FORMAT_DATE, "2024-02-29", 9));
    CHECK(specc_format_valid(SPECC_FORMAT_DATE, "2024-02-29xyz", 10));
}

int main(void)
{
    test_date();
    test_date_time();
    test_uuid();
    test_uri();
    test_email();
    test_no_format();
    CHECK_DONE();
}
