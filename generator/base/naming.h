/*
 * naming.h — the one place that decides generated C names and makes spec
 * text safe to put into C. Returned strings are malloc'd; the caller frees.
 */
#ifndef SPECC_NAMING_H
#define SPECC_NAMING_H

#include <stdbool.h>
#include <stddef.h>

/* JSON name → lower snake_case C identifier part:
 *   canonicalId → canonical_id, HTMLParser → html_parser, content-type →
 *   content_type, with space → with_space, 2fa → _2fa, mmluPro → mmlu_pro,
 *   inputCostPer1k → input_cost_per1k.
 * Runs of anything but ASCII letters and digits become one '_'; leading and
 * trailing separators are dropped; a leading digit gets '_' in front.
 * Returns NULL when nothing is left ("", "---", "日本"): the caller reports
 * that a c_name is needed. */
char *naming_snake(const char *json_name, size_t len);

/* Upper-case copy (for macros and enum constants). */
char *naming_upper(const char *ident);

/* A C keyword (C89..C23), or a name the standard library may define as a
 * macro (errno, assert, bool, true, false, NULL, stdin, EOF, ...), or a
 * common predefined macro (unix, linux)? */
bool naming_is_reserved(const char *ident);

/* ident, or ident + "_" when naming_is_reserved(ident). */
char *naming_safe(const char *ident);

/* [A-Za-z_][A-Za-z0-9_]*, not starting with "__" or "_" + upper-case. */
bool naming_is_identifier(const char *s);

/* Text (descriptions, titles, file names) made safe inside a C block
 * comment: no comment end or start, no trigraphs, no control characters;
 * line breaks kept. Invalid UTF-8 bytes become '?'. */
char *naming_comment(const char *text, size_t len);

/* Contents of a C string literal (without the quotes) spelling the bytes
 * of s exactly: \" \\ \n ..., octal escapes for other controls and for
 * bytes >= 0x80, "?\?" for trigraph starts. */
char *naming_c_string(const char *s, size_t len);

/* Levenshtein distance, for "did you mean" hints. */
size_t naming_distance(const char *a, const char *b);

/* The closest candidate within distance 2 (or a third of the length), or
 * NULL. candidates is NULL-terminated. */
const char *naming_suggest(const char *word, const char *const *candidates);

#endif
