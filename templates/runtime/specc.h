/* {{banner}} */
/*
 * specc.h — the runtime shared by every specc-generated binding.
 *
 * Generated code is mostly data: for every type in a spec, a struct and a
 * `const specc_type` descriptor listing its fields (JSON name, C offset, kind,
 * flags, constraints). The functions below walk those descriptors; the typed
 * wrappers in each API's header (`api_thing_decode_text` ...) call them. All
 * behaviour lives here, once, for every API.
 *
 * Ownership: every pointer in a decoded struct is owned by that struct and is
 * released by specc_clear() (the generated `_clear`). Memory comes from
 * jansson's allocator (json_set_alloc_funcs), so one hook covers both.
 */
#ifndef SPECC_H
#define SPECC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#if JANSSON_VERSION_HEX < 0x020e00
#error "specc needs jansson 2.14 or later (json_object_getn, json_object_iter_key_len)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Generated headers refuse to compile against a different runtime. */
#define SPECC_RUNTIME_VERSION 5

/* Input limits (see README, "Guarantees and limits"). */
#define SPECC_MAX_DEPTH 512   /* nesting of arrays/objects in decoded text */
#define SPECC_PATH_MAX 256    /* bytes of specc_error.path, NUL included */
/* Bytes of specc_error.message, NUL included (2048 since runtime version
 * 5; 256 before). Messages never cut a value in half: a value shown in one
 * (a string, a number's text, an enum value, a key, a discriminator) is
 * shown whole up to 64 characters (code points; an escape counts as the one
 * character it stands for), and a longer one is cut at a character boundary
 * after 64, an ellipsis (U+2026) marking the cut, inside the quotes of a
 * string: "got string \"aaaa…\"". A list of allowed values (closed enums,
 * discriminator tags) is written whole when it takes at most 480 bytes,
 * each value shown by that rule; otherwise it is summarised, with as many
 * leading values as fit in 480 bytes: "expected one of 12 values (\"a\",
 * \"b\", …)". The longest message these rules give (about 1600 bytes)
 * fits; only a spec's very long names could make a message longer, and it
 * is then cut at a character boundary, ending in an ellipsis. */
#define SPECC_MESSAGE_MAX 2048

#if defined(__GNUC__) || defined(__clang__)
#define SPECC_CHECK_RESULT __attribute__((warn_unused_result))
#else
#define SPECC_CHECK_RESULT
#endif

/* ---------------------------------------------------------------- errors */

typedef enum specc_code {
    SPECC_OK = 0,
    SPECC_ERR_SYNTAX,        /* input text is not JSON; line/column set */
    SPECC_ERR_DUPLICATE_KEY, /* an object repeats a key */
    SPECC_ERR_DEPTH,         /* nesting deeper than SPECC_MAX_DEPTH */
    SPECC_ERR_TYPE,          /* wrong JSON type (a fraction for an integer too) */
    SPECC_ERR_MISSING,       /* a required key is absent (or NULL in a struct) */
    SPECC_ERR_NULL,          /* null where the spec does not allow it */
    SPECC_ERR_RANGE,         /* integer beyond int64, number beyond double, NaN */
    SPECC_ERR_NUL,           /* a string holds U+0000 where C needs a C string */
    SPECC_ERR_ENUM,          /* value not in a closed enum */
    SPECC_ERR_UNKNOWN_FIELD, /* key not in the spec and the type rejects them */
    SPECC_ERR_FORMAT,        /* date, date-time, uuid, uri, email, decimal, UTF-8 */
    SPECC_ERR_MINIMUM,
    SPECC_ERR_MAXIMUM,
    SPECC_ERR_MIN_LENGTH,
    SPECC_ERR_MAX_LENGTH,
    SPECC_ERR_MIN_ITEMS,
    SPECC_ERR_MAX_ITEMS,
    SPECC_ERR_PATTERN,
    SPECC_ERR_STATUS,  /* HTTP status with no declared response */
    SPECC_ERR_PARAM,   /* request parameter missing or not encodable */
    SPECC_ERR_INVALID, /* struct state that JSON cannot express */
    SPECC_ERR_NOMEM,   /* an allocation failed */
    /* Runtime version 3: */
    SPECC_ERR_MULTIPLE_OF, /* not a multiple of multipleOf */
    SPECC_ERR_UNIQUE,      /* an array item equals an earlier one (uniqueItems) */
    SPECC_ERR_CONST,       /* not the value `const` demands */
    SPECC_ERR_READ_ONLY,   /* a readOnly field present in a request body */
    SPECC_ERR_WRITE_ONLY   /* a writeOnly field present in a response */
} specc_code;

typedef struct specc_error {
    specc_code code;
    int line;   /* 1-based position in decoded text; 0 when not from text */
    int column; /* 1-based, in bytes */
    /* JSON path in JSON names: $.products[1].name, $['odd key']. A path too
     * long for the buffer keeps its start and end with "..." between. */
    char path[SPECC_PATH_MAX];
    char message[SPECC_MESSAGE_MAX]; /* "expected integer, got string \"7\"" */
} specc_error;

/* Called once per violation by specc_validate() and specc_validate_as(). */
typedef void specc_error_fn(const specc_error *error, void *ctx);

/* Stable lower-case name of a code: "type", "missing", "format" ... */
const char *specc_code_name(specc_code code);

/* ----------------------------------------------------------- descriptors */

typedef enum specc_state {
    SPECC_ABSENT = 0, /* key not in the JSON object */
    SPECC_NULL = 1,   /* key present with value null */
    SPECC_PRESENT = 2 /* key present with a value */
} specc_state;

typedef enum specc_kind {
    SPECC_KIND_STRING,  /* char *                                      */
    SPECC_KIND_INTEGER, /* int64_t                                     */
    SPECC_KIND_NUMBER,  /* double                                      */
    SPECC_KIND_BOOLEAN, /* bool                                        */
    SPECC_KIND_DECIMAL, /* specc_decimal                               */
    SPECC_KIND_ANY,     /* json_t * (owned reference)                  */
    SPECC_KIND_ENUM,    /* a generated C enum, int-sized (string enum) */
    SPECC_KIND_OBJECT,  /* T * in a field, T in an array or map        */
    SPECC_KIND_ARRAY,   /* specc_array layout                          */
    SPECC_KIND_MAP,     /* specc_map layout                            */
    /* Runtime version 3: */
    SPECC_KIND_INT32,   /* int32_t: an integer literal in [-2^31, 2^31-1] */
    SPECC_KIND_UNION    /* a tagged union in place, described by shape->union_ */
} specc_kind;

typedef enum specc_format {
    SPECC_FORMAT_NONE = 0,
    SPECC_FORMAT_DATE,      /* string: RFC 3339 full-date */
    SPECC_FORMAT_DATE_TIME, /* string: RFC 3339 date-time ('T', 't' or ' ';
                               offset Z or +HH:MM; :60 only at 23:59 UTC) */
    SPECC_FORMAT_UUID,      /* string: 8-4-4-4-12 hex digits, any case */
    SPECC_FORMAT_URI,       /* string: RFC 3986 URI with a scheme */
    SPECC_FORMAT_EMAIL,     /* string: local@domain */
    SPECC_FORMAT_UNIX_TIME, /* integer: seconds since 1970 (no check) */
    /* Runtime version 3 (string formats, as ajv-formats checks them unless
     * noted in specc_format.c): */
    SPECC_FORMAT_HOSTNAME, /* RFC 1123 host name: dot-separated labels of 1-63
                              letters, digits and '-' (not first or last),
                              at most 253 bytes; one final '.' allowed */
    SPECC_FORMAT_IPV4,     /* dotted quad, each part 0-255, no leading zeros */
    SPECC_FORMAT_IPV6,     /* RFC 4291 text forms: 8 groups of 1-4 hex digits,
                              one '::', an IPv4 tail; no zone (%eth0) */
    SPECC_FORMAT_BYTE      /* RFC 4648 base64, standard alphabet, padded to a
                              multiple of 4; "" allowed; no line breaks */
} specc_format;

typedef enum specc_unknown_policy {
    SPECC_UNKNOWN_PRESERVE = 0, /* keep in `_unknown` as sent, write back on encode */
    SPECC_UNKNOWN_IGNORE,       /* drop silently */
    SPECC_UNKNOWN_REJECT        /* SPECC_ERR_UNKNOWN_FIELD */
} specc_unknown_policy;

/* A decimal keeps its exact spelling: "0.13" stays "0.13", 0.50 stays 0.50. */
typedef struct specc_decimal {
    char *text;     /* JSON number grammar, owned */
    bool is_string; /* true: written as a JSON string, false: as a number */
} specc_decimal;

/* One key the spec does not declare, kept exactly as it was sent. Read the
 * members freely; change them only through specc_unknown_set/_remove (key
 * and json are one allocation, owned by the list). */
typedef struct specc_unknown_member {
    char *key;       /* decoded key, NUL-terminated; key_len bytes (a key may hold U+0000) */
    size_t key_len;
    char *json;      /* the value's JSON text byte for byte as sent, NUL-terminated */
    size_t json_len;
} specc_unknown_member;

/* The `_unknown` member of every type that preserves unknown keys: its
 * undeclared keys in input order. All zero is the empty list. */
typedef struct specc_unknown {
    specc_unknown_member *members;
    size_t count;
} specc_unknown;

/* Layout shared by every generated array member: struct { T *items; size_t count; } */
typedef struct specc_array {
    void *items;
    size_t count;
} specc_array;

/* Layout shared by every generated map member; keys keep input order. */
typedef struct specc_map {
    char **keys;
    void *values;
    size_t count;
} specc_map;

struct specc_type;
struct specc_union;

/* Flags of a specc_shape. */
#define SPECC_S_MINIMUM 0x0001u
#define SPECC_S_MAXIMUM 0x0002u
#define SPECC_S_MIN_LENGTH 0x0004u
#define SPECC_S_MAX_LENGTH 0x0008u
#define SPECC_S_MIN_ITEMS 0x0010u
#define SPECC_S_MAX_ITEMS 0x0020u
#define SPECC_S_OPEN_ENUM 0x0040u /* unknown enum values are kept */
#define SPECC_S_INT_ENUM 0x0080u  /* INTEGER kind restricted to enum_ints */
/* Runtime version 3: */
#define SPECC_S_NULLABLE 0x0100u  /* element (elem_size set): null allowed, state member */
#define SPECC_S_EXCLUSIVE_MINIMUM 0x0200u /* min_int/min_num is an exclusive bound */
#define SPECC_S_EXCLUSIVE_MAXIMUM 0x0400u /* max_int/max_num is an exclusive bound */
#define SPECC_S_MULTIPLE_OF 0x0800u /* INTEGER/INT32: multiple_int; NUMBER/DECIMAL: multiple_num */
#define SPECC_S_UNIQUE_ITEMS 0x1000u /* ARRAY: no two items equal (specc_equal's rules) */
#define SPECC_S_CONST 0x2000u       /* the value must equal const_json */
#define SPECC_S_READ_ONLY 0x4000u   /* field: must be absent in a request (specc_validate_as) */
#define SPECC_S_WRITE_ONLY 0x8000u  /* field: must be absent in a response (specc_validate_as) */
/* As in OpenAPI, SPECC_F_REQUIRED on a readOnly field holds for responses
 * only, on a writeOnly field for requests only: the decoder does not
 * demand them, specc_validate does not report them absent, and
 * specc_validate_as does in the direction that needs them. Such fields
 * should have a state member; without one, a NULL string or object is
 * absent (not written), and a scalar is always present. */

/*
 * What one value is: its kind and everything that constrains it.
 *
 * Where a value is stored: in a field, at the field's offset (OBJECT as a
 * T *, owned); as an array item or map value, in place (OBJECT as a T);
 * as a union variant, at the union's value_offset (OBJECT as a T *); as the
 * value of a SPECC_TYPE_VALUE type, in place at offset 0.
 *
 * Elements that are more than a value (runtime version 3): when elem_size
 * is not 0, an item, map value, union variant or VALUE type's value is a
 * generated struct of elem_size bytes, e.g. `struct { specc_state state;
 * int64_t value; }` or `struct { int value; char *other; }`: the value sits
 * at value_offset; with SPECC_S_NULLABLE a specc_state member (SPECC_NULL
 * or SPECC_PRESENT) at state_offset says whether it is null; an ENUM with
 * SPECC_S_OPEN_ENUM keeps an unknown value's text in the char * member at
 * other_offset (with elem_size 0, as in version 2, an unknown value inside
 * an array or map keeps only the number enum_count). Field shapes do not
 * use these members (fields have their own state and other offsets).
 *
 * Bounds (version 3): SPECC_S_EXCLUSIVE_MINIMUM makes min_int/min_num a
 * bound by itself (SPECC_S_MINIMUM need not be set) and an exclusive one;
 * the same for maxima. A shape has one lower and one upper bound: a spec
 * with both `minimum` and `exclusiveMinimum` gives the stricter.
 */
typedef struct specc_shape {
    specc_kind kind;
    specc_format format;
    unsigned flags;                   /* SPECC_S_* */
    int64_t min_int, max_int;         /* INTEGER bounds */
    double min_num, max_num;          /* NUMBER and DECIMAL bounds */
    size_t min_length, max_length;    /* STRING length in code points */
    size_t min_items, max_items;      /* ARRAY and MAP entry counts */
    const char *pattern;              /* STRING: POSIX ERE, unanchored; or NULL */
    const char *const *enum_names;    /* ENUM: JSON spellings, index = C value */
    const int64_t *enum_ints;         /* INTEGER with SPECC_S_INT_ENUM */
    size_t enum_count;
    const struct specc_type *type;    /* OBJECT */
    const struct specc_shape *items;  /* ARRAY items, MAP values */
    /* Runtime version 3 (all 0 = not used): */
    const struct specc_union *union_; /* UNION */
    size_t elem_size;    /* elements: sizeof the generated element struct, or 0 */
    size_t state_offset; /* elements, SPECC_S_NULLABLE: the specc_state member */
    size_t value_offset; /* elements: the value in the element struct */
    size_t other_offset; /* elements, open ENUM: the char * member for unknown text */
    int64_t multiple_int; /* INTEGER/INT32 with SPECC_S_MULTIPLE_OF (> 0) */
    double multiple_num;  /* NUMBER/DECIMAL with SPECC_S_MULTIPLE_OF (> 0): valid
                             when value / multiple_num is an integer in double
                             arithmetic, as ajv checks it (0.5 is a multiple of
                             0.1, 0.3 is not); decimals are read as doubles */
    const char *const_json; /* SPECC_S_CONST: the JSON text of the constant,
                               compared by JSON value (as specc_equal does) */
} specc_shape;

/*
 * Unions (`oneOf`), runtime version 3. The generated struct is
 *
 *     typedef struct api_ref {
 *         api_ref_kind_t kind;  // 0: no value; i + 1: variants[i]; count + 1: other
 *         union { char *string; api_customer_t *customer; } as;
 *         char *other;          // open unions only: the value's JSON text as sent
 *     } api_ref_t;
 *
 * stored in place wherever the union is used (a field, an item, a VALUE
 * type). A variant's value lives at value_offset: OBJECT variants as a T *
 * (owned), the others as in a field, or, with the variant shape's
 * elem_size set, as an element struct (see specc_shape).
 *
 * Decoding without a discriminator chooses by the JSON kind of the value:
 * the first variant (in order) that reads that kind, except that an integer
 * literal goes to the first INTEGER or INT32 variant if there is one.
 * Strings: STRING, ENUM, DECIMAL; numbers: NUMBER, DECIMAL (and integers
 * INTEGER, INT32); true/false: BOOLEAN; objects: OBJECT, MAP; arrays: ARRAY;
 * ANY takes every value but null; a UNION variant takes what one of its
 * variants takes (a union directly inside a union counts as one level of
 * nesting). null is never a variant: it is the field's (or element's)
 * nullable state. No variant: an open union keeps the text in `other`,
 * a closed one is SPECC_ERR_TYPE ("expected string or object (Source), got
 * number 7").
 *
 * With a discriminator, an object's members are scanned (nothing built) up
 * to the discriminator key, whose value's JSON
 * text is compared by JSON value with each variant's tag (escapes decoded:
 * "\u0070ush" equals "push"; the first equal tag wins). Absent:
 * default_variant, or SPECC_ERR_MISSING at the key; unmapped: an open
 * union keeps the whole object's text in `other`, a closed one is
 * SPECC_ERR_ENUM at the key ("expected one of \"push\", \"star\", got
 * 5"). Then the object is decoded as the chosen variant (the key is a
 * field of the variant's type, or an unknown key it keeps, ignores or
 * rejects); a key repeated is SPECC_ERR_DUPLICATE_KEY there. A value that
 * is not an object goes, by its JSON kind, to a variant that is not an
 * object (Stripe's "an id, or one of several objects": `oneOf: [string,
 * Card, BankAccount]` with a discriminator), or is SPECC_ERR_TYPE.
 *
 * Encoding writes the active variant (kind 0 is SPECC_ERR_INVALID "union
 * has no value"; `other` is checked to be one JSON value, then written as
 * it is). A NUMBER variant of a union in which an integer literal would
 * choose another variant is written with a '.' or an exponent (7.0), so
 * that it decodes back to itself. Validation checks the active variant
 * (paths go on inside it), that `other` is text decoding would keep again,
 * and that a variant object's discriminator, when present, selects that
 * variant (SPECC_ERR_INVALID otherwise). Equality: the same kind and equal
 * active members (kept texts by JSON value).
 */
typedef struct specc_variant {
    const char *name;  /* for messages: "string", "Customer", "array" */
    specc_shape shape; /* the variant's value */
    const char *tag;   /* discriminator value as JSON text ("\"push\"", "true",
                          "1"), or NULL */
    size_t tag_len;
} specc_variant;

typedef struct specc_union {
    const char *name;          /* "CustomerRef", or the inline type's name */
    size_t kind_offset;        /* int-sized member: 0 none, i + 1 variants[i], count + 1 other */
    size_t value_offset;       /* the C union: every variant's member starts here */
    size_t other_offset;       /* open unions: char *, the value's JSON text as sent */
    const specc_variant *variants;
    size_t variant_count;
    const char *discriminator; /* property name, or NULL: told apart by JSON kind */
    size_t discriminator_len;
    size_t default_variant;    /* with a discriminator: index + 1 of the variant for
                                  an absent key; 0: an absent key is an error */
    bool open;                 /* keep what no variant takes in `other` */
    size_t size;               /* sizeof the generated union struct: needed when
                                  the union is an array item or map value without
                                  elem_size (an element of size 0 is refused) */
} specc_union;

/* Flags of a specc_field. */
#define SPECC_F_REQUIRED 0x01u /* key must be present */
#define SPECC_F_NULLABLE 0x02u /* null is allowed */
#define SPECC_F_STATE 0x04u    /* a specc_state member sits at state_offset */

typedef struct specc_field {
    const char *name;    /* JSON name (UTF-8, no NUL) */
    size_t name_len;
    unsigned flags;      /* SPECC_F_* */
    size_t offset;       /* of the value member */
    size_t state_offset; /* of the specc_state member, with SPECC_F_STATE */
    size_t other_offset; /* ENUM with SPECC_S_OPEN_ENUM: char * holding an
                            unknown value; the enum member is then enum_count */
    specc_shape shape;
} specc_field;

/* What a type is (runtime version 3). */
typedef enum specc_type_kind {
    SPECC_TYPE_OBJECT = 0, /* a JSON object: the fields (as in version 2) */
    SPECC_TYPE_VALUE       /* one value of shape `value`, stored at offset 0 */
} specc_type_kind;

/*
 * A type. A VALUE type (a top-level array, map, union or scalar) has the
 * value's layout at offset 0 (an array `{T *items; size_t count;}`, a map,
 * a union struct, or a scalar in a one-member struct `{char *value;}`; with
 * the value shape's elem_size set, that element struct). Every type
 * operation works on it, the document being that value; a root null is
 * SPECC_ERR_NULL. Inside other shapes a VALUE type never appears: the
 * generator inlines its shape.
 */
typedef struct specc_type {
    const char *name; /* spec name, "Model" */
    size_t size;      /* sizeof the generated struct */
    const specc_field *fields;
    size_t field_count;
    specc_unknown_policy unknown;
    size_t unknown_offset; /* of the specc_unknown `_unknown` member (PRESERVE) */
    /* Runtime version 3: */
    specc_type_kind kind;
    const struct specc_shape *value; /* SPECC_TYPE_VALUE: the shape of the value */
} specc_type;

/* ------------------------------------------------------- type operations */

/* All of these take a descriptor and a pointer to its struct. */

void specc_init(const specc_type *type, void *value);

/* Free everything the value owns and leave it initialised. Safe on a value
 * that is initialised, zeroed, half-built or already cleared. */
void specc_clear(const specc_type *type, void *value);

/* Decode JSON text into *out (which need not be initialised). Checks shape:
 * JSON types, required keys, nulls, int64 range, closed enums, duplicate
 * keys (anywhere, even inside `any`), unknown-field policy. The text must be
 * exactly one JSON value (RFC 8259, UTF-8, no BOM); a syntax error anywhere
 * is reported before any shape error, so the answer does not depend on key
 * order. `any` fields accept every JSON value, null included. Undeclared
 * keys of a type that preserves them are kept as their JSON text, byte for
 * byte: only well-formedness (and the depth limit) can make them fail, never
 * a number's size or spelling. On failure *out is left initialised with nothing allocated and *err (if not NULL)
 * says where and why. */
SPECC_CHECK_RESULT specc_code specc_decode_text(const specc_type *type, const char *text,
                                                size_t len, void *out, specc_error *err);

/* Where specc_decode_text_all reports. */
typedef struct specc_decode_report {
    specc_error_fn *error;   /* each problem, in the order met; may be NULL */
    specc_error_fn *unknown; /* each undeclared key that the type keeps or
                                ignores; may be NULL. The error's code is
                                SPECC_OK; path, line and column are the
                                key's; the message is "not in the spec; kept
                                as an unknown field" or "not in the spec;
                                ignored". */
    void *ctx;               /* passed to both */
} specc_decode_report;

/* Decode as specc_decode_text does, but go on past every value that does
 * not fit the spec: report it, skip it and decode the rest (a field stays
 * absent, a bad array item or map entry is left out, every missing
 * required key and rejected unknown key is reported). Text that is not
 * JSON (syntax, depth, duplicate keys) is one problem, reported as
 * specc_decode_text reports it, and nothing is decoded. Returns the number
 * of problems; with none, *out is exactly what specc_decode_text gives.
 * *out always needs specc_clear: with problems it holds what did fit, for
 * inspection (specc_validate may find it incomplete where values were
 * skipped). Running out of memory is a problem (SPECC_ERR_NOMEM) that
 * stops decoding and leaves *out empty. */
SPECC_CHECK_RESULT size_t specc_decode_text_all(const specc_type *type, const char *text,
                                                size_t len, void *out,
                                                const specc_decode_report *report);

/* Decode a jansson value into *out, walking it directly (specc_json.c),
 * with specc_decode_text's rules, codes, paths and messages (line and
 * column 0): the value decodes as its compact text would. What jansson
 * holds is what counts: an integer is its decimal digits, and a real
 * (a decimal field, a message) the shortest text that reads back as
 * exactly that double, with a '.' or an exponent ("0.5", "1.0", "1e+300");
 * the spelling the value had as text is gone. Undeclared keys the type
 * keeps are kept as that compact text (strings escaped as
 * specc_encode_text escapes them), open unions' `other` likewise. `any`
 * fields get deep copies: the struct owns a value that shares nothing with
 * `json`. Nesting deeper than SPECC_MAX_DEPTH (a cycle too) is
 * SPECC_ERR_DEPTH, reported before any shape error, as for text. A string
 * or key that is not UTF-8 (possible with jansson's _nocheck functions) is
 * SPECC_ERR_FORMAT where it is kept. On failure *out is left initialised
 * with nothing allocated. */
SPECC_CHECK_RESULT specc_code specc_decode_json(const specc_type *type, const json_t *json,
                                                void *out, specc_error *err);

/* Encode to JSON text, NUL-terminated; *len (if not NULL) gets its length.
 * Free the result with specc_free(). NULL on failure. */
SPECC_CHECK_RESULT char *specc_encode_text(const specc_type *type, const void *value, size_t *len,
                                           specc_error *err);

/* Parse JSON text into a new jansson value by the same strict rules (RFC
 * 8259, duplicate keys rejected, exact int64, depth limit) and with the same
 * errors (path, line, column) as specc_decode_text. *out is NULL on failure. */
SPECC_CHECK_RESULT specc_code specc_decode_any_text(const char *text, size_t len, json_t **out,
                                                    specc_error *err);

/* Encode to a new jansson value, built directly with the checks and
 * refusals of specc_encode_text (the same walk): the tree equals what
 * specc_decode_any_text makes of specc_encode_text's output, except that
 * decimals written as numbers become jansson reals ("5" is 5.0; spelling
 * lost; beyond double: SPECC_ERR_RANGE); decimal strings stay strings.
 * NUMBER values are integers when integral below 2^53, as the text writes
 * them. Unknown fields and open unions' kept texts are read by
 * specc_decode_any_text's rules: their spelling is lost (1.0E+2 becomes
 * 100.0), and a number jansson cannot hold is SPECC_ERR_RANGE at its
 * path, so nothing is changed silently. Use specc_encode_text to write
 * them back exactly. `any` values are copied. NULL on failure, nothing
 * leaked. */
SPECC_CHECK_RESULT json_t *specc_encode_json(const specc_type *type, const void *value,
                                             specc_error *err);

/* Check every constraint (formats, bounds, lengths, counts, patterns, enums,
 * multipleOf, uniqueItems, const, required members, states, unions) of a
 * decoded or hand-built value. Calls `each` (may be NULL) once per violation
 * and returns how many there were. Direction-free: readOnly and writeOnly
 * are not checked (see specc_validate_as). */
size_t specc_validate(const specc_type *type, const void *value, specc_error_fn *each, void *ctx);

/* Which way a value travels, for readOnly and writeOnly. */
typedef enum specc_as {
    SPECC_AS_ANY = 0,  /* as specc_validate: neither is checked */
    SPECC_AS_REQUEST,  /* a readOnly field present: SPECC_ERR_READ_ONLY; a
                          required readOnly field may be absent */
    SPECC_AS_RESPONSE  /* a writeOnly field present: SPECC_ERR_WRITE_ONLY; a
                          required writeOnly field may be absent */
} specc_as;

/* specc_validate, plus readOnly/writeOnly for values sent `as` a request
 * body or received as a response. "Present" means a state other than
 * SPECC_ABSENT, or a pointer that is not NULL for a field without a state
 * member (a field of another kind without one is always present, so such
 * fields should have a state member). */
size_t specc_validate_as(const specc_type *type, const void *value, specc_as as,
                         specc_error_fn *each, void *ctx);

/* Is s[0..len) valid for the format (SPECC_FORMAT_NONE and UNIX_TIME: true)?
 * date-time leap seconds are accepted only at 23:59:60 UTC. */
bool specc_format_valid(specc_format format, const char *s, size_t len);

/* Deep equality of two values of one type. Unknown fields count, compared
 * by JSON value: in any order, numbers by exact value (1.0E+2 equals 100,
 * beyond int64 and double too), strings by their decoded text; so do the
 * kept texts of open unions. Unions: the same kind and equal active
 * members. The answer never depends on memory: only a large object whose
 * keys come in another order gets a sorted index, and without memory for
 * it, a slower search. Values nested deeper than SPECC_MAX_DEPTH (only a
 * hand-built cycle can be) are unequal. */
bool specc_equal(const specc_type *type, const void *a, const void *b);

/* ---------------------------------------------------------------- arenas */

/*
 * An arena: decode into a few big blocks instead of one allocation per
 * string, array and nested struct, and release every value decoded into it
 * in one call. Blocks come from specc_alloc (jansson's allocator hooks see
 * them); `any` fields are still jansson values, whose references the arena
 * holds and drops when it is reset.
 *
 * A value decoded into an arena belongs to the arena, as a upb message does:
 * read it, validate, encode and compare it freely, but do not clear or
 * change it through the runtime (specc_clear, the generated `_clear`,
 * specc_unknown_set/_remove/_clear would free arena memory one piece at a
 * time); specc_arena_reset or specc_arena_free release it. It stays valid
 * until then. An arena is not thread-safe: one thread decodes into it at a
 * time.
 */
typedef struct specc_arena specc_arena;

/* A new, empty arena (no block is allocated until the first decode); NULL
 * when out of memory. */
specc_arena *specc_arena_new(void);

/* Release every value decoded into the arena; the arena keeps its current
 * (largest) block for the next decodes. NULL is ignored. */
void specc_arena_reset(specc_arena *arena);

/* Release every value decoded into the arena, and the arena. NULL is
 * ignored. */
void specc_arena_free(specc_arena *arena);

/* Bytes the arena holds from the allocator (its blocks), 0 for NULL. */
size_t specc_arena_size(const specc_arena *arena);

/* specc_decode_text, with every allocation of the decoded value taken from
 * `arena`: the same checks, the same value and the same errors. On failure
 * *out is left initialised; what was taken from the arena for it stays
 * there until the arena is reset. */
SPECC_CHECK_RESULT specc_code specc_decode_text_arena(const specc_type *type, const char *text,
                                                      size_t len, void *out, specc_arena *arena,
                                                      specc_error *err);

/* ------------------------------------------------------ building values */

/*
 * Building and changing values (runtime version 5), decoded or built from
 * `_init` alike (never values decoded into an arena: see above). Each
 * helper allocates with specc_alloc and allocates everything it needs
 * before it frees or overwrites anything: when memory runs out it returns
 * SPECC_ERR_NOMEM (or NULL) and the value is exactly as it was. A call that
 * cannot be right (a field of another kind, an index out of range, a NULL
 * argument, a state the field cannot have) is SPECC_ERR_INVALID (or NULL)
 * and changes nothing; text that is not UTF-8 is SPECC_ERR_FORMAT.
 *
 * A field is named by its index in type->fields (specc_field_index finds
 * it by JSON name); a VALUE type (a top-level array, map or union) has one,
 * index 0. Setting a field's value makes it present: its state member, if
 * it has one, becomes SPECC_PRESENT. The generated headers wrap these in
 * typed functions per field, each one call: api_thing_set_name(&t, "x"),
 * api_thing_tags_append(&t, "a"), api_thing_metadata_put(&t, "k", "v").
 *
 * Arrays and maps grow by one element per call and copy their elements to
 * do it (jansson's allocator has no realloc): fine for request bodies; fill
 * the items of a large array yourself. Constraints (formats, lengths,
 * patterns, required fields) are specc_validate's to check.
 */

/* The index of the field whose JSON name is json_name, or
 * type->field_count when there is none. */
size_t specc_field_index(const specc_type *type, const char *json_name);

/* STRING field: a copy of text (the old string is freed). */
SPECC_CHECK_RESULT specc_code specc_field_set_string(const specc_type *type, void *value,
                                                     size_t field, const char *text);

/* INTEGER (int64_t), INT32 (int32_t), NUMBER (double), BOOLEAN (bool) or
 * ENUM (the generated enum) field: *src copied in; an open enum's kept
 * text of an unlisted value is dropped. Never SPECC_ERR_NOMEM. */
SPECC_CHECK_RESULT specc_code specc_field_set(const specc_type *type, void *value, size_t field,
                                              const void *src);

/* DECIMAL field: from JSON number text, kept exactly ("0.10" stays
 * "0.10"; not a JSON number: SPECC_ERR_FORMAT), or from a double, as the
 * shortest text that reads back as it, with a '.' or an exponent ("0.1",
 * "10.0", "1e+300"; NaN, infinities: SPECC_ERR_RANGE).
 * is_string is left as it was: false (a JSON number) in a new value; set
 * it for an API that wants the decimal as a JSON string. */
SPECC_CHECK_RESULT specc_code specc_field_set_decimal(const specc_type *type, void *value,
                                                      size_t field, const char *text);
SPECC_CHECK_RESULT specc_code specc_field_set_decimal_double(const specc_type *type, void *value,
                                                             size_t field, double v);

/* The state of a field that has a state member. SPECC_ABSENT, or
 * SPECC_NULL when the field is nullable, frees the value; SPECC_PRESENT
 * only marks a value that is there (a NULL string or object, a decimal
 * without text, a union without a variant: SPECC_ERR_INVALID; set the value
 * instead). Never SPECC_ERR_NOMEM. */
SPECC_CHECK_RESULT specc_code specc_field_set_state(const specc_type *type, void *value,
                                                    size_t field, specc_state state);

/* OBJECT field: a new, initialised object in it (an old one is cleared and
 * freed), to fill in; NULL when out of memory. */
void *specc_field_new(const specc_type *type, void *value, size_t field);

/* UNION field: the variant (0 for the first of the union's variants) made
 * the active one, its value new and initialised (the old one freed), to
 * fill in: the object for an object variant, else where the value is
 * stored; NULL when out of memory. */
void *specc_field_variant(const specc_type *type, void *value, size_t field, size_t variant);

/* ARRAY field: a new last item, initialised (an object item is `_init`ed,
 * a nullable item's state is SPECC_PRESENT), to fill in; or with
 * _append_string, for an array of strings, a copy of text as the item. */
void *specc_field_append(const specc_type *type, void *value, size_t field);
SPECC_CHECK_RESULT specc_code specc_field_append_string(const specc_type *type, void *value,
                                                        size_t field, const char *text);

/* MAP field, entries in order: put gives the value of `key` (UTF-8) to
 * fill in, initialised: a new last entry, or the existing entry's value
 * cleared (a put replaces); _put_string, for a map of strings, stores a
 * copy of text. get finds the value of `key`, or NULL (_get_string: the
 * string of a map of strings). remove deletes the
 * entry and keeps the others' order; false when there is none. */
void *specc_field_put(const specc_type *type, void *value, size_t field, const char *key);
SPECC_CHECK_RESULT specc_code specc_field_put_string(const specc_type *type, void *value,
                                                     size_t field, const char *key,
                                                     const char *text);
void *specc_field_get(const specc_type *type, const void *value, size_t field, const char *key);
const char *specc_field_get_string(const specc_type *type, const void *value, size_t field,
                                   const char *key);
bool specc_field_remove(const specc_type *type, void *value, size_t field, const char *key);

/* The same for values that are not fields (an item or map value that is
 * itself a string, decimal, array, map or union), given their shape
 * (shape->items of the field's shape, ...) and where they are stored. */
SPECC_CHECK_RESULT specc_code specc_string_set(char **slot, const char *text);
SPECC_CHECK_RESULT specc_code specc_decimal_set_text(specc_decimal *d, const char *text);
SPECC_CHECK_RESULT specc_code specc_decimal_set_double(specc_decimal *d, double v);
void *specc_array_append(const specc_shape *array, void *slot);
void *specc_map_put(const specc_shape *map, void *slot, const char *key);
void *specc_map_get(const specc_shape *map, const void *slot, const char *key);
bool specc_map_remove(const specc_shape *map, void *slot, const char *key);
void *specc_union_set(const struct specc_union *u, void *slot, size_t variant);

/* ------------------------------------------------------ unknown fields */

/* The member whose key is the NUL-terminated `key`, or NULL. Linear. */
const specc_unknown_member *specc_unknown_find(const specc_unknown *unknown, const char *key);

/* Keep `key` (NUL-terminated UTF-8) with the value whose JSON text is `json`
 * (NUL-terminated; exactly one JSON value by the decoder's rules: numbers of
 * any size, duplicate keys and deeper nesting than SPECC_MAX_DEPTH refused).
 * The text is kept as given and written back byte for byte. An existing
 * member with that key is replaced in place; otherwise the member is added
 * last. On failure (SPECC_ERR_SYNTAX and the other text errors, with the
 * path of the key; SPECC_ERR_FORMAT for a key that is not UTF-8;
 * SPECC_ERR_NOMEM) the list is unchanged. A key that is a declared field of
 * the type is reported by validate and refused by encode. */
SPECC_CHECK_RESULT specc_code specc_unknown_set(specc_unknown *unknown, const char *key,
                                                const char *json, specc_error *err);

/* Remove the member with this key, keeping the others' order; false when
 * there is none. */
bool specc_unknown_remove(specc_unknown *unknown, const char *key);

/* One member's value as a new jansson value, by specc_decode_any_text's
 * rules: a number jansson cannot hold (an integer beyond int64, a number
 * beyond double) is SPECC_ERR_RANGE here, never in the decode that kept it. */
SPECC_CHECK_RESULT specc_code specc_unknown_json(const specc_unknown_member *member, json_t **out,
                                                 specc_error *err);

/* Free every member; the list is empty afterwards. */
void specc_unknown_clear(specc_unknown *unknown);

/* Memory from jansson's allocator; free encoder output with specc_free. */
void *specc_alloc(size_t size);
void specc_free(void *ptr);

/* ------------------------------------------------------------- endpoints */

typedef enum specc_param_in {
    SPECC_IN_PATH,
    SPECC_IN_QUERY,
    SPECC_IN_HEADER /* runtime version 3: name is the header's exact name */
} specc_param_in;

#define SPECC_P_REQUIRED 0x01u
#define SPECC_P_KEEP_SLASHES 0x02u /* path parameter: '/' stays a separator */
#define SPECC_P_EXPLODE 0x04u      /* query array: k=a&k=b (the spec's default,
                                      explode: true); without it k=a,b */

/*
 * A request parameter, stored in the generated params struct as
 * const char * (STRING; NULL = not given), int64_t (INTEGER), int32_t
 * (INT32), double (NUMBER), bool (BOOLEAN) or int (ENUM: a C enum, written
 * as shape->enum_names[v]); the non-string kinds, when optional, come with
 * a `bool has_<name>` member at has_offset. Runtime version 3: ARRAY
 * parameters (query and header) are `struct { const char **items; size_t
 * count; }` (or int64_t *, int32_t *, double *, bool *, int * items, by
 * shape->items->kind); count 0 = not given. A query array is written
 * k=a&k=b with SPECC_P_EXPLODE, else k=a,b (each value percent-encoded, so
 * a ',' inside one is %2C); a header array is a,b. Names are written as
 * given, percent-encoded in the query (`expand[]` is expand%5B%5D).
 *
 * `shape` (version 3; may be NULL) holds the constraints the request
 * helpers check before building anything: format, enum (for a STRING
 * parameter, enum_names/enum_count list the allowed values, closed unless
 * SPECC_S_OPEN_ENUM; INTEGER: SPECC_S_INT_ENUM), bounds, multipleOf,
 * lengths, pattern, const, and for arrays minItems/maxItems/uniqueItems
 * and the items' constraints in shape->items. Its kind is the parameter's
 * kind. A violation is SPECC_ERR_PARAM at $.name, naming the parameter.
 */
typedef struct specc_param {
    const char *name; /* name in the path template / query string / header */
    specc_param_in in;
    specc_kind kind;
    specc_format format; /* STRING: checked before the request is built */
    unsigned flags; /* SPECC_P_* */
    size_t offset;
    size_t has_offset;
    const struct specc_shape *shape; /* version 3: constraints, or NULL */
} specc_param;

/* specc_response.kind: which statuses a declared response covers. */
#define SPECC_STATUS_EXACT 0   /* status */
#define SPECC_STATUS_RANGE 1   /* status / 100 == this status / 100 (200: 2XX) */
#define SPECC_STATUS_DEFAULT 2 /* any status no other response covers */

/* One declared response: for this status, decode a `type` into the member
 * (a `T *`) at `offset` of the generated response struct. A status is
 * looked up exactly first, then by range, then `default`. */
typedef struct specc_response {
    int status;
    const specc_type *type;
    size_t offset;
    int kind; /* version 3: SPECC_STATUS_EXACT (0), _RANGE or _DEFAULT */
} specc_response;

typedef struct specc_endpoint {
    const char *name;   /* get_model */
    const char *method; /* GET */
    const char *path;   /* /v1/models/{model_id} */
    const specc_param *params;
    size_t param_count;
    const specc_response *responses;
    size_t response_count;
    size_t status_offset; /* int member of the response struct */
    /* Runtime version 3: */
    const specc_type *body_type; /* the JSON request body's type, or NULL: none */
    bool body_required;
} specc_endpoint;

/* The request target: path with parameters percent-encoded (RFC 3986), then
 * ?query for the query parameters given. A required parameter missing, an
 * empty path parameter, a value not in its declared format or breaking a
 * constraint of its shape, or a '.'/'..' segment in a keep-slashes
 * parameter is SPECC_ERR_PARAM. Header parameters and the body are not
 * looked at (see specc_request_build). Free the result with specc_free(). */
SPECC_CHECK_RESULT char *specc_request_target(const specc_endpoint *endpoint, const void *params,
                                              specc_error *err);

/* One header of a request: the parameter's name (the descriptor's string,
 * not owned) and its value (owned). */
typedef struct specc_header {
    const char *name;
    char *value;
} specc_header;

/* Everything an HTTP client needs to send one request (runtime version 3).
 * All zero is the empty request; release with specc_request_clear. */
typedef struct specc_request {
    const char *method;         /* the endpoint's, not owned */
    char *target;               /* path + query, to append to the base URL */
    specc_header *headers;      /* the header parameters given, in descriptor order */
    size_t header_count;
    char *body;                 /* JSON text (application/json), NUL-terminated;
                                   NULL when there is no body */
    size_t body_len;
} specc_request;

/* Build the request for `params` (may be NULL when the endpoint has no
 * parameters) and `body` (a value of endpoint->body_type, or NULL): checks
 * every parameter as specc_request_target does, header values (a CR, LF or
 * other control character but tab is SPECC_ERR_PARAM: no header
 * injection), then the body: a required body missing, or a body given to an
 * endpoint that takes none, is SPECC_ERR_PARAM; a body is validated with
 * specc_validate_as(SPECC_AS_REQUEST), its first violation returned as is
 * (code, path from $ of the body, message), and encoded with
 * specc_encode_text. On failure *out is all zero with nothing allocated. */
SPECC_CHECK_RESULT specc_code specc_request_build(const specc_endpoint *endpoint,
                                                  const void *params, const void *body,
                                                  specc_request *out, specc_error *err);

/* Free what a request owns and zero it (safe on a zeroed request). */
void specc_request_clear(specc_request *request);

/* Decode a response body by HTTP status into the generated response struct:
 * sets its status and the one member for that status (none for a response
 * declared without a body). An undeclared status is SPECC_ERR_STATUS. On
 * failure the status stays set and every member is NULL. */
SPECC_CHECK_RESULT specc_code specc_decode_response(const specc_endpoint *endpoint, int status,
                                                    const char *body, size_t len, void *out,
                                                    specc_error *err);

void specc_response_clear(const specc_endpoint *endpoint, void *out);

#ifdef __cplusplus
}
#endif

#endif /* SPECC_H */
