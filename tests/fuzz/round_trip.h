/*
 * round_trip.h — the check the decoding fuzz targets share: a decoded value
 * is validated (every direction), encodes, decodes again to an equal value,
 * and encodes again to the same bytes. Any failure aborts (a finding).
 */
#ifndef FUZZ_ROUND_TRIP_H
#define FUZZ_ROUND_TRIP_H

#include "specc.h"

/* a: a value decoded from fuzz input; b: room for type->size bytes. */
void fuzz_round_trip(const specc_type *type, const void *a, void *b);

#endif
