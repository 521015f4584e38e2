/* {{banner}} */
/*
 * specc_text_equal.c — two JSON texts compared by value, without building
 * either: for kept unknown fields, whose text is what the server sent.
 *
 * Value equality: strings by their code points (escapes decoded), numbers by
 * exact value at any size (1.0E+2 equals 100, -0 equals 0), arrays in
 * order, objects by their sets of members in any order, literals by name.
 *
 * It must not depend on memory (specc_equal cannot report running out), so
 * the common cases allocate nothing: objects whose keys come in the same
 * order are compared member by member, small ones in another order by
 * search. Only a large object in another order gets a sorted index (linear
 * after sorting); if that cannot be allocated, search is used, slower but
 * with the same answer. Text that is not well-formed (only a hand-built
 * list can hold it; validate and encode refuse it) is read without
 * crashing or reading past its end, but what it equals is unspecified.
 */
#include "specc_internal.h"

#include <stdlib.h>

#define SEARCH_MAX 16      /* out-of-order objects up to this size: search */
#define NEST_MAX (SPECC_MAX_DEPTH + 8)

/* A span of text being read: [p, end). */
typedef struct cursor {
    const char *p, *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
        c->p++;
}

/* ------------------------------------------------------------- strings */

/* A string's text: raw JSON between quotes (escapes to decode), or text
 * already decoded (a kept key). */
typedef struct strtext {
    const char *s;
    size_t len;
    bool raw;
} strtext;

static long hex4(const char *s)
{
    long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* The next unit of a string: a code point from an escape, else one byte
 * (UTF-8 compares byte by byte, and escapes are turned into the same bytes
 * below). Returns the number of units written to out (<= 4), 0 at the end,
 * -1 for a malformed escape. */
static int next_units(const strtext *t, size_t *i, unsigned char out[4])
{
    unsigned long cp;
    long lo;
    if (*i >= t->len)
        return 0;
    if (!t->raw || t->s[*i] != '\\') {
        out[0] = (unsigned char)t->s[(*i)++];
        return 1;
    }
    if (*i + 1 >= t->len)
        return -1;
    switch (t->s[*i + 1]) {
    case '"': out[0] = '"'; break;
    case '\\': out[0] = '\\'; break;
    case '/': out[0] = '/'; break;
    case 'b': out[0] = '\b'; break;
    case 'f': out[0] = '\f'; break;
    case 'n': out[0] = '\n'; break;
    case 'r': out[0] = '\r'; break;
    case 't': out[0] = '\t'; break;
    case 'u':
        if (t->len - *i < 6 || hex4(t->s + *i + 2) < 0)
            return -1;
        cp = (unsigned long)hex4(t->s + *i + 2);
        *i += 6;
        if (cp >= 0xd800 && cp <= 0xdbff) {
            if (t->len - *i < 6 || t->s[*i] != '\\' || t->s[*i + 1] != 'u' ||
                (lo = hex4(t->s + *i + 2)) < 0xdc00 || lo > 0xdfff)
                return -1;
            cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned long)lo - 0xdc00);
            *i += 6;
        }
        if (cp < 0x80) {
            out[0] = (unsigned char)cp;
            return 1;
        }
        if (cp < 0x800) {
            out[0] = (unsigned char)(0xc0 | (cp >> 6));
            out[1] = (unsigned char)(0x80 | (cp & 0x3f));
            return 2;
        }
        if (cp < 0x10000) {
            out[0] = (unsigned char)(0xe0 | (cp >> 12));
            out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
            out[2] = (unsigned char)(0x80 | (cp & 0x3f));
            return 3;
        }
        out[0] = (unsigned char)(0xf0 | (cp >> 18));
        out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
        out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        out[3] = (unsigned char)(0x80 | (cp & 0x3f));
        return 4;
    default: return -1;
    }
    *i += 2;
    return 1;
}

/* Order of two strings by their decoded bytes: <0, 0, >0; a malformed one
 * sorts as unequal to everything (2). */
static int str_cmp(const strtext *a, const strtext *b)
{
    unsigned char ua[4], ub[4];
    size_t ia = 0, ib = 0;
    int na = 0, nb = 0, ka = 0, kb = 0;
    for (;;) {
        if (ka == na && (ka = 0, na = next_units(a, &ia, ua)) < 0)
            return 2;
        if (kb == nb && (kb = 0, nb = next_units(b, &ib, ub)) < 0)
            return 2;
        if (na == 0 || nb == 0)
            return (na != 0) - (nb != 0);
        if (ua[ka] != ub[kb])
            return ua[ka] < ub[kb] ? -1 : 1;
        ka++;
        kb++;
    }
}

/* The string at the cursor ('"'): its raw text; false when unterminated. */
static bool scan_string(cursor *c, strtext *t)
{
    const char *p = c->p + 1;
    while (p < c->end && *p != '"')
        p += *p == '\\' ? 2 : 1;
    if (p >= c->end)
        return false;
    t->s = c->p + 1;
    t->len = (size_t)(p - t->s);
    t->raw = true;
    c->p = p + 1;
    return true;
}

/* ------------------------------------------------------------- numbers */

/* A number as value = 0.DIGITS x 10^exp, DIGITS without leading or
 * trailing zeros (none at all: zero). */
typedef struct numval {
    bool neg;
    const char *int_s, *frac_s; /* digits before and after '.' */
    size_t int_n, frac_n;
    size_t lead, sig; /* zeros skipped, then significant digits, in int ++ frac */
    int64_t exp;
    const char *huge; /* an exponent of more than 17 digits, as written */
    size_t huge_n;
    bool huge_neg;
} numval;

static char digit_at(const numval *n, size_t k)
{
    return k < n->int_n ? n->int_s[k] : n->frac_s[k - n->int_n];
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The number at the cursor; false when it is not one. */
static bool scan_number(cursor *c, numval *n)
{
    const char *p = c->p, *end = c->end;
    size_t total, trail = 0;
    int64_t e = 0;
    bool eneg = false;

    memset(n, 0, sizeof *n);
    n->neg = p < end && *p == '-';
    p += n->neg;
    for (n->int_s = p; p < end && is_digit(*p); p++)
        ;
    n->int_n = (size_t)(p - n->int_s);
    if (n->int_n == 0)
        return false;
    n->frac_s = p;
    if (p < end && *p == '.') {
        for (n->frac_s = ++p; p < end && is_digit(*p); p++)
            ;
        n->frac_n = (size_t)(p - n->frac_s);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            eneg = *p++ == '-';
        while (p < end && *p == '0')
            p++;
        n->huge = p;
        while (p < end && is_digit(*p))
            p++;
        n->huge_n = (size_t)(p - n->huge);
        if (n->huge_n <= 17) {
            const char *q;
            for (q = n->huge; q < p; q++)
                e = e * 10 + (*q - '0');
            n->huge = NULL;
        }
        n->huge_neg = eneg;
    }
    c->p = p;
    total = n->int_n + n->frac_n;
    while (n->lead < total && digit_at(n, n->lead) == '0')
        n->lead++;
    while (trail < total - n->lead && digit_at(n, total - 1 - trail) == '0')
        trail++;
    n->sig = total - n->lead - trail;
    n->exp = (eneg ? -e : e) + (int64_t)n->int_n - (int64_t)n->lead;
    return true;
}

static bool num_equal(const numval *a, const numval *b)
{
    size_t k;
    if (a->sig == 0 || b->sig == 0)
        return a->sig == b->sig; /* zeros, of any sign */
    if (a->neg != b->neg || a->sig != b->sig || !a->huge != !b->huge)
        return false;
    if (a->huge && (a->huge_neg != b->huge_neg || a->huge_n != b->huge_n ||
                    memcmp(a->huge, b->huge, a->huge_n) != 0))
        return false;
    if (a->exp != b->exp)
        return false;
    for (k = 0; k < a->sig; k++)
        if (digit_at(a, a->lead + k) != digit_at(b, b->lead + k))
            return false;
    return true;
}

/* ------------------------------------------------------------ skipping */

/* Past the value at the cursor, without looking inside strings' escapes or
 * numbers; false when the text ends first. Containers are counted, not
 * recursed into. */
static bool skip_value(cursor *c)
{
    size_t open = 0;
    strtext t;
    do {
        skip_ws(c);
        if (c->p >= c->end)
            return false;
        switch (*c->p) {
        case '"':
            if (!scan_string(c, &t))
                return false;
            break;
        case '{':
        case '[': open++; c->p++; break;
        case '}':
        case ']':
            if (open == 0)
                return false;
            open--;
            c->p++;
            break;
        default: /* numbers, literals, ',' and ':' inside containers */
            c->p++;
            while (open == 0 && c->p < c->end && !strchr(" \t\r\n,:]}\"{[", *c->p))
                c->p++;
        }
    } while (open > 0);
    return true;
}

/* -------------------------------------------------------------- values */

/* A member of an object: its key and the span of its value. */
typedef struct member {
    strtext key;
    const char *v;
    size_t v_len;
} member;

static bool value_equal(cursor *a, cursor *b, unsigned depth);

static bool span_equal(const char *a, size_t alen, const char *b, size_t blen, unsigned depth)
{
    cursor ca = {a, a + alen}, cb = {b, b + blen};
    if (!value_equal(&ca, &cb, depth))
        return false;
    skip_ws(&ca);
    skip_ws(&cb);
    return ca.p == ca.end && cb.p == cb.end;
}

/* Next member of an object at the cursor (after '{' or ','); 1 read, 0 at
 * '}', -1 malformed. */
static int next_member(cursor *c, bool first, member *m)
{
    const char *v;
    skip_ws(c);
    if (c->p < c->end && *c->p == '}') {
        c->p++;
        return 0;
    }
    if (!first) {
        if (c->p >= c->end || *c->p != ',')
            return -1;
        c->p++;
        skip_ws(c);
    }
    if (c->p >= c->end || *c->p != '"' || !scan_string(c, &m->key))
        return -1;
    skip_ws(c);
    if (c->p >= c->end || *c->p != ':')
        return -1;
    c->p++;
    skip_ws(c);
    v = c->p;
    if (!skip_value(c))
        return -1;
    m->v = v;
    m->v_len = (size_t)(c->p - v);
    return 1;
}

static int member_cmp(const void *x, const void *y)
{
    int r = str_cmp(&((const member *)x)->key, &((const member *)y)->key);
    return r == 2 ? 0 : r;
}

/* Two member lists of n each, as sets: sorted by key, then side by side.
 * Sorts them in place. */
static bool sorted_equal(member *a, member *b, size_t n, unsigned depth)
{
    size_t i;
    qsort(a, n, sizeof *a, member_cmp);
    qsort(b, n, sizeof *b, member_cmp);
    for (i = 0; i < n; i++)
        if (str_cmp(&a[i].key, &b[i].key) != 0 ||
            !span_equal(a[i].v, a[i].v_len, b[i].v, b[i].v_len, depth))
            return false;
    return true;
}

/* Room for two lists of n members; NULL when small enough to search, too
 * large or out of memory (then search, which needs nothing). */
static member *member_lists(size_t n)
{
    if (n <= SEARCH_MAX || n > SIZE_MAX / 2 / sizeof(member))
        return NULL;
    return specc_alloc(2 * n * sizeof(member));
}

/* The members of the object whose '{' is at `open`, n of them, into list. */
static void gather(const cursor *open, member *list, size_t n)
{
    cursor c = *open;
    size_t i;
    c.p++;
    for (i = 0; i < n; i++)
        next_member(&c, i == 0, &list[i]);
}

/* Each member of object a has an equal member in object b (counts equal,
 * keys unique): search b for each key of a. */
static bool search_equal(const cursor *open_a, const cursor *open_b, unsigned depth)
{
    cursor a = *open_a, b;
    member ma, mb;
    bool first_a = true, first_b;
    int r;
    for (a.p++; next_member(&a, first_a, &ma) > 0; first_a = false) {
        b = *open_b;
        b.p++;
        for (first_b = true; (r = next_member(&b, first_b, &mb)) > 0; first_b = false)
            if (str_cmp(&ma.key, &mb.key) == 0)
                break;
        if (r <= 0 || !span_equal(ma.v, ma.v_len, mb.v, mb.v_len, depth))
            return false;
    }
    return true;
}

/* Members of the object at the cursor ('{'), leaving the cursor after it;
 * (size_t)-1 when malformed. */
static size_t count_members(cursor *c)
{
    member m;
    size_t n = 0;
    int r;
    for (c->p++; (r = next_member(c, n == 0, &m)) > 0; n++)
        ;
    return r < 0 ? (size_t)-1 : n;
}

/* Objects at both cursors ('{'). */
static bool object_equal(cursor *a, cursor *b, unsigned depth)
{
    cursor open_a = *a, open_b = *b;
    member ma, mb, *lists;
    size_t n = 0, na, nb;
    bool same;
    int ra, rb;

    a->p++;
    b->p++;
    /* The usual case: the same keys in the same order. */
    for (;; n++) {
        ra = next_member(a, n == 0, &ma);
        rb = next_member(b, n == 0, &mb);
        if (ra < 0 || rb < 0)
            return false;
        if (ra == 0 || rb == 0)
            return ra == rb;
        if (str_cmp(&ma.key, &mb.key) != 0)
            break;
        if (!span_equal(ma.v, ma.v_len, mb.v, mb.v_len, depth))
            return false;
    }
    /* Another order: as sets. */
    *a = open_a;
    *b = open_b;
    na = count_members(a);
    nb = count_members(b);
    if (na == (size_t)-1 || na != nb)
        return false;
    if (!(lists = member_lists(na)))
        return search_equal(&open_a, &open_b, depth);
    gather(&open_a, lists, na);
    gather(&open_b, lists + na, na);
    same = sorted_equal(lists, lists + na, na, depth);
    specc_free(lists);
    return same;
}

static bool array_equal(cursor *a, cursor *b, unsigned depth)
{
    bool first = true;
    a->p++;
    b->p++;
    for (;; first = false) {
        skip_ws(a);
        skip_ws(b);
        if (a->p >= a->end || b->p >= b->end)
            return false;
        if (*a->p == ']' || *b->p == ']') {
            bool both = *a->p == ']' && *b->p == ']';
            a->p++;
            b->p++;
            return both;
        }
        if (!first) {
            if (*a->p != ',' || *b->p != ',')
                return false;
            a->p++;
            b->p++;
        }
        if (!value_equal(a, b, depth))
            return false;
    }
}

static bool literal(cursor *c, const char *word, size_t n)
{
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
        return false;
    c->p += n;
    return true;
}

static bool value_equal(cursor *a, cursor *b, unsigned depth)
{
    strtext sa, sb;
    numval na, nb;
    skip_ws(a);
    skip_ws(b);
    if (a->p >= a->end || b->p >= b->end || depth > NEST_MAX)
        return false;
    switch (*a->p) {
    case '{': return *b->p == '{' && object_equal(a, b, depth + 1);
    case '[': return *b->p == '[' && array_equal(a, b, depth + 1);
    case '"':
        return *b->p == '"' && scan_string(a, &sa) && scan_string(b, &sb) && str_cmp(&sa, &sb) == 0;
    case 't': return literal(a, "true", 4) && literal(b, "true", 4);
    case 'f': return literal(a, "false", 5) && literal(b, "false", 5);
    case 'n': return literal(a, "null", 4) && literal(b, "null", 4);
    default:
        return scan_number(a, &na) && scan_number(b, &nb) && num_equal(&na, &nb);
    }
}

bool speccp_text_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && memcmp(a, b, alen) == 0)
        return true;
    return span_equal(a, alen, b, blen, 0);
}

/* A kept member as a member of a list to sort. */
static void as_member(const specc_unknown_member *u, member *m)
{
    m->key.s = u->key;
    m->key.len = u->key_len;
    m->key.raw = false;
    m->v = u->json;
    m->v_len = u->json_len;
}

static bool kept_member_ok(const specc_unknown_member *m)
{
    return m->key && m->json;
}

bool speccp_unknown_equal(const specc_unknown *a, const specc_unknown *b)
{
    member *lists, ma, mb;
    size_t i, j, n = a->count;
    bool same;

    if (n != b->count || (n && (!a->members || !b->members)))
        return false;
    for (i = 0; i < n; i++)
        if (!kept_member_ok(&a->members[i]) || !kept_member_ok(&b->members[i]))
            return false;
    for (i = 0; i < n; i++) { /* the usual case: same keys, same order */
        as_member(&a->members[i], &ma);
        as_member(&b->members[i], &mb);
        if (str_cmp(&ma.key, &mb.key) != 0)
            break;
        if (!speccp_text_equal(ma.v, ma.v_len, mb.v, mb.v_len))
            return false;
    }
    if (i == n)
        return true;
    if ((lists = member_lists(n)) != NULL) {
        for (j = 0; j < n; j++) {
            as_member(&a->members[j], &lists[j]);
            as_member(&b->members[j], &lists[n + j]);
        }
        same = sorted_equal(lists, lists + n, n, 0);
        specc_free(lists);
        return same;
    }
    for (i = 0; i < n; i++) {
        as_member(&a->members[i], &ma);
        for (j = 0; j < n; j++) {
            as_member(&b->members[j], &mb);
            if (str_cmp(&ma.key, &mb.key) == 0)
                break;
        }
        if (j == n || !speccp_text_equal(ma.v, ma.v_len, mb.v, mb.v_len))
            return false;
    }
    return true;
}

/* ---------------------------------------------------------------- hashes */

/* Hashes that texts equal by value share (for uniqueItems): strings by
 * decoded bytes, numbers by their digits and exponent once normalised,
 * objects as a sum over members (any order). Malformed text hashes to
 * something; what it equals is unspecified anyway. */

static uint64_t hmix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdu;
}

static uint64_t str_hash(const strtext *t)
{
    uint64_t h = 0xcbf29ce484222325u;
    unsigned char u[4];
    size_t i = 0;
    int n, k;
    while ((n = next_units(t, &i, u)) > 0)
        for (k = 0; k < n; k++)
            h = (h ^ u[k]) * 0x100000001b3u;
    return hmix(h, 1);
}

static uint64_t num_hash(const numval *n)
{
    uint64_t h = 2;
    size_t k;
    if (n->sig == 0)
        return h; /* zeros, of any sign */
    h = hmix(h, (uint64_t)n->neg);
    h = hmix(h, (uint64_t)n->exp);
    for (k = 0; k < n->sig; k++)
        h = hmix(h, (uint64_t)(unsigned char)digit_at(n, n->lead + k));
    if (n->huge) {
        h = hmix(h, (uint64_t)n->huge_neg + 7);
        for (k = 0; k < n->huge_n; k++)
            h = hmix(h, (uint64_t)(unsigned char)n->huge[k]);
    }
    return h;
}

static uint64_t value_hash(cursor *c, unsigned depth);

static uint64_t object_hash(cursor *c, unsigned depth)
{
    uint64_t h = 5;
    member m;
    bool first = true;
    int r;
    for (c->p++; (r = next_member(c, first, &m)) > 0; first = false) {
        cursor v = {m.v, m.v + m.v_len};
        h += hmix(str_hash(&m.key), value_hash(&v, depth + 1));
    }
    return h;
}

static uint64_t array_hash(cursor *c, unsigned depth)
{
    uint64_t h = 6;
    c->p++;
    for (;;) {
        skip_ws(c);
        if (c->p >= c->end)
            return h;
        if (*c->p == ']') {
            c->p++;
            return h;
        }
        if (*c->p == ',')
            c->p++;
        h = hmix(h, value_hash(c, depth + 1));
    }
}

static uint64_t value_hash(cursor *c, unsigned depth)
{
    const char *before;
    strtext s;
    numval n;
    skip_ws(c);
    if (c->p >= c->end)
        return 0;
    if (depth > NEST_MAX) {
        if (!skip_value(c))
            c->p = c->end;
        return 0;
    }
    before = c->p;
    switch (*c->p) {
    case '{': return object_hash(c, depth);
    case '[': return array_hash(c, depth);
    case '"': return scan_string(c, &s) ? str_hash(&s) : (c->p = c->end, 0);
    case 't': c->p += literal(c, "true", 4) ? 0 : 1; return 3;
    case 'f': c->p += literal(c, "false", 5) ? 0 : 1; return 4;
    case 'n': c->p += literal(c, "null", 4) ? 0 : 1; return 8;
    default:
        if (scan_number(c, &n))
            return num_hash(&n);
        c->p = before + 1; /* malformed: move on */
        return 9;
    }
}

uint64_t speccp_text_hash(const char *text, size_t len)
{
    cursor c = {text, text + len};
    return value_hash(&c, 0);
}
