/* {{banner}} */
/*
 * specc_request.c — endpoint helpers: the request target (path + query,
 * RFC 3986 percent-encoded) and decoding a response body by HTTP status.
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

/* The text of a parameter's value into *text (the C string itself, or buf
 * for other kinds); *text stays NULL when the parameter is not given. */
static specc_code param_text(target *t, const specc_param *p, const char *base, char *buf,
                             size_t size, const char **text, const speccp_path *path)
{
    int64_t i64;
    double d;
    unsigned char b;

    *text = NULL;
    if (p->kind == SPECC_KIND_STRING) {
        *text = speccp_get_ptr(base, p->offset);
        /* A declared format is a promise about the value: keep it. */
        if (*text && p->format && !specc_format_valid(p->format, *text, strlen(*text))) {
            char q[80];
            speccp_quote(*text, strlen(*text), 40, q, sizeof q);
            return speccp_fail(t->err, SPECC_ERR_PARAM, path, "parameter '%s' is not a valid %s: %s",
                               p->name, speccp_format_name(p->format), q);
        }
        return SPECC_OK;
    }
    if (!(p->flags & SPECC_P_REQUIRED)) {
        memcpy(&b, base + p->has_offset, 1);
        if (!b)
            return SPECC_OK;
    }
    switch (p->kind) {
    case SPECC_KIND_INTEGER:
        memcpy(&i64, base + p->offset, sizeof i64);
        snprintf(buf, size, "%lld", (long long)i64);
        break;
    case SPECC_KIND_NUMBER:
        memcpy(&d, base + p->offset, sizeof d);
        if (!isfinite(d))
            return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                               "parameter '%s' is not a finite number", p->name);
        speccp_number_text(d, buf, size);
        break;
    case SPECC_KIND_BOOLEAN:
        memcpy(&b, base + p->offset, 1);
        snprintf(buf, size, "%s", b ? "true" : "false");
        break;
    default:
        return speccp_fail(t->err, SPECC_ERR_PARAM, path,
                           "parameter '%s' has a kind that cannot go in a URL", p->name);
    }
    *text = buf;
    return SPECC_OK;
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
static specc_code put_path_param(target *t, const specc_endpoint *ep, const char *name,
                                 size_t len, const char *base)
{
    speccp_path here = {NULL, name, len, 0};
    const specc_param *p = find_path_param(ep, name, len);
    const char *text;
    char buf[40];
    bool keep;

    if (!p)
        return speccp_fail(t->err, SPECC_ERR_PARAM, &here,
                           "path of %s names an undeclared parameter '%.*s'", ep->name,
                           (int)(len > 64 ? 64 : len), name);
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
        SPECCP_TRY(param_text(t, p, base, buf, sizeof buf, &text, &here));
        if (!text) {
            if (p->flags & SPECC_P_REQUIRED)
                return speccp_fail(t->err, SPECC_ERR_PARAM, &here,
                                   "required query parameter '%s' is not given", p->name);
            continue;
        }
        SPECCP_TRY(speccp_buf_put(&t->out, has_query ? "&" : "?", 1));
        has_query = true;
        SPECCP_TRY(put_encoded(t, p->name, strlen(p->name), false));
        SPECCP_TRY(speccp_buf_put(&t->out, "=", 1));
        SPECCP_TRY(put_encoded(t, text, strlen(text), false));
    }
    return SPECC_OK;
}

char *specc_request_target(const specc_endpoint *endpoint, const void *params, specc_error *err)
{
    target t = {SPECCP_BUF_INIT(err, "the request target"), err};
    specc_code code;
    bool has_query;
    char *text;

    if (!endpoint || !endpoint->path || (!params && endpoint->param_count)) {
        speccp_fail(err, SPECC_ERR_INVALID, NULL, "NULL endpoint or params");
        return NULL;
    }
    code = put_path(&t, endpoint, params, &has_query);
    if (code == SPECC_OK)
        code = put_query(&t, endpoint, params, has_query);
    text = code == SPECC_OK ? speccp_buf_take(&t.out) : NULL;
    if (!text)
        specc_free(t.out.data);
    return text;
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

/* "200, 401, 404" into buf. */
static void declared_statuses(const specc_endpoint *ep, char *buf, size_t size)
{
    size_t i, n = 0;
    buf[0] = '\0';
    for (i = 0; i < ep->response_count && n < size; i++) {
        int w = snprintf(buf + n, size - n, "%s%d", i ? ", " : "", ep->responses[i].status);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

specc_code specc_decode_response(const specc_endpoint *endpoint, int status, const char *body,
                                 size_t len, void *out, specc_error *err)
{
    const specc_response *r = NULL;
    char statuses[128];
    specc_code code;
    void *value;
    size_t i;

    memcpy((char *)out + endpoint->status_offset, &status, sizeof status);
    clear_members(endpoint, out);
    for (i = 0; i < endpoint->response_count && !r; i++)
        if (endpoint->responses[i].status == status)
            r = &endpoint->responses[i];
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
