/*
 * Allocation, buffers, the string map, name normalisation, atomic output
 * files and whole-file reading: the small machinery every module shares.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void oom(void)
{
	static const char msg[] = "entente: out of memory\n";
	ssize_t r = write(2, msg, sizeof(msg) - 1);
	(void)r;
	abort();
}

void *ent_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *ent_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *ent_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *ent_xstrdup(const char *s)
{
	return ent_xstrndup(s, strlen(s));
}

char *ent_xstrndup(const char *s, size_t n)
{
	char *p = ent_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ent_xasprintf(const char *fmt, ...)
{
	ent_buf b;
	va_list ap;
	int n;

	ent_buf_init(&b);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	ENT_GROW(b.data, b.cap, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

void ent_grow(void **items, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap;

	if (need <= c)
		return;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / size)
			oom();
		c *= 2;
	}
	*items = ent_xrealloc(*items, c * size);
	*cap = c;
}

void ent_buf_init(ent_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void ent_buf_release(ent_buf *b)
{
	free(b->data);
	ent_buf_init(b);
}

void ent_buf_clear(ent_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void ent_buf_reserve(ent_buf *b, size_t n)
{
	/* most buffers hold a name or a sentence: start at 128 bytes rather
	 * than doubling up from 8 */
	ENT_GROW(b->data, b->cap, b->len + n + 1 > 128 ? b->len + n + 1 : 128);
}

extern inline void ent_buf_add(ent_buf *b, const char *s, size_t n);
extern inline void ent_buf_addc(ent_buf *b, char c);

void ent_buf_adds(ent_buf *b, const char *s)
{
	ent_buf_add(b, s, strlen(s));
}

/* Append the decimal digits of v, with a '-' when neg. */
static void add_decimal(ent_buf *b, unsigned long long v, int neg)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		tmp[--i] = '-';
	ent_buf_add(b, tmp + i, sizeof(tmp) - i);
}

/* The conversions output needs most (%s, %d, %ld, %zu, %%) without width,
 * precision or flags, formatted directly; 0 at anything else, so that the
 * caller formats the whole with vsnprintf instead. */
static int format_simple(ent_buf *b, const char *fmt, va_list ap)
{
	const char *p = fmt;

	for (;;) {
		const char *q = strchr(p, '%');
		if (!q) {
			ent_buf_add(b, p, strlen(p));
			return 1;
		}
		ent_buf_add(b, p, (size_t)(q - p));
		q++;
		if (*q == 's') {
			const char *s = va_arg(ap, const char *);
			if (!s)
				return 0;
			ent_buf_add(b, s, strlen(s));
		} else if (*q == 'd') {
			int v = va_arg(ap, int);
			add_decimal(b, v < 0 ? -(unsigned long long)v : (unsigned long long)v, v < 0);
		} else if (q[0] == 'l' && q[1] == 'd') {
			long v = va_arg(ap, long);
			add_decimal(b, v < 0 ? -(unsigned long long)v : (unsigned long long)v, v < 0);
			q++;
		} else if (q[0] == 'z' && q[1] == 'u') {
			add_decimal(b, va_arg(ap, size_t), 0);
			q++;
		} else if (*q == '%') {
			ent_buf_addc(b, '%');
		} else {
			return 0;
		}
		p = q + 1;
	}
}

/* "00" to "99", for two digits per division. */
static const char digit_pairs[] =
	"0001020304050607080910111213141516171819"
	"2021222324252627282930313233343536373839"
	"4041424344454647484950515253545556575859"
	"6061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

char *ent_put_uint(char *w, size_t v)
{
	unsigned long long x = v, p = 10;
	size_t n = 1;

	/* the number of digits by comparison (x has at most 20), then the
	 * digits from the last, two per division: ids and line numbers are
	 * written for every record */
	while (n < 20 && x >= p) {
		n++;
		p *= 10;
	}
	w += n;
	char *end = w;
	while (x >= 100) {
		size_t k = (size_t)(x % 100) * 2;
		x /= 100;
		*--w = digit_pairs[k + 1];
		*--w = digit_pairs[k];
	}
	if (x >= 10) {
		*--w = digit_pairs[x * 2 + 1];
		*--w = digit_pairs[x * 2];
	} else {
		*--w = (char)('0' + x);
	}
	return end;
}

void ent_buf_add_uint(ent_buf *b, size_t v)
{
	if (b->len + 21 > b->cap)
		ent_buf_reserve(b, 20);
	b->len = (size_t)(ent_put_uint(b->data + b->len, v) - b->data);
	b->data[b->len] = '\0';
}

void ent_buf_printf(ent_buf *b, const char *fmt, ...)
{
	va_list ap, again;
	int n;
	size_t room, mark = b->len;

	va_start(ap, fmt);
	va_copy(again, ap);
	if (format_simple(b, fmt, ap)) {
		va_end(again);
		va_end(ap);
		return;
	}
	va_end(ap);
	/* anything else through vsnprintf: in place when it fits, measured
	 * otherwise */
	b->len = mark;
	ENT_GROW(b->data, b->cap, b->len + 64);
	room = b->cap - b->len;
	va_copy(ap, again);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		va_end(again);
		return;
	}
	if ((size_t)n >= room) {
		ENT_GROW(b->data, b->cap, b->len + (size_t)n + 1);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
}

char *ent_buf_detach(ent_buf *b)
{
	char *p = b->data ? b->data : ent_xstrdup("");
	ent_buf_init(b);
	return p;
}

static inline uint64_t load64(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return w;
}

static inline uint64_t load32(const char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

/* Eight bytes at a time, the last eight overlapping what came before; a
 * short key in one or two loads. Never reads outside s[0, n). Mixing is
 * multiply and xor-shift; maps index by the low bits, so the last step
 * folds the high bits down. Deterministic: no output depends on it, but
 * runs must be reproducible. */
uint64_t ent_hash(const char *s, size_t n)
{
	const uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL;
	uint64_t h = k0 ^ (n * k1), w;

	if (n > 8) {
		const char *end = s + n - 8;
		for (; s < end; s += 8) {
			h = (h ^ load64(s)) * k1;
			h ^= h >> 31;
		}
		w = load64(end);
	} else if (n >= 4) {
		w = load32(s) | load32(s + n - 4) << 32;
	} else if (n > 0) {
		w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (uint64_t)(unsigned char)s[n - 1] << 16;
	} else {
		w = 0;
	}
	h = (h ^ w) * k1;
	h ^= h >> 31;
	h *= k0;
	return h ^ (h >> 32);
}

void ent_map_init(ent_map *m)
{
	memset(m, 0, sizeof(*m));
}

void ent_map_release(ent_map *m)
{
	while (m->chunks) {
		void *prev;
		memcpy(&prev, m->chunks, sizeof(prev));
		free(m->chunks);
		m->chunks = prev;
	}
	free(m->slots);
	ent_map_init(m);
}

/* The largest chunk map_key_copy() makes for short keys. */
#define MAP_CHUNK_MAX 16384

void ent_map_clear(ent_map *m)
{
	void *prev = NULL;

	if (m->chunks) {
		/* the newest chunk's size: its used bytes and what is left */
		char *start = (char *)m->chunks + sizeof(void *);
		size_t size = (size_t)(m->room - start) + m->room_left;
		memcpy(&prev, m->chunks, sizeof(prev));
		if (size <= MAP_CHUNK_MAX) {
			void *none = NULL;
			memcpy(m->chunks, &none, sizeof(none));
			m->room = start;
			m->room_left = size;
		} else {
			/* one long key's chunk: not worth keeping */
			free(m->chunks);
			m->chunks = NULL;
			m->room = NULL;
			m->room_left = 0;
		}
	}
	while (prev) {
		void *before;
		memcpy(&before, prev, sizeof(before));
		free(prev);
		prev = before;
	}
	/* a slot is in use exactly when its key is set (map_slot() looks at
	 * nothing else first): clearing the keys empties the map with a
	 * quarter of the stores of zeroing every slot */
	for (size_t i = 0; i < m->cap; i++)
		m->slots[i].key = NULL;
	m->len = 0;
}

/* Linear probing over one array: the stored hash and length spare nearly
 * every key comparison, and a probe touches one cache line. */
static size_t map_slot(const ent_map *m, const char *key, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	const ent_map_slot *sl;

	while ((sl = &m->slots[i])->key &&
	       (sl->hash != h || sl->len != n || memcmp(sl->key, key, n) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

size_t *ent_map_getnh(const ent_map *m, const char *key, size_t n, uint64_t h)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = map_slot(m, key, n, h);
	return m->slots[i].key ? &m->slots[i].val : NULL;
}

size_t *ent_map_getn(const ent_map *m, const char *key, size_t n)
{
	if (!m->cap)
		return NULL;
	return ent_map_getnh(m, key, n, ent_hash(key, n));
}

size_t *ent_map_get(const ent_map *m, const char *key)
{
	return ent_map_getn(m, key, strlen(key));
}

static void map_rehash(ent_map *m, size_t cap)
{
	ent_map_slot *old = m->slots;
	size_t old_cap = m->cap;

	m->cap = cap;
	m->slots = ent_xcalloc(cap, sizeof(*m->slots));
	for (size_t i = 0; i < old_cap; i++) {
		if (!old[i].key)
			continue;
		size_t j = (size_t)old[i].hash & (cap - 1);
		while (m->slots[j].key)
			j = (j + 1) & (cap - 1);
		m->slots[j] = old[i];
	}
	free(old);
}

void ent_map_put(ent_map *m, const char *key, size_t val)
{
	size_t n = strlen(key);

	ent_map_putnh(m, key, n, ent_hash(key, n), val);
}

/* A copy of key[0, n) in the map's chunks. Chunks double from 256 bytes
 * to 16 KiB; a longer key gets a chunk of its own size. */
static char *map_key_copy(ent_map *m, const char *key, size_t n)
{
	char *k;

	if (n + 1 > m->room_left) {
		size_t size = 256;
		void *chunk;
		if (m->len >= 16)
			size = m->len * 16 < 16384 ? m->len * 16 : 16384;
		if (size < n + 1)
			size = n + 1;
		chunk = ent_xmalloc(sizeof(void *) + size);
		memcpy(chunk, &m->chunks, sizeof(void *));
		m->chunks = chunk;
		m->room = (char *)chunk + sizeof(void *);
		m->room_left = size;
	}
	k = m->room;
	memcpy(k, key, n);
	k[n] = '\0';
	m->room += n + 1;
	m->room_left -= n + 1;
	return k;
}

void ent_map_putnh(ent_map *m, const char *key, size_t n, uint64_t h, size_t val)
{
	size_t i;

	if ((m->len + 1) * 2 >= m->cap)
		map_rehash(m, m->cap ? m->cap * 2 : 16);
	i = map_slot(m, key, n, h);
	if (!m->slots[i].key) {
		m->slots[i].key = map_key_copy(m, key, n);
		m->slots[i].hash = h;
		m->slots[i].len = n;
		m->len++;
	}
	m->slots[i].val = val;
}

int ent_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || !ca)
			return ca - cb;
	}
}

/* Fold a two-byte UTF-8 Latin letter with a diacritic (U+00C0..U+017F) to
 * its ASCII base letter, or return 0. */
static char fold_latin(unsigned cp)
{
	static const char l1[] =
		"AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs" /* U+00C0..U+00DF */
		"aaaaaaaceeeeiiii" "dnooooo/ouuuuyty"; /* U+00E0..U+00FF */
	static const char ext[] =
		"AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" "GgGgHhHhIiIiIiIi"
		"IiJjJjKkkLlLlLlL" "lLlNnNnNnnNnOoOo" "OoOoRrRrRrSsSsSs"
		"SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZzs"; /* U+0100..U+017F */
	if (cp >= 0xC0 && cp <= 0xFF)
		return l1[cp - 0xC0];
	if (cp >= 0x100 && cp <= 0x17F)
		return ext[cp - 0x100];
	return 0;
}

/* How the normal form writes each byte: a word byte (letter, digit, '_')
 * as itself in lower case; an ASCII separator as ' ' (runs fold to one);
 * 0 for the end of the string and for every byte above 0x7F, which the
 * UTF-8 path decodes. Rows of 16 bytes. */
static const unsigned char norm_byte[256] =
	"\0               " "                "   /* 0x00..0x1F */
	"                " "0123456789      "   /* 0x20..0x3F */
	" abcdefghijklmno" "pqrstuvwxyz    _"   /* 0x40..0x5F */
	" abcdefghijklmno" "pqrstuvwxyz     ";  /* 0x60..0x7F; the rest 0 */

/* The normal form of the UTF-8 sequence at p (lead byte >= 0x80), at
 * out + *n; returns the bytes read. */
static size_t norm_utf8(const unsigned char *p, char *out, size_t *n, int *space)
{
	unsigned c = *p, cp = 0;
	size_t len = 1;

	if (c >= 0xC0 && c < 0xE0 && (p[1] & 0xC0) == 0x80) {
		cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
		len = 2;
	} else if (c >= 0xE0 && c < 0xF0 && (p[1] & 0xC0) == 0x80 &&
		   (p[2] & 0xC0) == 0x80) {
		cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		len = 3;
	}
	if (len == 1) {
		out[(*n)++] = (char)c; /* a stray byte, kept */
		*space = 0;
		return 1;
	}
	char f = fold_latin(cp);
	if (f && f != 'x' && f != '/') {
		out[(*n)++] = (char)(f >= 'A' && f <= 'Z' ? f + 32 : f);
		*space = 0;
	} else if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 ||
		   cp == 0xD7 || cp == 0xF7 || cp == 0x3000 ||
		   (cp >= 0xFF00 && cp <= 0xFF0F)) {
		/* general punctuation, quotes, dashes, spaces */
		if (!*space) {
			out[(*n)++] = ' ';
			*space = 1;
		}
	} else {
		memcpy(out + *n, p, len);
		*n += len;
		*space = 0;
	}
	return len;
}

/* Write the normal form of s into out, which holds strlen(s) + 1 bytes
 * (the form is never longer: folding only shortens); returns its length.
 * ASCII goes through norm_byte, a run of word bytes in a tight loop;
 * only bytes above 0x7F take the decoding path. */
size_t ent_name_norm_into(const char *s, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int space = 1;

	for (;;) {
		unsigned char m;
		if ((m = norm_byte[*p]) > ' ') {
			do {
				out[n++] = (char)m;
				m = norm_byte[*++p];
			} while (m > ' ');
			space = 0;
		}
		if (m == ' ') {
			if (!space) {
				out[n++] = ' ';
				space = 1;
			}
			p++;
		} else if (!*p) {
			break;
		} else {
			p += norm_utf8(p, out, &n, &space);
		}
	}
	if (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	if (n >= 4 && !memcmp(out, "the ", 4)) {
		memmove(out, out + 4, n - 3);
		n -= 4;
	}
	return n;
}

char *ent_name_norm(const char *s)
{
	char *out = ent_xmalloc(strlen(s) + 1);

	ent_name_norm_into(s, out);
	return out;
}

/* Temporary files currently open, removed by the signal handler. */
#define MAX_PENDING 16
static char *volatile pending[MAX_PENDING];

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i])
			unlink(pending[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void ent_ofile_install_signals(void)
{
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	signal(SIGPIPE, SIG_IGN);
}

static void pending_set(char *old, char *new)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending[i] == old) {
			pending[i] = new;
			return;
		}
}

ent_status ent_ofile_open(ent_ofile *of, const char *path, ent_error *err)
{
	int fd;

	memset(of, 0, sizeof(*of));
	if (!strcmp(path, "-")) {
		of->fp = stdout;
		of->path = ent_xstrdup(path);
		return ENT_OK;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* a device or pipe (/dev/stdout, /dev/full, a FIFO): written in
		 * place, since renaming over it would replace it */
		if (S_ISDIR(sb.st_mode))
			return ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "is a directory");
		of->fp = fopen(path, "w");
		if (!of->fp)
			return ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "cannot open: %s",
					     strerror(errno));
		of->path = ent_xstrdup(path);
		of->direct = 1;
		return ENT_OK;
	}
	of->tmp = ent_xasprintf("%s.tmp.XXXXXX", path);
	fd = mkstemp(of->tmp);
	if (fd < 0) {
		ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "cannot create: %s",
			      strerror(errno));
		free(of->tmp);
		of->tmp = NULL;
		return ENT_ERR_OUTPUT;
	}
	fchmod(fd, 0644);
	of->fp = fdopen(fd, "w");
	if (!of->fp) {
		ent_error_set(err, ENT_ERR_OUTPUT, path, 0, "cannot open: %s",
			      strerror(errno));
		close(fd);
		unlink(of->tmp);
		free(of->tmp);
		of->tmp = NULL;
		return ENT_ERR_OUTPUT;
	}
	of->path = ent_xstrdup(path);
	pending_set(NULL, of->tmp);
	return ENT_OK;
}

ent_status ent_ofile_commit(ent_ofile *of, ent_error *err)
{
	ent_status st = ENT_OK;

	if (!of->fp)
		return ENT_OK;
	if (!of->tmp) {
		if (of->direct) {
			if (ferror(of->fp) | (fclose(of->fp) != 0))
				st = ent_error_set(err, ENT_ERR_OUTPUT, of->path, 0,
						   "write error: %s", strerror(errno));
		} else if (fflush(of->fp) != 0 || ferror(of->fp)) {
			st = ent_error_set(err, ENT_ERR_OUTPUT, "standard output", 0,
					   "write error: %s", strerror(errno));
		}
		of->fp = NULL;
		free(of->path);
		of->path = NULL;
		return st;
	}
	if (ferror(of->fp) | (fclose(of->fp) != 0)) {
		st = ent_error_set(err, ENT_ERR_OUTPUT, of->path, 0,
				   "write error: %s", strerror(errno));
		unlink(of->tmp);
	} else if (rename(of->tmp, of->path) != 0) {
		st = ent_error_set(err, ENT_ERR_OUTPUT, of->path, 0,
				   "cannot rename into place: %s", strerror(errno));
		unlink(of->tmp);
	}
	of->fp = NULL;
	pending_set(of->tmp, NULL);
	free(of->tmp);
	free(of->path);
	of->tmp = of->path = NULL;
	return st;
}

void ent_ofile_abort(ent_ofile *of)
{
	if (of->fp && of->direct)
		fclose(of->fp);
	if (of->fp && of->tmp) {
		fclose(of->fp);
		unlink(of->tmp);
		pending_set(of->tmp, NULL);
	}
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof(*of));
}

ent_status ent_read_file(const char *path, size_t max, char **data,
			 size_t *len, ent_error *err)
{
	int fd = 0;
	struct stat st;
	char *buf;
	size_t n = 0, cap = 65536;
	ent_status status = ENT_OK;

	*data = NULL;
	*len = 0;
	if (strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY | O_NONBLOCK);
		if (fd < 0)
			return ent_error_set(err, ENT_ERR_INPUT, path, 0,
					     "cannot open: %s", strerror(errno));
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			close(fd);
			return ent_error_set(err, ENT_ERR_INPUT, path, 0,
					     S_ISDIR(st.st_mode) ? "is a directory"
								 : "not a regular file");
		}
		if ((size_t)st.st_size > max) {
			close(fd);
			return ent_error_set(err, ENT_ERR_LIMIT, path, 0,
					     "file is larger than the limit of %zu bytes",
					     max);
		}
		/* back to blocking reads */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		/* the size is known: room for all of it, the NUL, and one more
		 * byte, so that the read that finds the end needs no growth */
		cap = (size_t)st.st_size + 2;
	}
	/* reads go straight into the buffer; only stdin and a file that
	 * grows while read need it extended (by half again) */
	buf = ent_xmalloc(cap);
	while (status == ENT_OK) {
		if (cap - n < 2) {
			if (cap > SIZE_MAX / 3)
				oom();
			cap += cap / 2;
			buf = ent_xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			status = ent_error_set(err, ENT_ERR_INPUT, path, 0,
					       "read error: %s", strerror(errno));
		else if (r == 0)
			break;
		else if (n + (size_t)r > max)
			status = ent_error_set(err, ENT_ERR_LIMIT, path, 0,
					       "input is larger than the limit of %zu bytes",
					       max);
		else
			n += (size_t)r;
	}
	if (fd > 0)
		close(fd);
	if (status != ENT_OK) {
		free(buf);
		return status;
	}
	buf[n] = '\0';
	*len = n;
	*data = buf;
	return ENT_OK;
}

size_t ent_utf8_valid(const unsigned char *p, size_t avail, uint32_t *cp)
{
	uint32_t c = p[0], min;
	size_t n;

	if (avail == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, min = 0x80, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, min = 0x800, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, min = 0x10000, c &= 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* What each byte is to a JSON string: 0 goes out as it is (printable
 * ASCII), 1 is escaped (control characters, '"', '\\', DEL), 2 starts or
 * breaks a multi-byte sequence, which ent_utf8_valid() checks (valid ones
 * go out as they are, except U+2028/U+2029, which are escaped). */
static const unsigned char json_class[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x00 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x10 */
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x20 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x30 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x40 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,  /* 0x50 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* 0x60 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,  /* 0x70 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0x80 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0x90 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xA0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xB0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xC0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xD0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xE0 */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,  /* 0xF0 */
};

/* The length of the run of class-0 bytes at the start of p[0..n). Most
 * text is plain ASCII, so the loop tests eight bytes per step (one branch
 * for the eight) before it finishes one at a time. */
static size_t json_plain_run(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i + 8 <= n && (json_class[p[i]] | json_class[p[i + 1]] | json_class[p[i + 2]] |
			      json_class[p[i + 3]] | json_class[p[i + 4]] | json_class[p[i + 5]] |
			      json_class[p[i + 6]] | json_class[p[i + 7]]) == 0)
		i += 8;
	while (i < n && json_class[p[i]] == 0)
		i++;
	return i;
}

static void json_escape_u(ent_buf *b, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15],
		      hex[v & 15] };
	ent_buf_add(b, e, sizeof(e));
}

/* The escape for the class-1 byte c. */
static void json_escape_ascii(ent_buf *b, unsigned char c)
{
	switch (c) {
	case '"': ent_buf_add(b, "\\\"", 2); break;
	case '\\': ent_buf_add(b, "\\\\", 2); break;
	case '\n': ent_buf_add(b, "\\n", 2); break;
	case '\t': ent_buf_add(b, "\\t", 2); break;
	case '\r': ent_buf_add(b, "\\r", 2); break;
	default: json_escape_u(b, c);
	}
}

void ent_json_string(ent_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i, start = 0;

	/* room for the string unescaped and its quotes: escapes are rare, so
	 * this is usually the only capacity check that can grow the buffer */
	if (b->len + n + 3 > b->cap)
		ent_buf_reserve(b, n + 2);
	i = json_plain_run(p, n);
	if (i == n) {
		/* nothing to escape, as in most strings: the quotes and the
		 * string written straight into that room */
		char *w = b->data + b->len;
		w[0] = '"';
		memcpy(w + 1, s, n);
		w[n + 1] = '"';
		w[n + 2] = '\0';
		b->len += n + 2;
		return;
	}
	ent_buf_addc(b, '"');
	for (;;) {
		/* p[start..i) goes out as it is: plain ASCII and valid UTF-8
		 * sequences other than U+2028/U+2029, copied at once */
		i += json_plain_run(p + i, n - i);
		if (i == n) {
			ent_buf_add(b, s + start, i - start);
			break;
		}
		uint32_t cp = 0;
		size_t seq = json_class[p[i]] == 2 ? ent_utf8_valid(p + i, n - i, &cp) : 0;
		if (seq && cp != 0x2028 && cp != 0x2029) {
			i += seq;
			continue;
		}
		ent_buf_add(b, s + start, i - start);
		if (json_class[p[i]] == 1) {
			json_escape_ascii(b, p[i]);
			i++;
		} else if (seq) {
			json_escape_u(b, cp);
			i += seq;
		} else {
			ent_buf_add(b, "\\ufffd", 6); /* invalid UTF-8 */
			i++;
		}
		start = i;
	}
	ent_buf_addc(b, '"');
}
