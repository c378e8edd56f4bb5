/*
 * Private to render/: turning graph strings (which may come from any
 * input, GraphML included) into text Graphviz shows literally, and into
 * the ids of SVG elements.
 */
#ifndef ENT_RENDER_TEXT_H
#define ENT_RENDER_TEXT_H

#include <stddef.h>

#include "util.h"

/* Append `s` (NULL is "") to `out` as clean text: invalid UTF-8 becomes
 * U+FFFD, control, bidi and BOM characters are dropped, line breaks and
 * tabs become spaces, runs of spaces fold into one and the ends are
 * trimmed. At most `cap` bytes are appended, cut on a character boundary
 * and ended with "…" when the text was longer. Linear in the bytes read;
 * reading stops shortly after the cap. */
void ent_text_clean(ent_buf *out, const char *s, size_t cap);

/* Append clean text `s` escaped for a Graphviz escString attribute
 * (label, tooltip): backslashes doubled so that \N, \n or a trailing
 * backslash stay literal, and '&' escaped where Graphviz would otherwise
 * decode an entity (&amp; &#1;). */
void ent_text_gv_escape(ent_buf *out, const char *s);

/* The same for a tooltip, which Graphviz unescapes twice (once as a
 * label, then once more while expanding \N): backslashes are quadrupled.
 * A literal "\n" appended by the caller is a line break. */
void ent_text_gv_escape_tooltip(ent_buf *out, const char *s);

/* Append clean text `s` as an escaped label wrapped into lines of about
 * `width` characters (Graphviz "\n" breaks), breaking at spaces. */
void ent_text_gv_wrap(ent_buf *out, const char *s, size_t width);

/* Append an SVG-safe id made of `prefix` and `key`: ASCII letters,
 * digits, '_' and '-' only (other characters become '-', non-ASCII
 * characters their hexadecimal code point), at most about 80 bytes. */
void ent_text_id(ent_buf *out, const char *prefix, const char *key);

/* Number of characters (code points) of valid UTF-8 `s`. */
size_t ent_text_chars(const char *s);

#endif
