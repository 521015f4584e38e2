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
#define SPECC_RUNTIME_VERSION 2

/* Input limits (see README, "Guarantees and limits"). */
#define SPECC_MAX_DEPTH 512   /* nesting of arrays/objects in decoded text */
#define SPECC_PATH_MAX 256    /* bytes of specc_error.path, NUL included */
#define SPECC_MESSAGE_MAX 256 /* bytes of specc_error.message, NUL included */

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
    SPECC_ERR_NOMEM    /* an allocation failed */
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

/* Called once per violation by specc_validate(). */
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
    SPECC_KIND_MAP      /* specc_map layout                            */
} specc_kind;

typedef enum specc_format {
    SPECC_FORMAT_NONE = 0,
    SPECC_FORMAT_DATE,      /* string: RFC 3339 full-date */
    SPECC_FORMAT_DATE_TIME, /* string: RFC 3339 date-time ('T', 't' or ' ';
                               offset Z or +HH:MM; :60 only at 23:59 UTC) */
    SPECC_FORMAT_UUID,      /* string: 8-4-4-4-12 hex digits, any case */
    SPECC_FORMAT_URI,       /* string: RFC 3986 URI with a scheme */
    SPECC_FORMAT_EMAIL,     /* string: local@domain */
    SPECC_FORMAT_UNIX_TIME  /* integer: seconds since 1970 (no check) */
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

/* Flags of a specc_shape. */
#define SPECC_S_MINIMUM 0x0001u
#define SPECC_S_MAXIMUM 0x0002u
#define SPECC_S_MIN_LENGTH 0x0004u
#define SPECC_S_MAX_LENGTH 0x0008u
#define SPECC_S_MIN_ITEMS 0x0010u
#define SPECC_S_MAX_ITEMS 0x0020u
#define SPECC_S_OPEN_ENUM 0x0040u /* unknown enum values are kept */
#define SPECC_S_INT_ENUM 0x0080u  /* INTEGER kind restricted to enum_ints */

/* What one value is: its kind and everything that constrains it. */
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
} specc_shape;

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

typedef struct specc_type {
    const char *name; /* spec name, "Model" */
    size_t size;      /* sizeof the generated struct */
    const specc_field *fields;
    size_t field_count;
    specc_unknown_policy unknown;
    size_t unknown_offset; /* of the specc_unknown `_unknown` member (PRESERVE) */
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

/* Same from a jansson value (serialised, then decoded: one decoder). */
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

/* Encode to a new jansson value. Decimals written as numbers become jansson
 * reals or integers (spelling lost; beyond double or int64: SPECC_ERR_RANGE);
 * decimal strings stay strings. Unknown fields are read by jansson's rules
 * too: their spelling is lost (1.0E+2 becomes 100.0), and a number jansson
 * cannot hold is SPECC_ERR_RANGE at its path, so nothing is changed
 * silently. Use specc_encode_text to write them back exactly. */
SPECC_CHECK_RESULT json_t *specc_encode_json(const specc_type *type, const void *value,
                                             specc_error *err);

/* Check every constraint (formats, bounds, lengths, counts, patterns, enums,
 * required members, states) of a decoded or hand-built value. Calls `each`
 * (may be NULL) once per violation and returns how many there were. */
size_t specc_validate(const specc_type *type, const void *value, specc_error_fn *each, void *ctx);

/* Is s[0..len) valid for the format (SPECC_FORMAT_NONE and UNIX_TIME: true)?
 * date-time leap seconds are accepted only at 23:59:60 UTC. */
bool specc_format_valid(specc_format format, const char *s, size_t len);

/* Deep equality of two values of one type. Unknown fields count, compared
 * by JSON value: in any order, numbers by exact value (1.0E+2 equals 100,
 * beyond int64 and double too), strings by their decoded text. The answer
 * never depends on memory: only a large object whose keys come in another
 * order gets a sorted index, and without memory for it, a slower search. */
bool specc_equal(const specc_type *type, const void *a, const void *b);

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

typedef enum specc_param_in { SPECC_IN_PATH, SPECC_IN_QUERY } specc_param_in;

#define SPECC_P_REQUIRED 0x01u
#define SPECC_P_KEEP_SLASHES 0x02u /* path parameter: '/' stays a separator */

/* A request parameter, stored in the generated params struct as
 * const char * (STRING; NULL = not given), int64_t (INTEGER), double
 * (NUMBER) or bool (BOOLEAN); the non-string kinds, when optional, come with
 * a `bool has_<name>` member at has_offset. */
typedef struct specc_param {
    const char *name; /* name in the path template / query string */
    specc_param_in in;
    specc_kind kind;
    specc_format format; /* STRING: checked before the request is built */
    unsigned flags; /* SPECC_P_* */
    size_t offset;
    size_t has_offset;
} specc_param;

/* One declared response: for this status, decode a `type` into the member
 * (a `T *`) at `offset` of the generated response struct. */
typedef struct specc_response {
    int status;
    const specc_type *type;
    size_t offset;
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
} specc_endpoint;

/* The request target: path with parameters percent-encoded (RFC 3986), then
 * ?query for the query parameters given. A required parameter missing, an
 * empty path parameter, a value not in its declared format, or a '.'/'..'
 * segment in a keep-slashes parameter is SPECC_ERR_PARAM. Free the result
 * with specc_free(). */
SPECC_CHECK_RESULT char *specc_request_target(const specc_endpoint *endpoint, const void *params,
                                              specc_error *err);

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
