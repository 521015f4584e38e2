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
    /* The local part is dot-separated atoms (RFC 5321 Dot-string). */
    GOOD(EMAIL, "a.b.c@example.com");
    BAD(EMAIL, ".a@example.com");
    BAD(EMAIL, "a.@example.com");
    BAD(EMAIL, "a..b@example.com");
    BAD(EMAIL, ".@example.com");
    BAD(EMAIL,
        "u@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"); /* 64 */
    GOOD(EMAIL,
         "u@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"); /* 63 */
}

static void test_hostname(void)
{
    GOOD(HOSTNAME, "example.com");
    GOOD(HOSTNAME, "a");
    GOOD(HOSTNAME, "A-1.b-2.C3");
    GOOD(HOSTNAME, "123");
    GOOD(HOSTNAME, "1.2.3.4");
    GOOD(HOSTNAME, "xn--bcher-kva.example");
    GOOD(HOSTNAME, "example.com."); /* fully qualified */
    GOOD(HOSTNAME, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b"); /* 63 */
    BAD(HOSTNAME, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b"); /* 64 */
    BAD(HOSTNAME, "");
    BAD(HOSTNAME, ".");
    BAD(HOSTNAME, "example..com");
    BAD(HOSTNAME, ".example.com");
    BAD(HOSTNAME, "example.com..");
    BAD(HOSTNAME, "-a.com");
    BAD(HOSTNAME, "a-.com");
    BAD(HOSTNAME, "a_b.com");
    BAD(HOSTNAME, "a b");
    BAD(HOSTNAME, "h\xc3\xa9.com");
    BAD(HOSTNAME, "a:80");
}

/* 253 bytes is the longest name; 254 with a final dot still is. */
static void test_hostname_length(void)
{
    char name[300];
    size_t i;
    for (i = 0; i < 253; i++)
        name[i] = i % 2 ? '.' : 'a';
    name[253] = '\0';
    CHECK(specc_format_valid(SPECC_FORMAT_HOSTNAME, name, 253));
    name[253] = '.';
    CHECK(specc_format_valid(SPECC_FORMAT_HOSTNAME, name, 254));
    name[253] = '\0';
    name[252] = 'b';
    name[253] = 'c';
    CHECK(!specc_format_valid(SPECC_FORMAT_HOSTNAME, name, 254));
}

static void test_ipv4(void)
{
    GOOD(IPV4, "0.0.0.0");
    GOOD(IPV4, "192.168.1.1");
    GOOD(IPV4, "255.255.255.255");
    GOOD(IPV4, "10.0.0.10");
    BAD(IPV4, "256.0.0.1");
    BAD(IPV4, "1.2.3");
    BAD(IPV4, "1.2.3.4.5");
    BAD(IPV4, "01.2.3.4");
    BAD(IPV4, "1.2.3.04");
    BAD(IPV4, "1.2.3.");
    BAD(IPV4, ".1.2.3");
    BAD(IPV4, "1..2.3");
    BAD(IPV4, "1.2.3.4 ");
    BAD(IPV4, "1.2.3.a");
    BAD(IPV4, "1000.2.3.4");
    BAD(IPV4, "");
    BAD(IPV4, "::1");
}

static void test_ipv6(void)
{
    GOOD(IPV6, "::");
    GOOD(IPV6, "::1");
    GOOD(IPV6, "1::");
    GOOD(IPV6, "2001:db8::8a2e:370:7334");
    GOOD(IPV6, "2001:0db8:0000:0000:0000:ff00:0042:8329");
    GOOD(IPV6, "FE80::0202:B3FF:FE1E:8329");
    GOOD(IPV6, "1:2:3:4:5:6:7:8");
    GOOD(IPV6, "1:2:3:4:5:6:7::");
    GOOD(IPV6, "::2:3:4:5:6:7:8");
    GOOD(IPV6, "1::8");
    GOOD(IPV6, "::ffff:192.0.2.128");
    GOOD(IPV6, "1:2:3:4:5:6:1.2.3.4");
    GOOD(IPV6, "1::1.2.3.4");
    GOOD(IPV6, "::1.2.3.4");
    GOOD(IPV6, "1:2:3:4:5::1.2.3.4");
    BAD(IPV6, "");
    BAD(IPV6, ":");
    BAD(IPV6, ":::");
    BAD(IPV6, "1:2:3:4:5:6:7");
    BAD(IPV6, "1:2:3:4:5:6:7:8:9");
    BAD(IPV6, "1:2:3:4:5:6:7:8::");
    BAD(IPV6, "::1:2:3:4:5:6:7:8");
    BAD(IPV6, "1::2::3");
    BAD(IPV6, "1:::2");
    BAD(IPV6, ":1:2:3:4:5:6:7");
    BAD(IPV6, "1:2:3:4:5:6:7:");
    BAD(IPV6, "12345::");
    BAD(IPV6, "g::");
    BAD(IPV6, "1:2:3:4:5:6:7:1.2.3.4");
    BAD(IPV6, "1:2:3:4:5:6::1.2.3.4");
    BAD(IPV6, "::1.2.3");
    BAD(IPV6, "::01.2.3.4");
    BAD(IPV6, "1.2.3.4::");
    BAD(IPV6, "1.2.3.4");
    BAD(IPV6, "fe80::1%eth0");
    BAD(IPV6, "[::1]");
    BAD(IPV6, " ::1");
}

static void test_byte(void)
{
    GOOD(BYTE, "");
    GOOD(BYTE, "QQ==");
    GOOD(BYTE, "QUI=");
    GOOD(BYTE, "QUJD");
    GOOD(BYTE, "aGVsbG8gd29ybGQ=");
    GOOD(BYTE, "+/+/");
    GOOD(BYTE, "QR=="); /* non-zero padding bits: accepted, as ajv-formats does */
    BAD(BYTE, "Q");
    BAD(BYTE, "QQ");
    BAD(BYTE, "QQ=");
    BAD(BYTE, "Q===");
    BAD(BYTE, "====");
    BAD(BYTE, "QQ==QQ==");
    BAD(BYTE, "Q=Q=");
    BAD(BYTE, "QUJD\n");    /* ajv-formats accepts this (multi-line regular expression) */
    BAD(BYTE, "QUJ D");
    BAD(BYTE, "QUJ-");
    BAD(BYTE, "QUJ_");
    BAD(BYTE, "QQ==\nQUJD"); /* ajv-formats accepts this (a line of it matches) */
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
    test_hostname();
    test_hostname_length();
    test_ipv4();
    test_ipv6();
    test_byte();
    test_none();
    if (failures) {
        printf("test_format: %d failed\n", failures);
        return 1;
    }
    printf("test_format: all passed\n");
    return 0;
}
