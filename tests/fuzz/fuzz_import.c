/*
 * fuzz_import — libFuzzer target for `specc import`: any bytes as an OpenAPI
 * document go through import_openapi_text (in memory, no file read). The
 * importer must never crash, leak or hang, must answer 0, 1 or 3, and a
 * draft it writes must be a spec: it parses and passes the spec checker
 * (parse_text + spec_check, as `specc lint` would). A document it imports is
 * imported again with --fit-examples, under the same demands.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "model.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    diag_set_stream(fopen("/dev/null", "w"));
    return 0;
}

/* Import with the options; abort on anything but a clean answer. Returns
 * whether a draft was written (and checked). */
static int import_and_check(const uint8_t *data, size_t size, bool fit_examples)
{
    import_options o;
    char *out = NULL;
    size_t out_len = 0;
    node *root;
    spec *s;
    int rc;

    memset(&o, 0, sizeof o);
    o.fit_examples = fit_examples;
    diag_reset();
    rc = import_openapi_text("fuzz.yaml", (const char *)data, size, &o, &out, &out_len);
    if (rc != 0) {
        /* 1: the document's errors, reported through diag; 3: out of memory. */
        if (rc != 1 && rc != 3)
            abort();
        if (rc == 1 && diag_errors() == 0)
            abort(); /* a refusal must say why */
        free(out);
        return 0;
    }
    if (!out || memchr(out, '\0', out_len))
        abort();
    /* The draft is a spec: it parses and checks with no error. */
    diag_reset();
    root = parse_text("draft.yaml", out, out_len);
    if (!root)
        abort();
    s = spec_check("draft.yaml", root); /* owns root from here */
    if (!s || diag_errors() != 0)
        abort();
    spec_free(s);
    free(out);
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (import_and_check(data, size, false))
        import_and_check(data, size, true);
    return 0;
}
