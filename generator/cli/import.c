/*
 * import.c — `specc import OPENAPI [--api NAME] [--operation ID]...
 * [--schema NAME]... [--fit-examples] [-o SPEC]`: a first draft of a v2
 * spec from an OpenAPI 3.0 or 3.1 description (the work is in
 * generator/import/). Exit 0 with the draft (standard output, or the file
 * -o names); 1 when the description cannot be read or is not OpenAPI 3 (or
 * an internal error); 2 on usage errors; 3 out of memory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "import.h"

typedef struct cli {
    import_options o;
    const char **ops, **schemas;
    const char *input, *output;
} cli;

static int option(int argc, char **argv, int *i, cli *c)
{
    const char *a = argv[*i];
    if (strcmp(a, "--fit-examples") == 0) {
        c->o.fit_examples = true;
        return 0;
    }
    if (strcmp(a, "--api") != 0 && strcmp(a, "--operation") != 0 && strcmp(a, "--schema") != 0 &&
        strcmp(a, "-o") != 0)
        return usage_error("unknown option '%s'", a);
    if (*i + 1 >= argc)
        return usage_error("%s needs a value", a);
    ++*i; /* argv[*i] is the value, a the option */
    if (strcmp(a, "--api") == 0)
        c->o.api = argv[*i];
    else if (strcmp(a, "--operation") == 0)
        c->ops[c->o.operation_count++] = argv[*i];
    else if (strcmp(a, "--schema") == 0)
        c->schemas[c->o.schema_count++] = argv[*i];
    else
        c->output = argv[*i];
    return 0;
}

static int parse_args(int argc, char **argv, cli *c)
{
    int i, status;
    for (i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            if ((status = option(argc, argv, &i, c)) != 0)
                return status;
        } else if (c->input) {
            return usage_error("import takes one description, got '%s' too", argv[i]);
        } else {
            c->input = argv[i];
        }
    }
    if (!c->input)
        return usage_error("%s", "import needs an OpenAPI description (- for standard input)");
    if (c->o.api && !import_api_ok(c->o.api))
        return usage_error("%s", "--api wants lower-case letters, digits and '_', starting with "
                                 "a letter (not specc or speccp)");
    c->o.operations = c->o.operation_count ? c->ops : NULL;
    c->o.schemas = c->o.schema_count ? c->schemas : NULL;
    return 0;
}

static int write_out(const cli *c, const char *text, size_t len)
{
    FILE *f = c->output ? fopen(c->output, "wb") : stdout;
    bool ok;
    if (!f) {
        diag_error((loc){c->output, 0, 0}, "cannot write: %s", strerror(errno));
        return 1;
    }
    ok = fwrite(text, 1, len, f) == len;
    ok = (c->output ? fclose(f) == 0 : fflush(f) == 0) && ok;
    if (!ok) {
        diag_error((loc){c->output ? c->output : "<stdout>", 0, 0}, "cannot write: %s",
                   strerror(errno));
        return 1;
    }
    return 0;
}

int cmd_import(int argc, char **argv)
{
    cli c;
    char *text = NULL;
    size_t len = 0;
    int status;
    memset(&c, 0, sizeof c);
    c.ops = malloc(((size_t)argc + 1) * sizeof *c.ops);
    c.schemas = malloc(((size_t)argc + 1) * sizeof *c.schemas);
    if (!c.ops || !c.schemas) {
        free(c.ops);
        free(c.schemas);
        return 3;
    }
    status = parse_args(argc, argv, &c);
    if (status == 0)
        status = import_openapi_file(c.input, &c.o, &text, &len);
    if (status == 3)
        fputs("specc: out of memory\n", stderr);
    if (status == 0)
        status = write_out(&c, text, len);
    free(text);
    free(c.ops);
    free(c.schemas);
    return status;
}
