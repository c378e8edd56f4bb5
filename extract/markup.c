/*
 * HTML and XML documents to plain text with libxml2, before extraction.
 * Safe settings only: no network, no external entities (a loader that
 * refuses everything), no entity expansion, no DTD loading; HTML is
 * parsed in recovery mode, XML must be well-formed. The tree is walked
 * iteratively (no recursion on deep input) and entity references are never
 * expanded.
 *
 * What is kept: the text of the document, not of its furniture. Scripts,
 * styles, navigation, headers, footers, forms and comments are dropped, and
 * so are elements that say they are furniture (hidden, role="navigation",
 * a class or id such as "cookie-banner" or "breadcrumb"). Block elements
 * become line breaks (blank lines where the source has room), table cells
 * of a row stay on one line.
 *
 * Where the text is: every text node starts on its line of the SOURCE
 * document, so that evidence names that line. The output is padded with
 * newlines up to each node's line, and text is never moved up; when blocks
 * share a source line, the later one is moved down just enough to stay a
 * separate sentence, and later text catches up at the next gap. Newlines
 * inside a block get a space before them, which tells the sentence
 * splitter that the line runs on. Linear time.
 *
 * Encodings: libxml2 reads <meta charset> and the XML declaration; C1
 * controls that an ISO-8859-1 declaration produced are read as the
 * Windows-1252 characters browsers show for them, and U+00A0 becomes a
 * space.
 */
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "internal.h"

/* Elements whose text is not the document's content. */
static const char *const skipped[] = {
	"script", "style", "template", "noscript", "nav", "header", "footer",
	"form", "button", "select", "svg", "iframe", "object", "aside", "head",
	"dialog", "menu", "label", "input", "textarea", "canvas", "audio", "video",
	"map", NULL,
};

/* Elements that end a block of text. */
static const char *const blocks[] = {
	"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
	"li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
	"caption", "blockquote", "pre", "br", "hr", "title", "figcaption", "figure",
	"address", "details", "summary", "fieldset", "legend", "center", "body",
	NULL,
};

/* XML elements that are inline even in element-only content. */
static const char *const xml_inline[] = {
	"b", "i", "u", "em", "strong", "emph", "emphasis", "hi", "span", "a", "sup",
	"sub", "small", "abbr", "acronym", "q", "cite", "code", "tt", "link",
	"xref", "ref", "italic", "bold", "name", "persName", "orgName", "placeName",
	"date", NULL,
};

/* ARIA roles of page furniture. */
static const char *const furniture_roles[] = {
	"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog",
	"menu", "menubar", "toolbar", "complementary", "tablist", NULL,
};

/* Words in a class or id that mark page furniture, matched as whole
 * words of the attribute ("cookie-banner" has "cookie"). */
static const char *const furniture_words[] = {
	"breadcrumb", "breadcrumbs", "navbar", "nav", "navigation", "menu", "submenu", "megamenu", "sidebar",
	"share", "sharing", "social", "newsletter", "subscribe", "skip",
	"skiplink", "popup", "modal", "advert", "advertisement", "ads", "footer",
	"masthead", "toolbar", "pagination", "pager", "related", "promo", NULL,
};

static int in_list(const xmlChar *name, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!xmlStrcasecmp(name, (const xmlChar *)list[i]))
			return 1;
	return 0;
}

static int is_name(const xmlNode *n, const char *name)
{
	return !xmlStrcasecmp(n->name, (const xmlChar *)name);
}

static int is_alnum(char c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

/* Does the attribute value hold one of `words` as a whole word? Words are
 * separated by anything but ASCII letters and digits. */
static int has_word(const xmlChar *value, const char *const *words)
{
	const char *p = (const char *)value;

	while (*p) {
		while (*p && !is_alnum(*p))
			p++;
		const char *w = p;
		while (is_alnum(*p))
			p++;
		size_t n = (size_t)(p - w);
		for (int i = 0; n && words[i]; i++)
			if (strlen(words[i]) == n && !xmlStrncasecmp((const xmlChar *)w,
								     (const xmlChar *)words[i], (int)n))
				return 1;
	}
	return 0;
}

/* Class or id words of consent banners: never content. */
static const char *const consent_words[] = { "cookie", "cookies", "consent", "gdpr", NULL };
/* Class or id words of a content container, which other words (a
 * "with-sidebar" layout class) do not make furniture. */
static const char *const content_words[] = { "content", "main", "article", "story", "body",
					     NULL };

/* Is a class or id value furniture? */
static int furniture_value(const xmlChar *v)
{
	if (has_word(v, consent_words))
		return 1;
	if (has_word(v, content_words))
		return 0;
	return has_word(v, furniture_words) || xmlStrcasestr(v, (const xmlChar *)"sr-only") ||
	       xmlStrcasestr(v, (const xmlChar *)"visually-hidden");
}

/* Does the element start the page's main content? */
static int is_main_marker(xmlNode *n)
{
	static const char *const ids[] = { "content", "main", "main-content", "maincontent",
					   "primary", NULL };
	static const char *const tags[] = { "h1", "main", "article", NULL };
	xmlChar *v;
	int yes = in_list(n->name, tags);

	if (!yes && (v = xmlGetProp(n, (const xmlChar *)"role")) != NULL) {
		yes = !xmlStrcasecmp(v, (const xmlChar *)"main");
		xmlFree(v);
	}
	if (!yes && (v = xmlGetProp(n, (const xmlChar *)"id")) != NULL) {
		yes = in_list(v, ids);
		xmlFree(v);
	}
	return yes;
}

/* Mark (in _private) every element that holds main content, so that a
 * layout class such as "with-sidebar" on it does not drop the page. Each
 * element is marked once: O(n). */
static void mark_main(xmlNode *root)
{
	static char mark;
	xmlNode *n = root;

	while (n) {
		if (n->type == XML_ELEMENT_NODE && is_main_marker(n))
			for (xmlNode *a = n; a && a->type == XML_ELEMENT_NODE && !a->_private;
			     a = a->parent)
				a->_private = &mark;
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
}

/* An HTML element whose attributes say it is furniture. The page's main
 * containers are never dropped this way. */
static int is_furniture(xmlNode *n)
{
	static const char *const never[] = { "html", "body", "main", "article", "h1", NULL };
	xmlChar *v;
	int drop = 0;

	if (!n->properties || in_list(n->name, never))
		return 0;
	if (xmlHasProp(n, (const xmlChar *)"hidden"))
		return 1;
	if ((v = xmlGetProp(n, (const xmlChar *)"aria-hidden")) != NULL) {
		drop = !xmlStrcasecmp(v, (const xmlChar *)"true");
		xmlFree(v);
		if (drop)
			return 1;
	}
	if ((v = xmlGetProp(n, (const xmlChar *)"role")) != NULL) {
		if (xmlStrcasecmp(v, (const xmlChar *)"main"))
			drop = has_word(v, furniture_roles);
		else
			drop = -1; /* role="main": kept, whatever its class says */
		xmlFree(v);
		if (drop)
			return drop > 0;
	}
	if (n->_private)
		return 0; /* it holds the main content: a layout class */
	for (int k = 0; k < 2 && !drop; k++) {
		v = xmlGetProp(n, (const xmlChar *)(k ? "id" : "class"));
		if (v) {
			drop = furniture_value(v);
			xmlFree(v);
		}
	}
	return drop;
}

/* Parser contexts of ours carry this mark in _private. */
static char ours;
static xmlExternalEntityLoader host_loader;

/* Our parses load nothing from outside the document: no external entity,
 * no DTD, whatever the document says. Other parses in the process (the
 * program that links us) keep the loader they had. */
static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctx)
{
	if (!ctx || ctx->_private == &ours || !host_loader)
		return NULL;
	return host_loader(url, id, ctx);
}

/* Once per process, before any thread parses: libxml2's global state and
 * its entity loader are process-wide. */
static pthread_once_t markup_once = PTHREAD_ONCE_INIT;

static void markup_init(void)
{
	xmlInitParser();
	host_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(refuse_entity);
}

void ent_markup_init(void)
{
	pthread_once(&markup_once, markup_init);
}

/* The first error libxml2 reports during one parse. */
typedef struct parse_errors {
	int huge;
	int fatal;
	int line;
	char msg[200];
} parse_errors;

static void on_error(void *ctx, xmlErrorPtr e)
{
	parse_errors *pe = ctx;

	if (e && e->message && strstr(e->message, "huge text node"))
		pe->huge = 1; /* libxml2 cut a text node at 10 MB */
	if (!e || pe->fatal || e->level < XML_ERR_FATAL)
		return;
	pe->fatal = 1;
	pe->line = e->line;
	snprintf(pe->msg, sizeof(pe->msg), "%s", e->message ? e->message : "malformed");
	size_t n = strlen(pe->msg);
	while (n && (pe->msg[n - 1] == '\n' || pe->msg[n - 1] == ' '))
		pe->msg[--n] = '\0';
}

/* ---- text flow: where each piece of text goes ---- */

typedef struct flow {
	ent_buf *out;
	long line;     /* line at the end of the output, 1-based */
	long floor;    /* start line of the last element entered */
	size_t nl_run; /* newlines since the last visible character */
	int pending;   /* a block boundary since the last visible character */
	int seen;      /* any visible character yet */
} flow;

/* The line a node was read on, or 0 when libxml2 lost count (past line
 * 65535 it keeps the line of text nodes only, and only in psvi). */
static long node_line(const xmlNode *n)
{
	if (n->line < 65535)
		return n->line;
	if (n->type == XML_TEXT_NODE && n->psvi)
		return (long)(ptrdiff_t)n->psvi;
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Drop spaces and tabs at the end of the output: a line that ends in a
 * blank runs on into the next one for the sentence splitter. */
static void trim_line_end(flow *f)
{
	while (f->out->len && is_blank(f->out->data[f->out->len - 1]))
		f->out->data[--f->out->len] = '\0';
}

static void newline(flow *f)
{
	ent_buf_addc(f->out, '\n');
	f->line++;
	f->nl_run++;
}

/* A line break after the last line of output ends its sentence when the
 * line ends in sentence punctuation, or is short and does not end in a
 * word that joins it to the next (the sentence splitter's rules). Else a
 * blank line is needed. */
static size_t breaks_needed(const flow *f)
{
	static const char *const joiners[] = { "of", "and", "the", "with", "for", "in", "on",
					       "to", "a", "an", "by", NULL };
	const char *s = f->out->data;
	size_t end = f->out->len, start, w;

	if (!f->seen)
		return 0;
	while (end && (s[end - 1] == '\n' || is_blank(s[end - 1])))
		end--;
	start = end;
	while (start && s[start - 1] != '\n')
		start--;
	if (end == start)
		return 1;
	unsigned char c = (unsigned char)s[end - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"')
		return 1;
	if (end - start >= 3 && !memcmp(s + end - 3, "\xE2\x80\x9D", 3))
		return 1;
	if (end - start >= 50)
		return 2;
	for (w = end; w > start && !is_blank(s[w - 1]); w--)
		;
	for (int i = 0; joiners[i]; i++)
		if (strlen(joiners[i]) == end - w && !memcmp(s + w, joiners[i], end - w))
			return 2;
	return 1;
}

/* A block ends or begins: no blank may end the lines written since the
 * last visible character (a trailing blank makes a line run on). The scan
 * is bounded, so many empty blocks in a row stay linear. */
static void block_break(flow *f)
{
	ent_buf *b = f->out;
	size_t end = b->len, k = end, lim = end > 64 ? end - 64 : 0, w;

	while (k > lim && (b->data[k - 1] == '\n' || is_blank(b->data[k - 1])))
		k--;
	for (w = k; k < end; k++)
		if (b->data[k] == '\n')
			b->data[w++] = '\n';
	b->len = w;
	b->data[w] = '\0';
	f->pending = 1;
}

/* Windows-1252 for the C1 range: what an ISO-8859-1 page means by it. */
static const char *cp1252(unsigned char c)
{
	static const char *const map[32] = {
		"\xE2\x82\xAC", NULL, "\xE2\x80\x9A", "\xC6\x92", "\xE2\x80\x9E",
		"\xE2\x80\xA6", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86", "\xE2\x80\xB0",
		"\xC5\xA0", "\xE2\x80\xB9", "\xC5\x92", NULL, "\xC5\xBD", NULL,
		NULL, "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D",
		"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "\xCB\x9C", "\xE2\x84\xA2",
		"\xC5\xA1", "\xE2\x80\xBA", "\xC5\x93", NULL, "\xC5\xBE", "\xC5\xB8",
	};
	return map[c - 0x80];
}

/* Append one text node that starts on source line `start` (0: unknown). */
static void add_text(flow *f, const char *s, long start)
{
	const char *p;
	size_t lead = 0;
	int visible = 0;

	for (p = s; *p; p++) {
		if (*p == '\n')
			lead++;
		else if (!is_blank(*p) && *p != '\r' &&
			 !((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)) {
			visible = 1;
			break;
		} else if ((unsigned char)*p == 0xC2) {
			p++;
		}
	}
	while (start > f->line) { /* up to the node's source line */
		if (f->pending)
			trim_line_end(f);
		else if (f->out->len && !is_blank(f->out->data[f->out->len - 1]) &&
			 f->out->data[f->out->len - 1] != '\n')
			ent_buf_addc(f->out, ' ');
		newline(f);
	}
	if (visible && f->pending) {
		size_t need = breaks_needed(f);
		trim_line_end(f);
		while (f->nl_run + lead < need)
			newline(f); /* blocks share a line: move this one down */
	}
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n') {
			if (f->pending)
				trim_line_end(f);
			else if (f->out->len && !is_blank(f->out->data[f->out->len - 1]) &&
				 f->out->data[f->out->len - 1] != '\n')
				ent_buf_addc(f->out, ' '); /* the line runs on */
			newline(f);
		} else if (c == '\r' || is_blank((char)c)) {
			if (!f->pending)
				ent_buf_addc(f->out, ' ');
		} else if (c == 0xC2 && (unsigned char)p[1] == 0xA0) {
			if (!f->pending)
				ent_buf_addc(f->out, ' ');
			p++;
		} else {
			if (c == 0xC2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9F) {
				const char *w = cp1252((unsigned char)p[1]);
				ent_buf_adds(f->out, w ? w : " ");
				p++;
			} else {
				ent_buf_addc(f->out, (char)c);
			}
			f->pending = 0;
			f->nl_run = 0;
			f->seen = 1;
		}
	}
}

/* ---- the walk ---- */

/* Is the element's content mixed (text beside elements)? In XML such an
 * element's children are inline; otherwise each child is a block. */
static int has_text_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			for (const xmlChar *p = c->content; *p; p++)
				if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
					return 1;
	return 0;
}

typedef struct walker {
	flow f;
	int html;
	int by_attributes; /* drop elements whose attributes say furniture */
	char *mixed; /* per depth: is the parent's content mixed (XML) */
	size_t depth, cap;
} walker;

static int is_block(walker *w, const xmlNode *n)
{
	if (in_list(n->name, blocks))
		return 1;
	if (w->html)
		return 0;
	return w->depth > 0 && !w->mixed[w->depth - 1] && !in_list(n->name, xml_inline);
}

static void enter_children(walker *w, const xmlNode *n)
{
	ENT_GROW(w->mixed, w->cap, w->depth + 1);
	w->mixed[w->depth++] = (char)(w->html ? 1 : has_text_child(n));
}

/* Walk the tree without recursion, appending text. */
static void walk(xmlNodePtr root, walker *w)
{
	xmlNodePtr n = root;
	flow *f = &w->f;

	while (n) {
		int descend = 0;
		if (n->type == XML_ELEMENT_NODE) {
			long l = node_line(n);
			if (l > f->floor)
				f->floor = l;
			if (w->html && (in_list(n->name, skipped) ||
					(w->by_attributes && is_furniture(n)))) {
				descend = 0;
			} else {
				descend = 1;
				if (is_block(w, n))
					block_break(f);
				else if (is_name(n, "td") || is_name(n, "th"))
					add_text(f, " ", 0); /* a row reads as one line */
			}
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
			   n->content) {
			const char *s = (const char *)n->content;
			long l = node_line(n), nl = 0;
			for (const char *p = s; *p; p++)
				nl += *p == '\n';
			/* libxml2 records the line where the node's first chunk of
			 * text ended: a lower bound, like the enclosing start tag */
			l = l > 0 ? l - nl : 0;
			add_text(f, s, l > f->floor ? l : f->floor);
		}
		/* comments, entity references and PIs are not descended */
		if (descend && n->children) {
			enter_children(w, n);
			n = n->children;
			continue;
		}
		if (descend && n->type == XML_ELEMENT_NODE && is_block(w, n))
			block_break(f);
		while (n && n != root && !n->next) {
			n = n->parent;
			w->depth--;
			if (n && n->type == XML_ELEMENT_NODE && is_block(w, n))
				block_break(f);
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
}

/* ---- sniffing ---- */

/* Elements that only HTML documents start with. */
static const char *const html_starts[] = {
	"html", "head", "body", "meta", "title", "link", "script", "style", "p",
	"div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "section",
	"article", "main", "header", "nav", "span", "a", "b", "i", "em", "strong",
	"br", "img", "blockquote", "pre", NULL,
};

/* Where `pat` first occurs in s[0, n), or NULL. */
static const char *find(const char *s, size_t n, const char *pat)
{
	size_t m = strlen(pat);

	for (size_t i = 0; i + m <= n; i++)
		if (s[i] == pat[0] && !memcmp(s + i, pat, m))
			return s + i;
	return NULL;
}

/* The lower-case name of the first element in data[i, len), after the
 * prolog (declaration, doctype, comments), looking at 4 KiB at most. */
static size_t first_element(const char *data, size_t i, size_t len, char *name, size_t cap)
{
	size_t n = 0;

	if (len - i > 4096)
		len = i + 4096;
	while (i < len) {
		while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' ||
				   data[i] == '\t'))
			i++;
		if (i + 1 >= len || data[i] != '<')
			break;
		if (data[i + 1] == '!' || data[i + 1] == '?') {
			const char *close = len - i >= 4 && !memcmp(data + i, "<!--", 4) ? "-->" : ">";
			const char *end = find(data + i, len - i, close);
			if (!end)
				break;
			i = (size_t)(end - data) + strlen(close);
			continue;
		}
		for (i++; i < len && n + 1 < cap && is_alnum(data[i]); i++)
			name[n++] = (char)(data[i] | 32);
		break;
	}
	name[n] = '\0';
	return n;
}

ent_markup ent_markup_sniff(const char *data, size_t len)
{
	size_t i = 0, n;
	char head[512], name[16];

	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	if (i >= len || data[i] != '<')
		return ent_markdown_sniff(data, len) ? ENT_MARKUP_MARKDOWN : ENT_MARKUP_NONE;
	n = len - i < sizeof(head) - 1 ? len - i : sizeof(head) - 1;
	for (size_t k = 0; k < n; k++)
		head[k] = (char)(data[i + k] >= 'A' && data[i + k] <= 'Z' ? data[i + k] + 32 : data[i + k]);
	head[n] = '\0';
	if (strstr(head, "<!doctype html"))
		return ENT_MARKUP_HTML;
	first_element(data, i, len, name, sizeof(name));
	if (!strcmp(name, "html"))
		return ENT_MARKUP_HTML; /* XHTML too: its furniture is HTML's */
	if (!strncmp(head, "<?xml", 5))
		return ENT_MARKUP_XML;
	/* a fragment of HTML ("<p>...</p><p>...</p>") is not XML */
	return in_list((const xmlChar *)name, html_starts) ? ENT_MARKUP_HTML : ENT_MARKUP_XML;
}

/* ---- parsing ---- */

static xmlDocPtr parse_html(const char *data, size_t len)
{
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(data, (int)len);
	xmlDocPtr d;

	if (!ctxt)
		return NULL;
	ctxt->_private = &ours;
	/* documents are UTF-8 whatever they declare: without this libxml2
	 * reads a page with no <meta charset> as Latin-1, and one whose meta
	 * names another charset in that charset ("T\xc3\xbcrkiye" came out
	 * as mojibake and was not recognised) */
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					 HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
	/* keep line numbers past 65535 (text nodes keep them in psvi);
	 * htmlCtxtUseOptions() does not know the flag */
	ctxt->options |= XML_PARSE_BIG_LINES;
	htmlParseDocument(ctxt);
	d = ctxt->myDoc;
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	return d;
}

static xmlDocPtr parse_xml(const char *data, size_t len)
{
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	xmlDocPtr d;

	if (!ctxt)
		return NULL;
	ctxt->_private = &ours;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
					XML_PARSE_BIG_LINES);
	xmlParseDocument(ctxt);
	d = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (d && !ctxt->wellFormed) {
		xmlFreeDoc(d);
		d = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	return d;
}

ent_status ent_markup_text(const char *doc, const char *data, size_t len, ent_markup kind,
			   char **text, size_t *text_len, ent_error *err)
{
	parse_errors pe = { 0, 0, 0, "" };
	xmlDocPtr d;
	ent_buf out;
	walker w;

	*text = NULL;
	*text_len = 0;
	if (kind == ENT_MARKUP_MARKDOWN)
		return ent_markdown_text(data, len, text, text_len);
	if (len > (size_t)INT32_MAX / 2)
		return ent_error_set(err, ENT_ERR_LIMIT, doc, 0, "document too large to parse");
	ent_markup_init();
	xmlSetStructuredErrorFunc(&pe, on_error); /* per thread */
	if (kind == ENT_MARKUP_HTML)
		d = parse_html(data, len);
	else
		d = parse_xml(data, len);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!d || (kind == ENT_MARKUP_XML && pe.fatal)) {
		if (d)
			xmlFreeDoc(d);
		return ent_error_set(err, ENT_ERR_INPUT, doc, pe.line,
				     "malformed %s: %s", kind == ENT_MARKUP_HTML ? "HTML" : "XML",
				     pe.fatal ? pe.msg : "no document");
	}
	if (pe.huge) {
		xmlFreeDoc(d);
		return ent_error_set(err, ENT_ERR_LIMIT, doc, 0,
				     "a text of more than 10 MB without markup; the parser "
				     "would cut it (split the text, or give it as plain text)");
	}
	if (kind == ENT_MARKUP_HTML && pe.fatal && strstr(pe.msg, "Excessive depth")) {
		xmlFreeDoc(d);
		return ent_error_set(err, ENT_ERR_INPUT, doc, pe.line,
				     "HTML nested too deep; the parser would truncate it");
	}
	ent_buf_init(&out);
	memset(&w, 0, sizeof(w));
	w.html = kind == ENT_MARKUP_HTML;
	w.by_attributes = w.html;
	if (w.html && xmlDocGetRootElement(d))
		mark_main(xmlDocGetRootElement(d));
	for (int pass = 0; pass < 2; pass++) {
		ent_buf_clear(&out);
		ent_buf_add(&out, "", 0);
		memset(&w.f, 0, sizeof(w.f));
		w.f.out = &out;
		w.f.line = 1;
		w.depth = 0;
		if (xmlDocGetRootElement(d))
			walk(xmlDocGetRootElement(d), &w);
		/* a page whose every word looked like furniture is read whole
		 * rather than not at all */
		if (w.f.seen || !w.by_attributes)
			break;
		w.by_attributes = 0;
	}
	free(w.mixed);
	xmlFreeDoc(d);
	*text_len = out.len;
	*text = ent_buf_detach(&out);
	return ENT_OK;
}
