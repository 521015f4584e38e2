/*
 * fuzz_spec — libFuzzer target for the generator's front end: any bytes as a
 * spec file go through parse, check, view and the real templates. The
 * generator must never crash, leak or hang, whatever the input.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "read_file.h"
#include "model.h"
#include "render.h"
#include "view.h"

#ifndef SPECC_SOURCE_TEMPLATES
#error "build with -DSPECC_SOURCE_TEMPLATES=\"/path/to/templates\""
#endif

static char *templates[2];
static size_t template_len[2];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    templates[0] = read_file(SPECC_SOURCE_TEMPLATES "/api.h.tmpl", &template_len[0]);
    templates[1] = read_file(SPECC_SOURCE_TEMPLATES "/api.c.tmpl", &template_len[1]);
    if (!templates[0] || !templates[1])
        abort();
    diag_set_stream(fopen("/dev/null", "w"));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    node *root;
    spec *s;
    size_t i;

    diag_reset();
    root = parse_text("fuzz.yaml", (const char *)data, size);
    if (!root)
        return 0;
    s = spec_check("fuzz.yaml", root);
    if (!s)
        return 0;
    {
        json_t *view = view_spec(s, "fuzz", VIEW_ALL);
        for (i = 0; i < 2; i++) {
            size_t out_len;
            char *out = render_template("tmpl", templates[i], template_len[i], view, &out_len);
            /* An accepted spec must render: a template error here is a bug. */
            if (!out)
                abort();
            free(out);
        }
        json_decref(view);
    }
    spec_free(s);
    return 0;
}
