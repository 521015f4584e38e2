/*
 * render.h — the template engine: a logic-less language over a jansson
 * tree (the view). Tags:
 *   {{name}}            the value of `name`: a string as its raw bytes, an
 *                       integer in decimal, a real as "%.17g", true/false as
 *                       "true"/"false", null as nothing; an object or array
 *                       is an error
 *   {{a.b}}             dotted lookup
 *   {{#name}}..{{/name}} section: once per element of an array (the element
 *                       pushed as context), once with an object pushed as
 *                       context (even an empty one), once with the context
 *                       unchanged when true / a non-empty string / a non-zero
 *                       number, never when false, null, "", 0 or []
 *   {{^name}}..{{/name}} inverted section: once (context unchanged) when the
 *                       section would not run
 *   {{! comment }}      nothing (ends at the first "}}"; may span lines)
 * Inside an array section, `-first`, `-last` (booleans) and `-index`
 * (0-based integer) describe the current element of the innermost enclosing
 * array section. There is no `{{.}}`.
 *
 * Names are letters, digits, '_' and '-', parts joined by '.'; blanks around
 * a name inside the braces are ignored. The first part is looked up from the
 * innermost context outwards; later parts are members of what it found (no
 * fallback to outer contexts once the first part is found). A name found
 * nowhere is an error. Names are looked up only when their tag is rendered:
 * the names inside a section body that runs zero times are not checked (the
 * section's own name always is). Syntax (unclosed or mismatched sections, "{{"
 * without "}}", empty or malformed names) is checked for the whole template
 * before anything is rendered.
 *
 * Standalone lines: a line holding only a section, inverted, closing or
 * comment tag and blanks (spaces, tabs) produces no output at all — the
 * blanks and the line end ("\n" or "\r\n", or the end of the text) go too.
 * A substitution tag, other text, or a second tag keeps the line.
 * No escaping is done: the view supplies text that is already safe for C.
 *
 * Errors stop rendering at the first one and are printed through diag as
 * `name:line:col: error: message` (1-based; the column counts bytes, a tab is
 * one) at the tag's "{{"; a mismatched closing tag adds a note at the opener.
 */
#ifndef SPECC_RENDER_H
#define SPECC_RENDER_H

#include <stddef.h>

#include <jansson.h>

/* Render template text (named `name` in errors) against the view. Returns
 * malloc'd output (NUL-terminated; its length in *out_len unless out_len is
 * NULL), or NULL after printing
 * `name:line:col: error: message` through diag. */
char *render_template(const char *name, const char *text, size_t len, const json_t *view,
                      size_t *out_len);

#endif
