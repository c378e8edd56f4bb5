/*
 * bench/gen.c — deterministic generator of a synthetic policy corpus for
 * `make bench`.  Not part of entente; bench/run.sh compiles it into
 * build/bench/gen.
 *
 *   gen -n BYTES -o DIR -c countries.tsv -g organizations.tsv [-s SEED]
 *
 * Writes documents DIR/d000001.txt, DIR/d000002.txt, ... of 2-20 KB each
 * (log-uniform) until about BYTES bytes are written, then prints
 * "files=N bytes=B sentences=S" on standard output.
 *
 * The text is made of sentence templates that use the relation verbs the
 * extractor knows (signed, launched, hosted, adopted, attended, took part
 * in, cooperation with, member of, held in, jointly launched, was hosted
 * by, ...), real country and organization names read from the gazetteer
 * files (column 3, plus a short acronym alias for organizations) and
 * invented agreement, event and program names built from templates.
 *
 * The corpus describes a finite world, as a real archive does: years of
 * press releases keep re-reporting a bounded set of relations among a
 * bounded set of actors.  Before the first document, world_init() builds
 * from the seed 3600 invented names and 1000 stories (ongoing
 * relationships, each with a small cast), and for each of the 25
 * relational sentence templates a catalogue of facts, 2-5 per story:
 * which entities fill that template's slots.  A document reports on one
 * story, chosen with Zipf popularity, and its sentences state that
 * story's facts and now and then another's; only the wording, years,
 * dates and numbers are new in each sentence.  So the number of distinct
 * entities and relations in the extracted graph grows sublinearly with
 * the corpus and flattens once the popular part of the world has been
 * told (see "world" below and bench/README.md), and a memory benchmark
 * on a large corpus measures a graph of realistic size, not the input.
 *
 * Everything depends only on the seed: the same seed and size give
 * byte-identical files on every machine.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- random */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* uniform in [0, n) */
static size_t rnd(size_t n)
{
    return n ? (size_t)(rng_next() % n) : 0;
}

/* uniform in [0, 1) */
static double rndf(void)
{
    return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* skewed towards 0: a few items are popular, most are rare */
static size_t rnd_skew(size_t n, double power)
{
    double u = rndf(), p = u;
    for (double k = 1.0; k < power; k += 1.0)
        p *= u;
    size_t i = (size_t)(p * (double)n);
    return i < n ? i : n - 1;
}

/*
 * Zipf-Mandelbrot popularity over n ranked items: item i is drawn with
 * weight 1 / (i + q).  The offset q keeps the head from swamping the
 * rest (with q = 0 the first item alone would take an eighth of the
 * draws), and the 1/i tail makes the number of distinct items seen grow
 * like the log of the draws, as vocabulary does in real archives.  The
 * cumulative table costs n doubles; a draw is a binary search, O(log n).
 */
typedef struct {
    double *cdf;
    size_t n;
} Zipf;

static void zipf_init(Zipf *z, size_t n, double q)
{
    z->n = n;
    z->cdf = malloc(n * sizeof *z->cdf);
    if (!z->cdf) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        z->cdf[i] = sum += 1.0 / ((double)i + q);
    for (size_t i = 0; i < n; i++)
        z->cdf[i] /= sum;
}

static size_t zipf_draw(const Zipf *z)
{
    double u = rndf();
    size_t lo = 0, hi = z->n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->cdf[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

#define PICK(arr) (arr[rnd(sizeof(arr) / sizeof(arr[0]))])

/* ---------------------------------------------------------------- buffer */

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void buf_grow(Buf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (b->len + need + 1 > cap)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    b->s = s;
    b->cap = cap;
}

static void put(Buf *b, const char *s)
{
    size_t n = strlen(s);
    buf_grow(b, n);
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

static void putf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* ----------------------------------------------------------- gazetteers */

typedef struct {
    char *name;    /* canonical name (column 3) */
    char *acronym; /* a short all-capitals alias, or NULL */
} Entry;

typedef struct {
    Entry *v;
    size_t n, cap;
} List;

static int is_acronym(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (i > 0 && s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* A fixed popularity order: shuffled with its own seed, so that the
   popular names (those rnd_skew favours) are not the first alphabetically. */
static void shuffle(List *l, uint64_t seed)
{
    uint64_t saved = rng_state;
    rng_state = seed;
    for (size_t i = l->n; i > 1; i--) {
        size_t j = rnd(i);
        Entry t = l->v[i - 1];
        l->v[i - 1] = l->v[j];
        l->v[j] = t;
    }
    rng_state = saved;
}

static void load(List *l, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\r\n")] = '\0';
        /* fields: type key name aliases adjectives */
        char *fld[5] = {0};
        char *p = line;
        for (int i = 0; i < 5 && p; i++) {
            fld[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (!fld[2] || !*fld[2])
            continue;
        if (l->n == l->cap) {
            l->cap = l->cap ? l->cap * 2 : 256;
            l->v = realloc(l->v, l->cap * sizeof *l->v);
            if (!l->v) {
                fprintf(stderr, "gen: out of memory\n");
                exit(1);
            }
        }
        Entry *e = &l->v[l->n++];
        e->name = dupn(fld[2], strlen(fld[2]));
        e->acronym = NULL;
        for (const char *a = fld[3]; a && *a;) {
            size_t n = strcspn(a, "|");
            if (is_acronym(a, n)) {
                e->acronym = dupn(a, n);
                break;
            }
            a += n;
            if (*a == '|')
                a++;
        }
    }
    fclose(f);
    if (l->n == 0) {
        fprintf(stderr, "gen: %s: no entries\n", path);
        exit(1);
    }
}

/* ------------------------------------------------------------ vocabulary */

static const char *const topics[] = {
    "Digital Economy", "Cybersecurity", "Artificial Intelligence",
    "Climate Change", "Green Development", "Renewable Energy",
    "Public Health", "Food Security", "Maritime Security", "Blue Economy",
    "Infrastructure Connectivity", "Trade Facilitation", "E-Commerce",
    "Smart Cities", "Space Technology", "Satellite Navigation",
    "Poverty Reduction", "Water Resources", "Disaster Risk Reduction",
    "Customs Administration", "Financial Inclusion", "Higher Education",
    "Vocational Training", "Cultural Heritage", "Sustainable Tourism",
    "Agricultural Innovation", "Science and Technology", "Data Governance",
    "Telecommunications", "Nuclear Safety", "Counter-Terrorism",
    "Law Enforcement", "Biodiversity", "Ocean Governance", "Clean Energy",
    "Supply Chain Resilience", "Critical Minerals", "Youth Exchanges",
    "Sustainable Development", "Transport Connectivity", "Civil Aviation",
    "Internet Governance", "Cross-Border Data Flows", "Small Business",
    "Urban Planning", "Fisheries", "Forestry", "Migration",
};

static const char *const ordinals[] = {
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh",
    "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth",
};

static const char *const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static List countries, orgs;

#define EN_DASH "\xE2\x80\x93"

/* Sizes of the invented-name pools. */
enum { KIND_EVENT, KIND_AGREEMENT, KIND_PROGRAM, NKINDS };
static const size_t pool_size[NKINDS] = {1500, 1200, 900};

static void topic_lower(Buf *b, const char *t)
{
    /* "Digital Economy" -> "digital economy", but keep acronym-like words
       ("E-Commerce" -> "e-commerce" is fine, "AI" stays) */
    size_t start = b->len;
    put(b, t);
    for (size_t i = start; i < b->len; i++) {
        char c = b->s[i];
        int word_start = i == start || b->s[i - 1] == ' ' || b->s[i - 1] == '-';
        int next_upper = i + 1 < b->len && b->s[i + 1] >= 'A' && b->s[i + 1] <= 'Z';
        if (c >= 'A' && c <= 'Z' && word_start && !next_upper)
            b->s[i] = (char)(c - 'A' + 'a');
    }
}

/*
 * The name of invented entity `id` of `kind`, appended to b (with the
 * leading "the").  It depends only on (kind, id), never on the caller's
 * random state, so a name can be mentioned again in any document.
 */
static void invented_name(Buf *b, int kind, size_t id)
{
    uint64_t saved = rng_state;
    rng_state = 0xC0FFEEULL ^ ((uint64_t)kind << 56) ^ ((uint64_t)id * 0x2545F4914F6CDD1DULL);
    rng_next();
    const char *c1 = countries.v[rnd_skew(countries.n, 2)].name;
    const char *c2 = countries.v[rnd_skew(countries.n, 2)].name;
    if (c1 == c2)
        c2 = countries.v[rnd(countries.n)].name;
    /* an organization that a name can carry: its acronym, or a short name */
    const Entry *o = &orgs.v[rnd_skew(orgs.n, 2)];
    for (int tries = 0; tries < 16 && !o->acronym && strlen(o->name) > 32; tries++)
        o = &orgs.v[rnd_skew(orgs.n, 2)];
    const char *oname = o->acronym ? o->acronym : o->name;
    const char *t = PICK(topics);
    const char *ord = PICK(ordinals);
    switch (kind) {
    case KIND_EVENT:
        switch (rnd(8)) {
        case 0: putf(b, "the %s" EN_DASH "%s %s Dialogue", c1, c2, t); break;
        case 1: putf(b, "the %s Summit on %s", oname, t); break;
        case 2: putf(b, "the %s %s Forum on %s", ord, oname, t); break;
        case 3: putf(b, "the %s International %s Expo", c1, t); break;
        case 4: putf(b, "the %s %s" EN_DASH "%s %s Forum", ord, c1, c2, t); break;
        case 5: putf(b, "the %s Ministerial Meeting on %s", oname, t); break;
        case 6: putf(b, "the %s" EN_DASH "%s Joint Committee Meeting on %s", c1, c2, t); break;
        default: putf(b, "the %s High-Level Symposium on %s", oname, t); break;
        }
        break;
    case KIND_AGREEMENT:
        switch (rnd(7)) {
        case 0: putf(b, "the Memorandum of Understanding on %s Cooperation", t); break;
        case 1: putf(b, "the %s" EN_DASH "%s Memorandum of Understanding on %s Cooperation", c1, c2, t); break;
        case 2: putf(b, "the %s" EN_DASH "%s Framework Agreement on %s", c1, c2, t); break;
        case 3: putf(b, "the %s Declaration on %s", oname, t); break;
        case 4: putf(b, "the %s" EN_DASH "%s Joint Action Plan on %s", c1, c2, t); break;
        case 5: putf(b, "the %s Charter on %s", oname, t); break;
        default: putf(b, "the %s" EN_DASH "%s %s Cooperation Roadmap", c1, c2, t); break;
        }
        break;
    default:
        switch (rnd(6)) {
        case 0: putf(b, "the %s" EN_DASH "%s %s Partnership Program", c1, c2, t); break;
        case 1: putf(b, "the %s %s Programme", oname, t); break;
        case 2: putf(b, "the %s %s Platform", c1, t); break;
        case 3: putf(b, "the Global %s Network", t); break;
        case 4: putf(b, "the %s %s Capacity-Building Project", oname, t); break;
        default: putf(b, "the %s" EN_DASH "%s %s Centre", c1, c2, t); break;
        }
        break;
    }
    rng_state = saved;
}

/* ----------------------------------------------------------------- world */

/*
 * The world is built once from the seed, before the first document, and
 * never grows: every name and every fact a document states comes from it.
 *
 * A story is an ongoing relationship that the archive keeps reporting on
 * (a bilateral partnership, an organization's work with its members): a
 * cast of 2-6 countries, 1-3 organizations, 2-4 events, agreements and
 * programs each, and a topic.  For each relational sentence template a
 * story owns 2-5 facts: which countries, organization and invented names
 * fill that template's slots, chosen from the cast (now and then from
 * outside it).  The facts of all stories for one template form that
 * template's catalogue; a story's facts are contiguous in it.
 *
 * Popularity is Zipf-like at every level: a few stories fill most of the
 * documents, a few invented names recur in many stories.  Years, dates,
 * months, topics of the wording and numbers are still drawn for each
 * sentence, so the same fact is reported in many different sentences.
 */
enum {
    NSTORIES = 1000,
    NRELTPL = 25, /* relational sentence templates: 0..24 in sentence() */
    NTPL = 30,    /* all templates; 25..29 name no one */
};

/* Who fills a template's slots: countries c[0..3], an organization and
   one invented name of each kind; a template uses the slots it needs. */
typedef struct {
    size_t c[4], o, inv[NKINDS];
} Fact;

typedef struct {
    size_t c[6], nc;
    size_t o[3], no;
    size_t inv[NKINDS][4], ninv[NKINDS];
    size_t topic;
    size_t first[NRELTPL], nfacts[NRELTPL]; /* its facts in catalogue[t] */
} Story;

static char **names[NKINDS];     /* invented names, with "the", by kind and id */
static Zipf name_pop[NKINDS];    /* popularity of invented names */
static Story stories[NSTORIES];  /* in order of popularity */
static Zipf story_pop;
static Fact *catalogue[NRELTPL]; /* the facts each template may state */

/* the name of invented entity `id` of `kind`: the caller frees it */
static char *make_name(int kind, size_t id)
{
    Buf nb = {0};
    invented_name(&nb, kind, id);
    return nb.s;
}

static int has(const size_t *v, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

static void story_init(Story *s)
{
    s->nc = 2 + rnd(5);
    for (size_t i = 0; i < s->nc; i++)
        do
            s->c[i] = rnd_skew(countries.n, 2);
        while (has(s->c, i, s->c[i]));
    s->no = 1 + rnd(3);
    for (size_t i = 0; i < s->no; i++)
        s->o[i] = rnd_skew(orgs.n, 2);
    for (int k = 0; k < NKINDS; k++) {
        s->ninv[k] = 2 + rnd(3);
        for (size_t i = 0; i < s->ninv[k]; i++)
            s->inv[k][i] = zipf_draw(&name_pop[k]);
    }
    s->topic = rnd(sizeof topics / sizeof topics[0]);
}

/* mostly the story's own countries, sometimes any country */
static size_t cast_country(const Story *s)
{
    if (rnd(6) == 0)
        return rnd_skew(countries.n, 2);
    return s->c[rnd(s->nc)];
}

static void fact_init(Fact *f, const Story *s)
{
    f->c[0] = cast_country(s);
    f->c[1] = cast_country(s);
    for (int tries = 0; tries < 8 && f->c[1] == f->c[0]; tries++)
        f->c[1] = cast_country(s);
    if (f->c[1] == f->c[0])
        f->c[1] = rnd(countries.n);
    f->c[2] = cast_country(s);
    f->c[3] = rnd_skew(countries.n, 2);
    f->o = rnd(4) == 0 ? rnd_skew(orgs.n, 2) : s->o[rnd(s->no)];
    for (int k = 0; k < NKINDS; k++)
        f->inv[k] = rnd(5) == 0 ? zipf_draw(&name_pop[k]) : s->inv[k][rnd(s->ninv[k])];
}

static void world_init(uint64_t seed)
{
    uint64_t saved = rng_state;
    rng_state = seed ^ 0x3D0C5EEDULL;
    for (int k = 0; k < NKINDS; k++) {
        names[k] = malloc(pool_size[k] * sizeof *names[k]);
        if (!names[k]) {
            fprintf(stderr, "gen: out of memory\n");
            exit(1);
        }
        for (size_t id = 0; id < pool_size[k]; id++)
            names[k][id] = make_name(k, id);
        zipf_init(&name_pop[k], pool_size[k], 4.0);
    }
    zipf_init(&story_pop, NSTORIES, 8.0);
    for (size_t i = 0; i < NSTORIES; i++)
        story_init(&stories[i]);
    for (int t = 0; t < NRELTPL; t++) {
        size_t n = 0;
        for (size_t i = 0; i < NSTORIES; i++) {
            stories[i].first[t] = n;
            stories[i].nfacts[t] = 2 + rnd(4);
            n += stories[i].nfacts[t];
        }
        catalogue[t] = malloc(n * sizeof *catalogue[t]);
        if (!catalogue[t]) {
            fprintf(stderr, "gen: out of memory\n");
            exit(1);
        }
        for (size_t i = 0; i < NSTORIES; i++)
            for (size_t j = 0; j < stories[i].nfacts[t]; j++)
                fact_init(&catalogue[t][stories[i].first[t] + j], &stories[i]);
    }
    rng_state = saved;
}

static void world_free(void)
{
    for (int k = 0; k < NKINDS; k++) {
        for (size_t id = 0; id < pool_size[k]; id++)
            free(names[k][id]);
        free(names[k]);
        free(name_pop[k].cdf);
    }
    free(story_pop.cdf);
    for (int t = 0; t < NRELTPL; t++)
        free(catalogue[t]);
}

/* --------------------------------------------------------------- documents */

/* A document reports on one story, in one year. */
typedef struct {
    const Story *s;
    int year;
} Doc;

static void cap_first(Buf *b, size_t at)
{
    /* sentence-initial "the" -> "The" */
    if (at < b->len && b->s[at] == 't' && strncmp(b->s + at, "the ", 4) == 0)
        b->s[at] = 'T';
}

/* A fact for template `tpl`: mostly one of the document's own story, now
   and then one of another story as popular as that story is ("news from
   elsewhere", the links between stories). */
static const Fact *fact(const Doc *d, int tpl)
{
    const Story *s = rnd(5) == 0 ? &stories[zipf_draw(&story_pop)] : d->s;
    return &catalogue[tpl][s->first[tpl] + rnd(s->nfacts[tpl])];
}

static void org(Buf *b, const Fact *f, int with_the)
{
    const Entry *e = &orgs.v[f->o];
    if (e->acronym && rnd(3) == 0) {
        put(b, e->acronym);
        return;
    }
    if (with_the)
        put(b, "the ");
    put(b, e->name);
}

static int year(const Doc *d)
{
    int y = d->year - (int)rnd(8);
    return y < 1990 ? 1990 : y;
}

#define E(b, f) put(b, names[KIND_EVENT][(f)->inv[KIND_EVENT]])
#define A(b, f) put(b, names[KIND_AGREEMENT][(f)->inv[KIND_AGREEMENT]])
#define P(b, f) put(b, names[KIND_PROGRAM][(f)->inv[KIND_PROGRAM]])

/* One sentence, with a trailing space. */
static void sentence(Buf *b, const Doc *d)
{
    const char *t = topics[rnd(4) ? d->s->topic : rnd(sizeof topics / sizeof topics[0])];
    size_t at = b->len;
    int tpl = (int)rnd(NTPL);
    const Fact *f = tpl < NRELTPL ? fact(d, tpl) : NULL;
    const char *c1 = f ? countries.v[f->c[0]].name : NULL;
    const char *c2 = f ? countries.v[f->c[1]].name : NULL;
    const char *c3 = f ? countries.v[f->c[2]].name : NULL;
    switch (tpl) {
    case 0:
        putf(b, "In %d, %s and %s signed ", year(d), c1, c2); A(b, f); put(b, ".");
        break;
    case 1:
        putf(b, "%s signed ", c1); A(b, f);
        putf(b, " with %s on %d %s %d.", c2, 1 + (int)rnd(28), PICK(months), year(d));
        break;
    case 2:
        putf(b, "%s launched ", c1); P(b, f); putf(b, " in %d to promote ", year(d));
        topic_lower(b, t); put(b, ".");
        break;
    case 3:
        putf(b, "%s and %s jointly launched ", c1, c2); P(b, f); put(b, ".");
        break;
    case 4:
        E(b, f); putf(b, " was hosted by %s in %d.", c1, year(d));
        break;
    case 5:
        putf(b, "%s hosted ", c1); E(b, f);
        putf(b, " in %s %d, which was attended by delegations from %s, %s and %s.",
             PICK(months), year(d), c2, c3, countries.v[f->c[3]].name);
        break;
    case 6:
        putf(b, "%s adopted ", c1); A(b, f); put(b, " at "); E(b, f); put(b, ".");
        break;
    case 7:
        putf(b, "Representatives of %s and ", c1); org(b, f, 1); put(b, " attended ");
        E(b, f); put(b, ".");
        break;
    case 8:
        putf(b, "%s took part in ", c1); E(b, f); putf(b, ", held in %s in %d.", c2, year(d));
        break;
    case 9: {
        int day = 1 + (int)rnd(25);
        E(b, f); putf(b, " was held in %s from %d to %d %s %d.", c1, day, day + 2,
                      PICK(months), year(d));
        break;
    }
    case 10:
        putf(b, "%s has strengthened its cooperation with %s in the field of ", c1, c2);
        topic_lower(b, t); put(b, ".");
        break;
    case 11:
        putf(b, "%s is a member of ", c1); org(b, f, 1); put(b, ".");
        break;
    case 12:
        putf(b, "%s became a member of ", c1); org(b, f, 1); putf(b, " in %d.", year(d));
        break;
    case 13:
        put(b, "Under the framework of "); org(b, f, 1);
        putf(b, ", %s and %s agreed to deepen cooperation on ", c1, c2);
        topic_lower(b, t); put(b, ".");
        break;
    case 14:
        org(b, f, 1); putf(b, " supported %s in implementing ", c1); P(b, f); put(b, ".");
        break;
    case 15:
        putf(b, "%s expressed its readiness to work with %s and ", c1, c2); org(b, f, 1);
        put(b, " on "); topic_lower(b, t); put(b, ".");
        break;
    case 16:
        put(b, "The two sides agreed to hold "); E(b, f); putf(b, " in %s in %d.", c1, d->year + 1);
        break;
    case 17:
        putf(b, "%s may join ", c1); A(b, f); put(b, " in the coming years.");
        break;
    case 18:
        putf(b, "%s did not attend ", c1); E(b, f); put(b, ".");
        break;
    case 19:
        putf(b, "Cooperation between %s and %s on ", c1, c2); topic_lower(b, t);
        putf(b, " has made steady progress since %d.", year(d));
        break;
    case 20:
        org(b, f, 1); putf(b, " and %s co-hosted ", c1); E(b, f); putf(b, " in %d.", year(d));
        break;
    case 21:
        put(b, "As part of "); P(b, f);
        putf(b, ", %s trained more than %d officials from %s.", c1, 50 * (1 + (int)rnd(40)), c2);
        break;
    case 22:
        putf(b, "%s welcomed its partnership with ", c1); org(b, f, 1); put(b, " on ");
        topic_lower(b, t); put(b, ".");
        break;
    case 23:
        putf(b, "Ministers from %s and %s attended ", c1, c2); E(b, f);
        put(b, " and adopted "); A(b, f); put(b, ".");
        break;
    case 24:
        putf(b, "%s and %s held talks on ", c1, c2); topic_lower(b, t);
        put(b, " on the sidelines of "); E(b, f); put(b, ".");
        break;
    case 25:
        put(b, "The two sides exchanged views on regional and international issues of common concern.");
        break;
    case 26:
        put(b, "Both sides stressed the importance of "); topic_lower(b, t);
        put(b, " for sustainable and inclusive growth.");
        break;
    case 27:
        put(b, "The parties reaffirmed their commitment to multilateralism and to an open world economy.");
        break;
    case 28:
        put(b, "Participants noted that "); topic_lower(b, t);
        put(b, " requires long-term investment, sound regulation and sustained political will.");
        break;
    default:
        put(b, "Progress has been uneven across sectors, and much remains to be done before the targets are met.");
        break;
    }
    cap_first(b, at);
    put(b, " ");
}

static size_t doc_sentences;

static void document(Buf *b, size_t target)
{
    Doc d;
    d.s = &stories[zipf_draw(&story_pop)];
    d.year = 2000 + (int)rnd(25);

    const char *c1 = countries.v[d.s->c[0]].name, *c2 = countries.v[d.s->c[1]].name;
    const char *t = topics[d.s->topic];
    switch (rnd(4)) {
    case 0: putf(b, "Joint Statement between %s and %s on %s Cooperation\n\n", c1, c2, t); break;
    case 1: putf(b, "Press Release: %s and %s Deepen Partnership on %s\n\n", c1, c2, t); break;
    case 2: putf(b, "Policy Brief: %s in the Foreign Relations of %s\n\n", t, c1); break;
    default: putf(b, "%s and %s Review Progress in %s\n\n", c1, c2, t); break;
    }
    putf(b, "%s, %d %s %d\n\n", c1, 1 + (int)rnd(28), PICK(months), d.year);

    int numbered = rnd(2) == 0, para = 1;
    while (b->len < target) {
        if (numbered)
            putf(b, "%d. ", para);
        size_t ns = 3 + rnd(6);
        for (size_t i = 0; i < ns; i++)
            sentence(b, &d);
        doc_sentences += ns;
        b->len--; /* the last space */
        put(b, "\n\n");
        para++;
    }
}

int main(int argc, char **argv)
{
    const char *out = NULL, *cpath = NULL, *opath = NULL;
    uint64_t seed = 20240601;
    double total = 0;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "-n") == 0)
            total = strtod(argv[++i], NULL);
        else if (i + 1 < argc && strcmp(argv[i], "-o") == 0)
            out = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "-c") == 0)
            cpath = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "-g") == 0)
            opath = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "-s") == 0)
            seed = strtoull(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: gen -n BYTES -o DIR -c countries.tsv -g organizations.tsv [-s SEED]\n");
            return 2;
        }
    }
    if (!out || !cpath || !opath || total <= 0) {
        fprintf(stderr, "usage: gen -n BYTES -o DIR -c countries.tsv -g organizations.tsv [-s SEED]\n");
        return 2;
    }
    load(&countries, cpath);
    load(&orgs, opath);
    shuffle(&countries, seed ^ 0xC0C0ULL);
    shuffle(&orgs, seed ^ 0x0606ULL);
    world_init(seed);
    rng_state = seed;

    Buf b = {0};
    size_t files = 0;
    double written = 0;
    char path[4096];
    while (written < total) {
        /* log-uniform 2-20 KB: 2048 * e^(k/100), k < 231 (e^2.3 ~ 10);
           multiplied out rather than exp() so that no libm is involved */
        double f = 2048.0;
        for (size_t k = rnd(231); k > 0; k--)
            f *= 1.0100501670841679; /* e^0.01 */
        b.len = 0;
        document(&b, (size_t)f);
        files++;
        snprintf(path, sizeof path, "%s/d%06zu.txt", out, files);
        FILE *fp = fopen(path, "wb");
        if (!fp || fwrite(b.s, 1, b.len, fp) != b.len || fclose(fp) != 0) {
            fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
            return 1;
        }
        written += (double)b.len;
    }
    printf("files=%zu bytes=%.0f sentences=%zu\n", files, written, doc_sentences);
    free(b.s);
    world_free();
    return 0;
}
