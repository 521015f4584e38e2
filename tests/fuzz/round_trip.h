/*
 * round_trip.h — the checks the decoding fuzz targets share. Any failure
 * aborts (a finding).
 */
#ifndef FUZZ_ROUND_TRIP_H
#define FUZZ_ROUND_TRIP_H

#include <stddef.h>

#include "specc.h"

/* A decoded value is validated (every direction), encodes, decodes again to
 * an equal value, and encodes again to the same bytes.
 * a: a value decoded from fuzz input; b: room for type->size bytes. */
void fuzz_round_trip(const specc_type *type, const void *a, void *b);

/* text[0..len) decoded as `type` both ways the runtime offers: with malloc
 * (specc_decode_text) and into an arena kept from input to input
 * (specc_decode_text_arena, reset after each). Both must give the same
 * code and error (path, message, line, column); where they succeed,
 * fuzz_round_trip holds for the malloc value, and the arena value is
 * specc_equal to it and encodes to the same bytes. */
void fuzz_decode_both(const specc_type *type, const char *text, size_t len);

#endif
