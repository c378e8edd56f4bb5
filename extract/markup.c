/*
 * HTML and XML documents to plain text with libxml2, before extraction.
 * Safe settings only: no network, no external entities (a loader that
 * refuses everything), no entity expansion, no DTD loading; HTML is
 * parsed in recovery mode, XML must be well-formed. The tree is walked
 * iteratively (no recursion on deep input), entity references are never
 * expanded, and the text of scripts, styles, navigation, headers,
 * footers and forms is dropped. Block elements become paragraph breaks,
 * so a heading or table cell never runs into the next sentence.
 */
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "internal.h"

/* Elements whose text is not the document's content. */
static const char *const skipped[] = {
	"script", "style", "template", "noscript", "nav", "header", "footer",
	"form", "button", "select", "svg", "iframe", "object", "aside", "head", NULL,
};

/* Elements that end a block of text. */
static const char *const blocks[] = {
	"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
	"li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "caption",
	"blockquote", "pre", "br", "hr", "title", "figcaption", "address", NULL,
};

static int in_list(const xmlChar *name, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!xmlStrcasecmp(name, (const xmlChar *)list[i]))
			return 1;
	return 0;
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctx)
{
	(void)url;
	(void)id;
	(void)ctx;
	return NULL;
}

/* The first error libxml2 reports during one parse. */
typedef struct parse_errors {
	int fatal;
	int line;
	char msg[200];
} parse_errors;

static void on_error(void *ctx, xmlErrorPtr e)
{
	parse_errors *pe = ctx;

	if (!e || pe->fatal || e->level < XML_ERR_FATAL)
		return;
	pe->fatal = 1;
	pe->line = e->line;
	snprintf(pe->msg, sizeof(pe->msg), "%s", e->message ? e->message : "malformed");
	size_t n = strlen(pe->msg);
	while (n && (pe->msg[n - 1] == '\n' || pe->msg[n - 1] == ' '))
		pe->msg[--n] = '\0';
}

/* Walk the tree without recursion, appending text. */
static void walk(xmlNodePtr root, ent_buf *out, int html)
{
	xmlNodePtr n = root;

	while (n) {
		int descend = 1;
		if (n->type == XML_ELEMENT_NODE) {
			if (html && in_list(n->name, skipped))
				descend = 0;
			else if (in_list(n->name, blocks))
				ent_buf_adds(out, "\n\n");
			else if (!xmlStrcasecmp(n->name, (const xmlChar *)"td") ||
				 !xmlStrcasecmp(n->name, (const xmlChar *)"th"))
				ent_buf_addc(out, ' '); /* a row reads as one line */
		} else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				ent_buf_adds(out, (const char *)n->content);
			descend = 0;
		} else {
			descend = 0; /* comments, entity references, PIs */
		}
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE && in_list(n->name, blocks))
				ent_buf_adds(out, "\n\n");
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
}

ent_markup ent_markup_sniff(const char *data, size_t len)
{
	size_t i = 0, n;
	char head[512];

	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	if (i >= len || data[i] != '<')
		return ENT_MARKUP_NONE;
	n = len - i < sizeof(head) - 1 ? len - i : sizeof(head) - 1;
	for (size_t k = 0; k < n; k++)
		head[k] = (char)(data[i + k] >= 'A' && data[i + k] <= 'Z' ? data[i + k] + 32 : data[i + k]);
	head[n] = '\0';
	if (strstr(head, "<html") || strstr(head, "<!doctype html") || strstr(head, "<body") ||
	    strstr(head, "<head"))
		return ENT_MARKUP_HTML;
	return ENT_MARKUP_XML;
}

ent_status ent_markup_text(const char *doc, const char *data, size_t len, ent_markup kind,
			   char **text, size_t *text_len, ent_error *err)
{
	parse_errors pe = { 0, 0, "" };
	xmlDocPtr d;
	ent_buf out;

	*text = NULL;
	*text_len = 0;
	if (len > (size_t)INT32_MAX / 2)
		return ent_error_set(err, ENT_ERR_LIMIT, doc, 0, "document too large to parse");
	xmlSetExternalEntityLoader(refuse_entity);
	xmlSetStructuredErrorFunc(&pe, on_error);
	if (kind == ENT_MARKUP_HTML)
		d = htmlReadMemory(data, (int)len, NULL, NULL,
				   HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					   HTML_PARSE_NOWARNING);
	else
		d = xmlReadMemory(data, (int)len, NULL, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!d || (kind == ENT_MARKUP_XML && pe.fatal)) {
		if (d)
			xmlFreeDoc(d);
		return ent_error_set(err, ENT_ERR_INPUT, doc, pe.line,
				     "malformed %s: %s", kind == ENT_MARKUP_HTML ? "HTML" : "XML",
				     pe.fatal ? pe.msg : "no document");
	}
	if (kind == ENT_MARKUP_HTML && pe.fatal && strstr(pe.msg, "Excessive depth")) {
		xmlFreeDoc(d);
		return ent_error_set(err, ENT_ERR_INPUT, doc, pe.line,
				     "HTML nested too deep; the parser would truncate it");
	}
	ent_buf_init(&out);
	ent_buf_add(&out, "", 0);
	if (xmlDocGetRootElement(d))
		walk(xmlDocGetRootElement(d), &out, kind == ENT_MARKUP_HTML);
	xmlFreeDoc(d);
	*text_len = out.len;
	*text = ent_buf_detach(&out);
	return ENT_OK;
}
