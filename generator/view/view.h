/*
 * view.h — the model as the jansson tree templates render (and dump-model
 * prints).
 */
#ifndef SPECC_VIEW_H
#define SPECC_VIEW_H

#include <jansson.h>

#include "model.h"

/* The runtime version generated headers demand; it must equal
 * SPECC_RUNTIME_VERSION in templates/runtime/specc.h (a mismatch makes every
 * generated header fail to compile, so the test suite catches it). */
#define VIEW_RUNTIME_VERSION 5

/* What a view holds: the model facts and the C text the bindings'
 * templates render, or that and the Markdown text (the md_ keys) of
 * `specc doc` too (what dump-model prints). */
typedef enum view_parts { VIEW_BINDINGS, VIEW_ALL } view_parts;

json_t *view_spec(const spec *s, const char *version, view_parts parts);
json_t *view_runtime(const char *version);

#endif
