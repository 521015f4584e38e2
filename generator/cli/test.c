/*
 * test.c — `specc test SPEC...`: every example file the specs list, checked
 * as the compiled bindings would check it; ends with "N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "model.h"
#include "try_examples.h"
#include "try_types.h"

int cmd_test(int argc, char **argv)
{
    try_example_counts counts = {0, 0};
    bool spec_errors = false;
    int i, first = 1;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") != 0)
            return usage_error("unknown option '%s'", argv[i]);
        i++;
        break;
    }
    first = i;
    if (first >= argc)
        return usage_error("%s", "test needs at least one SPEC file");
    for (i = first; i < argc; i++) {
        spec *s = spec_load(argv[i]);
        try_types *tt;
        if (!s) {
            spec_errors = true;
            continue;
        }
        tt = try_types_build(s);
        try_examples(s, tt, stdout, &counts);
        try_types_free(tt);
        spec_free(s);
    }
    printf("%zu passed, %zu failed\n", counts.passed, counts.failed);
    if (spec_errors) {
        fprintf(stderr, "specc: %d error%s in the specs\n", diag_errors(),
                diag_errors() == 1 ? "" : "s");
        return 2;
    }
    return counts.failed ? 1 : 0;
}
