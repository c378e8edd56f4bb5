/*
 * What the robustness suite feeds the binary: generators of large hostile
 * inputs (a line without punctuation, parentheses a million deep, a
 * thousand entities in one sentence, HTML and XML nested without end...),
 * the table of them the linear-time check runs at n and 8n with the exit
 * each must give, and a small well-formed graph built by the binary for
 * the checks that corrupt or reuse one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "robust.h"
#include "util.h"

static void gen_line(FILE *fp, size_t n) /* one line, no punctuation */
{
	fputs("China met Russia and ", fp);
	rb_fputn(fp, "lorem ipsum dolor ", n / 18);
	fputc('\n', fp);
}

static void gen_token(FILE *fp, size_t n)
{
	fputs("China met ", fp);
	rb_fputn(fp, "a", n);
	fputs(" Russia.\n", fp);
}

static void gen_caps(FILE *fp, size_t n) /* capitalised words in a row */
{
	rb_fputn(fp, "Word ", n / 5);
	fputs(".\n", fp);
}

static void gen_us(FILE *fp, size_t n)
{
	rb_fputn(fp, "U.S. ", n / 5);
}

static void gen_nested(FILE *fp, size_t n)
{
	fputs("China ", fp);
	rb_fputn(fp, "(", n / 2);
	fputs("Russia", fp);
	rb_fputn(fp, ")", n / 2);
	fputs(".\n", fp);
}

static void gen_unbalanced(FILE *fp, size_t n)
{
	fputs("China ", fp);
	rb_fputn(fp, "( ", n / 2);
	fputs("Russia.\n", fp);
}

static void gen_acronym(FILE *fp, size_t n)
{
	fputs("The World Health Organization (WHO) met.\n\n", fp);
	rb_fputn(fp, "WHO ", n / 4);
	fputs(".\n", fp);
}

/* Distinct organizations, one paragraph each (one paragraph of many
 * sentences is gen_acquired_para). */
static void gen_distinct(FILE *fp, size_t n)
{
	char a[6];
	for (size_t i = 0; i < n / 40; i++) {
		rb_name5(a, i);
		fprintf(fp, "The Ministry of %s Affairs met.\n\n", a);
	}
}

static void gen_acquired(FILE *fp, size_t n)
{
	char a[6];
	for (size_t i = 0; i < n / 48; i++) {
		rb_name5(a, i);
		fprintf(fp, "The X%s Foundation acquired the Y%s Commission.\n\n", a, a);
	}
}

/* The same as one paragraph: every sentence looks back to where its
 * paragraph began (for a leading year), which must not cost S^2. */
static void gen_acquired_para(FILE *fp, size_t n)
{
	char a[6];
	for (size_t i = 0; i < n / 47; i++) {
		rb_name5(a, i);
		fprintf(fp, "The X%s Foundation acquired the Y%s Commission. ", a, a);
	}
	fputc('\n', fp);
}

/* One sentence listing n / 8 names before its verb: the list is cut to
 * --max-list, with a warning, and relating it stays linear. */
static void gen_long_list(FILE *fp, size_t n)
{
	char a[6];
	for (size_t i = 0; i < n / 16; i++) {
		rb_name5(a, i);
		fprintf(fp, "%sthe X%s Foundation", i ? ", " : "", a);
	}
	fputs(" and the Yzzzz Commission signed the Paris Agreement.\n", fp);
}

/* Distinct organizations linked by the relations this reads as signing
 * and cooperation: a graph of about n / 40 nodes. */
void rb_gen_signed(FILE *fp, size_t n)
{
	char a[6], b[6];
	for (size_t i = 0; i < n / 64; i++) {
		rb_name5(a, i);
		rb_name5(b, (i * 7919 + 13) % (n / 64));
		fprintf(fp, "The %s Foundation signed the %s Agreement with the %s Foundation.\n\n",
			a, b, b);
	}
}

static void gen_amp(FILE *fp, size_t n)
{
	fputs("<html><body><p>China ", fp);
	rb_fputn(fp, "&amp;", n / 5);
	fputs(" Russia</p></body></html>\n", fp);
}

void rb_gen_text_node(FILE *fp, size_t n) /* one large text node */
{
	fputs("<html><body><p>China met Russia. ", fp);
	rb_fputn(fp, "lorem ipsum dolor sit amet. ", n / 28);
	fputs("Kenya met Japan.</p></body></html>\n", fp);
}

static void gen_messy(FILE *fp, size_t n)
{
	fputs("<html><body>", fp);
	rb_fputn(fp, "<p><b>China <i>met</b> Russia</i> and <br>Kenya &nbsp; <font color=red>x</p>",
		 n / 72);
	fputs("</body></html>\n", fp);
}

static void gen_div_deep(FILE *fp, size_t n)
{
	fputs("<html><body>", fp);
	rb_fputn(fp, "<div>", n / 11);
	fputs("China met Russia.", fp);
	rb_fputn(fp, "</div>", n / 11);
	fputs("</body></html>\n", fp);
}

static void gen_div_open(FILE *fp, size_t n)
{
	fputs("<html><body>", fp);
	rb_fputn(fp, "<div>", n / 5);
	fputs("China met Russia.\n", fp);
}

static void gen_xml_deep(FILE *fp, size_t n)
{
	fputs("<?xml version=\"1.0\"?>\n<doc>", fp);
	rb_fputn(fp, "<a>", n / 7);
	fputs("China", fp);
	rb_fputn(fp, "</a>", n / 7);
	fputs("</doc>\n", fp);
}

const struct scale_case rb_scale[] = {
	{ "line.txt", gen_line, 1280 << 10, 0, 0, NULL },        /* 10 MB line */
	{ "token.txt", gen_token, 1280 << 10, 0, 0, NULL },      /* 10 MB token */
	{ "caps.txt", gen_caps, 640 << 10, 0, 1, NULL },         /* 1M words */
	{ "us.txt", gen_us, 320 << 10, 0, 0, NULL },             /* 0.5M U.S. */
	{ "nested.txt", gen_nested, 256 << 10, 0, 0, NULL },     /* 1M parens */
	{ "unbalanced.txt", gen_unbalanced, 256 << 10, 0, 0, NULL },
	{ "acronym.txt", gen_acronym, 512 << 10, 0, 1, NULL },   /* 1M WHO */
	{ "distinct.txt", gen_distinct, 128 << 10, 0, 1, NULL },
	{ "acquired.txt", gen_acquired, 128 << 10, 0, 1, NULL },
	{ "paragraph.txt", gen_acquired_para, 128 << 10, 0, 0, NULL },
	{ "list.txt", gen_long_list, 32 << 10, 0, 0, NULL },
	{ "signed.txt", rb_gen_signed, 64 << 10, 0, 1, NULL },
	{ "amp.html", gen_amp, 640 << 10, 0, 0, NULL },          /* 1M &amp; */
	{ "messy.html", gen_messy, 256 << 10, 0, 1, NULL },
	{ "deep.html", gen_div_deep, 256 << 10, 3, 0, "nested too deep" },
	{ "unclosed.html", gen_div_open, 640 << 10, 3, 0, "truncate" }, /* 1M <div> */
	{ "deep.xml", gen_xml_deep, 256 << 10, 3, 0, "depth" },
};
const size_t rb_n_scale = sizeof(rb_scale) / sizeof(*rb_scale);

char *rb_generate(const struct scale_case *c, size_t n, const char *tag)
{
	char *name = ent_xasprintf("%s-%s", tag, c->name);
	char *path = rb_path(name);
	FILE *fp = fopen(path, "wb");

	ck_assert_msg(fp != NULL, "cannot create %s", path);
	c->gen(fp, n);
	ck_assert_int_eq(fclose(fp), 0);
	free(name);
	return path;
}

static const char base_doc[] =
	"China and the Alpha Foundation signed the Paris Agreement in 2015.\n\n"
	"The Beta Commission and India launched the Gamma Programme.\n\n"
	"The Alpha Foundation cooperates with the Beta Commission.\n";

/* A GraphML file written by `build` from base_doc; the caller frees the
 * path and the text. */
char *rb_base_graph(char **text)
{
	char *doc = rb_write_str("base.txt", base_doc), *g = rb_path("base.graphml");
	rb_run r = { 0 };

	rb_call(&r, "build", "-q", doc, "-o", g, NULL);
	ck_assert_status(&r, 0);
	rb_run_release(&r);
	free(doc);
	*text = rb_read_all(g, NULL);
	ck_assert_ptr_nonnull(*text);
	return g;
}

/* `text` with the first `from` replaced by `to`. */
char *rb_replace(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	ck_assert_msg(at != NULL, "'%s' is not in the graph", from);
	return ent_xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}
