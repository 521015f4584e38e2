/*
 * import.c — the entry points (import.h): the document, the options, the
 * spec's top level, and the last step: the draft is emitted and checked by
 * specc's own checker; a default, example or const that the checker
 * refuses is left out (with a comment) and the draft checked again; any
 * other refusal is an internal error, and no draft is returned.
 */
#include "import_internal.h"
#include "import_check.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "model.h"
#include "naming.h"
#include "strbuf.h"

/* ---- helpers every step uses ------------------------------------- */

bool imp_oom(importer *im)
{
    if (im->d.oom)
        im->oom = true;
    return im->oom;
}

void imp_not_expressed(importer *im, draft_node *at, const node *where, const char *reason,
                       const char *ptr)
{
    json_t *count = json_object_get(im->reasons, reason);
    loc w = where ? where->where : (loc){im->file, 0, 0};
    json_object_set_new(im->reasons, reason,
                        json_integer(count ? json_integer_value(count) + 1 : 1));
    diag_warning(w, "not expressed: %s", reason);
    draft_comment(&im->d, at, "not expressed: %s (%s)", reason, ptr ? ptr : "#");
}

char *imp_ptr(importer *im, const char *base, const char *key)
{
    strbuf b = STRBUF_INIT;
    char *out;
    if (!base || !key) {
        im->oom = true;
        return NULL;
    }
    strbuf_append(&b, base);
    strbuf_append_char(&b, '/');
    for (; *key; key++) {
        if (*key == '~')
            strbuf_append(&b, "~0");
        else if (*key == '/')
            strbuf_append(&b, "~1");
        else
            strbuf_append_char(&b, *key);
    }
    out = b.failed ? NULL : draft_strndup(&im->d, b.value ? b.value : "", b.length);
    strbuf_free(&b);
    if (!out)
        im->oom = true;
    return out;
}

char *imp_ptr_index(importer *im, const char *base, size_t i)
{
    char *out = base ? draft_printf(&im->d, "%s/%zu", base, i) : NULL;
    if (!out)
        im->oom = true;
    return out;
}

/* ---- the document --------------------------------------------------- */

static bool check_version(importer *im)
{
    const node *v = node_get(im->root, "openapi");
    loc top = {im->file, 1, 1};
    if (im->root->kind != NODE_MAP) {
        diag_error(im->root->where, "not an OpenAPI description: expected a mapping at the top");
        return false;
    }
    if (!v) {
        if (node_get(im->root, "swagger"))
            diag_error(node_get(im->root, "swagger")->where,
                       "Swagger 2.0 is not supported: convert it to OpenAPI 3 first");
        else
            diag_error(top, "not an OpenAPI description: missing 'openapi' (3.0.x or 3.1.x)");
        return false;
    }
    if (v->kind != NODE_SCALAR || v->len < 3 || strncmp(v->value, "3.", 2) != 0 ||
        (v->value[2] != '0' && v->value[2] != '1') || (v->len > 3 && v->value[3] != '.')) {
        diag_error(v->where, "openapi: version '%s' is not supported (3.0.x or 3.1.x)",
                   v->kind == NODE_SCALAR ? v->value : "?");
        return false;
    }
    im->minor = v->value[2] - '0';
    return true;
}

bool import_api_ok(const char *s)
{
    size_t i;
    if (!(s[0] >= 'a' && s[0] <= 'z') || s[strlen(s) - 1] == '_' || strcmp(s, "specc") == 0 ||
        strcmp(s, "speccp") == 0)
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

/* info.title in lower case, words joined by '_', without a last word
 * "api": "OpenAI API" -> "openai". */
static char *title_name(importer *im, const char *title)
{
    char *out = draft_alloc(&im->d, strlen(title) + 1);
    size_t n = 0;
    for (; out && *title; title++) {
        char c = *title;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[n++] = c;
        else if (n && out[n - 1] != '_')
            out[n++] = '_';
    }
    while (out && n && out[n - 1] == '_')
        n--;
    if (out && n > 4 && strncmp(out + n - 4, "_api", 4) == 0)
        n -= 4;
    if (out)
        out[n] = '\0';
    return out;
}

/* A valid api name from --api or info.title ("api" when it gives none). */
static char *api_name(importer *im)
{
    const node *title = node_get(node_get(im->root, "info"), "title");
    char *name = NULL;
    if (im->o->api)
        return draft_strdup(&im->d, im->o->api);
    if (title && title->kind == NODE_SCALAR && strlen(title->value) == title->len)
        name = title_name(im, title->value);
    return name && *name && import_api_ok(name) ? name : draft_strdup(&im->d, "api");
}

/* servers[0].url, its {variables} replaced by their defaults. */
static char *base_url(importer *im)
{
    const node *s = node_get(im->root, "servers"), *url, *vars;
    strbuf b = STRBUF_INIT;
    const char *p;
    char *out;
    if (!s || s->kind != NODE_SEQ || s->count == 0 ||
        !(url = node_get(s->items[0], "url")) || url->kind != NODE_SCALAR)
        return NULL;
    vars = node_get(s->items[0], "variables");
    for (p = url->value; *p; p++) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        const node *def = NULL;
        if (close) {
            char *name = draft_strndup(&im->d, p + 1, (size_t)(close - p - 1));
            def = name ? node_get(node_get(vars, name), "default") : NULL;
        }
        if (def && def->kind == NODE_SCALAR) {
            strbuf_append(&b, def->value);
            p = close;
        } else {
            strbuf_append_char(&b, *p);
        }
    }
    out = b.failed || !b.value ? NULL : draft_strdup(&im->d, b.value);
    strbuf_free(&b);
    return out;
}

static void top_level(importer *im)
{
    const node *info = node_get(im->root, "info"), *v;
    char *url = base_url(im);
    im->spec = draft_map(&im->d);
    draft_set_lit(&im->d, im->spec, "specc", "2");
    draft_set_str(&im->d, im->spec, "api", api_name(im));
    if ((v = node_get(info, "title")) && v->kind == NODE_SCALAR && strlen(v->value) == v->len)
        draft_set_str(&im->d, im->spec, "title", v->value);
    if ((v = node_get(info, "description")) && v->kind == NODE_SCALAR && strlen(v->value) == v->len)
        draft_set_str(&im->d, im->spec, "description", v->value);
    if (url)
        draft_set_str(&im->d, im->spec, "base_url", url);
    im->endpoints = draft_map(&im->d);
    im->types = draft_map(&im->d);
}

/* A --schema that is no object nor union: a type of its own, its value. */
static void value_type(importer *im, const node *s, const char *ptr, const char *name,
                       imp_shape sh)
{
    imp_type *t = imp_known(im, s);
    size_t i, at = 0;
    for (i = 0; t && i < im->types->count; i++)
        if (im->types->keys[i] == t->key)
            at = i + 1;
    if (t && (!at || !im->types->items[at - 1]->dropped))
        return; /* an object or a union: a type already */
    imp_fit(im, &sh, IR_VALUE, s, ptr);
    if (!sh.def)
        return;
    sh.def = draft_copy(&im->d, sh.def);
    sh.def->flow = false;
    if (!t && !(t = imp_named(im, s, ptr, name)))
        return;
    for (i = 0; i < im->types->count; i++)
        if (im->types->keys[i] == t->key)
            im->types->items[i] = sh.def;
    t->def = sh.def;
    t->alias = NULL;
    t->is_object = t->is_union = false;
    t->drafted = true;
}

/* --schema NAMEs: each must be a component schema. */
static void wanted_schemas(importer *im)
{
    const node *schemas = node_get(node_get(im->root, "components"), "schemas");
    size_t i;
    im->roots = calloc(im->o->schema_count + 1, sizeof *im->roots);
    if (!im->roots)
        im->oom = true;
    for (i = 0; i < im->o->schema_count; i++) {
        const char *name = im->o->schemas[i];
        const node *s = node_get(schemas, name);
        char *ptr = imp_ptr(im, "#/components/schemas", name);
        imp_shape sh;
        if (!s) {
            diag_error((loc){im->file, 0, 0}, "no component schema '%s' (--schema)", name);
            im->failed = true;
            continue;
        }
        sh = imp_schema(im, s, ptr, name);
        if (!sh.named && !node_get(s, "$ref"))
            value_type(im, s, ptr, name, sh);
        if (im->roots && (sh.named || imp_known(im, s)))
            im->roots[im->root_count++] = sh.named ? sh.named : imp_known(im, s);
    }
}

/* ---- the draft through the checker ---------------------------------- */

typedef struct found {
    draft_node **nodes;
    size_t count, cap;
    bool oom;
} found;

static void collect_droppable(draft_node *n, found *f)
{
    size_t i;
    if (!n || n->dropped)
        return;
    if (n->droppable && n->line > 0) {
        if (f->count == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 64;
            draft_node **g = realloc(f->nodes, cap * sizeof *g);
            if (!g) {
                f->oom = true;
                return;
            }
            f->nodes = g;
            f->cap = cap;
        }
        f->nodes[f->count++] = n;
    }
    for (i = 0; n->kind != DRAFT_SCALAR && i < n->count; i++)
        collect_droppable(n->items[i], f);
}

/* The droppable node an error at line:col is about, or NULL. */
static draft_node *droppable_at(const found *f, int line, int col)
{
    draft_node *best = NULL;
    size_t i;
    for (i = 0; i < f->count; i++)
        if (f->nodes[i]->line == line && f->nodes[i]->col <= col &&
            (!best || f->nodes[i]->col > best->col))
            best = f->nodes[i];
    return best;
}

void imp_droppable(importer *im, draft_node *value, draft_node *parent, const node *src,
                   const char *ptr)
{
    drop_info *di = draft_alloc(&im->d, sizeof *di);
    if (!value || !di)
        return;
    di->src = src;
    di->ptr = ptr;
    di->parent = parent;
    value->droppable = true;
    value->owner = di;
}

/* Leaves out the values the checker's errors (in msgs) point at; false if
 * an error points at anything else. */
static bool drop_refused(importer *im, draft_node *root, const char *msgs)
{
    found f = {NULL, 0, 0, false};
    const char *line = msgs;
    bool ok = true, any = false;
    collect_droppable(root, &f);
    if (f.oom) {
        free(f.nodes);
        im->oom = true;
        return false;
    }
    while (line && *line) {
        int l, c;
        const char *next = strchr(line, '\n');
        if (sscanf(line, "<draft>:%d:%d: error:", &l, &c) == 2) {
            draft_node *n = droppable_at(&f, l, c);
            if (!n) {
                ok = false;
            } else if (!n->dropped) {
                drop_info *di = n->owner;
                n->dropped = true;
                any = true;
                imp_not_expressed(im, di->parent, di->src,
                                  "a default, const or example that its own schema refuses",
                                  di->ptr);
            }
        }
        line = next ? next + 1 : NULL;
    }
    free(f.nodes);
    return ok && any;
}

/* Runs the checker on text; its messages into *msgs (malloc'd). */
static bool lints(const char *text, size_t len, char **msgs)
{
    size_t size = 0;
    FILE *mem = open_memstream(msgs, &size), *was = diag_get_stream();
    node *root;
    spec *s = NULL;
    int before = diag_errors();
    if (!mem)
        return false;
    diag_set_stream(mem);
    root = parse_text("<draft>", text, len);
    if (root)
        s = spec_check("<draft>", root);
    diag_set_stream(was);
    fclose(mem);
    spec_free(s);
    if (s) {
        free(*msgs);
        *msgs = NULL;
    }
    (void)before;
    return s != NULL;
}

/* The draft refused: say so with the checker's messages (a bug here). */
static void internal_error(importer *im, const char *text, const char *msgs)
{
    fputs(text, stderr);
    fprintf(stderr, "%sspecc: internal error: the draft above does not pass 'specc lint'; "
                    "please report it with the description\n",
            msgs);
    im->failed = true;
}

static char *checked_text(importer *im, size_t *len)
{
    int round;
    for (round = 0; round < 8; round++) {
        char *msgs = NULL;
        char *text = draft_emit(im->spec, len);
        bool dropped;
        if (!text) {
            im->oom = true;
            return NULL;
        }
        if (lints(text, *len, &msgs))
            return text;
        if (!msgs || strstr(msgs, ": error: out of memory"))
            im->oom = true; /* the check could not run: no draft, exit 3 */
        dropped = !im->oom && drop_refused(im, im->spec, msgs);
        if (!dropped && !imp_oom(im))
            internal_error(im, text, msgs);
        free(msgs);
        free(text);
        if (!dropped)
            return NULL;
    }
    im->failed = true;
    fputs("specc: internal error: the draft does not settle\n", stderr);
    return NULL;
}

/* ---- entry points ---------------------------------------------------- */

static int finish(importer *im, char *text, size_t len, char **out, size_t *out_len)
{
    int status = im->oom ? 3 : im->failed || !text ? 1 : 0;
    if (im->d.too_large && !im->failed) {
        diag_error((loc){im->file, 0, 0},
                   "the draft would have more than %zu nodes; import fewer operations "
                   "(--operation)", (size_t)IMPORT_MAX_DRAFT_NODES);
        status = 1;
    }
    if (status != 0) {
        free(text);
        text = NULL;
    }
    *out = text;
    *out_len = text ? len : 0;
    json_decref(im->by_node);
    json_decref(im->taken);
    json_decref(im->reasons);
    json_decref(im->refs);
    json_decref(im->components);
    json_decref(im->endpoint_of);
    import_examples_free(&im->examples);
    free(im->types_list);
    free(im->roots);
    draft_free(&im->d);
    node_free(im->root);
    return status;
}

static void build(importer *im)
{
    top_level(im);
    imp_operations(im);
    wanted_schemas(im);
    imp_draft_types(im);
    if (imp_oom(im) || im->failed)
        return;
    /* Every example of the description, for checking them against the draft
     * and, with --fit-examples, loosening it (not implemented yet: the
     * command refuses the option). */
    if (!import_collect_examples(im, &im->examples))
        im->oom = true;
    imp_reach(im, im->roots, im->root_count);
    imp_settle_names(im);
    if (im->endpoints->count)
        draft_set(&im->d, im->spec, "endpoints", im->endpoints);
    if (im->types->count)
        draft_set(&im->d, im->spec, "types", im->types);
}

int import_openapi_text(const char *name, const char *text, size_t len,
                        const import_options *o, char **out, size_t *out_len)
{
    importer im;
    size_t tlen = 0;
    char *spec_text = NULL;
    *out = NULL;
    *out_len = 0;
    if (len > IMPORT_MAX_BYTES) {
        diag_error((loc){name, 0, 0}, "the description is too large (%zu bytes; at most %zu)",
                   len, (size_t)IMPORT_MAX_BYTES);
        return 1;
    }
    memset(&im, 0, sizeof im);
    im.file = name;
    im.o = o;
    draft_init(&im.d, IMPORT_MAX_DRAFT_NODES);
    if (!(im.root = parse_text(name, text, len)))
        return 1;
    im.by_node = json_object();
    im.taken = json_object();
    im.reasons = json_object();
    im.refs = json_object();
    im.endpoint_of = json_object();
    if (!im.by_node || !im.taken || !im.reasons || !im.refs || !im.endpoint_of)
        im.oom = true;
    else if (!check_version(&im))
        im.failed = true;
    else
        build(&im);
    if (!imp_oom(&im) && !im.failed)
        spec_text = imp_check_examples(&im, checked_text(&im, &tlen), &tlen, checked_text);
    imp_oom(&im);
    return finish(&im, spec_text, tlen, out, out_len);
}

int import_openapi_file(const char *path, const import_options *o, char **out, size_t *out_len)
{
    size_t len;
    char *text = file_read(path, &len, 1);
    int status;
    *out = NULL;
    *out_len = 0;
    if (!text) {
        diag_error((loc){path, 0, 0}, "cannot read: %s", strerror(errno));
        return errno == ENOMEM ? 3 : 1;
    }
    status = import_openapi_text(strcmp(path, "-") == 0 ? "<stdin>" : path, text, len, o, out,
                                 out_len);
    free(text);
    return status;
}
