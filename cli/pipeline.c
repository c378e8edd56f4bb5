/*
 * Extraction on worker threads. Workers claim documents in path order and
 * extract each into a slot of a small ring; the calling thread takes the
 * results out of the ring strictly in path order, so what it writes or
 * merges is the same for any number of threads. While the next result is
 * not ready, the calling thread claims and extracts documents itself, so
 * -j N runs N - 1 workers and no thread sleeps while there is work. A
 * worker waits when it runs more than the ring ahead of the consumer,
 * which bounds memory to a few documents per thread; wake-ups go only to
 * a thread that waits for them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

/* Documents in flight per thread. */
#define RING_PER_THREAD 4
#define MAX_THREADS 256

typedef struct slot {
	ent_document *doc;
	void *prepared;
	ent_status st;
	ent_error err;
	int ready;
} slot;

typedef struct pool {
	const ent_extractor *ex;
	const cli_prepare_hook *prepare;
	const void *ctx;
	char *const *paths;
	size_t n;
	pthread_mutex_t mu;
	pthread_cond_t filled;  /* a slot became ready */
	pthread_cond_t freed;   /* the consumer took a slot, or stop */
	size_t next;            /* next document to claim */
	size_t taken;           /* documents the consumer took */
	size_t ring;
	slot *slots;            /* document i is in slots[i % ring] */
	int stop;
	/* Who sleeps, so that a wake-up is sent only to a thread waiting for
	 * it: a futex call per document costs more than a small document. */
	size_t awaited;         /* the document the consumer waits for, or SIZE_MAX */
	size_t idle;            /* workers waiting for room in the ring */
} pool;

/* Extract document i (claimed under the lock, which is not held now) into
 * its slot; a worker also prepares it (`ahead`), while the consumer, which
 * will take it itself, leaves that to `take` (which does it without a
 * second copy). */
static void extract_one(pool *p, size_t i, int ahead)
{
	ent_document *doc = NULL;
	ent_error err;

	ent_error_clear(&err);
	ent_status st = ent_extract_file(p->ex, p->paths[i], &doc, &err);
	void *prepared = st == ENT_OK && ahead && p->prepare ? p->prepare->run(doc, p->ctx) : NULL;
	pthread_mutex_lock(&p->mu);
	slot *s = &p->slots[i % p->ring];
	s->doc = doc;
	s->prepared = prepared;
	s->st = st;
	s->err = err;
	s->ready = 1;
	if (p->awaited == i)
		pthread_cond_signal(&p->filled);
	pthread_mutex_unlock(&p->mu);
}

/* May another document be claimed? Not past the ring's room. */
static int can_claim(const pool *p)
{
	return !p->stop && p->next < p->n && p->next < p->taken + p->ring;
}

static void *worker(void *arg)
{
	pool *p = arg;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next < p->n && !can_claim(p)) {
			p->idle++;
			pthread_cond_wait(&p->freed, &p->mu);
			p->idle--;
		}
		if (!can_claim(p))
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);
		extract_one(p, i, 1);
		pthread_mutex_lock(&p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static int threads_for(const cli_opts *o, size_t n)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	long t = o->jobs > 0 ? o->jobs : cores > 0 ? cores : 1;

	if (t > MAX_THREADS)
		t = MAX_THREADS;
	if ((size_t)t > n)
		t = (long)n;
	return t < 1 ? 1 : (int)t;
}

static void progress(int on, size_t i, size_t n)
{
	if (on && (i % 8 == 0 || i + 1 == n))
		fprintf(stderr, "\rentente: extracting %zu/%zu docs\xe2\x80\xa6", i + 1, n);
}

/* What the limits cut in a document, as warnings (in path order, so the
 * same for any number of threads). */
static void warn_cuts(const ent_document *d, const cli_opts *o)
{
	size_t words = o->limits.max_sentence_words ? o->limits.max_sentence_words : 2000;
	size_t list = o->limits.max_list ? o->limits.max_list : 32;

	if (o->quiet)
		return;
	if (d->cut_sentences) {
		fputs("entente: ", stderr);
		cli_put_text(stderr, d->name);
		fprintf(stderr, ":%ld: warning: %zu sentence%s read only to word %zu "
			"(--max-sentence-words)\n", d->cut_sentence_line, d->cut_sentences,
			d->cut_sentences == 1 ? "" : "s", words);
	}
	if (d->cut_lists) {
		fputs("entente: ", stderr);
		cli_put_text(stderr, d->name);
		fprintf(stderr, ":%ld: warning: %zu list%s of names related only to name %zu "
			"(--max-list)\n", d->cut_list_line, d->cut_lists,
			d->cut_lists == 1 ? "" : "s", list);
	}
}

/* One thread: no ring, no locks, and no `prepare`, which only moves work
 * onto the workers (take does it itself when handed NULL). */
static ent_status run_serial(const ent_extractor *ex, char *const *paths, size_t n,
			     const cli_opts *o, int show, cli_take_document take, void *ctx,
			     ent_error *err)
{
	ent_status st = ENT_OK;

	for (size_t i = 0; i < n && st == ENT_OK; i++) {
		ent_document *doc;
		progress(show, i, n);
		st = ent_extract_file(ex, paths[i], &doc, err);
		if (st == ENT_OK) {
			warn_cuts(doc, o);
			st = take(doc, NULL, ctx, err);
		}
	}
	return st;
}

/* The consumer's side: each result in path order. */
static ent_status consume(pool *p, const cli_opts *o, int show, cli_take_document take,
			  void *ctx, ent_error *err)
{
	ent_status st = ENT_OK;

	for (size_t i = 0; i < p->n && st == ENT_OK; i++) {
		slot *s = &p->slots[i % p->ring];
		pthread_mutex_lock(&p->mu);
		while (!s->ready) {
			/* rather than sleep, extract a document too */
			if (can_claim(p)) {
				size_t j = p->next++;
				pthread_mutex_unlock(&p->mu);
				extract_one(p, j, 0);
				pthread_mutex_lock(&p->mu);
				continue;
			}
			p->awaited = i;
			pthread_cond_wait(&p->filled, &p->mu);
		}
		p->awaited = SIZE_MAX;
		ent_document *doc = s->doc;
		void *prepared = s->prepared;
		st = s->st;
		if (st != ENT_OK)
			*err = s->err;
		s->doc = NULL;
		s->prepared = NULL;
		s->ready = 0;
		p->taken++;
		if (p->idle)
			pthread_cond_broadcast(&p->freed);
		pthread_mutex_unlock(&p->mu);
		progress(show, i, p->n);
		if (st == ENT_OK) {
			warn_cuts(doc, o);
			st = take(doc, prepared, ctx, err);
		}
	}
	return st;
}

ent_status cli_each_document(const ent_extractor *ex, char *const *paths, size_t n,
			     const cli_opts *o, const cli_prepare_hook *prepare,
			     cli_take_document take, void *ctx, ent_error *err)
{
	int show = !o->quiet && isatty(STDERR_FILENO);
	int nt = threads_for(o, n), started = 0;
	pthread_t tid[MAX_THREADS];
	ent_status st;
	pool p;

	if (nt <= 1) {
		st = run_serial(ex, paths, n, o, show, take, ctx, err);
	} else {
		memset(&p, 0, sizeof(p));
		p.ex = ex;
		p.prepare = prepare;
		p.ctx = ctx;
		p.paths = paths;
		p.n = n;
		p.ring = (size_t)nt * RING_PER_THREAD;
		p.awaited = SIZE_MAX;
		p.slots = ent_xcalloc(p.ring, sizeof(*p.slots));
		pthread_mutex_init(&p.mu, NULL);
		pthread_cond_init(&p.filled, NULL);
		pthread_cond_init(&p.freed, NULL);
		/* the calling thread extracts too, whenever the next result
		 * is not ready: nt - 1 workers keep nt cores busy */
		for (int t = 0; t < nt - 1; t++)
			if (pthread_create(&tid[started], NULL, worker, &p) == 0)
				started++;
		st = consume(&p, o, show, take, ctx, err);
		pthread_mutex_lock(&p.mu);
		p.stop = 1;
		pthread_cond_broadcast(&p.freed);
		pthread_mutex_unlock(&p.mu);
		for (int t = 0; t < started; t++)
			pthread_join(tid[t], NULL);
		for (size_t i = 0; i < p.ring; i++) {
			ent_document_free(p.slots[i].doc);
			if (p.slots[i].prepared && prepare)
				prepare->release(p.slots[i].prepared);
		}
		free(p.slots);
		pthread_mutex_destroy(&p.mu);
		pthread_cond_destroy(&p.filled);
		pthread_cond_destroy(&p.freed);
	}
	if (show)
		fputs("\r\033[K", stderr); /* clear the progress line */
	return st;
}
