/* {{banner}} */
/*
 * specc_internal.h — helpers shared by the runtime's source files. Not part
 * of the public API: names use the private prefix `speccp_`, as jansson uses
 * `jsonp_`.
 */
#ifndef SPECC_INTERNAL_H
#define SPECC_INTERNAL_H

#include "specc.h"

#include <stdarg.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SPECCP_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define SPECCP_PRINTF(fmt, args)
#endif

/* One step of a JSON path, kept on the C stack while walking a value: the
 * innermost step points to its parent; the root is NULL (printed "$"). */
typedef struct speccp_path {
    const struct speccp_path *parent;
    const char *key; /* object key (not NUL-terminated), or NULL for an index */
    size_t key_len;
    size_t index;
} speccp_path;

/* Fill *err (when not NULL): code, path, printf-style message; line and
 * column are set to 0. Returns code, so callers can `return speccp_fail(...)`. */
specc_code speccp_fail(specc_error *err, specc_code code, const speccp_path *path,
                       const char *fmt, ...) SPECCP_PRINTF(4, 5);
specc_code speccp_vfail(specc_error *err, specc_code code, const speccp_path *path,
                        const char *fmt, va_list ap) SPECCP_PRINTF(4, 0);

/* Render a path ("$.a[1]['b c']") into buf; never overflows, never fails. */
void speccp_path_format(const speccp_path *path, char *buf, size_t size);

/* Quote up to `max` bytes of s for a message: "abc" or "abc..." (escaped). */
void speccp_quote(const char *s, size_t len, size_t max, char *buf, size_t size);

/* Bytes one stored value of this shape takes inside an array or map. */
size_t speccp_elem_size(const specc_shape *shape);

/* "string", "integer", ... as used in "expected integer" messages. */
const char *speccp_kind_name(const specc_shape *shape);

/* Well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF)? */
bool speccp_utf8_valid(const char *s, size_t len);
/* Number of code points in valid UTF-8. */
size_t speccp_utf8_length(const char *s, size_t len);

/* Copy of s[0..len) with a NUL appended, from specc_alloc; NULL on failure. */
char *speccp_strndup(const char *s, size_t len);

/* Is text[0..len) exactly one JSON number (RFC 8259 grammar)? */
bool speccp_is_json_number(const char *text, size_t len);

/* Locale-independent strtod of a JSON number literal: SPECC_OK, or
 * SPECC_ERR_RANGE when the value overflows a double (1e999; underflow to 0
 * is accepted), or SPECC_ERR_NOMEM (long literals need a copy). */
specc_code speccp_parse_double(const char *text, size_t len, double *out);

/* Shortest text that reads back as exactly d (finite), always with a '.' or
 * an exponent so that it reads back as a real. Returns the length written;
 * size must be at least 32. */
size_t speccp_format_double(double d, char *buf, size_t size);

/* Unaligned-safe access to pointer members found by offset. */
static inline void *speccp_get_ptr(const void *base, size_t offset)
{
    void *p;
    memcpy(&p, (const char *)base + offset, sizeof p);
    return p;
}
static inline void speccp_set_ptr(void *base, size_t offset, const void *p)
{
    memcpy((char *)base + offset, &p, sizeof p);
}

#endif /* SPECC_INTERNAL_H */
