/*
 * infer_yaml.c — payload text made safe inside the draft's YAML. Keys and
 * example strings come from the samples and may hold anything JSON allows
 * (':', '#', quotes, line breaks, controls, any Unicode, nothing at all):
 * each is written plain only when it is a simple name, otherwise
 * double-quoted with every character that YAML would read differently
 * escaped, so no payload can change the spec's structure.
 */
#include "infer_internal.h"

#include <string.h>

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Plain scalars that YAML 1.1 or 1.2 reads as booleans or null. */
static bool special_word(const char *s, size_t len)
{
    static const char *const words[] = {"y",    "n",     "yes", "no",   "on",
                                        "off",  "true",  "false", "null", NULL};
    size_t i, j;
    for (i = 0; words[i]; i++) {
        if (strlen(words[i]) != len)
            continue;
        for (j = 0; j < len && (s[j] | 0x20) == words[i][j]; j++)
            ;
        if (j == len)
            return true;
    }
    return false;
}

void yaml_key(strbuf *b, const char *s, size_t len)
{
    size_t i;
    bool plain = len > 0 && len <= 200 && is_alpha((unsigned char)s[0]) && !special_word(s, len);
    for (i = 1; plain && i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        plain = is_alpha(c) || is_digit(c) || c == '-';
    }
    if (plain)
        strbuf_append_bytes(b, s, len);
    else
        yaml_quoted(b, s, len);
}

/* The code point of the UTF-8 sequence at s (valid: the runtime checked
 * the text it came from; a stray byte is taken as itself); *n its length. */
static unsigned long decode_utf8(const unsigned char *s, size_t avail, size_t *n)
{
    size_t need = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    unsigned long cp = need == 1 ? s[0] : s[0] & (0x7Fu >> need);
    size_t k;
    if (need > avail)
        need = 1;
    for (k = 1; k < need; k++)
        cp = (cp << 6) | (s[k] & 0x3Fu);
    *n = need;
    return need == 1 ? s[0] : cp;
}

/* Characters YAML does not take as themselves in a quoted scalar (controls,
 * line and paragraph separators, the byte order mark, non-characters), and
 * bidirectional controls, which make text read differently than it is. */
static bool needs_escape(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF ||
           cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
}

void yaml_quoted(strbuf *b, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n;
    strbuf_append_char(b, '"');
    while (i < len) {
        unsigned long cp = decode_utf8(u + i, len - i, &n);
        if (cp == '"' || cp == '\\') {
            strbuf_append_char(b, '\\');
            strbuf_append_char(b, (char)cp);
        } else if (cp == '\n' || cp == '\t' || cp == '\r') {
            strbuf_append(b, cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r");
        } else if (needs_escape(cp)) {
            strbuf_printf(b, cp > 0xFFFF ? "\\U%08lX" : "\\u%04lX", cp);
        } else {
            strbuf_append_bytes(b, s + i, n);
        }
        i += n;
    }
    strbuf_append_char(b, '"');
}

void yaml_comment_text(strbuf *b, const char *s, size_t max)
{
    size_t i;
    for (i = 0; s[i] && i < max; i++)
        strbuf_append_char(b, s[i] >= 0x20 && s[i] < 0x7F ? s[i] : '?');
    if (s[i])
        strbuf_append(b, "...");
}
