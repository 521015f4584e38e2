/*
 * main.c — the specc command line: one entry point per command (see
 * commands.h), chosen by the first argument.
 *
 * Exit status: see usage_text.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

static const char usage_text[] =
    "usage: specc generate -o DIR [-v] [--no-runtime] [--templates DIR] SPEC...\n"
    "       specc generate --list [--no-runtime] [--templates DIR] SPEC...\n"
    "       specc check    -o DIR [-v] [--no-runtime] [--templates DIR] SPEC...\n"
    "       specc runtime  -o DIR [-v] [--templates DIR]\n"
    "       specc runtime  --list [--templates DIR]\n"
    "       specc schema   -o DIR SPEC...\n"
    "       specc doc      -o DIR [--templates DIR] SPEC...\n"
    "       specc lint SPEC...\n"
    "       specc try [--quiet] SPEC TARGET [FILE...]\n"
    "       specc test SPEC...\n"
    "       specc dump-model SPEC...\n"
    "       specc diff [--json] OLD NEW\n"
    "       specc infer [--api NAME] [--type NAME] FILE...\n"
    "       specc import [--api NAME] [--operation ID]... [--schema NAME]...\n"
    "                    [--fit-examples] [-o SPEC] OPENAPI\n"
    "       specc --help | --version\n"
    "\n"
    "  generate    write C bindings for the specs (API.h, API.c) and the specc\n"
    "              runtime (specc.h, specc_*.c) into DIR; a file is rewritten\n"
    "              only when its bytes change\n"
    "  check       exit 1 and name each file in DIR that differs from what\n"
    "              generate would write (use it in CI to catch stale bindings)\n"
    "  runtime     write only the runtime into DIR\n"
    "  schema      write a JSON Schema (draft 2020-12) per API: DIR/API.schema.json\n"
    "  doc         write a Markdown reference per API: DIR/API.md\n"
    "  lint        check the specs (including every example value and example\n"
    "              file) and report every problem as FILE:LINE:COL: error: MESSAGE\n"
    "  try         decode each payload FILE (default: standard input) as TARGET,\n"
    "              a type (Model) or a response (get_model.200), as the bindings\n"
    "              would: every problem as FILE:LINE:COL: $.path: message on\n"
    "              standard error, the re-encoded JSON of each accepted payload\n"
    "              on standard output (none with --quiet); exit 1 if any is rejected\n"
    "  test        check every example file the specs list; ends with\n"
    "              'N passed, N failed'; exit 1 if any fails\n"
    "  dump-model  print the checked model as JSON (what the templates see)\n"
    "  diff        compare two versions of a spec: one line per change, breaking\n"
    "              or compatible, with what C code must do; exit 1 when\n"
    "              something breaks, 2 when a spec is invalid (--json: a JSON array)\n"
    "  infer       print a first draft of a spec whose type (--type, default Root;\n"
    "              --api, default draft) accepts every JSON FILE (- for standard\n"
    "              input): keys, required, nullable, numbers, formats, maps, unions\n"
    "  import      print (or write to -o SPEC) a first draft of a spec from an\n"
    "              OpenAPI 3.0 or 3.1 description, YAML or JSON (- for standard\n"
    "              input): the operations (--operation: those operationIds) and\n"
    "              the schemas they reach (and --schema NAMEs); what the spec\n"
    "              language cannot say is `any` with a '# not expressed' comment;\n"
    "              every example of the description is checked against the draft\n"
    "              (warnings), and --fit-examples loosens the draft until each\n"
    "              is accepted, with a '# loosened' comment at every change\n"
    "\n"
    "  -o DIR           output directory\n"
    "  --no-runtime     generate or check only the API files, not the runtime\n"
    "  --list           generate, runtime: print the names of the files the\n"
    "                   command would write into DIR, one per line; write\n"
    "                   nothing (-o DIR is optional; for build systems)\n"
    "  -v, --verbose    generate, runtime: a line per file, 'wrote FILE' or\n"
    "                   'unchanged FILE', then 'not removed FILE' for each file\n"
    "                   in DIR that specc generated but these specs no longer\n"
    "                   produce (never deleted: runs for other specs may share\n"
    "                   DIR); check: 'ok FILE' for each file that is up to date\n"
    "  --templates DIR  templates to render (default: found next to specc)\n"
    "\n"
    "Exit status: 0 ok; 1 spec errors, stale output, a rejected payload, a failed\n"
    "example, a breaking change (diff), input that is not JSON (infer) or not\n"
    "OpenAPI 3 (import); 2 usage\n"
    "(and for try, test and diff, a spec that does not load); 3 out of memory.\n";

int usage_error(const char *fmt, const char *arg)
{
    fputs("specc: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'specc --help'.\n", stderr);
    return 2;
}

/* Every command and the function that runs it. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"generate", cmd_generate}, {"check", cmd_generate}, {"runtime", cmd_generate},
    {"schema", cmd_generate},   {"doc", cmd_generate},   {"lint", cmd_generate},
    {"dump-model", cmd_generate}, {"try", cmd_try}, {"test", cmd_test},
    {"diff", cmd_diff}, {"infer", cmd_infer},
    {"import", cmd_import},
};

int main(int argc, char **argv)
{
    size_t c;
    if (argc < 2)
        return usage_error("%s", "missing command");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("specc %s\n", SPECC_VERSION);
        return 0;
    }
    for (c = 0; c < sizeof commands / sizeof commands[0]; c++)
        if (strcmp(argv[1], commands[c].name) == 0)
            return commands[c].run(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", argv[1]);
}
