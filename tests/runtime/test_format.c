/*
 * test_format.c — specc_format_valid at the edges of every format. date,
 * date-time and uuid verdicts follow ajv-formats 3 ("full" mode).
 */
#include "demo_types.h"

static void expect_at(int line, specc_format f, const char *s, bool want)
{
    if (specc_format_valid(f, s, strlen(s)) != want) {
        failures++;
        printf("%s:%d: \"%s\" should be %s\n", __FILE__, line, s, want ? "valid" : "invalid");
    }
}

#define GOOD(f, s) expect_at(__LINE__, SPECC_FORMAT_##f, s, true)
#define BAD(f, s) expect_at(__LINE__, SPECC_FORMAT_##f, s, false)

static void test_date(void)
{
    GOOD(DATE, "2024-01-31");
    GOOD(DATE, "2024-02-29"); /* divisible by 4 */
    GOOD(DATE, "2000-02-29"); /* by 400 */
    BAD(DATE, "1900-02-29");  /* by 100, not 400 */
    BAD(DATE, "2023-02-29");
    GOOD(DATE, "2023-02-28");
    GOOD(DATE, "0000-02-29");
    GOOD(DATE, "9999-12-31");
    BAD(DATE, "2024-04-31");
    GOOD(DATE, "2024-04-30");
    BAD(DATE, "2024-13-01");
    BAD(DATE, "2024-00-10");
    BAD(DATE, "2024-01-00");
    BAD(DATE, "2024-01-32");
    BAD(DATE, "2024-1-01");
    BAD(DATE, "24-01-01");
    BAD(DATE, "2024/01/01");
    BAD(DATE, "2024-01-01 ");
    BAD(DATE, " 2024-01-01");
    BAD(DATE, "2024-01-01T00:00:00Z");
    BAD(DATE, "");
    BAD(DATE, "2024-0a-01");
    BAD(DATE, "+2024-01-01");
    /* The length is given: a NUL inside is not an end. */
    CHECK(!specc_format_valid(SPECC_FORMAT_DATE, "2024-01-01\0", 11));
    CHECK(specc_format_valid(SPECC_FORMAT_DATE, "2024-01-01xyz", 10));
}

static void test_date_time(void)
{
    GOOD(DATE_TIME, "2024-01-01T12:00:00Z");
    GOOD(DATE_TIME, "2024-01-01t12:00:00z");
    GOOD(DATE_TIME, "2024-01-01T12:00:00.123456789Z");
    GOOD(DATE_TIME, "2024-01-01T23:59:59+23:59");
    GOOD(DATE_TIME, "2024-01-01T00:00:00-00:00");
    GOOD(DATE_TIME, "2024-02-29T00:00:00Z");
    BAD(DATE_TIME, "2023-02-29T00:00:00Z");
    BAD(DATE_TIME, "2024-02-30T00:00:00Z");
    BAD(DATE_TIME, "2024-13-01T00:00:00Z");
    BAD(DATE_TIME, "2024-01-01T24:00:00Z");
    BAD(DATE_TIME, "2024-01-01T12:60:00Z");
    BAD(DATE_TIME, "2024-01-01T12:00:61Z");
    BAD(DATE_TIME, "2024-01-01T12:00:00");      /* no offset */
    BAD(DATE_TIME, "2024-01-01T12:00:00+24:00"); /* offset hour */
    BAD(DATE_TIME, "2024-01-01T12:00:00+05:60"); /* offset minute */
    BAD(DATE_TIME, "2024-01-01T12:00:00.Z");
    BAD(DATE_TIME, "2024-01-01T12:00Z");
    BAD(DATE_TIME, "2024-01-01T1:00:00Z");
    BAD(DATE_TIME, "2024-01-01X12:00:00Z");
    BAD(DATE_TIME, "2024-01-01T12:00:00+05:");
    BAD(DATE_TIME, "2024-01-01T12:00:00+5:00");
    BAD(DATE_TIME, "2024-01-01T12:00:00ZZ");
    BAD(DATE_TIME, "2024-01-01TT12:00:00Z");
    BAD(DATE_TIME, "2024-01-01T12:00:00Z ");
    BAD(DATE_TIME, "");
    BAD(DATE_TIME, "2024-01-01");
    /* Leap seconds: only 23:59:60 once converted to UTC. */
    GOOD(DATE_TIME, "1990-12-31T23:59:60Z");
    GOOD(DATE_TIME, "1990-12-31T23:59:60.5Z");
    GOOD(DATE_TIME, "1990-12-31T15:59:60-08:00");
    GOOD(DATE_TIME, "1991-01-01T00:59:60+01:00");
    GOOD(DATE_TIME, "1991-01-01T05:29:60+05:30");
    BAD(DATE_TIME, "2024-01-01T12:00:60Z");
    BAD(DATE_TIME, "1990-12-31T23:59:60+01:00");
    BAD(DATE_TIME, "1990-12-31T23:58:60Z");
    BAD(DATE_TIME, "1990-12-31T22:59:60Z");
    BAD(DATE_TIME, "1990-12-31T23:59:61Z");
    /* RFC 3339 exactly: a space separator (its §5.6 NOTE) but no other
     * blank, and only Z or +HH:MM offsets (ajv-formats is looser here). */
    GOOD(DATE_TIME, "2024-01-01 12:00:00Z");
    BAD(DATE_TIME, "2024-01-01\t12:00:00Z");
    BAD(DATE_TIME, "2024-01-01\xc2\xa0" "12:00:00Z");     /* U+00A0 */
    BAD(DATE_TIME, "2024-01-01\xe3\x80\x80" "12:00:00Z"); /* U+3000 */
    BAD(DATE_TIME, "2024-01-01\xe2\x80\x8b" "12:00:00Z");  /* U+200B */
    BAD(DATE_TIME, "2024-01-01T12:00:00+0530");
    BAD(DATE_TIME, "2024-01-01T12:00:00+05");
    BAD(DATE_TIME, "2024-01-01T12:00:00+053");
    BAD(DATE_TIME, "2024-01-01T12:00:00+24:00");
    GOOD(DATE_TIME, "2024-01-01T12:00:00-00:00");
    GOOD(DATE_TIME, "2024-01-01T12:00:59.99999999999999999999Z"); /* still second 59 */
    GOOD(DATE_TIME, "2024-01-01T12:00:59.9999999999Z");
}

static void test_uuid(void)
{
    GOOD(UUID, "123e4567-e89b-12d3-a456-426614174000");
    GOOD(UUID, "123E4567-E89B-12D3-A456-426614174000");
    GOOD(UUID, "00000000-0000-0000-0000-000000000000");
    BAD(UUID, "urn:uuid:123e4567-e89b-12d3-a456-426614174000"); /* ajv accepts it */
    BAD(UUID, "URN:UUID:123e4567-e89b-12d3-a456-426614174000");
    BAD(UUID, "urn:uuid:");
    BAD(UUID, "urn\x1auuid:123e4567-e89b-12d3-a456-426614174000");
    BAD(UUID, "123e4567e89b12d3a456426614174000");
    BAD(UUID, "{123e4567-e89b-12d3-a456-426614174000}");
    BAD(UUID, "123e4567-e89b-12d3-a456-42661417400");
    BAD(UUID, "123e4567-e89b-12d3-a456-4266141740000");
    BAD(UUID, "123e4567-e89b-12d3-a456_426614174000");
    BAD(UUID, "g23e4567-e89b-12d3-a456-426614174000");
    BAD(UUID, " 123e4567-e89b-12d3-a456-426614174000");
    BAD(UUID, "");
}

static void test_uri(void)
{
    GOOD(URI, "https://example.com/a/b?c=d&e=%20#frag");
    GOOD(URI, "mailto:someone@example.com");
    GOOD(URI, "urn:isbn:0451450523");
    GOOD(URI, "a+b-c.d:x");
    GOOD(URI, "http://[::1]:8080/");
    GOOD(URI, "file:///etc/hosts");
    BAD(URI, "http:");
    BAD(URI, "//example.com");
    BAD(URI, "example.com");
    BAD(URI, "1http://x");
    BAD(URI, ":x");
    BAD(URI, "http://exa mple.com");
    BAD(URI, "http://x/<a>");
    BAD(URI, "http://x/\"");
    BAD(URI, "http://x/{a}");
    BAD(URI, "http://x/a|b");
    BAD(URI, "http://x/a\\b");
    BAD(URI, "http://x/a^b");
    BAD(URI, "http://x/a`b");
    BAD(URI, "http://x/%2");
    BAD(URI, "http://x/%zz");
    BAD(URI, "http://x/\xc3\xa9");
    BAD(URI, "");
}

static void test_email(void)
{
    GOOD(EMAIL, "user@example.com");
    GOOD(EMAIL, "first.last+tag@sub.example.co");
    GOOD(EMAIL, "a!#$%&'*+/=?^_`{|}~-@x");
    GOOD(EMAIL, "user@localhost");
    GOOD(EMAIL, "u@a-b.c1");
    BAD(EMAIL, "@example.com");
    BAD(EMAIL, "user@");
    BAD(EMAIL, "user");
    BAD(EMAIL, "user@@example.com");
    BAD(EMAIL, "us er@example.com");
    BAD(EMAIL, "user@-example.com");
    BAD(EMAIL, "user@example-.com");
    BAD(EMAIL, "user@example..com");
    BAD(EMAIL, "user@example.com.");
    BAD(EMAIL, "user@.example.com");
    BAD(EMAIL, "user@exa_mple.com");
    BAD(EMAIL,
        "u@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"); /* 64 */
    GOOD(EMAIL,
         "u@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"); /* 63 */
}

static void test_none(void)
{
    GOOD(NONE, "anything at all");
    GOOD(NONE, "");
    GOOD(UNIX_TIME, "not checked");
    CHECK(specc_format_valid(SPECC_FORMAT_NONE, NULL, 0));
    CHECK(!specc_format_valid(SPECC_FORMAT_DATE, NULL, 0));
    CHECK(!specc_format_valid((specc_format)99, "x", 1));
}

int main(void)
{
    test_date();
    test_date_time();
    test_uuid();
    test_uri();
    test_email();
    test_none();
    if (failures) {
        printf("test_format: %d failed\n", failures);
        return 1;
    }
    printf("test_format: all passed\n");
    return 0;
}
