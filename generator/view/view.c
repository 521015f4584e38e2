/*
 * view.c — the model as a jansson tree: what templates render and what
 * `specc dump-model` prints. This file gives the tree its shape and fills in
 * the model facts; the C text (view_c.c) and the Markdown text (view_md.c)
 * are made next door, so templates stay logic-less and the C rules live in
 * C. The order keys are put in is the order dump-model prints them.
 */
#include "view.h"

#include <string.h>

#include "descriptor.h"
#include "naming.h"
#include "view_internal.h"

const char *view_param_in(param_in in)
{
    return in == PARAM_PATH ? "path" : in == PARAM_HEADER ? "header" : "query";
}

/* ------------------------------------------------------------------ types */

static json_t *view_field(view_ctx *ctx, const type_def *t, const field *f)
{
    json_t *o = json_object();

    /* Model facts (for dump-model and the reference docs). */
    put_own(o, "json_name", naming_comment(f->json_name, f->json_len));
    put_own(o, "json_literal", c_literal(f->json_name, f->json_len));
    put(o, "json_len", json_integer((json_int_t)f->json_len));
    put_s(o, "type", f->shape.kind == SHAPE_REF ? f->shape.ref->name
                                                : shape_kind_name(f->shape.kind));
    put_s(o, "format", format_name(f->shape.format));
    put_b(o, "required", f->required);
    put_b(o, "nullable", f->nullable);
    put_s(o, "c_name", f->c_name);
    put_s(o, "owner", t->c_name);
    put(o, "doc", c_comment(f->description));

    if (ctx->md)
        md_field(o, f);    /* Markdown text (specc doc) */
    c_field(ctx, o, t, f); /* C text */
    c_elements(ctx, &f->shape);
    return o;
}

static json_t *view_type(view_ctx *ctx, const type_def *t)
{
    json_t *o = json_object(), *fields = json_array();
    size_t i;
    put_s(o, "name", t->name);
    put_s(o, "c_name", t->c_name);
    put_s(o, "kind", t->kind == TYPE_OBJECT ? "object" : t->kind == TYPE_UNION ? "union" : "value");
    put_b(o, "is_object", desc_type_kind(t) == SPECC_TYPE_OBJECT);
    put_b(o, "is_value", desc_type_kind(t) == SPECC_TYPE_VALUE);
    put_b(o, "deprecated", t->deprecated);
    if (t->kind == TYPE_UNION)
        c_union_view(ctx, o, t);
    else if (t->kind == TYPE_VALUE)
        c_value_type_view(ctx, o, t);
    put(o, "doc", c_comment(t->description));
    if (ctx->md) {
        put_own(o, "md_description", md_text(t->description));
        put_s(o, "md_unknown", md_unknown_policy(t->unknown));
        put_own(o, "md_form", md_type_form(t));
    }
    put_s(o, "policy", c_unknown_policy(t->unknown));
    put_b(o, "preserve", desc_preserves(t));
    put(o, "field_count", json_integer((json_int_t)t->field_count));
    put_b(o, "has_fields", t->field_count > 0);
    put_b(o, "empty", t->kind == TYPE_OBJECT && t->field_count == 0 &&
                          t->unknown != UNKNOWN_PRESERVE);
    for (i = 0; i < t->field_count; i++)
        json_array_append_new(fields, view_field(ctx, t, &t->fields[i]));
    put(o, "fields", fields);
    put_own(o, "builders", c_builders(t));
    put_b(o, "has_builders", json_is_string(json_object_get(o, "builders")));
    return o;
}

/* Does any type have typed wrappers that build values? */
static bool any_builders(const json_t *types)
{
    size_t i;
    for (i = 0; i < json_array_size(types); i++)
        if (json_is_true(json_object_get(json_array_get(types, i), "has_builders")))
            return true;
    return false;
}

/* -------------------------------------------------------------- endpoints */

/* Does a parameter need a shape in its descriptor (version 2 constraints)? */
static bool param_has_constraints(const param *p)
{
    const shape *sh = &p->shape;
    return sh->kind == SHAPE_ARRAY || sh->enums || sh->minimum.set || sh->maximum.set ||
           sh->min_length.set || sh->max_length.set || sh->pattern || sh->multiple_of.set ||
           sh->const_json || sh->format == FORMAT_INT32;
}

static json_t *view_param(view_ctx *ctx, const endpoint *e, const param *p)
{
    json_t *o = json_object();
    char *shape_name = NULL;
    if (param_has_constraints(p) && (shape_name = str_printf("%s_%s_shape", e->c_name, p->c_name))) {
        json_t *so = json_object();
        put_s(so, "name", shape_name);
        put_own(so, "init", c_param_shape_init(ctx, p, shape_name));
        json_array_append_new(ctx->shapes, so);
    }
    put_own(o, "shape", shape_name);
    put_s(o, "name", p->name);
    put_own(o, "literal", c_literal(p->name, strlen(p->name)));
    put_s(o, "c_name", p->c_name);
    put_s(o, "owner", e->c_name);
    put_own(o, "decl", c_param_decl(p));
    put_s(o, "c_has", p->c_has);
    put_s(o, "in", p->in == PARAM_PATH     ? "SPECC_IN_PATH"
                   : p->in == PARAM_HEADER ? "SPECC_IN_HEADER"
                                           : "SPECC_IN_QUERY");
    put_s(o, "kind", c_kind_constant(&p->shape, false));
    put_s(o, "format", p->shape.format ? c_format_constant(p->shape.format) : NULL);
    put_own(o, "flags", c_param_flags(p));
    put_own(o, "note", c_param_note(p));
    put(o, "doc", c_comment(p->description));
    if (ctx->md) {
        put_own(o, "md_name", md_text(p->name));
        put_own(o, "md_description", md_text(p->description));
        put_s(o, "md_in", view_param_in(p->in));
        put_s(o, "md_type", shape_kind_name(p->shape.kind));
        put_s(o, "md_required", p->required ? "yes" : "no");
    }
    return o;
}

static json_t *view_response(const view_ctx *ctx, const endpoint *e, const response *r)
{
    json_t *o = json_object();
    char *member = str_printf("%s", r->status_text ? r->status_text : "");
    size_t i;
    for (i = 0; member && member[i]; i++)
        member[i] = member[i] >= 'A' && member[i] <= 'Z' ? (char)(member[i] - 'A' + 'a') : member[i];
    put(o, "status", json_integer(r->status));
    put_own(o, "member", member);
    put_s(o, "status_text", r->status_text);
    put_s(o, "kind", r->status_kind == STATUS_RANGE     ? "SPECC_STATUS_RANGE"
                     : r->status_kind == STATUS_DEFAULT ? "SPECC_STATUS_DEFAULT"
                                                        : NULL);
    put_s(o, "type", r->type ? r->type->c_name : NULL);
    put_s(o, "type_name", r->type ? r->type->name : NULL);
    put_s(o, "owner", e->c_name);
    if (ctx->md)
        put_own(o, "md_description", md_text(r->description));
    return o;
}

static json_t *view_endpoint(view_ctx *ctx, const spec *s, const endpoint *e)
{
    json_t *o = json_object(), *params = json_array(), *responses = json_array();
    char *summary = str_printf("%s %s", e->method, e->path);
    size_t i;
    put_s(o, "name", e->name);
    put_s(o, "c_name", e->c_name);
    put_own(o, "upper", naming_upper(e->c_name));
    put_s(o, "method", e->method);
    put_own(o, "path_literal", c_literal(e->path, strlen(e->path)));
    put_own(o, "summary", summary ? naming_comment(summary, strlen(summary)) : NULL);
    free(summary);
    put(o, "doc", c_comment(e->description));
    if (ctx->md) {
        put_own(o, "md_description", md_text(e->description));
        put_own(o, "md_path", md_text(e->path));
    }
    for (i = 0; i < e->param_count; i++)
        json_array_append_new(params, view_param(ctx, e, &e->params[i]));
    for (i = 0; i < e->response_count; i++)
        json_array_append_new(responses, view_response(ctx, e, &e->responses[i]));
    put(o, "params", params);
    put_b(o, "has_params", e->param_count > 0);
    put_b(o, "has_request", s->version >= 2);
    put_s(o, "body_type", e->body ? e->body->type->c_name : NULL);
    put_s(o, "body_type_name", e->body ? e->body->type->name : NULL);
    put_b(o, "body_required", e->body && e->body->required);
    put(o, "param_count", json_integer((json_int_t)e->param_count));
    put(o, "responses", responses);
    put(o, "response_count", json_integer((json_int_t)e->response_count));
    return o;
}

/* ------------------------------------------------------------------- spec */

/* The banner, file name and versions every generated file starts with. */
static void view_header(json_t *v, const spec *s, const char *version)
{
    const char *slash = strrchr(s->file, '/');
    const char *file = slash ? slash + 1 : s->file;
    char *banner = str_printf("Generated by specc %s from %s. Do not edit: change the spec and "
                              "run specc again.",
                              version, file);
    put_own(v, "banner", banner ? naming_comment(banner, strlen(banner)) : NULL);
    free(banner);
    put_own(v, "spec_file", naming_comment(file, strlen(file)));
    put_s(v, "version", version);
    put(v, "runtime_version", json_integer(VIEW_RUNTIME_VERSION));
}

static void view_auth(json_t *v, const spec *s)
{
    json_t *auth = json_array();
    size_t i;
    for (i = 0; i < s->auth_count; i++) {
        json_t *a = json_object();
        put_s(a, "scheme", s->auth[i]);
        json_array_append_new(auth, a);
    }
    put(v, "auth", auth);
    put_b(v, "has_auth", s->auth_count > 0);
}

json_t *view_spec(const spec *s, const char *version, view_parts parts)
{
    json_t *v = json_object(), *types = json_array(), *endpoints = json_array();
    view_ctx ctx = {json_array(), json_array(), json_array(),      json_object(),
                    json_array(), json_array(), json_array(),      json_array(),
                    parts == VIEW_ALL};
    size_t i;
    int pass;

    view_header(v, s, version);
    put_s(v, "api", s->api);
    put_s(v, "api_upper", s->api_upper);
    put_own(v, "guard", str_printf("%s_H", s->api_upper));
    put(v, "title", c_comment(s->title));
    if (ctx.md) {
        put_own(v, "md_title", md_text(s->title ? s->title : s->api));
        put_own(v, "md_description", md_text(s->description));
        put_own(v, "md_docs", md_text(s->docs));
        put_own(v, "md_base_url", md_text(s->base_url));
    }
    put(v, "doc", c_comment(s->description));
    put_own(v, "docs_url", s->docs ? naming_comment(s->docs, strlen(s->docs)) : NULL);
    put_b(v, "has_docs", s->docs != NULL);
    put_own(v, "base_url_literal", c_literal(s->base_url ? s->base_url : "",
                                             s->base_url ? strlen(s->base_url) : 0));
    view_auth(v, s);
    /* Value types, then unions, then objects: a struct holds the first two
     * in place, so their definitions come first. */
    for (pass = 0; pass < 3; pass++)
        for (i = 0; i < s->type_count; i++)
            if ((int)s->types[i].kind == (pass == 0 ? TYPE_VALUE : pass == 1 ? TYPE_UNION : TYPE_OBJECT))
                json_array_append_new(types, view_type(&ctx, &s->types[i]));
    for (i = 0; i < s->endpoint_count; i++)
        json_array_append_new(endpoints, view_endpoint(&ctx, s, &s->endpoints[i]));
    put(v, "types", types);
    put_b(v, "has_builders", any_builders(types));
    put(v, "type_count", json_integer((json_int_t)s->type_count));
    put_b(v, "has_types", s->type_count > 0);
    put(v, "enums", ctx.enums);
    put(v, "int_enums", ctx.int_enums);
    put(v, "shapes", ctx.shapes);
    put_b(v, "has_forward", json_array_size(ctx.unions) > 0);
    put(v, "kind_enums", ctx.kind_enums);
    put(v, "unions", ctx.unions);
    put(v, "elems", ctx.elems);
    put(v, "name_tables", ctx.name_tables);
    json_decref(ctx.seen);
    put(v, "endpoints", endpoints);
    put(v, "endpoint_count", json_integer((json_int_t)s->endpoint_count));
    put_b(v, "has_endpoints", s->endpoint_count > 0);
    put_b(v, "has_deprecated", s->type_count > 0 || s->endpoint_count > 0); /* the aliases */
    return v;
}

json_t *view_runtime(const char *version)
{
    json_t *v = json_object();
    put_own(v, "banner", str_printf("Generated by specc %s: the specc runtime. Do not edit.",
                                    version));
    put_s(v, "version", version);
    put(v, "runtime_version", json_integer(VIEW_RUNTIME_VERSION));
    return v;
}
