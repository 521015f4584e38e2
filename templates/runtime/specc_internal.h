/* {{banner}} */
/*
 * specc_internal.h — helpers shared by the runtime's source files. Not part
 * of the public API: names use the private prefix `speccp_`, as jansson uses
 * `jsonp_`.
 */
#ifndef SPECC_INTERNAL_H
#define SPECC_INTERNAL_H

#include "specc.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SPECCP_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
/* For a function with a specc_error or a message buffer on its stack that
 * recursive walks call: kept out of their frames, so that nesting
 * SPECC_MAX_DEPTH deep does not multiply it. */
#define SPECCP_NOINLINE __attribute__((noinline))
#else
#define SPECCP_PRINTF(fmt, args)
#define SPECCP_NOINLINE
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

/* ------------------------------------------- values in messages (core.c)
 *
 * A value shown in a message is shown whole up to SPECCP_SHOW_CHARS
 * characters (code points; an escape counts as the one character it stands
 * for); a longer one is cut at a character boundary after that many, and
 * an ellipsis (U+2026) marks the cut, inside the quotes of a string. A
 * buffer of SPECCP_SHOW_MAX bytes always holds a value shown whole
 * (a smaller one gets fewer characters, still cut at a boundary). */
#define SPECCP_SHOW_CHARS 64
/* 64 characters of at most 12 bytes (a surrogate pair's two escapes in
 * JSON text), two quotes, the ellipsis (3 bytes), the NUL. */
#define SPECCP_SHOW_MAX (SPECCP_SHOW_CHARS * 12 + 6)
#define SPECCP_ELLIPSIS "\xe2\x80\xa6" /* U+2026 in UTF-8 */

/* A decoded string for a message: "abc" or "ab…", '"', '\\' and control
 * characters escaped (\u001f); a byte that is not UTF-8 is one character. */
void speccp_quote(const char *s, size_t len, char *buf, size_t size);

/* JSON text for a message (a number's digits, a discriminator's value, a
 * const): as written, its whitespace as spaces; an escape inside a string
 * (a surrogate pair's two as one) is one character; a string cut inside
 * keeps its closing quote ("abc…"). */
void speccp_show_json(const char *text, size_t len, char *buf, size_t size);

/* Plain text (a pattern) for a message: code points, control characters as
 * spaces, cut as above. */
void speccp_show_plain(const char *text, size_t len, char *buf, size_t size);

/* A list of allowed values for "expected one of ..." messages: listed whole
 * ("\"a\", \"b\"") when that takes at most SPECCP_LIST_BYTES bytes (480),
 * otherwise summarised as "12 values (\"a\", \"b\", …)" with as many
 * leading values as fit in SPECCP_LIST_BYTES; each value shown by the rules
 * above. `item` writes value i (i < count) into buf. size must be at least
 * SPECCP_LIST_MAX. */
#define SPECCP_LIST_BYTES 480
#define SPECCP_LIST_MAX (SPECCP_LIST_BYTES + 1)
typedef void speccp_item_fn(const void *ctx, size_t i, char *buf, size_t size);
void speccp_list(speccp_item_fn *item, const void *ctx, size_t count, char *list, size_t size);

/* vsnprintf into a message buffer; a message too long for it (only a
 * spec's long names can make one) is cut at a character boundary and ends
 * in an ellipsis. */
void speccp_vmessage(char *buf, size_t size, const char *fmt, va_list ap) SPECCP_PRINTF(3, 0);
void speccp_message(char *buf, size_t size, const char *fmt, ...) SPECCP_PRINTF(3, 4);

/* Bytes one stored value of this shape takes inside an array or map (its
 * elem_size when set); 0 for a broken descriptor (callers refuse it). */
size_t speccp_elem_size(const specc_shape *shape);

/* What a value of this shape is, for "expected ..." messages: "integer",
 * "string or object (Source)" for a union. */
void speccp_expected(const specc_shape *shape, char *buf, size_t size);

/* "date", "date-time", "uuid", "uri", "email", "unix-time" (or ""). */
const char *speccp_format_name(specc_format format);

/* "string", "integer", ... as used in "expected integer" messages. */
const char *speccp_kind_name(const specc_shape *shape);

/* Length of the well-formed UTF-8 sequence at s[0] >= 0x80 (with `avail`
 * bytes readable), or 0: no overlongs, no surrogates, <= U+10FFFF. */
size_t speccp_utf8_seq(const unsigned char *s, size_t avail);

/* The first byte in [p, end) that a JSON string cannot carry as it is or
 * that needs a closer look: below 0x20, '"', '\\' or non-ASCII (>= 0x80);
 * end when there is none. Eight bytes at a time: in a word w, a byte below
 * 0x20 is one whose b - 0x20 borrows into bit 7 while its own bit 7 is
 * clear, '"' and '\\' are the bytes whose XOR with them is zero, and
 * (x - 0x01..) & ~x has bit 7 set in some byte exactly when x has a zero
 * byte. Borrows only spill above a byte that is itself flagged, so the
 * test "is any byte flagged" is exact; the byte loop then finds it. */
extern const unsigned char speccp_string_stop[256]; /* 1 for the bytes above */
#define SPECCP_ONES UINT64_C(0x0101010101010101)
#define SPECCP_HIGH UINT64_C(0x8080808080808080)
static inline const unsigned char *speccp_plain_run(const unsigned char *p,
                                                    const unsigned char *end)
{
    while (end - p >= 8) {
        uint64_t w, q, b;
        memcpy(&w, p, sizeof w);
        q = w ^ ('"' * SPECCP_ONES);
        b = w ^ ('\\' * SPECCP_ONES);
        if ((w | ((w - 0x20 * SPECCP_ONES) & ~w) | ((q - SPECCP_ONES) & ~q) |
             ((b - SPECCP_ONES) & ~b)) & SPECCP_HIGH)
            break;
        p += 8;
    }
    while (p < end && !speccp_string_stop[*p])
        p++;
    return p;
}

/* Well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF)? */
bool speccp_utf8_valid(const char *s, size_t len);
/* Number of code points in valid UTF-8. */
size_t speccp_utf8_length(const char *s, size_t len);

/* Copy of s[0..len) with a NUL appended, from specc_alloc; NULL on failure. */
char *speccp_strndup(const char *s, size_t len);

/* Is text[0..len) exactly one JSON number (RFC 8259 grammar)? */
bool speccp_is_json_number(const char *text, size_t len);

/* (specc_double.c) Locale-independent strtod of a JSON number literal,
 * bit for bit what strtod gives (round to nearest): SPECC_OK, or
 * SPECC_ERR_RANGE when the value overflows a double (1e999; underflow to 0
 * is accepted), or SPECC_ERR_NOMEM (long literals need a copy). Literals of
 * up to 19 significant digits with a normal result are read without strtod
 * (but for the rare near ties). */
specc_code speccp_parse_double(const char *text, size_t len, double *out);

/* (specc_double.c) The shortest text that reads back as exactly d (finite):
 * the fewest significant digits of any decimal that strtod rounds to d, of
 * those the nearest to d (a tie to the even last digit). Locale independent,
 * NUL-terminated; returns the length written (at most 24); size must be at
 * least 32. The layout is that of printf's %.{P}g with P = max(15, digits),
 * always with a '.' or an exponent so that it reads back as a real. With the
 * digits d1 d2 ... dn (no trailing zeros) and x the decimal exponent of d1:
 *   -4 <= x < P:  plain decimal, at least one digit after the point:
 *                 "0.1", "0.0001", "123.456", "100.0", "1234567890123456.0"
 *   otherwise:    d1 ['.' d2 ... dn] 'e' sign and at least two exponent
 *                 digits: "1e-05", "1.5e+17", "5e-324", "1e+300"
 * with a leading '-' for negative values, "-0.0" for negative zero. */
size_t speccp_format_double(double d, char *buf, size_t size);

/* Decimal digits of v (exact, INT64_MIN included) into buf (>= 21 bytes);
 * returns the length, no NUL. */
size_t speccp_int_text(int64_t v, char *buf);

/* (specc_double.c) A NUMBER value as JSON text: integral values below 2^53
 * in magnitude as integers ("10", like JavaScript), everything else as
 * speccp_format_double; -0.0 keeps its sign. d must be finite; size >= 32.
 * Returns the length written. */
size_t speccp_number_text(double d, char *buf, size_t size);

/* Does speccp_number_text write d as an integer (integral, below 2^53 in
 * magnitude, not -0.0)? */
static inline bool speccp_number_is_integer(double d)
{
    return d > -9007199254740992.0 && d < 9007199254740992.0 && d == (double)(int64_t)d &&
           !(d == 0 && signbit(d));
}

/* SPECC_ERR_FORMAT "string is not valid UTF-8: \"...\"" at path. */
specc_code speccp_utf8_fail(specc_error *err, const char *s, size_t len, const speccp_path *path);

/* Return from the calling function with the code of `expr` unless it is
 * SPECC_OK. */
#define SPECCP_TRY(expr)                                                                           \
    do {                                                                                           \
        specc_code speccp_try_code_ = (expr);                                                      \
        if (speccp_try_code_ != SPECC_OK)                                                          \
            return speccp_try_code_;                                                               \
    } while (0)

/* Room for `need` elements of `esz` bytes in `old`, a buffer of *cap
 * elements with `used` of them in use. Returns old when it has the room;
 * otherwise a new buffer (capacity doubled from *cap, or from 4, until it
 * holds need) with the used elements copied, old freed and *cap updated;
 * NULL when out of memory or too large, with old and *cap untouched.
 * jansson's allocator has no realloc, hence allocate, copy, free. */
void *speccp_grow(void *old, size_t used, size_t *cap, size_t need, size_t esz);

/* The capacity speccp_grow moves to from `cap` for `need` elements of `esz`
 * bytes (doubling from cap, or from 4); 0 when that many bytes overflow. */
size_t speccp_grown_cap(size_t cap, size_t need, size_t esz);

/* A growing text (the encoder's output, a request target), built with the
 * put functions below. */
typedef struct speccp_buf {
    char *data;       /* from specc_alloc; NULL until the first put */
    size_t len, cap;  /* cap > len whenever data != NULL: room for the NUL */
    specc_error *err; /* where running out of memory is reported */
    const char *what; /* the text, named in that report: "the encoded text" */
} speccp_buf;

#define SPECCP_BUF_INIT(err, what) {NULL, 0, 0, (err), (what)}

/* Room for n more bytes and the final NUL: SPECC_OK, or SPECC_ERR_NOMEM
 * (reported through b->err) with the buffer unchanged. */
specc_code speccp_buf_grow(speccp_buf *b, size_t n);

/* The text, NUL-terminated (b->len bytes before the NUL), for the caller to
 * specc_free; b no longer owns it. NULL after SPECC_ERR_NOMEM when there
 * is no buffer yet and none can be had. */
char *speccp_buf_take(speccp_buf *b);

/* Append n bytes (SPECC_OK or speccp_buf_grow's failure). Inline: the
 * encoder calls these for every token it writes. */
static inline specc_code speccp_buf_put(speccp_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len <= n)
        SPECCP_TRY(speccp_buf_grow(b, n));
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    return SPECC_OK;
}

static inline specc_code speccp_buf_put_char(speccp_buf *b, char c)
{
    if (b->cap - b->len <= 1)
        SPECCP_TRY(speccp_buf_grow(b, 1));
    b->data[b->len++] = c;
    return SPECC_OK;
}

/* Is key[0..len) the JSON name of one of the type's declared fields? */
bool speccp_is_declared(const specc_type *type, const char *key, size_t len);

/* A hash set of keys (open addressing; the keys are borrowed, not copied),
 * so that maps and unknown-field lists are checked for repeated keys in
 * linear time. */
typedef struct speccp_keyslot {
    const char *key; /* NULL = empty */
    size_t len;
} speccp_keyslot;
typedef struct speccp_keyset {
    speccp_keyslot *slots;
    size_t mask;
    size_t seed;
} speccp_keyset;

/* Room for count keys; false when out of memory. */
bool speccp_keyset_init(speccp_keyset *set, size_t count);
/* Add key[0..len) (key not NULL); false when an equal key is already in. */
bool speccp_keyset_add(speccp_keyset *set, const char *key, size_t len);
void speccp_keyset_free(speccp_keyset *set);

/* ----------------------------------------------------- arenas (arena.c) */

/* `size` bytes aligned to `align` (a power of two, at most 16) from the
 * arena; NULL when out of memory. Never freed on its own. */
void *speccp_arena_alloc(specc_arena *arena, size_t size, size_t align);

/* `old` (old_size bytes, from this arena, or NULL) with room for new_size
 * >= old_size bytes: extended in place when it is the arena's last
 * allocation and the block has room, otherwise copied to a new allocation.
 * NULL when out of memory, old then unchanged. */
void *speccp_arena_grow(specc_arena *arena, void *old, size_t old_size, size_t new_size,
                        size_t align);

/* Hold the reference `json` until the arena is reset; false when out of
 * memory (the caller still owns it then). */
bool speccp_arena_keep_json(specc_arena *arena, json_t *json);

/* -------------------------------------------------- raw JSON (decode.c) */

/* Is text[0..len) exactly one JSON value by the decoder's rules (RFC 8259,
 * UTF-8, no duplicate keys, nesting within SPECC_MAX_DEPTH counting the
 * `depth` containers around it)? SPECC_OK or the decoder's error, its path
 * below `path`, with line and column set to 0. */
specc_code speccp_json_check(const char *text, size_t len, const speccp_path *path,
                             unsigned depth, specc_error *err);

/* ------------------------------------------- unknown fields (unknown.c) */

/* Add a member (the key and value text are copied, into `arena` when it is
 * not NULL); false when out of memory, the list then unchanged. No checks:
 * the decoder's own use. */
bool speccp_unknown_append(specc_arena *arena, specc_unknown *unknown, const char *key,
                           size_t key_len, const char *json, size_t json_len);

/* Check a list before it is written: members not NULL, keys UTF-8, none a
 * declared field of `type` or repeated, values well-formed JSON (inside
 * `depth` containers). Calls `each` (may be NULL) with every problem, or
 * only the first unless `all`, and returns how many were reported
 * (running out of memory is one, SPECC_ERR_NOMEM). */
size_t speccp_unknown_check(const specc_type *type, const specc_unknown *unknown,
                            const speccp_path *path, unsigned depth, bool all,
                            specc_error_fn *each, void *ctx);

/* ------------------------------------ equality by value (text_equal.c) */

/* Two JSON texts by value (see specc_equal); never allocates for values
 * whose objects list their keys in the same order. Safe on text that is
 * not well-formed, with an unspecified answer. */
bool speccp_text_equal(const char *a, size_t alen, const char *b, size_t blen);

/* Two kept lists by JSON value, in any order (see specc_equal). */
bool speccp_unknown_equal(const specc_unknown *a, const specc_unknown *b);

/* ------------------------------------------ values by shape (value.c) */

/* Deep equality (specc_equal's rules) of two stored values of `shape`: in
 * place as array items are (the element struct when elem_size is set;
 * OBJECT as a T), or as a T * with `ptr` (fields, variants). Deeper than
 * SPECC_MAX_DEPTH: unequal. */
bool speccp_equal_slot(const specc_shape *shape, const void *a, const void *b, bool ptr,
                       unsigned depth);

/* Free what the stored value at p owns (an element as dec_slot stores it;
 * with `ptr`, OBJECT as a T *, as fields and variants hold it) and zero it,
 * which is its initial state. */
void speccp_drop_slot(const specc_shape *shape, void *p, bool ptr);

/* A field's member at p (OBJECT as a T *), as its state sees it. lacks:
 * nothing a SPECC_PRESENT state could stand for (a NULL string, object or
 * json value, a decimal without text, a union without a variant).
 * has_content: something a SPECC_ABSENT or SPECC_NULL state would leave
 * unsent (those, or an array's or map's entries). Scalars are neither. */
bool speccp_member_lacks_value(const specc_shape *shape, const void *p);
bool speccp_member_has_content(const specc_shape *shape, const void *p);

/* A hash of a stored value that equal values share (speccp_equal_slot). */
uint64_t speccp_hash_slot(const specc_shape *shape, const void *p, bool ptr, unsigned depth);

/* A hash of JSON text that texts equal by speccp_text_equal share. */
uint64_t speccp_text_hash(const char *text, size_t len);

/* The kind member of a union stored at base. */
static inline int speccp_union_kind(const specc_union *u, const void *base)
{
    int kind;
    memcpy(&kind, (const char *)base + u->kind_offset, sizeof kind);
    return kind;
}

static inline bool speccp_is_open_enum(const specc_shape *sh)
{
    return sh->kind == SPECC_KIND_ENUM && (sh->flags & SPECC_S_OPEN_ENUM);
}

/* ------------------------------------------------- one value (encode.c) */

/* A bare value (OBJECT in place; `other` the text of an open enum's
 * unknown value, or NULL) as new JSON text (specc_free it), for const and
 * discriminator checks; NULL on failure, with *err filled. */
char *speccp_value_text(const specc_shape *shape, const void *p, const char *other, size_t *len,
                        specc_error *err);

/* ------------------------- shared by the two decoders (core.c) */

/* The values of a closed string enum ("\"a\", \"b\"") and of a closed
 * integer enum ("0, 1") for "expected one of ..." messages, by speccp_list's
 * rules; a union's discriminator tags likewise. size >= SPECCP_LIST_MAX. */
void speccp_enum_list(const specc_shape *shape, char *list, size_t size);
void speccp_int_enum_list(const specc_shape *shape, char *list, size_t size);
void speccp_tag_list(const specc_union *u, char *list, size_t size);

/* The JSON kind of a value, as unions choose variants by it. */
typedef enum speccp_jkind {
    SPECCP_JK_STRING,
    SPECCP_JK_INTEGER, /* a number literal without fraction or exponent */
    SPECCP_JK_NUMBER,
    SPECCP_JK_BOOLEAN,
    SPECCP_JK_OBJECT,
    SPECCP_JK_ARRAY,
    SPECCP_JK_OTHER /* null, or not a value */
} speccp_jkind;

/* The variant for a value of kind k (without a discriminator), or
 * variant_count: an integer literal goes to the first INTEGER or INT32
 * variant if any, everything else to the first variant that takes it. */
size_t speccp_pick_by_kind(const specc_union *u, speccp_jkind k);

/* The first variant whose tag equals the discriminator's JSON text (by
 * JSON value), or variant_count. */
size_t speccp_pick_by_tag(const specc_union *u, const char *text, size_t len);

/* ------------------------------------------------- unions (decode.c) */

/* The union kind decoding text[0..len) would choose (0 when a closed union
 * refuses it, variant_count + 1 when an open one keeps it), by the rules in
 * specc.h; the text is assumed well-formed. SPECC_ERR_NOMEM when out of
 * memory. */
specc_code speccp_union_pick(const specc_union *u, const char *text, size_t len, int *kind);

/* A jansson value by the decoder's rules, as kept unknown texts are read
 * (specc_decode_any_text's rules: duplicate keys, depth counting the `depth`
 * containers around it, numbers jansson cannot hold are SPECC_ERR_RANGE),
 * errors with paths below `path` and line and column 0. */
specc_code speccp_any_text(const char *text, size_t len, const speccp_path *path, unsigned depth,
                           json_t **out, specc_error *err);

/* ------------------------------------------ jansson values (encode.c) */

/* Append the compact text of a jansson value (`depth` containers around
 * it) to *b, spelled as the encoder writes `any` values: strings escaped
 * minimally, integers as digits, reals as speccp_format_double. Fails on a
 * string that is not UTF-8, nesting deeper than SPECC_MAX_DEPTH (also a
 * cycle) and memory (reported through b->err). */
specc_code speccp_json_text(const json_t *j, speccp_buf *b, const speccp_path *path,
                            unsigned depth);

/* A deep copy of a jansson value, checked as speccp_json_text checks it;
 * *out NULL on failure. */
specc_code speccp_json_copy(const json_t *j, json_t **out, const speccp_path *path,
                            unsigned depth, specc_error *err);

/* ------------------------------------------- one shape (validate.c) */

/* Validate a bare value of `shape` (as a field's member, without an other
 * text) at `path`; returns the number of violations. For request
 * parameters. */
size_t speccp_validate_shape(const specc_shape *shape, const void *p, const speccp_path *path,
                             specc_error_fn *each, void *ctx);

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
