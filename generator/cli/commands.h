/*
 * commands.h — one entry point per command of the specc command line.
 *
 * Each takes the arguments from the command's name on (argv[0] is "try",
 * "diff", ...) and returns the process's exit status. main.c dispatches.
 */
#ifndef SPECC_COMMANDS_H
#define SPECC_COMMANDS_H

#ifndef SPECC_VERSION
#define SPECC_VERSION "0.0.0-dev"
#endif

/* generate, check, runtime, schema, doc, lint, dump-model (generate.c) */
int cmd_generate(int argc, char **argv);

/* try (try.c): payloads against a spec, without writing C */
int cmd_try(int argc, char **argv);

/* test (test.c): the example files the specs list */
int cmd_test(int argc, char **argv);

/* diff OLD NEW: what changed between two versions of a spec (diff.c) */
int cmd_diff(int argc, char **argv);

/* infer: a first draft of a spec from sample payloads (infer.c) */
int cmd_infer(int argc, char **argv);

/* import: a first draft of a spec from an OpenAPI description (import.c) */
int cmd_import(int argc, char **argv);

/* "specc: " + the message, then a hint to run --help; returns 2. */
int usage_error(const char *fmt, const char *arg);

#endif
