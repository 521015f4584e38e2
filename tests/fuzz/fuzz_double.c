/*
 * fuzz_double — libFuzzer target for the runtime's doubles
 * (templates/runtime/specc_double.c). When the input has 8 bytes or more,
 * its first 8 are a double's bits: a finite one must format to a text that
 * reads back (strtod) as the same bits, with a '.' or an 'e', and that is
 * shortest (tests/double/double_check.c). The whole input (up to 4 KiB) is
 * also a number literal: speccp_parse_double must give what strtod gives,
 * bit for bit, SPECC_ERR_RANGE exactly on overflow. Any failure aborts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "double_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[40], why[200];
    int digits;

    if (size >= 8) {
        double d;
        memcpy(&d, data, sizeof d);
        if (isfinite(d) && !dc_check_format(d, true, text, &digits, why, sizeof why)) {
            fprintf(stderr, "fuzz_double: format %a: %s\n", d, why);
            abort();
        }
    }
    if (size <= 4096 && !dc_check_parse((const char *)data, size, why, sizeof why)) {
        fprintf(stderr, "fuzz_double: parse: %s\n", why);
        abort();
    }
    return 0;
}
