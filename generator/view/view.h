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
#define VIEW_RUNTIME_VERSION 4

json_t *view_spec(const spec *s, const char *version);
json_t *view_runtime(const char *version);

#endif
