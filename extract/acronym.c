/*
 * Acronyms defined in the text: "Full Name (ACR)" binds ACR to the
 * shortest tail of the name whose initials spell it ("... Congress of the
 * Communist Party of China (CPC)" binds CPC to the party), else to the
 * whole name when the initials roughly agree.
 */
#include "scan.h"

/* Acronym-shaped tokens [a, b): no inner spaces, two or more capitals. */
static int acronym_at(const ent_doc *d, size_t a, size_t b, ent_buf *out)
{
	size_t caps = 0;

	if (a >= b || b - a > 5 || !is_cap(d, a))
		return 0;
	for (size_t i = a; i < b; i++) {
		const ent_token *t = tok(d, i);
		if (i > a && (t->flags & ENT_TK_SPACE))
			return 0;
		if (!(t->flags & (ENT_TK_WORD | ENT_TK_DASH)))
			return 0;
		for (uint32_t k = 0; k < t->len; k++) {
			char ch = d->text[t->start + k];
			caps += ch >= 'A' && ch <= 'Z';
		}
	}
	if (caps < 2)
		return 0;
	ent_buf_clear(out);
	ent_doc_span(d, a, b, out);
	return out->len <= 16;
}

/* Capital initials of the capitalised words of [a, b). */
static void initials(const ent_doc *d, size_t a, size_t b, ent_buf *out)
{
	ent_buf_clear(out);
	for (size_t i = a; i < b; i++) {
		const ent_token *t = tok(d, i);
		if (!(t->flags & ENT_TK_WORD) || !(t->flags & (ENT_TK_CAP | ENT_TK_UPPER)))
			continue;
		if (t->flags & ENT_TK_UPPER) {
			for (uint32_t k = 0; k < t->len; k++)
				ent_buf_addc(out, d->text[t->start + k]);
		} else {
			ent_buf_addc(out, d->text[t->start]);
		}
	}
}

static void acronym_letters(const char *acr, ent_buf *out)
{
	ent_buf_clear(out);
	for (; *acr; acr++)
		if (*acr >= 'A' && *acr <= 'Z')
			ent_buf_addc(out, *acr);
}

/* Is `small` a subsequence of `big`? */
static int subsequence(const char *small, const char *big)
{
	for (; *big && *small; big++)
		if (*big == *small)
			small++;
	return *small == '\0';
}

static ent_type type_or(int t, ent_type dflt)
{
	return t >= 0 ? (ent_type)t : dflt;
}

/* "Full Name (ACR)": bind ACR to the shortest suffix of the mention whose
 * initials spell it, else to the whole mention when they roughly do. */
size_t ent_learn_acronym(ent_ws *ex, ent_doc *d, const ent_mention *m,
			    size_t end)
{
	size_t b = m->b, c;
	ent_buf acr, let, ini;

	if (b + 2 >= end || !tok_eq(d, b, "("))
		return 0;
	for (c = b + 1; c < end && c - b <= 6 && !tok_eq(d, c, ")"); c++)
		;
	if (c >= end || !tok_eq(d, c, ")"))
		return 0;
	ent_buf_init(&acr);
	ent_buf_init(&let);
	ent_buf_init(&ini);
	if (!acronym_at(d, b + 1, c, &acr)) {
		c = 0;
		goto out;
	}
	acronym_letters(acr.data, &let);
	size_t target = SIZE_MAX;
	for (size_t k = m->b; k-- > m->a + 1;) {
		if (!is_cap(d, k) || (k > m->a && (tok(d, k)->flags & ENT_TK_WORD) == 0))
			continue;
		initials(d, k, m->b, &ini);
		if (!strcmp(ini.data, let.data)) {
			/* a name inside the mention: "... of the Communist Party of China (CPC)" */
			size_t v, len, bb = m->b;
			int t = ent_span_type(ex, d, k, &bb);
			ent_buf name;
			ent_buf_init(&name);
			ent_doc_span(d, k, m->b, &name);
			len = match(&ex->gaz->names, d, k, m->b, &v);
			target = len == m->b - k ? ent_reg_gazetteer(ex, v)
						 : ent_reg_name(ex, name.data,
								type_or(t, ENT_TYPE_ORGANIZATION));
			ent_reg_surface(ex, target, name.data);
			if (!ent_phrases_add_tokens(&ex->learned, d->text, d->toks, k, m->b, target))
				ent_phrases_add(&ex->learned, name.data, target);
			ex->recs[ent_reg_find(ex, target)].mentions++;
			ent_buf_release(&name);
			break;
		}
	}
	if (target == SIZE_MAX) {
		initials(d, m->a, m->b, &ini);
		if (ini.len && let.len && ini.data[0] == let.data[0] &&
		    (subsequence(let.data, ini.data) || subsequence(ini.data, let.data) ||
		     m->type == ENT_TYPE_ORGANIZATION))
			target = m->ent;
	}
	if (target == SIZE_MAX) {
		c = 0;
		goto out;
	}
	ent_reg_surface(ex, target, acr.data);
	ent_phrases_add(&ex->learned, acr.data, ent_reg_find(ex, target));
out:
	ent_buf_release(&acr);
	ent_buf_release(&let);
	ent_buf_release(&ini);
	return c ? c + 1 - b : 0;
}

