/* {{banner}} */
/*
 * specc_request.c — endpoint helpers: the request target (path + query,
 * RFC 3986 percent-encoded), header parameters and the JSON body of a
 * request (specc_request_build), and decoding a response body by HTTP
 * status (exact, then range, then default).
 *
 * Parameters are checked where they are written: their format and shape
 * (through the validator), then their text. Errors name the parameter;
 * anything built so far is freed, so a failure leaves nothing behind.
 */
#include "specc_internal.h"

#include <math.h>
#include <stdio.h>

/* ------------------------------------------------------------- the target */

typedef struct target {
    speccp_buf out;
    specc_error *err; /* the same as out.err */
} target;

static bool is_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

/* Unreserved bytes as they are, every other byte as %XX (upper-case hex);
 * with keep_slash, '/' stays a separator. */
static specc_code put_encoded(target *t, const char *s, size_t len, bool keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i, start = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[3];
        if (is_unreserved(c) || (keep_slash && c == '/'))
            continue;
        SPECCP_TRY(speccp_buf_put(&t->out, s + start, i - start));
        esc[0] = '%';
        esc[1] = hex[c >> 4];
        esc[2] = hex[c & 15];
        SPECCP_TRY(speccp_buf_put(&t->out, esc, 3));
        start = i + 1;
    }
    return speccp_buf_put(&t->out, s + start, len - start);
}

/* ------------------------------------------------------------- parameters */

static bool param_given(const specc_param *p, const char *base)
{
    specc_array a;
    unsigned char has;
    switch (p->kind) {
    case SPECC_KIND_STRING: return speccp_get_ptr(base, p->offset) != NULL;
    case SPECC_KIND_ARRAY:
        memcpy(&a, base + p->offset, sizeof a);
        return a.count != 0;
    default:
        if (p->flags & SPECC_P_REQUIRED)
            return true;
        memcpy(&has, base + p->has_offset, 1);
        return has != 0;
    }
}

/* Keeps the first violation the validator reports. */
static void first_violation(const specc_error *error, void *ctx)
{
    specc_error *first = ctx;
    if (first->code == SPECC_OK)
        *first = *error;
}

/* A violation of a parameter's shape, as SPECC_ERR_PARAM naming it. */
static specc_code param_violation(target *t, const specc_param *p, const specc_error *v)
{
    char message[SPECC_MESSAGE_MAX];
    if (t->err) {
        memcpy(message, v->message, sizeof message);
        *t->err = *v;
        t->err->code = SPECC_ERR_PARAM;
        speccp_message(t->err->message, sizeof t->err->message, "parameter '%s': %s", p->name,
                       message);
    }
    return SPECC_ERR_PARAM;
}

/* The constraints of a given parameter: its format (runtime version 2)
 * and its shape. */
static specc_code check_param(target *t, const specc_param *p, const char *base,
                              const speccp_path *path)
{
    const char *s = p->kind == SPECC_KIND_STRING ? speccp_get_ptr(base, p->offset) : NULL;
    specc_error first;
    char q[SPECCP_SHOW_MAX];

    if (s && p->format && !specc_format_valid(p->format, s, strlen(s))) {
        speccp_quote(s, strlen(s), q, sizeof q);
        return speccp_fail(t->err, SPECC_ERR_PARAM, path, "parameter '%s' is not a valid %s: %s",
                           p->name, speccp_format_name(p->format), q);
    }
    if (!p->shape)
        return SPECC_OK;
    if (p->shape->kind != p->kind)
        return speccp_fail(t->err, SPECC_ERR_INVALID, path,
                           "parameter '%s': the shape's kind is not the parameter's", p->name);
    first.code = SPECC_OK;
    if (speccp_validate_shape(p->shape, base + p->offset, path, first_violation, &first))
        return param_violation(t, p, &first);
    return SPECC_OK;
}

/* The text of one scalar value of `kind` stored at `at` (the C string
 * itself, or buf); *text NULL for a NULL string. */
static specc_code scalar_text(target *t, const specc_param *p, specc_kind kind,
                              const specc_shape *shape, const char *at, char *buf, size_t size,
                              const char **text, const speccp_path *path)
{
    int64_t i64;
    int32_t i32;
    double d;
    unsigned char b;
    int e;

    *text = buf;
    switch (kind) {
    case SPECC_KIND_STRING: *text = speccp_get_ptr(at, 0); return SPECC_OK;
    case SPECC_KIND_INTEGER: memcpy(&i64, at, sizeof i64); break;
    case SPECC_KIND_INT32: memcpy(&i32, at, sizeof i32); i64 = i32; break;
    case SPECC_KIND_BOOLEAN:
        memcpy(&b, at, 1);
        snprintf(buf, size, "%s", b ? "true" : "false");
        return SPECC_OK;
    case SPECC_KIND_NUMBER:
        memcpy(&d, at, sizeof d);
        if (!isfinite(d))
            return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                               "parameter '%s' is not a finite number", p->name);
        speccp_number_text(d, buf, size);
        return SPECC_OK;
    case SPECC_KIND_ENUM:
        memcpy(&e, at, sizeof e);
        if (!shape || e < 0 || (size_t)e >= shape->enum_count)
            return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                               "parameter '%s' has enum value %d, out of range", p->name, e);
        *text = shape->enum_names[e];
        return SPECC_OK;
    default:
        return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                           "parameter '%s' has a kind that cannot go in a request", p->name);
    }
    buf[speccp_int_text(i64, buf)] = '\0';
    return SPECC_OK;
}

/* The text of a given scalar parameter, its constraints checked first. */
static specc_code param_text(target *t, const specc_param *p, const char *base, char *buf,
                             size_t size, const char **text, const speccp_path *path)
{
    *text = NULL;
    if (!param_given(p, base))
        return SPECC_OK;
    SPECCP_TRY(check_param(t, p, base, path));
    if (p->kind == SPECC_KIND_ARRAY)
        return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                           "parameter '%s' is an array: only query and header parameters can be",
                           p->name);
    return scalar_text(t, p, p->kind, p->shape, base + p->offset, buf, size, text, path);
}

/* Item i of a given array parameter, as text (a NULL string item is an
 * error). */
static specc_code item_text(target *t, const specc_param *p, const specc_array *a, size_t i,
                            char *buf, size_t size, const char **text, const speccp_path *path)
{
    const specc_shape *items = p->shape->items;
    speccp_path here = {path, NULL, 0, i};
    SPECCP_TRY(scalar_text(t, p, items->kind, items,
                           (const char *)a->items + i * speccp_elem_size(items), buf, size, text,
                           &here));
    if (!*text)
        return speccp_fail(t->err, SPECC_ERR_PARAM, &here, "parameter '%s' item %zu is NULL",
                           p->name, i);
    return SPECC_OK;
}

/* A given array parameter's items, checked; *a its array. */
static specc_code array_param(target *t, const specc_param *p, const char *base,
                              specc_array *a, const speccp_path *path)
{
    memcpy(a, base + p->offset, sizeof *a);
    if (!p->shape || !p->shape->items || !speccp_elem_size(p->shape->items))
        return speccp_fail(t->err, SPECC_ERR_INVALID, path,
                           "array parameter '%s' has no items shape", p->name);
    if (!a->items)
        return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                           "parameter '%s' has items NULL with count %zu", p->name, a->count);
    return check_param(t, p, base, path);
}

/* With keep-slashes, every '/'-separated segment must be a real name: an
 * empty, "." or ".." segment would change which resource is addressed. */
static bool segments_ok(const char *s)
{
    for (;;) {
        const char *slash = strchr(s, '/');
        size_t n = slash ? (size_t)(slash - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
            return false;
        if (!slash)
            return true;
        s = slash + 1;
    }
}

static const specc_param *find_path_param(const specc_endpoint *ep, const char *name, size_t len)
{
    size_t i;
    for (i = 0; i < ep->param_count; i++) {
        const specc_param *p = &ep->params[i];
        if (p->in == SPECC_IN_PATH && strlen(p->name) == len && memcmp(p->name, name, len) == 0)
            return p;
    }
    return NULL;
}

/* One `{name}` of the path template. */
static specc_code undeclared_param(target *t, const specc_endpoint *ep, const char *name,
                                   size_t len, const speccp_path *here)
{
    char shown[SPECCP_SHOW_MAX];
    speccp_show_plain(name, len, shown, sizeof shown);
    return speccp_fail(t->err, SPECC_ERR_PARAM, here,
                       "path of %s names an undeclared parameter '%s'", ep->name, shown);
}

static specc_code put_path_param(target *t, const specc_endpoint *ep, const char *name,
                                 size_t len, const char *base)
{
    speccp_path here = {NULL, name, len, 0};
    const specc_param *p = find_path_param(ep, name, len);
    const char *text;
    char buf[40];
    bool keep;

    if (!p)
        return undeclared_param(t, ep, name, len, &here);
    SPECCP_TRY(param_text(t, p, base, buf, sizeof buf, &text, &here));
    if (!text)
        return speccp_fail(t->err, SPECC_ERR_PARAM, &here, "path parameter '%s' is not given",
                           p->name);
    if (!*text)
        return speccp_fail(t->err, SPECC_ERR_PARAM, &here, "path parameter '%s' is empty",
                           p->name);
    keep = (p->flags & SPECC_P_KEEP_SLASHES) != 0;
    if (keep && !segments_ok(text))
        return speccp_fail(t->err, SPECC_ERR_PARAM, &here,
                           "path parameter '%s' has an empty, '.' or '..' segment", p->name);
    return put_encoded(t, text, strlen(text), keep);
}

/* The path template with its `{name}` slots filled; *has_query is set when
 * the template itself holds a '?'. */
static specc_code put_path(target *t, const specc_endpoint *ep, const char *base,
                           bool *has_query)
{
    const char *s = ep->path, *open, *close;

    *has_query = strchr(s, '?') != NULL;
    while ((open = strchr(s, '{')) != NULL) {
        close = strchr(open, '}');
        if (!close)
            return speccp_fail(t->err, SPECC_ERR_PARAM, NULL, "path of %s has an unclosed '{'",
                               ep->name);
        SPECCP_TRY(speccp_buf_put(&t->out, s, (size_t)(open - s)));
        SPECCP_TRY(put_path_param(t, ep, open + 1, (size_t)(close - open - 1), base));
        s = close + 1;
    }
    return speccp_buf_put(&t->out, s, strlen(s));
}

/* `?name=` or `&name=`, the name percent-encoded as written. */
static specc_code put_query_name(target *t, const specc_param *p, bool *has_query)
{
    SPECCP_TRY(speccp_buf_put(&t->out, *has_query ? "&" : "?", 1));
    *has_query = true;
    SPECCP_TRY(put_encoded(t, p->name, strlen(p->name), false));
    return speccp_buf_put(&t->out, "=", 1);
}

/* An array in the query: k=a&k=b (SPECC_P_EXPLODE) or k=a,b. */
static specc_code put_query_array(target *t, const specc_param *p, const char *base,
                                  bool *has_query, const speccp_path *path)
{
    bool explode = (p->flags & SPECC_P_EXPLODE) != 0;
    const char *text;
    specc_array a;
    char buf[40];
    size_t i;

    SPECCP_TRY(array_param(t, p, base, &a, path));
    for (i = 0; i < a.count; i++) {
        SPECCP_TRY(item_text(t, p, &a, i, buf, sizeof buf, &text, path));
        if (i == 0 || explode)
            SPECCP_TRY(put_query_name(t, p, has_query));
        else
            SPECCP_TRY(speccp_buf_put(&t->out, ",", 1));
        SPECCP_TRY(put_encoded(t, text, strlen(text), false));
    }
    return SPECC_OK;
}

/* `?a=1&b=x` for the query parameters given, in descriptor order. */
static specc_code put_query(target *t, const specc_endpoint *ep, const char *base, bool has_query)
{
    size_t i;
    for (i = 0; i < ep->param_count; i++) {
        const specc_param *p = &ep->params[i];
        speccp_path here = {NULL, p->name, strlen(p->name), 0};
        const char *text;
        char buf[40];

        if (p->in != SPECC_IN_QUERY)
            continue;
        if (!param_given(p, base) && (p->flags & SPECC_P_REQUIRED))
            return speccp_fail(t->err, SPECC_ERR_PARAM, &here,
                               "required query parameter '%s' is not given", p->name);
        if (p->kind == SPECC_KIND_ARRAY) {
            if (param_given(p, base))
                SPECCP_TRY(put_query_array(t, p, base, &has_query, &here));
            continue;
        }
        SPECCP_TRY(param_text(t, p, base, buf, sizeof buf, &text, &here));
        if (!text)
            continue;
        SPECCP_TRY(put_query_name(t, p, &has_query));
        SPECCP_TRY(put_encoded(t, text, strlen(text), false));
    }
    return SPECC_OK;
}

/* The target into a new string (*out), or an error. */
static specc_code build_target(const specc_endpoint *ep, const void *params, char **out,
                               specc_error *err)
{
    target t = {SPECCP_BUF_INIT(err, "the request target"), err};
    specc_code code;
    bool has_query;

    *out = NULL;
    code = put_path(&t, ep, params, &has_query);
    if (code == SPECC_OK)
        code = put_query(&t, ep, params, has_query);
    if (code == SPECC_OK && !(*out = speccp_buf_take(&t.out)))
        code = SPECC_ERR_NOMEM;
    if (code != SPECC_OK)
        specc_free(t.out.data);
    return code;
}

char *specc_request_target(const specc_endpoint *endpoint, const void *params, specc_error *err)
{
    char *text;
    if (!endpoint || !endpoint->path || (!params && endpoint->param_count)) {
        speccp_fail(err, SPECC_ERR_INVALID, NULL, "NULL endpoint or params");
        return NULL;
    }
    return build_target(endpoint, params, &text, err) == SPECC_OK ? text : NULL;
}

/* --------------------------------------------------------------- headers */

/* RFC 9110 §5.5: no CR, LF, NUL or other control character but tab. */
static specc_code check_header_text(target *t, const specc_param *p, const char *s,
                                    const speccp_path *path)
{
    for (; *s; s++)
        if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
            return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                               "header parameter '%s' holds a line break or another control "
                               "character",
                               p->name);
    return SPECC_OK;
}

/* The text of a given header parameter into t->out (an array: a,b). */
static specc_code put_header(target *t, const specc_param *p, const char *base,
                             const speccp_path *path)
{
    const char *text;
    specc_array a;
    char buf[40];
    size_t i;

    if (p->kind != SPECC_KIND_ARRAY) {
        SPECCP_TRY(param_text(t, p, base, buf, sizeof buf, &text, path));
        SPECCP_TRY(check_header_text(t, p, text, path));
        return speccp_buf_put(&t->out, text, strlen(text));
    }
    SPECCP_TRY(array_param(t, p, base, &a, path));
    for (i = 0; i < a.count; i++) {
        SPECCP_TRY(item_text(t, p, &a, i, buf, sizeof buf, &text, path));
        SPECCP_TRY(check_header_text(t, p, text, path));
        if (i)
            SPECCP_TRY(speccp_buf_put(&t->out, ",", 1));
        SPECCP_TRY(speccp_buf_put(&t->out, text, strlen(text)));
    }
    return SPECC_OK;
}

/* One header parameter: added to r->headers when given. */
static specc_code add_header(const specc_param *p, const char *base, specc_request *r,
                             specc_error *err)
{
    target t = {SPECCP_BUF_INIT(err, "a header value"), err};
    speccp_path here = {NULL, p->name, strlen(p->name), 0};
    char *value;

    if (!param_given(p, base)) {
        if (p->flags & SPECC_P_REQUIRED)
            return speccp_fail(err, SPECC_ERR_PARAM, &here,
                               "required header parameter '%s' is not given", p->name);
        return SPECC_OK;
    }
    if (put_header(&t, p, base, &here) != SPECC_OK || !(value = speccp_buf_take(&t.out))) {
        specc_free(t.out.data);
        return err->code;
    }
    r->headers[r->header_count].name = p->name;
    r->headers[r->header_count++].value = value;
    return SPECC_OK;
}

static specc_code build_headers(const specc_endpoint *ep, const char *base, specc_request *r,
                                specc_error *err)
{
    size_t i, n = 0;
    for (i = 0; i < ep->param_count; i++)
        n += ep->params[i].in == SPECC_IN_HEADER;
    if (!n)
        return SPECC_OK;
    if (!(r->headers = specc_alloc(n * sizeof *r->headers)))
        return speccp_fail(err, SPECC_ERR_NOMEM, NULL, "out of memory for the headers");
    for (i = 0; i < ep->param_count; i++)
        if (ep->params[i].in == SPECC_IN_HEADER)
            SPECCP_TRY(add_header(&ep->params[i], base, r, err));
    return SPECC_OK;
}

/* ------------------------------------------------------------------ body */

/* The body, validated as a request, then encoded. */
static specc_code build_body(const specc_endpoint *ep, const void *body, specc_request *r,
                             specc_error *err)
{
    specc_error first;
    if (!ep->body_type) {
        if (body)
            return speccp_fail(err, SPECC_ERR_PARAM, NULL, "%s takes no request body", ep->name);
        return SPECC_OK;
    }
    if (!body) {
        if (ep->body_required)
            return speccp_fail(err, SPECC_ERR_PARAM, NULL, "%s needs a request body", ep->name);
        return SPECC_OK;
    }
    first.code = SPECC_OK;
    if (specc_validate_as(ep->body_type, body, SPECC_AS_REQUEST, first_violation, &first)) {
        *err = first;
        return first.code;
    }
    r->body = specc_encode_text(ep->body_type, body, &r->body_len, err);
    return r->body ? SPECC_OK : err->code;
}

specc_code specc_request_build(const specc_endpoint *endpoint, const void *params,
                               const void *body, specc_request *out, specc_error *err)
{
    specc_error local, *e = err ? err : &local;
    specc_code code;

    if (!out)
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "no request given");
    memset(out, 0, sizeof *out);
    if (!endpoint || !endpoint->path || (!params && endpoint->param_count))
        return speccp_fail(err, SPECC_ERR_INVALID, NULL, "NULL endpoint or params");
    code = build_target(endpoint, params, &out->target, e);
    if (code == SPECC_OK)
        code = build_headers(endpoint, params, out, e);
    if (code == SPECC_OK)
        code = build_body(endpoint, body, out, e);
    if (code != SPECC_OK) {
        specc_request_clear(out);
        return code;
    }
    out->method = endpoint->method;
    e->code = SPECC_OK;
    e->line = e->column = 0;
    e->path[0] = e->message[0] = '\0';
    return SPECC_OK;
}

void specc_request_clear(specc_request *r)
{
    size_t i;
    if (!r)
        return;
    for (i = 0; r->headers && i < r->header_count; i++)
        specc_free(r->headers[i].value);
    specc_free(r->headers);
    specc_free(r->target);
    specc_free(r->body);
    memset(r, 0, sizeof *r);
}

/* -------------------------------------------------------------- responses */

/* Body-less responses (type NULL) have no member: their offset means nothing. */
static void clear_members(const specc_endpoint *ep, void *out)
{
    size_t i;
    for (i = 0; i < ep->response_count; i++)
        if (ep->responses[i].type)
            speccp_set_ptr(out, ep->responses[i].offset, NULL);
}

/* "200, 4XX, default" into buf. */
static void declared_statuses(const specc_endpoint *ep, char *buf, size_t size)
{
    size_t i, n = 0;
    buf[0] = '\0';
    for (i = 0; i < ep->response_count && n < size; i++) {
        const specc_response *r = &ep->responses[i];
        const char *sep = i ? ", " : "";
        int w = r->kind == SPECC_STATUS_DEFAULT ? snprintf(buf + n, size - n, "%sdefault", sep)
                : r->kind == SPECC_STATUS_RANGE ? snprintf(buf + n, size - n, "%s%dXX", sep,
                                                           r->status / 100)
                                                : snprintf(buf + n, size - n, "%s%d", sep, r->status);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

/* The response for a status: exact, then its range (2XX), then default. */
static const specc_response *find_response(const specc_endpoint *ep, int status)
{
    int kind;
    size_t i;
    for (kind = SPECC_STATUS_EXACT; kind <= SPECC_STATUS_DEFAULT; kind++)
        for (i = 0; i < ep->response_count; i++) {
            const specc_response *r = &ep->responses[i];
            if (r->kind != kind)
                continue;
            if (kind == SPECC_STATUS_DEFAULT || (kind == SPECC_STATUS_EXACT && r->status == status))
                return r;
            if (kind == SPECC_STATUS_RANGE && status >= 100 && status <= 599 &&
                r->status / 100 == status / 100)
                return r;
        }
    return NULL;
}

specc_code specc_decode_response(const specc_endpoint *endpoint, int status, const char *body,
                                 size_t len, void *out, specc_error *err)
{
    const specc_response *r;
    char statuses[128];
    specc_code code;
    void *value;

    memcpy((char *)out + endpoint->status_offset, &status, sizeof status);
    clear_members(endpoint, out);
    r = find_response(endpoint, status);
    if (!r) {
        declared_statuses(endpoint, statuses, sizeof statuses);
        return speccp_fail(err, SPECC_ERR_STATUS, NULL,
                           "unexpected HTTP status %d for %s (declared: %s)", status,
                           endpoint->name, statuses);
    }
    if (!r->type) /* a response without a body (204) */
        return SPECC_OK;
    value = specc_alloc(r->type->size);
    if (!value)
        return speccp_fail(err, SPECC_ERR_NOMEM, NULL, "out of memory");
    code = specc_decode_text(r->type, body, len, value, err);
    if (code != SPECC_OK) {
        specc_free(value); /* the decoder left it initialised, owning nothing */
        return code;
    }
    speccp_set_ptr(out, r->offset, value);
    return SPECC_OK;
}

void specc_response_clear(const specc_endpoint *endpoint, void *out)
{
    size_t i;
    int zero = 0;
    for (i = 0; i < endpoint->response_count; i++) {
        const specc_response *r = &endpoint->responses[i];
        void *value;
        if (!r->type) /* no body, no member */
            continue;
        value = speccp_get_ptr(out, r->offset);
        if (!value)
            continue;
        specc_clear(r->type, value);
        specc_free(value);
        speccp_set_ptr(out, r->offset, NULL); /* statuses may share a member */
    }
    memcpy((char *)out + endpoint->status_offset, &zero, sizeof zero);
}
