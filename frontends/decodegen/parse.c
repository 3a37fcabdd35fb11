/*
 * decodegen spec reader: splits the .decode file into logical lines and tokens,
 * builds fields, argument sets, formats, patterns and groups (decodegen.h), and
 * checks names, bit counts and argument-set coverage.  Definitions must precede
 * their uses.  The first error ends the program (dg_error).
 */
#include "frontends/decodegen/decodegen.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define DG_MAX_TOKENS 128
#define DG_MAX_DEPTH 32

typedef struct DgParser {
    DgSpec *spec;
    int line;
    char *tok[DG_MAX_TOKENS];
    int ntok;
    DgGroup *stack[DG_MAX_DEPTH];
    int depth;
} DgParser;

/* Bits, inline fields and assignments collected from one format or pattern line. */
typedef struct DgBody {
    uint32_t mask, bits;
    DgAssign *assigns;
    int nassigns;
    DgArgset *argset;
    DgFormat *format;
} DgBody;

static bool is_ident(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_') {
        return false;
    }
    for (s++; *s; s++) {
        if (!isalnum((unsigned char)*s) && *s != '_') {
            return false;
        }
    }
    return true;
}

static void check_ident(DgParser *p, const char *s, const char *what)
{
    if (!is_ident(s)) {
        dg_error(p->spec, p->line, "invalid %s name '%s'", what, s);
    }
}

/* Parses a C-style integer (also 0b binary, optional '-'); false unless all of s is used. */
static bool parse_int(const char *s, long *out)
{
    bool neg = *s == '-';
    char *end;

    s += neg;
    if (!isdigit((unsigned char)*s)) {
        return false;
    }
    if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        *out = strtol(s + 2, &end, 2);
        end = s[2] ? end : (char *)s;
    } else {
        *out = strtol(s, &end, 0);
    }
    if (neg) {
        *out = -*out;
    }
    return *end == '\0';
}

static DgField *find_field(DgSpec *spec, const char *name)
{
    for (int i = 0; i < spec->nfields; i++) {
        if (!strcmp(spec->fields[i]->name, name)) {
            return spec->fields[i];
        }
    }
    return NULL;
}

static DgArgset *find_argset(DgSpec *spec, const char *name)
{
    for (int i = 0; i < spec->nargsets; i++) {
        if (!strcmp(spec->argsets[i]->name, name)) {
            return spec->argsets[i];
        }
    }
    return NULL;
}

static DgFormat *find_format(DgSpec *spec, const char *name)
{
    for (int i = 0; i < spec->nformats; i++) {
        if (!strcmp(spec->formats[i]->name, name)) {
            return spec->formats[i];
        }
    }
    return NULL;
}

static bool argset_has(const DgArgset *as, const char *member)
{
    for (int i = 0; i < as->nmembers; i++) {
        if (!strcmp(as->members[i], member)) {
            return true;
        }
    }
    return false;
}

static void add_argset(DgSpec *spec, DgArgset *as)
{
    spec->argsets = dg_grow(spec->argsets, spec->nargsets + 1, sizeof(*spec->argsets));
    spec->argsets[spec->nargsets++] = as;
}

/* Parses "pos:len", "pos:slen" or "pos:lens" into seg. */
static void parse_segment(DgParser *p, const char *tok, DgSeg *seg, bool first)
{
    char buf[64];
    char *colon, *len;
    long pos, n;
    size_t l;

    if (strlen(tok) >= sizeof(buf) || !(colon = strchr(strcpy(buf, tok), ':'))) {
        dg_error(p->spec, p->line, "invalid field segment '%s'", tok);
    }
    *colon = '\0';
    len = colon + 1;
    seg->sign = false;
    if (*len == 's') {
        seg->sign = true;
        len++;
    } else if ((l = strlen(len)) > 0 && len[l - 1] == 's') {
        seg->sign = true;
        len[l - 1] = '\0';
    }
    if (!parse_int(buf, &pos) || !parse_int(len, &n) || !isdigit((unsigned char)buf[0])) {
        dg_error(p->spec, p->line, "invalid field segment '%s'", tok);
    }
    if (n < 1 || pos < 0 || pos + n > 32) {
        dg_error(p->spec, p->line, "field segment '%s' lies beyond bit 31", tok);
    }
    if (seg->sign && !first) {
        dg_error(p->spec, p->line, "only the first segment of a field may be signed");
    }
    seg->pos = (int)pos;
    seg->len = (int)n;
}

static void parse_field_def(DgParser *p)
{
    DgSpec *spec = p->spec;
    DgField *f = dg_alloc(sizeof(*f));
    int bits = 0;

    f->name = dg_strdup(p->tok[0] + 1);
    f->line = p->line;
    check_ident(p, f->name, "field");
    if (find_field(spec, f->name)) {
        dg_error(spec, p->line, "duplicate field '%s'", f->name);
    }
    for (int i = 1; i < p->ntok; i++) {
        const char *t = p->tok[i];
        if (!strncmp(t, "!function=", 10)) {
            f->func = dg_strdup(t + 10);
            check_ident(p, f->func, "function");
            continue;
        }
        if (f->nsegs == DG_MAX_SEGS) {
            dg_error(spec, p->line, "too many segments in field '%s'", f->name);
        }
        parse_segment(p, t, &f->segs[f->nsegs], f->nsegs == 0);
        bits += f->segs[f->nsegs++].len;
    }
    if (f->nsegs == 0 && !f->func) {
        dg_error(spec, p->line, "field '%s' has no segments", f->name);
    }
    if (bits > 32) {
        dg_error(spec, p->line, "field '%s' is wider than 32 bits", f->name);
    }
    spec->fields = dg_grow(spec->fields, spec->nfields + 1, sizeof(*spec->fields));
    spec->fields[spec->nfields++] = f;
}

static void parse_argset_def(DgParser *p)
{
    DgArgset *as = dg_alloc(sizeof(*as));

    as->name = dg_strdup(p->tok[0] + 1);
    as->line = p->line;
    check_ident(p, as->name, "argument set");
    if (find_argset(p->spec, as->name)) {
        dg_error(p->spec, p->line, "duplicate argument set '%s'", as->name);
    }
    for (int i = 1; i < p->ntok; i++) {
        if (!strcmp(p->tok[i], "!extern")) {
            as->external = true;
            continue;
        }
        check_ident(p, p->tok[i], "argument");
        if (argset_has(as, p->tok[i])) {
            dg_error(p->spec, p->line, "duplicate member '%s' in argument set '%s'", p->tok[i],
                     as->name);
        }
        as->members = dg_grow(as->members, as->nmembers + 1, sizeof(*as->members));
        as->members[as->nmembers++] = dg_strdup(p->tok[i]);
    }
    add_argset(p->spec, as);
}

static void add_assign(DgParser *p, DgBody *b, const char *member, DgField *f, long value)
{
    for (int i = 0; i < b->nassigns; i++) {
        if (!strcmp(b->assigns[i].member, member)) {
            dg_error(p->spec, p->line, "argument '%s' set twice", member);
        }
    }
    if (f) {
        f->used = true;
    }
    b->assigns = dg_grow(b->assigns, b->nassigns + 1, sizeof(*b->assigns));
    b->assigns[b->nassigns++] = (DgAssign){dg_strdup(member), f, value};
}

/* Adds an inline field "name:N" / "name:sN" occupying the next bits below *pos. */
static void parse_inline_field(DgParser *p, DgBody *b, const char *tok, int *pos)
{
    DgField *f = dg_alloc(sizeof(*f));
    char name[64];
    const char *colon = strchr(tok, ':');
    const char *len = colon + 1;
    long n;

    if ((size_t)(colon - tok) >= sizeof(name)) {
        dg_error(p->spec, p->line, "invalid inline field '%s'", tok);
    }
    memcpy(name, tok, colon - tok);
    name[colon - tok] = '\0';
    check_ident(p, name, "field");
    f->segs[0].sign = *len == 's';
    len += f->segs[0].sign;
    if (!isdigit((unsigned char)*len) || !parse_int(len, &n) || n < 1 || n > 32) {
        dg_error(p->spec, p->line, "invalid inline field '%s'", tok);
    }
    *pos -= (int)n;
    if (*pos < 0) {
        dg_error(p->spec, p->line, "more than 32 bits (at inline field '%s')", tok);
    }
    f->segs[0].pos = *pos;
    f->segs[0].len = (int)n;
    f->nsegs = 1;
    f->line = p->line;
    add_assign(p, b, name, f, 0);
}

/* Consumes bit tokens from index *i; fills b->mask/bits and inline fields. */
static void parse_bits(DgParser *p, DgBody *b, int *i)
{
    int pos = 32;

    for (; *i < p->ntok; (*i)++) {
        const char *t = p->tok[*i];
        if (strchr("@&%", t[0]) || strchr(t, '=')) {
            break;
        }
        if (strchr(t, ':')) {
            parse_inline_field(p, b, t, &pos);
            continue;
        }
        for (; *t; t++) {
            if (!strchr("01.-", *t)) {
                dg_error(p->spec, p->line, "invalid bit token '%s'", p->tok[*i]);
            }
            if (--pos < 0) {
                continue;
            }
            if (*t == '0' || *t == '1') {
                b->mask |= 1u << pos;
                b->bits |= (uint32_t)(*t - '0') << pos;
            }
        }
    }
    if (pos != 0) {
        dg_error(p->spec, p->line, "%d bits given, expected 32", 32 - pos);
    }
}

static void parse_ref(DgParser *p, DgBody *b, const char *t, bool allow_format)
{
    DgSpec *spec = p->spec;
    const char *eq = strchr(t, '=');

    if (t[0] == '&') {
        if (b->argset) {
            dg_error(spec, p->line, "more than one argument set");
        }
        if (!(b->argset = find_argset(spec, t + 1))) {
            dg_error(spec, p->line, "unknown argument set '%s'", t + 1);
        }
    } else if (t[0] == '@') {
        if (!allow_format) {
            dg_error(spec, p->line, "a format cannot use a format ('%s')", t);
        }
        if (b->format) {
            dg_error(spec, p->line, "more than one format");
        }
        if (!(b->format = find_format(spec, t + 1))) {
            dg_error(spec, p->line, "unknown format '%s'", t + 1);
        }
    } else if (t[0] == '%') {
        DgField *f = find_field(spec, t + 1);
        if (!f) {
            dg_error(spec, p->line, "unknown field '%s'", t + 1);
        }
        add_assign(p, b, f->name, f, 0);
    } else if (eq && eq > t) {
        char member[64];
        long v;
        if ((size_t)(eq - t) >= sizeof(member)) {
            dg_error(spec, p->line, "invalid assignment '%s'", t);
        }
        memcpy(member, t, eq - t);
        member[eq - t] = '\0';
        check_ident(p, member, "argument");
        if (eq[1] == '%') {
            DgField *f = find_field(spec, eq + 2);
            if (!f) {
                dg_error(spec, p->line, "unknown field '%s'", eq + 2);
            }
            add_assign(p, b, member, f, 0);
        } else if (parse_int(eq + 1, &v)) {
            add_assign(p, b, member, NULL, v);
        } else {
            dg_error(spec, p->line, "invalid value in '%s'", t);
        }
    } else {
        dg_error(spec, p->line, "syntax error at '%s'", t);
    }
}

/* Parses bit tokens and references after tok[0]. */
static void parse_body(DgParser *p, DgBody *b, bool allow_format)
{
    int i = 1;

    memset(b, 0, sizeof(*b));
    parse_bits(p, b, &i);
    for (; i < p->ntok; i++) {
        parse_ref(p, b, p->tok[i], allow_format);
    }
}

/* Builds an implicit argument set holding exactly the assigned members. */
static DgArgset *implicit_argset(const char *name, const DgAssign *a, int n, int line)
{
    DgArgset *as = dg_alloc(sizeof(*as));

    as->name = dg_strdup(name);
    as->implicit = true;
    as->line = line;
    as->members = dg_grow(NULL, n, sizeof(*as->members));
    for (int i = 0; i < n; i++) {
        as->members[as->nmembers++] = a[i].member;
    }
    return as;
}

static void check_members_known(DgParser *p, const DgArgset *as, const DgAssign *a, int n)
{
    for (int i = 0; i < n; i++) {
        if (!argset_has(as, a[i].member)) {
            dg_error(p->spec, p->line, "argument '%s' is not in argument set '%s'", a[i].member,
                     as->name);
        }
    }
}

static void parse_format_def(DgParser *p)
{
    DgSpec *spec = p->spec;
    DgFormat *f = dg_alloc(sizeof(*f));
    DgBody b;

    f->name = dg_strdup(p->tok[0] + 1);
    f->line = p->line;
    check_ident(p, f->name, "format");
    if (find_format(spec, f->name)) {
        dg_error(spec, p->line, "duplicate format '%s'", f->name);
    }
    parse_body(p, &b, false);
    f->mask = b.mask;
    f->bits = b.bits;
    f->assigns = b.assigns;
    f->nassigns = b.nassigns;
    f->argset = b.argset;
    if (!f->argset) {
        if (find_argset(spec, f->name)) {
            dg_error(spec, p->line, "duplicate argument set '%s' (implicit for format)", f->name);
        }
        f->argset = implicit_argset(f->name, b.assigns, b.nassigns, p->line);
        add_argset(spec, f->argset);
    }
    check_members_known(p, f->argset, f->assigns, f->nassigns);
    spec->formats = dg_grow(spec->formats, spec->nformats + 1, sizeof(*spec->formats));
    spec->formats[spec->nformats++] = f;
}

static bool assigned(const DgAssign *a, int n, const char *member)
{
    for (int i = 0; i < n; i++) {
        if (!strcmp(a[i].member, member)) {
            return true;
        }
    }
    return false;
}

/* Returns the implicit argset for pattern name, shared with earlier same-name patterns. */
static DgArgset *pattern_implicit_argset(DgParser *p, DgPattern *pat)
{
    DgArgset *as = find_argset(p->spec, pat->name);

    if (!as) {
        as = implicit_argset(pat->name, pat->assigns, pat->nassigns, p->line);
        add_argset(p->spec, as);
        return as;
    }
    if (!as->implicit || as->nmembers != pat->nassigns) {
        dg_error(p->spec, p->line, "pattern '%s' conflicts with argument set '%s' (line %d)",
                 pat->name, as->name, as->line);
    }
    check_members_known(p, as, pat->assigns, pat->nassigns);
    return as;
}

static void check_pattern_args(DgParser *p, DgPattern *pat)
{
    DgFormat *fmt = pat->format;
    DgArgset *as = pat->argset;

    check_members_known(p, as, pat->assigns, pat->nassigns);
    if (fmt && as != fmt->argset) {
        check_members_known(p, as, fmt->assigns, fmt->nassigns);
    }
    for (int i = 0; i < as->nmembers; i++) {
        const char *m = as->members[i];
        if (!assigned(pat->assigns, pat->nassigns, m) &&
            !(fmt && assigned(fmt->assigns, fmt->nassigns, m))) {
            dg_error(p->spec, p->line, "argument '%s' of argument set '%s' is not set", m,
                     as->name);
        }
    }
}

static void check_same_name(DgParser *p, DgPattern *pat)
{
    for (int i = 0; i < p->spec->npatterns; i++) {
        DgPattern *q = p->spec->patterns[i];
        if (!strcmp(q->name, pat->name) && q->argset != pat->argset) {
            dg_error(p->spec, p->line, "pattern '%s' uses argument set '%s' but line %d uses '%s'",
                     pat->name, pat->argset->name, q->line, q->argset->name);
        }
    }
}

static void add_node(DgParser *p, DgPattern *pat, DgGroup *g)
{
    DgGroup *cur = p->stack[p->depth - 1];

    cur->nodes = dg_grow(cur->nodes, cur->nnodes + 1, sizeof(*cur->nodes));
    cur->nodes[cur->nnodes++] = (DgNode){pat, g, 0, 0};
}

static void parse_pattern_def(DgParser *p)
{
    DgSpec *spec = p->spec;
    DgPattern *pat = dg_alloc(sizeof(*pat));
    DgBody b;

    pat->name = dg_strdup(p->tok[0]);
    pat->line = p->line;
    check_ident(p, pat->name, "pattern");
    parse_body(p, &b, true);
    pat->mask = b.mask;
    pat->bits = b.bits;
    pat->assigns = b.assigns;
    pat->nassigns = b.nassigns;
    pat->format = b.format;
    pat->argset = b.argset;
    if (pat->format) {
        DgFormat *f = pat->format;
        if (pat->mask & f->mask & (pat->bits ^ f->bits)) {
            dg_error(spec, p->line, "fixed bits conflict with format '%s' (line %d)", f->name,
                     f->line);
        }
        pat->mask |= f->mask;
        pat->bits |= f->bits;
        if (!pat->argset) {
            pat->argset = f->argset;
        }
    } else if (!pat->argset) {
        pat->argset = pattern_implicit_argset(p, pat);
    }
    check_pattern_args(p, pat);
    check_same_name(p, pat);
    spec->patterns = dg_grow(spec->patterns, spec->npatterns + 1, sizeof(*spec->patterns));
    spec->patterns[spec->npatterns++] = pat;
    add_node(p, pat, NULL);
}

static void open_group(DgParser *p, bool overlap)
{
    DgGroup *g = dg_alloc(sizeof(*g));

    if (p->depth == DG_MAX_DEPTH) {
        dg_error(p->spec, p->line, "groups nested too deeply");
    }
    g->overlap = overlap;
    g->line = p->line;
    add_node(p, NULL, g);
    p->stack[p->depth++] = g;
}

static void close_group(DgParser *p, bool overlap)
{
    DgGroup *g = p->stack[p->depth - 1];

    if (p->depth == 1 || g->overlap != overlap) {
        dg_error(p->spec, p->line, "unmatched '%c'", overlap ? '}' : ']');
    }
    if (g->nnodes == 0) {
        dg_error(p->spec, p->line, "empty group");
    }
    p->depth--;
}

static void parse_statement(DgParser *p)
{
    switch (p->tok[0][0]) {
    case '%':
        parse_field_def(p);
        break;
    case '&':
        parse_argset_def(p);
        break;
    case '@':
        parse_format_def(p);
        break;
    default:
        parse_pattern_def(p);
        break;
    }
}

/* Handles the tokens of one logical line: group brackets and at most one definition. */
static void parse_tokens(DgParser *p, char **tok, int ntok)
{
    int i = 0;

    while (i < ntok) {
        char c = tok[i][0];
        int j;
        if (c == '{' || c == '[') {
            open_group(p, c == '{');
            i++;
            continue;
        }
        if (c == '}' || c == ']') {
            close_group(p, c == '}');
            i++;
            continue;
        }
        for (j = i; j < ntok && !strchr("{}[]", tok[j][0]); j++) {
        }
        memmove(p->tok, tok + i, (j - i) * sizeof(*tok));
        p->ntok = j - i;
        parse_statement(p);
        i = j;
    }
}

/* Splits a line into tokens in place; brackets are tokens of their own. */
static int tokenize(DgParser *p, char *s, char **tok)
{
    int n = 0;
    static char brackets[4][2] = {"{", "}", "[", "]"};

    while (*s) {
        if (isspace((unsigned char)*s)) {
            *s++ = '\0';
            continue;
        }
        if (n == DG_MAX_TOKENS) {
            dg_error(p->spec, p->line, "too many tokens");
        }
        if (strchr("{}[]", *s)) {
            tok[n++] = brackets[strchr("{}[]", *s) - "{}[]"];
            *s++ = '\0';
            continue;
        }
        tok[n++] = s;
        while (*s && !isspace((unsigned char)*s) && !strchr("{}[]", *s)) {
            s++;
        }
    }
    return n;
}

static char *read_file(DgSpec *spec, const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf = NULL;
    size_t len = 0, cap = 0, n;

    if (!f) {
        dg_error(spec, 0, "cannot open: %m");
    }
    do {
        if (cap - len < 4096) {
            cap = cap * 2 + 4096;
            buf = realloc(buf, cap + 1);
            if (!buf) {
                dg_error(spec, 0, "out of memory");
            }
        }
        n = fread(buf + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    fclose(f);
    buf[len] = '\0';
    return buf;
}

/* Strips a comment; returns true if the line ends with a continuation backslash. */
static bool strip_line(char *s)
{
    char *hash = strchr(s, '#');
    size_t n;

    if (hash) {
        *hash = '\0';
    }
    n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1])) {
        s[--n] = '\0';
    }
    if (n > 0 && s[n - 1] == '\\') {
        s[n - 1] = ' ';
        return true;
    }
    return false;
}

void dg_parse_file(DgSpec *spec, const char *path)
{
    DgParser p = {.spec = spec};
    char *text, *line, *next, *logical = NULL;
    char *tok[DG_MAX_TOKENS];
    size_t cap = 0;
    int lineno = 0;

    spec->file = path;
    text = read_file(spec, path);
    spec->top = dg_alloc(sizeof(*spec->top));
    spec->top->line = 1;
    p.stack[p.depth++] = spec->top;
    for (line = text; line; line = next) {
        size_t used = 0;
        bool cont;
        p.line = ++lineno;
        do {
            next = strchr(line, '\n');
            if (next) {
                *next++ = '\0';
            }
            cont = strip_line(line);
            if (used + strlen(line) + 2 > cap) {
                cap = (used + strlen(line) + 2) * 2;
                logical = realloc(logical, cap);
                if (!logical) {
                    dg_error(spec, p.line, "out of memory");
                }
            }
            used += sprintf(logical + used, "%s ", line);
            if (cont && next) {
                line = next;
                lineno++;
            }
        } while (cont && next);
        parse_tokens(&p, tok, tokenize(&p, logical, tok));
    }
    if (p.depth > 1) {
        dg_error(spec, p.stack[p.depth - 1]->line, "unclosed group");
    }
    free(logical);
}
