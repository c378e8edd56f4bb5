/*
 * Sanitizing and sentence splitting. Everything downstream may assume clean
 * UTF-8 without control characters except '\n' and '\t', and sentences that
 * never span a blank line.
 */
#include <string.h>

#include "text.h"
#include "util.h"

uint32_t ent_utf8_decode(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*len = 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0) {
		*len = 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	*len = 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Length of a valid UTF-8 sequence at p within n bytes, 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	uint32_t cp;
	return ent_utf8_valid(p, n, &cp);
}

/* The first bytes judged by looks_binary(). */
#define BINARY_WINDOW 65536

/* Binary data: more than one byte in ten is a control character or
 * invalid UTF-8, judged on the first 64 KiB. */
static int looks_binary(const unsigned char *p, size_t len)
{
	size_t n = len < BINARY_WINDOW ? len : BINARY_WINDOW, bad = 0;

	for (size_t i = 0; i < n;) {
		if (p[i] >= 0x20 && p[i] < 0x80) {
			i++;
			continue;
		}
		size_t l = utf8_len(p + i, n - i);
		if (l == 0) {
			bad++;
			i++;
			continue;
		}
		if (l == 1 && p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' &&
		    p[i] != '\t' && p[i] != '\f')
			bad++;
		i += l;
	}
	return bad * 10 > n;
}

static int is_dropped(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD;
}

/* Bytes kept as they are, in runs: printable ASCII (1) and the white
 * space that stays (2: ' ', '\t', '\n'); 0 for everything else. */
static const unsigned char clean_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, /* 0x00 \t \n */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
	2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20 ' ' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x50 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70 DEL */
	/* 0x80 to 0xFF: 0 */
};

/* The sanitizer's state while it walks the input. */
typedef struct sanitizer {
	const unsigned char *p;
	size_t len;
	ent_buf out;
	int text; /* a character other than white space was kept */
	int odd;  /* a byte looks_binary() would count as bad */
} sanitizer;

/* One character that is not plain ASCII at p[i]; returns its length. In
 * the first BINARY_WINDOW bytes it notes whatever looks_binary() counts as
 * bad: invalid UTF-8 (or a sequence the window cuts) and control
 * characters other than the white space it allows. */
static size_t sanitize_char(sanitizer *s, size_t i)
{
	const unsigned char *p = s->p;
	size_t l = utf8_len(p + i, s->len - i);

	if (i < BINARY_WINDOW && (l == 0 || i + l > BINARY_WINDOW ||
				  (p[i] < 0x20 && p[i] != '\r' && p[i] != '\f')))
		s->odd = 1;
	if (l == 0) {
		ent_buf_adds(&s->out, "\xEF\xBF\xBD");
		s->text = 1;
		return 1;
	}
	if (l == 1) {
		unsigned char c = p[i];
		if (c == '\r') {
			ent_buf_addc(&s->out, '\n');
			if (i + 1 < s->len && p[i + 1] == '\n')
				return 2;
		} else if (c == 0 || c == '\f' || c == '\v') {
			ent_buf_addc(&s->out, '\n');
		} else {
			ent_buf_addc(&s->out, ' '); /* other controls and DEL */
		}
		return 1;
	}
	size_t dl;
	uint32_t cp = ent_utf8_decode((const char *)p + i, &dl);
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		ent_buf_addc(&s->out, '\n');
	else if (cp >= 0x80 && cp < 0xA0)
		ent_buf_addc(&s->out, ' ');
	else if (!is_dropped(cp)) {
		ent_buf_add(&s->out, (const char *)p + i, l);
		s->text = 1;
	}
	return l;
}

/* Clean the input from i until `stop` (a character may run past it);
 * returns where it stopped. Runs of clean bytes are found with one table
 * look-up per byte and copied at once. */
static size_t sanitize_span(sanitizer *s, size_t i, size_t stop)
{
	const unsigned char *p = s->p;

	while (i < stop) {
		size_t r = i;
		/* four bytes a step while four are left: one bound test for
		 * four look-ups; the rest one by one */
		while (stop - r >= 4 && clean_byte[p[r]] && clean_byte[p[r + 1]] &&
		       clean_byte[p[r + 2]] && clean_byte[p[r + 3]])
			r += 4;
		while (r < stop && clean_byte[p[r]])
			r++;
		if (r > i) {
			if (!s->text)
				for (size_t k = i; k < r && !s->text; k++)
					s->text = clean_byte[p[k]] == 1;
			ent_buf_add(&s->out, (const char *)p + i, r - i);
			i = r;
			continue;
		}
		i += sanitize_char(s, i);
	}
	return i;
}

ent_status ent_text_sanitize(const char *doc, const char *data, size_t len,
			     char **out, size_t *out_len, ent_error *err)
{
	const unsigned char *p = (const unsigned char *)data;
	sanitizer s = { p, len, { NULL, 0, 0 }, 0, 0 };
	size_t i = 0;

	*out = NULL;
	*out_len = 0;
	if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return ent_error_set(err, ENT_ERR_INPUT, doc, 0,
				     "UTF-16 text is not supported; convert it to UTF-8");
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	ent_buf_init(&s.out);
	ENT_GROW(s.out.data, s.out.cap, len + 1);
	/* The binary test and the cleaning walk the first 64 KiB in the same
	 * steps (the BOM is one valid character to both), so looks_binary()
	 * can only find a bad byte where sanitize_char() noted one; without
	 * one it would say "text", and that pass is skipped. */
	i = sanitize_span(&s, i, len < BINARY_WINDOW ? len : BINARY_WINDOW);
	if (s.odd && looks_binary(p, len)) {
		ent_buf_release(&s.out);
		return ent_error_set(err, ENT_ERR_INPUT, doc, 0,
				     "binary data, not a text document");
	}
	sanitize_span(&s, i, len);
	if (!s.text) {
		ent_buf_release(&s.out);
		return ent_error_set(err, ENT_ERR_INPUT, doc, 0,
				     len ? "no text in document" : "empty document");
	}
	*out_len = s.out.len;
	*out = ent_buf_detach(&s.out);
	return ENT_OK;
}

/* ---- sentence splitting ---- */

#define ABBR(s) { s, sizeof(s) - 1 }
/* In byte order (as strcmp() sorts; upper case before lower), so that
 * is_abbreviation() finds a word by halving: a dot ends nearly every
 * sentence, and most of the words before one are short enough to be
 * looked up. */
static const struct abbreviation {
	const char *s;
	size_t len;
} abbreviations[] = {
	ABBR("Amb"), ABBR("Apr"), ABBR("Art"), ABBR("Arts"), ABBR("Aug"), ABBR("Co"),
	ABBR("Col"), ABBR("Corp"), ABBR("Dec"), ABBR("Dept"), ABBR("Dr"), ABBR("E.U"),
	ABBR("Feb"), ABBR("Fig"), ABBR("Ft"), ABBR("Gen"), ABBR("Gov"), ABBR("H.E"),
	ABBR("Hon"), ABBR("Inc"), ABBR("Jan"), ABBR("Jr"), ABBR("Jul"), ABBR("Jun"), ABBR("Lt"),
	ABBR("Ltd"), ABBR("Mar"), ABBR("Mr"), ABBR("Mrs"), ABBR("Ms"), ABBR("Mt"), ABBR("No"),
	ABBR("Nos"), ABBR("Nov"), ABBR("Oct"), ABBR("Op"), ABBR("Para"), ABBR("Prof"),
	ABBR("Rep"), ABBR("Rev"), ABBR("S.E"), ABBR("Sen"), ABBR("Sep"), ABBR("Sept"),
	ABBR("Sr"), ABBR("St"), ABBR("U.K"), ABBR("U.N"), ABBR("U.S"), ABBR("Vol"), ABBR("a.m"),
	ABBR("approx"), ABBR("cf"), ABBR("e.g"), ABBR("i.e"), ABBR("p.m"), ABBR("para"),
	ABBR("pp"), ABBR("vs"),
};
#undef ABBR
/* The longest of them: a longer word is none. */
#define ABBR_MAX 6

/* Compare the word w[0, n) with an abbreviation, in the table's order. */
static int abbreviation_cmp(const char *w, size_t n, const struct abbreviation *a)
{
	int c = memcmp(w, a->s, n < a->len ? n : a->len);

	return c ? c : (n > a->len) - (n < a->len);
}

static int is_abbreviation(const char *text, size_t start, size_t dot)
{
	size_t w = dot, lo = 0, hi = sizeof(abbreviations) / sizeof(*abbreviations);

	while (w > start && (text[w - 1] == '.' || (text[w - 1] & 0x80) ||
			     ((text[w - 1] | 32) >= 'a' && (text[w - 1] | 32) <= 'z')))
		w--;
	if (dot - w == 1 && text[w] >= 'A' && text[w] <= 'Z')
		return 1; /* an initial: "J. Smith" */
	if (dot - w < 2 || dot - w > ABBR_MAX)
		return 0; /* every abbreviation has 2 to ABBR_MAX bytes */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = abbreviation_cmp(text + w, dot - w, &abbreviations[mid]);
		if (c == 0)
			return 1;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* Does a new sentence plausibly start at p? */
static int starts_sentence(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n'))
		p++;
	if (p >= end)
		return 1;
	unsigned char c = (unsigned char)*p;
	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
	    c == '(' || c == '[' || c == '\'')
		return 1;
	if (c == 0xE2) /* curly quotes */
		return 1;
	if (c >= 0xC3 && c <= 0xC5) /* accented capitals, loosely */
		return 1;
	return 0;
}

static int is_closer(unsigned char c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']';
}

typedef struct splitter {
	const char *text;
	ent_sentence *s;
	size_t n, cap;
	long line;
	unsigned next_flags;
} splitter;

static void emit(splitter *sp, size_t a, size_t b, long line, unsigned flags)
{
	while (a < b && (sp->text[a] == ' ' || sp->text[a] == '\t' || sp->text[a] == '\n'))
		a++;
	while (b > a && (sp->text[b - 1] == ' ' || sp->text[b - 1] == '\t' ||
			 sp->text[b - 1] == '\n'))
		b--;
	if (a == b)
		return;
	ENT_GROW(sp->s, sp->cap, sp->n + 1);
	sp->s[sp->n].start = a;
	sp->s[sp->n].end = b;
	sp->s[sp->n].line = line;
	sp->s[sp->n].flags = flags | sp->next_flags;
	sp->next_flags = 0;
	sp->n++;
}

/* Is the document hard-wrapped (short lines throughout)? */
static int hard_wrapped(const char *text, size_t len)
{
	size_t lines = 0, longer = 0;
	const char *p = text, *end = text + len;

	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		if (nl > p) {
			lines++;
			if (nl - p > 120)
				longer++;
		}
		p = nl + 1;
	}
	return lines > 0 && longer * 20 < lines;
}

static int line_ends_sentence(const char *a, const char *b)
{
	while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
		b--;
	if (b == a)
		return 1;
	unsigned char c = (unsigned char)b[-1];
	return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
	       (b - a >= 3 && (unsigned char)b[-3] == 0xE2 && (unsigned char)b[-2] == 0x80 &&
		(unsigned char)b[-1] == 0x9D);
}

/* Does a line without final punctuation continue on the next one? A
 * trailing blank or a final connector word says so. */
static int runs_on(const char *a, const char *b)
{
	static const char *const conn[] = { "of", "and", "the", "with", "for", "in", "on",
					    "to", "a", "an", "by", NULL };
	const char *w;

	if (b > a && (b[-1] == ' ' || b[-1] == '\t'))
		return 1;
	for (w = b; w > a && w[-1] != ' ' && w[-1] != '\t'; w--)
		;
	for (int i = 0; conn[i]; i++)
		if ((size_t)(b - w) == strlen(conn[i]) && !memcmp(w, conn[i], (size_t)(b - w)))
			return 1;
	return 0;
}

/* The bytes split_run() looks at: line breaks, which it counts, and
 * sentence punctuation. Each kind is found with memchr() and its place
 * kept until the walk passes it: in prose they are a few bytes in a
 * hundred, so the bytes between are never looked at one by one, and each
 * kind's searches cover the run at most once. */
static const char split_bytes[4] = { '\n', '.', '!', '?' };

typedef struct stops {
	const char *text;
	size_t end;
	size_t at[4]; /* where the next of each split_bytes[] is, or end */
} stops;

static size_t find_stop(const stops *st, char c, size_t i)
{
	const char *p = memchr(st->text + i, c, st->end - i);
	return p ? (size_t)(p - st->text) : st->end;
}

static void stops_init(stops *st, const char *text, size_t a, size_t b)
{
	st->text = text;
	st->end = b;
	for (int k = 0; k < 4; k++)
		st->at[k] = find_stop(st, split_bytes[k], a);
}

/* The first of the four at i or after (i <= end), or end. */
static size_t next_stop(stops *st, size_t i)
{
	size_t first = st->end;

	for (int k = 0; k < 4; k++) {
		if (st->at[k] < i)
			st->at[k] = find_stop(st, split_bytes[k], i);
		if (st->at[k] < first)
			first = st->at[k];
	}
	return first;
}

/* Split one line range [a, b) of a paragraph at sentence punctuation. */
static void split_run(splitter *sp, size_t a, size_t b, long line)
{
	const char *t = sp->text;
	size_t start = a;
	long start_line = line;
	stops st;

	stops_init(&st, t, a, b);
	for (size_t i = a; i < b; i++) {
		/* every other byte is passed over */
		i = next_stop(&st, i);
		if (i == b)
			break;
		if (t[i] == '\n') {
			line++;
			continue;
		}
		size_t j = i + 1;
		while (j < b && (is_closer((unsigned char)t[j]) ||
				 ((unsigned char)t[j] == 0xE2 && j + 2 < b &&
				  (unsigned char)t[j + 1] == 0x80 &&
				  ((unsigned char)t[j + 2] == 0x9D || (unsigned char)t[j + 2] == 0x99))))
			j += (unsigned char)t[j] == 0xE2 ? 3 : 1;
		if (j < b && t[j] != ' ' && t[j] != '\n' && t[j] != '\t')
			continue;
		if (t[i] == '.' && is_abbreviation(t, start, i))
			continue;
		if (!starts_sentence(t + j, t + b))
			continue;
		emit(sp, start, j, start_line, 0);
		start = j;
		start_line = line;
		while (start < b && (t[start] == ' ' || t[start] == '\n' || t[start] == '\t')) {
			if (t[start] == '\n')
				line++;
			start++;
		}
		start_line = line;
		i = start - 1;
	}
	emit(sp, start, b, start_line, 0);
}

void ent_text_split(const char *text, size_t len, ent_sentence **out, size_t *n)
{
	splitter sp = { text, NULL, 0, 0, 1, ENT_SENT_PARA };
	int wrapped = hard_wrapped(text, len);
	size_t run = 0, i = 0;
	long run_line = 1, line = 1;

	/* Walk line by line; a run is a stretch of lines forming running text. */
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		size_t ws = i;
		while (ws < e && (text[ws] == ' ' || text[ws] == '\t'))
			ws++;
		int blank = ws == e;
		int brk = blank;
		if (!blank) {
			/* A line break ends a sentence unless the text is hard-wrapped
			 * and this line is long enough to be wrapped prose, or the line
			 * visibly runs on (a trailing space, a final "of"). */
			int ends = line_ends_sentence(text + ws, text + e);
			brk = !wrapped || (!ends && e - ws < 50) || ends;
			if (wrapped && ends && e - ws >= 50)
				brk = 0; /* let the punctuation splitter decide */
			if (!ends && e + 1 < len && text[e + 1] != '\n' && runs_on(text + ws, text + e))
				brk = 0;
		}
		if (blank) {
			if (run < i)
				split_run(&sp, run, i, run_line);
			sp.next_flags = ENT_SENT_PARA;
			run = e + 1;
			run_line = line + 1;
		} else if (brk) {
			size_t before = sp.n;
			split_run(&sp, run, e, run_line);
			if (sp.n == before + 1 && !line_ends_sentence(text + ws, text + e))
				sp.s[before].flags |= ENT_SENT_HEADING;
			run = e + 1;
			run_line = line + 1;
		}
		i = e + 1;
		line++;
	}
	if (run < len)
		split_run(&sp, run, len, run_line);
	*out = sp.s;
	*n = sp.n;
}
