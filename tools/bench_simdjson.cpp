// bench_simdjson.cpp — simdjson::dom::parser over the bench's payloads (see
// bench_simdjson.h). The padded copies simdjson needs are made once, in
// bench_simdjson_new, outside the timed loop: the timed part is parse only.
#include "bench_simdjson.h"

#include <new>
#include <vector>

#include <simdjson.h>

struct bench_simdjson {
    std::vector<simdjson::padded_string> texts;
    simdjson::dom::parser parser; // reused: its buffers grow to the largest text
};

extern "C" bench_simdjson *bench_simdjson_new(const char *const *texts, const size_t *lens,
                                               size_t count)
{
    bench_simdjson *b = new (std::nothrow) bench_simdjson;
    if (!b)
        return nullptr;
    try {
        b->texts.reserve(count);
        for (size_t i = 0; i < count; i++)
            b->texts.emplace_back(texts[i], lens[i]);
    } catch (...) {
        delete b;
        return nullptr;
    }
    return b;
}

extern "C" int bench_simdjson_parse_all(bench_simdjson *b)
{
    for (const simdjson::padded_string &text : b->texts) {
        simdjson::dom::element doc;
        if (b->parser.parse(text).get(doc) != simdjson::SUCCESS)
            return 1;
    }
    return 0;
}

extern "C" void bench_simdjson_free(bench_simdjson *b)
{
    delete b;
}
