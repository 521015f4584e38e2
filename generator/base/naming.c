/*
 * naming.c — JSON names to C names, and spec text made safe for C comments
 * and string literals (see naming.h). Everything here works on bytes and
 * ASCII classes, never on the locale (<ctype.h> would follow setlocale).
 */
#include "naming.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(unsigned char c) { return is_lower(c) || is_upper(c) || is_digit(c); }

static char to_lower(unsigned char c) { return (char)(is_upper(c) ? c - 'A' + 'a' : c); }
static char to_upper(unsigned char c) { return (char)(is_lower(c) ? c - 'a' + 'A' : c); }

/* ---- snake_case ----------------------------------------------------- */

/* Does a new word start at s[i] (an ASCII letter or digit)? An upper-case
 * letter after a lower-case letter or a digit does (mmluPro, v2Beta), and so
 * does the last capital of an acronym when a lower-case letter follows
 * (HTMLParser: the P). Digits join the word before them (inputCostPer1k). */
static bool word_starts(const unsigned char *s, size_t len, size_t i)
{
    if (i == 0 || !is_upper(s[i]))
        return false;
    if (is_lower(s[i - 1]) || is_digit(s[i - 1]))
        return true;
    return is_upper(s[i - 1]) && i + 1 < len && is_lower(s[i + 1]);
}

char *naming_snake(const char *json_name, size_t len)
{
    const unsigned char *s = (const unsigned char *)json_name;
    bool pending = false; /* a separator run was seen after some output */
    size_t n = 1;         /* out[0] is kept free for a '_' before a digit */
    char *out;

    if (!json_name || len > (SIZE_MAX - 2) / 2)
        return NULL;
    out = malloc(2 * len + 2); /* each byte: at most '_' + itself */
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        if (!is_alnum(s[i])) {
            pending = n > 1;
            continue;
        }
        if (n > 1 && (pending || word_starts(s, len, i)))
            out[n++] = '_';
        pending = false;
        out[n++] = to_lower(s[i]);
    }
    out[n] = '\0';
    if (n == 1) {
        free(out);
        return NULL;
    }
    if (is_digit((unsigned char)out[1])) {
        out[0] = '_';
        return out;
    }
    memmove(out, out + 1, n);
    return out;
}

char *naming_upper(const char *ident)
{
    size_t len = ident ? strlen(ident) : 0;
    char *out = ident ? malloc(len + 1) : NULL;

    if (!out)
        return NULL;
    for (size_t i = 0; i <= len; i++)
        out[i] = to_upper((unsigned char)ident[i]);
    return out;
}

/* ---- reserved names ------------------------------------------------- */

/* Names a generated identifier must not take: it would not compile, or a
 * header may #define it. */
static const char *const reserved[] = {
    /* C89 keywords */
    "auto", "break", "case", "char", "const", "continue", "default", "do",
    "double", "else", "enum", "extern", "float", "for", "goto", "if", "int",
    "long", "register", "return", "short", "signed", "sizeof", "static",
    "struct", "switch", "typedef", "union", "unsigned", "void", "volatile",
    "while",
    /* C99 and C11 */
    "inline", "restrict", "_Bool", "_Complex", "_Imaginary", "_Alignas",
    "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local",
    /* C23 */
    "alignas", "alignof", "bool", "constexpr", "false", "nullptr",
    "static_assert", "thread_local", "true", "typeof", "typeof_unqual",
    "_BitInt", "_Decimal32", "_Decimal64", "_Decimal128",
    /* object-like macros of the C library */
    "errno", "NULL", "EOF", "stdin", "stdout", "stderr", "BUFSIZ",
    "FILENAME_MAX", "FOPEN_MAX", "L_tmpnam", "TMP_MAX", "SEEK_SET",
    "SEEK_CUR", "SEEK_END", "EXIT_SUCCESS", "EXIT_FAILURE", "RAND_MAX",
    "MB_CUR_MAX", "MB_LEN_MAX", "CLOCKS_PER_SEC", "CHAR_BIT", "CHAR_MIN",
    "CHAR_MAX", "SCHAR_MIN", "SCHAR_MAX", "UCHAR_MAX", "SHRT_MIN",
    "SHRT_MAX", "USHRT_MAX", "INT_MIN", "INT_MAX", "UINT_MAX", "LONG_MIN",
    "LONG_MAX", "ULONG_MAX", "LLONG_MIN", "LLONG_MAX", "ULLONG_MAX",
    "SIZE_MAX", "PTRDIFF_MIN", "PTRDIFF_MAX", "INT64_MIN", "INT64_MAX",
    "UINT64_MAX", "INFINITY", "NAN", "HUGE_VAL", "HUGE_VALF", "HUGE_VALL",
    "EDOM", "ERANGE", "EILSEQ", "I", "complex", "imaginary", "noreturn",
    "math_errhandling", "MATH_ERRNO", "MATH_ERREXCEPT", "LC_ALL",
    "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME",
    "SIGABRT", "SIGFPE", "SIGILL", "SIGINT", "SIGSEGV", "SIGTERM", "SIG_DFL",
    "SIG_ERR", "SIG_IGN", "WEOF", "WCHAR_MIN", "WCHAR_MAX",
    /* <iso646.h> */
    "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or",
    "or_eq", "xor", "xor_eq",
    /* function-like macros that are also plausible field names */
    "assert", "offsetof", "va_start", "va_arg", "va_end", "va_copy",
    "setjmp", "isnan", "isinf", "isfinite", "signbit", "fpclassify",
    /* predefined by compilers outside strict ISO modes */
    "unix", "linux", "i386",
    NULL,
};

bool naming_is_reserved(const char *ident)
{
    if (!ident)
        return false;
    for (const char *const *r = reserved; *r; r++) {
        if ((*r)[0] == ident[0] && strcmp(*r, ident) == 0) /* most differ at once */
            return true;
    }
    return false;
}

char *naming_safe(const char *ident)
{
    size_t len = ident ? strlen(ident) : 0;
    bool escape = naming_is_reserved(ident);
    char *out = ident ? malloc(len + 2) : NULL;

    if (!out)
        return NULL;
    memcpy(out, ident, len);
    if (escape)
        out[len++] = '_';
    out[len] = '\0';
    return out;
}

bool naming_is_identifier(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    if (!s || !(is_upper(u[0]) || is_lower(u[0]) || u[0] == '_'))
        return false;
    if (u[0] == '_' && (u[1] == '_' || is_upper(u[1])))
        return false; /* reserved for the implementation */
    for (size_t i = 1; u[i]; i++) {
        if (!is_alnum(u[i]) && u[i] != '_')
            return false;
    }
    return true;
}

/* ---- comments ------------------------------------------------------- */

/* Length of the well-formed UTF-8 sequence at s[i] (2..4 bytes, no
 * overlongs, surrogates or values past U+10FFFF), or 0. *cp gets its value. */
static size_t utf8_sequence(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t need;
    uint32_t v;

    if (s[i] >= 0xC0 && s[i] < 0xE0) {
        need = 2;
        v = s[i] & 0x1Fu;
    } else if (s[i] >= 0xE0 && s[i] < 0xF0) {
        need = 3;
        v = s[i] & 0x0Fu;
    } else if (s[i] >= 0xF0 && s[i] < 0xF8) {
        need = 4;
        v = s[i] & 0x07u;
    } else {
        return 0;
    }
    if (len - i < need)
        return 0;
    for (size_t k = 1; k < need; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i + k] & 0x3Fu);
    }
    if (v < min[need] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return need;
}

/* Bidirectional overrides and isolates can make a comment display as
 * something other than what the compiler reads ("Trojan Source"). */
static bool is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* A backslash before a line end (even with blanks between, which GCC
 * accepts) would splice lines: drop it. */
static void drop_line_splice(strbuf *b)
{
    for (;;) {
        size_t j = b->length;
        while (j > 0 && (b->value[j - 1] == ' ' || b->value[j - 1] == '\t'))
            j--;
        if (j == 0 || b->value[j - 1] != '\\')
            return;
        memmove(b->value + j - 1, b->value + j, b->length - j + 1); /* NUL included */
        b->length--;
    }
}

/* Appends c, first breaking up any comment delimiter or "??" (a trigraph
 * start) it would form with the byte before. */
static void put_comment_char(strbuf *b, char c)
{
    char last = b->length ? b->value[b->length - 1] : '\0';

    if ((c == '/' && last == '*') || (c == '*' && last == '/') ||
        (c == '?' && last == '?'))
        strbuf_append_char(b, ' ');
    if (c == '\n')
        drop_line_splice(b);
    strbuf_append_char(b, c);
}

/* Copies the byte or character at s[i]; returns how many bytes it took. */
static size_t put_comment_item(strbuf *b, const unsigned char *s, size_t len, size_t i)
{
    uint32_t cp = 0;
    size_t seq;

    if (s[i] == '\0')
        return 1;
    if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        return 1; /* CRLF: the LF comes next */
    if (s[i] == '\n' || (s[i] >= 0x20 && s[i] < 0x7F)) {
        put_comment_char(b, (char)s[i]);
        return 1;
    }
    if (s[i] < 0x80) {
        put_comment_char(b, ' '); /* control character */
        return 1;
    }
    seq = utf8_sequence(s, len, i, &cp);
    if (seq == 0) {
        put_comment_char(b, '?');
        return 1;
    }
    if (cp < 0xA0) /* C1 control */
        put_comment_char(b, ' ');
    else if (is_bidi_control(cp))
        put_comment_char(b, '?');
    else
        for (size_t k = 0; k < seq; k++)
            put_comment_char(b, (char)s[i + k]);
    return seq;
}

char *naming_comment(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    strbuf b = STRBUF_INIT;

    if (!text && len)
        return NULL;
    for (size_t i = 0; i < len;)
        i += put_comment_item(&b, s, len, i);
    drop_line_splice(&b); /* the template may put a line end after us */
    return strbuf_steal(&b, NULL);
}

/* ---- string literals ------------------------------------------------ */

/* The escape for byte c (after byte `prev`), or NULL when it stands as itself. */
static const char *c_escape(unsigned char c, unsigned char prev)
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\t': return "\\t";
    case '\r': return "\\r";
    case '?': return prev == '?' ? "\\?" : NULL; /* no trigraph */
    }
    return NULL;
}

char *naming_c_string(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    strbuf b = STRBUF_INIT;

    if (!s && len)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        const char *esc = c_escape(c, i > 0 ? u[i - 1] : 0);
        if (esc)
            strbuf_append(&b, esc);
        else if (c < 0x20 || c >= 0x7F) /* always three digits: a digit after cannot join */
            strbuf_printf(&b, "\\%03o", (unsigned)c);
        else
            strbuf_append_char(&b, (char)c);
    }
    return strbuf_steal(&b, NULL);
}

/* ---- did you mean --------------------------------------------------- */

/* Byte-wise edit distance; SIZE_MAX when out of memory. */
size_t naming_distance(const char *a, const char *b)
{
    size_t la, lb, *row, result;

    a = a ? a : "";
    b = b ? b : "";
    la = strlen(a);
    lb = strlen(b);
    if (lb >= SIZE_MAX / sizeof *row)
        return SIZE_MAX;
    row = malloc((lb + 1) * sizeof *row); /* row[j]: distance a[..i] to b[..j] */
    if (!row)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diagonal = row[0]; /* the previous row's row[j - 1] */
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t replace = diagonal + (a[i - 1] != b[j - 1]);
            size_t remove = row[j] + 1, insert = row[j - 1] + 1;
            size_t best = replace < remove ? replace : remove;
            diagonal = row[j];
            row[j] = best < insert ? best : insert;
        }
    }
    result = row[lb];
    free(row);
    return result;
}

/* Allowed distance: 2, or a third of the word when longer; but never the
 * whole word ("ab" is not a typo of "in"). */
const char *naming_suggest(const char *word, const char *const *candidates)
{
    size_t len = word ? strlen(word) : 0;
    size_t limit = len / 3 > 2 ? len / 3 : 2;
    const char *best = NULL;
    size_t best_distance = SIZE_MAX;

    if (!word || !candidates)
        return NULL;
    if (limit >= len)
        limit = len ? len - 1 : 0;
    for (; *candidates; candidates++) {
        size_t d = naming_distance(word, *candidates);
        if (d <= limit && d < best_distance) {
            best = *candidates;
            best_distance = d;
        }
    }
    return best;
}
