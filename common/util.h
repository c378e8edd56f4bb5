/*
 * Private helpers shared by every module: allocation that aborts only on
 * out-of-memory, a growable byte buffer, a string-keyed hash map, name
 * normalisation and atomic output files.
 */
#ifndef ENT_UTIL_H
#define ENT_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entente/common.h"

/* Allocation: out of memory is the one condition that aborts. */
void *ent_xmalloc(size_t n);
void *ent_xcalloc(size_t n, size_t size);
void *ent_xrealloc(void *p, size_t n);
char *ent_xstrdup(const char *s);
char *ent_xstrndup(const char *s, size_t n);
char *ent_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of `size` bytes each) so that it holds at least `need`. */
void ent_grow(void **items, size_t *cap, size_t need, size_t size);
#define ENT_GROW(arr, cap, need) \
	ent_grow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

/* Growable, always NUL-terminated byte buffer. */
typedef struct ent_buf {
	char *data;
	size_t len;
	size_t cap;
} ent_buf;

void ent_buf_init(ent_buf *b);
void ent_buf_release(ent_buf *b);
void ent_buf_clear(ent_buf *b);
void ent_buf_adds(ent_buf *b, const char *s);
/* Make room for n more bytes (and the NUL) without changing the contents. */
void ent_buf_reserve(ent_buf *b, size_t n);

/* The appends are inline: output and sentence pooling call them for every
 * few bytes, where a call and a capacity check through ent_grow() cost more
 * than the copy. The out-of-line definitions are in util.c (C11 inline). */
inline void ent_buf_add(ent_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		ent_buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

inline void ent_buf_addc(ent_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		ent_buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void ent_buf_printf(ent_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append v in decimal, without printf (writers call it per field). */
void ent_buf_add_uint(ent_buf *b, size_t v);
/* Write v in decimal at w, which has room for 20 bytes, without a NUL;
 * returns the end. For writers that reserved a record's room at once. */
char *ent_put_uint(char *w, size_t v);
/* Hand the contents over (free with free()) and reset the buffer. */
char *ent_buf_detach(ent_buf *b);

/* Open-addressing hash map from strings to size_t. Keys are copied. */
typedef struct ent_map_slot {
	uint64_t hash; /* of the key, compared before the key itself */
	char *key;     /* NULL in an empty slot */
	size_t len;    /* of the key */
	size_t val;
} ent_map_slot;

typedef struct ent_map {
	ent_map_slot *slots;
	size_t cap; /* power of two, or 0 */
	size_t len;
	/* The keys' bytes live in chunks the map owns (a map never drops a
	 * key), not in one allocation each: documents fill several maps with
	 * thousands of short keys. */
	void *chunks;      /* the last chunk; each begins with the one before */
	char *room;        /* free bytes of the last chunk */
	size_t room_left;
} ent_map;

void ent_map_init(ent_map *m);
void ent_map_release(ent_map *m);
/* Empty the map for new keys, keeping its slot array (zeroed) and the
 * newest chunk of key bytes if it is of ordinary size: a map filled again
 * and again (one per document) then allocates nothing. Keys and values
 * got before are no longer valid. */
void ent_map_clear(ent_map *m);
/* Returns a pointer to the value of `key`, or NULL. */
size_t *ent_map_get(const ent_map *m, const char *key);
size_t *ent_map_getn(const ent_map *m, const char *key, size_t n);
/* Insert or overwrite. */
void ent_map_put(ent_map *m, const char *key, size_t val);
/* The hash of s[0, n) the maps use. */
uint64_t ent_hash(const char *s, size_t n);
/* ent_map_getn() with the key's hash h (ent_hash(key, n)) given. */
size_t *ent_map_getnh(const ent_map *m, const char *key, size_t n, uint64_t h);
/* ent_map_put() of key[0, n) (no NUL inside) with its hash h given. */
void ent_map_putnh(ent_map *m, const char *key, size_t n, uint64_t h, size_t val);

/* Name normalisation used for matching and keys: NFKD-like folding of
 * Latin accents, curly quotes to straight, dashes to '-', lower case,
 * punctuation to spaces, spaces folded, a leading "the " removed.
 * Returns a malloc'ed string. */
char *ent_name_norm(const char *s);
/* The same into out, which holds strlen(s) + 1 bytes (the normal form is
 * never longer); returns its length. For callers that normalize often. */
size_t ent_name_norm_into(const char *s, char *out);

/* Case-insensitive ASCII comparison. */
int ent_strcasecmp(const char *a, const char *b);

/* Atomic output: write to a temporary file beside `path`, then rename on
 * commit. "-" writes to standard output; a path that names a device or a
 * pipe is written in place. Temporary files still open are
 * removed on SIGINT/SIGTERM once ent_ofile_install_signals() ran. */
typedef struct ent_ofile {
	FILE *fp;
	char *path;
	char *tmp; /* NULL for standard output and devices */
	int direct; /* a device or pipe, written in place */
} ent_ofile;

ent_status ent_ofile_open(ent_ofile *of, const char *path, ent_error *err);
ent_status ent_ofile_commit(ent_ofile *of, ent_error *err);
void ent_ofile_abort(ent_ofile *of);
void ent_ofile_install_signals(void);

/* Length (1..4) of the valid UTF-8 sequence at p, within `avail` bytes
 * (SIZE_MAX for a NUL-terminated string), with its code point in *cp;
 * 0 when invalid: bad or missing continuation bytes, overlong forms,
 * surrogates and values past U+10FFFF. */
size_t ent_utf8_valid(const unsigned char *p, size_t avail, uint32_t *cp);

/* Append `s` to `b` as a JSON string literal (quotes included): control
 * characters, quotes, backslashes and U+2028/U+2029 escaped; invalid UTF-8
 * becomes U+FFFD. */
void ent_json_string(ent_buf *b, const char *s);

/* Read a whole file ("-" is stdin) into a malloc'ed, NUL-terminated
 * buffer; files over `max` bytes are ENT_ERR_LIMIT. */
ent_status ent_read_file(const char *path, size_t max, char **data,
			 size_t *len, ent_error *err);

#endif
