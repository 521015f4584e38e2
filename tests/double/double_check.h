/*
 * double_check.h — the properties of speccp_format_double and
 * speccp_parse_double that tests/double/test_double.c and the fuzz target
 * tests/fuzz/fuzz_double.c check, against the C library's strtod and printf
 * (both exact in glibc). Run in the "C" locale.
 */
#ifndef DOUBLE_CHECK_H
#define DOUBLE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* speccp_format_double(d) for a finite d: reads back with strtod as the
 * same bits, has a '.' or an 'e', at most 17 significant digits; with
 * `shortest`, also no decimal with fewer significant digits reads back as
 * d, and 17 digits are the nearest 17 (printf's %.16e). Returns false and
 * writes what failed into why. The text is left in text (>= 40 bytes);
 * *digits gets its number of significant digits (0 for zero). */
bool dc_check_format(double d, bool shortest, char *text, int *digits, char *why,
                     size_t why_size);

/* speccp_parse_double(text[0..len)) gives what strtod gives: the same bits,
 * SPECC_ERR_RANGE exactly when strtod overflows. */
bool dc_check_parse(const char *text, size_t len, char *why, size_t why_size);

#endif
