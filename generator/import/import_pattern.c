/*
 * import_pattern.c — ECMA-262 patterns (OpenAPI's) as POSIX extended
 * regular expressions (the runtime's regcomp, unanchored, like ECMA's
 * `test`). Translated: literals and escaped literals, `.` (no line
 * break, as in ECMA), \d \w \s and their negations (POSIX classes),
 * bracket expressions (escapes inside them made literal), groups
 * (non-capturing and named ones become plain groups), alternation,
 * anchors and quantifiers. Anything else — lookaround, backreferences,
 * \b, lazy quantifiers, \p{...}, flags — has no exact POSIX form: NULL.
 * POSIX matches bytes where ECMA matches UTF-16 units: the two agree on
 * ASCII text.
 */
#include "import_internal.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* \d \w \s \D \W \S outside brackets. */
static const char *class_escape(char c)
{
    switch (c) {
    case 'd': return "[0-9]";
    case 'D': return "[^0-9]";
    case 'w': return "[A-Za-z0-9_]";
    case 'W': return "[^A-Za-z0-9_]";
    case 's': return "[[:space:]]";
    case 'S': return "[^[:space:]]";
    default: return NULL;
    }
}

/* A literal escaped character: \. \\ \/ \- ... and \n \t \r \f \v. */
static int literal_escape(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    default:
        if (strchr("\\/.-^$*+?()[]{}|:,=!<>'\"#&~%@ _;`", c))
            return (unsigned char)c;
        return -1;
    }
}

/* A bracket expression from s (after '['): its members sorted so POSIX
 * reads them as ECMA meant (']' first, '-' last). *i ends after ']'. */
static bool bracket(strbuf *b, const char *s, size_t len, size_t *i)
{
    strbuf body = STRBUF_INIT;
    bool neg = false, close = false, dash = false, caret = false;
    size_t j = *i;
    if (j < len && s[j] == '^')
        neg = true, j++;
    for (; j < len && s[j] != ']'; j++) {
        int c = (unsigned char)s[j];
        if (c == '\\' && j + 1 < len) {
            char e = s[++j];
            if (e == 'd') { strbuf_append(&body, "0-9"); continue; }
            if (e == 'w') { strbuf_append(&body, "A-Za-z0-9_"); continue; }
            if (e == 's') { strbuf_append(&body, "[:space:]"); continue; }
            if ((c = literal_escape(e)) < 0)
                goto fail;
        } else if (c == '[' && j + 1 < len && (s[j + 1] == ':' || s[j + 1] == '=' || s[j + 1] == '.')) {
            goto fail; /* POSIX syntax ECMA reads as characters */
        }
        if (c >= 0x80)
            goto fail; /* one byte of a UTF-8 character */
        if (c == ']')
            close = true;
        else if (c == '-' && (body.length == 0 || j + 1 >= len || s[j + 1] == ']') && !(j > *i && s[j - 1] == '\\'))
            dash = true;
        else if (c == '-' && j > 0 && s[j - 1] == '\\')
            dash = true;
        else if (c == '^')
            caret = true;
        else
            strbuf_append_char(&body, (char)c);
    }
    if (j >= len)
        goto fail;
    if (!body.length && !close && !dash && caret && !neg) {
        strbuf_free(&body);
        strbuf_append(b, "\\^");
        *i = j + 1;
        return true;
    }
    strbuf_append(b, neg ? "[^" : "[");
    if (close)
        strbuf_append_char(b, ']');
    if (body.value)
        strbuf_append(b, body.value);
    if (caret)
        strbuf_append_char(b, '^');
    if (dash)
        strbuf_append_char(b, '-');
    strbuf_append_char(b, ']');
    strbuf_free(&body);
    *i = j + 1;
    return true;
fail:
    strbuf_free(&body);
    return false;
}

static bool escape(strbuf *b, const char *s, size_t len, size_t *i)
{
    const char *cls;
    int c;
    if (*i + 1 >= len)
        return false;
    if ((cls = class_escape(s[*i + 1])))
        strbuf_append(b, cls);
    else if ((c = literal_escape(s[*i + 1])) < 0)
        return false;
    else if (strchr(".^$*+?()[]{}|\\", c))
        strbuf_append_char(b, '\\'), strbuf_append_char(b, (char)c);
    else
        strbuf_append_char(b, (char)c);
    *i += 2;
    return true;
}

/* A quantifier's lazy form (`*?`) has no POSIX equivalent. */
static bool lazy_after(const char *s, size_t len, size_t i)
{
    return i + 1 < len && s[i + 1] == '?';
}

static bool translate(strbuf *b, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        char c = s[i];
        if (c == '\\') {
            if (!escape(b, s, len, &i))
                return false;
        } else if (c == '[') {
            i++;
            if (!bracket(b, s, len, &i))
                return false;
        } else if (c == '(' && i + 1 < len && s[i + 1] == '?') {
            if (i + 2 < len && s[i + 2] == ':')
                i += 3;
            else if (i + 2 < len && s[i + 2] == '<' && i + 3 < len && s[i + 3] != '=' && s[i + 3] != '!' &&
                     memchr(s + i, '>', len - i)) {
                i = (size_t)((const char *)memchr(s + i, '>', len - i) - s) + 1;
            } else
                return false;
            strbuf_append_char(b, '(');
        } else if (c == '.') {
            strbuf_append(b, "[^\n\r]");
            i++;
        } else if ((c == '*' || c == '+' || c == '?' || c == '}') && lazy_after(s, len, i)) {
            return false;
        } else {
            strbuf_append_char(b, c);
            i++;
        }
    }
    return true;
}

char *imp_pattern(const char *ecma, size_t len)
{
    strbuf b = STRBUF_INIT;
    regex_t re;
    char *out;
    if (strlen(ecma) != len || !translate(&b, ecma, len) || b.failed) {
        strbuf_free(&b);
        return NULL;
    }
    out = strbuf_steal(&b, NULL);
    if (!out)
        return NULL;
    if (regcomp(&re, out, REG_EXTENDED | REG_NOSUB) != 0) {
        free(out);
        return NULL;
    }
    regfree(&re);
    return out;
}
