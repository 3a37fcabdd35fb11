/*
 * decodegen code writer: emits argument-set typedefs, trans_/function
 * prototypes, one extraction function per format and the decode function.
 * The decode function is a decision tree: each level switches on the bits
 * fixed in every remaining candidate; `{}` groups keep their order and fall
 * through to the next member when a trans_ function returns false.
 */
#include "frontends/decodegen/decodegen.h"

#include <stdlib.h>
#include <string.h>

typedef struct DgEmit {
    const DgSpec *spec;
    const char *name;
    FILE *out;
} DgEmit;

static void indent(DgEmit *e, int level)
{
    fprintf(e->out, "%*s", level * 4, "");
}

static bool argset_named(const DgSpec *spec, const char *name)
{
    for (int i = 0; i < spec->nargsets; i++) {
        if (!strcmp(spec->argsets[i]->name, name)) {
            return true;
        }
    }
    return false;
}

/* Returns true if an earlier pattern (before index i) has the same name. */
static bool name_seen(const DgSpec *spec, int i)
{
    for (int j = 0; j < i; j++) {
        if (!strcmp(spec->patterns[j]->name, spec->patterns[i]->name)) {
            return true;
        }
    }
    return false;
}

static void emit_types(DgEmit *e)
{
    const DgSpec *spec = e->spec;

    for (int i = 0; i < spec->nargsets; i++) {
        DgArgset *as = spec->argsets[i];
        if (as->external) {
            continue;
        }
        fprintf(e->out, "typedef struct {");
        for (int j = 0; j < as->nmembers; j++) {
            fprintf(e->out, "\n    int %s;", as->members[j]);
        }
        fprintf(e->out, "%s} arg_%s;\n\n", as->nmembers ? "\n" : " ", as->name);
    }
    for (int i = 0; i < spec->npatterns; i++) {
        DgPattern *p = spec->patterns[i];
        if (!name_seen(spec, i) && !argset_named(spec, p->name)) {
            fprintf(e->out, "typedef arg_%s arg_%s;\n", p->argset->name, p->name);
        }
    }
    fputc('\n', e->out);
}

static bool func_seen(const DgSpec *spec, int i)
{
    for (int j = 0; j < i; j++) {
        const DgField *f = spec->fields[j];
        if (f->func && f->used && !strcmp(f->func, spec->fields[i]->func)) {
            return true;
        }
    }
    return false;
}

static void emit_prototypes(DgEmit *e)
{
    const DgSpec *spec = e->spec;

    for (int i = 0; i < spec->nfields; i++) {
        if (spec->fields[i]->func && spec->fields[i]->used && !func_seen(spec, i)) {
            fprintf(e->out, "static int %s(DisasContext *ctx, int x);\n", spec->fields[i]->func);
        }
    }
    for (int i = 0; i < spec->npatterns; i++) {
        DgPattern *p = spec->patterns[i];
        if (!name_seen(spec, i)) {
            fprintf(e->out, "static bool trans_%s(DisasContext *ctx, arg_%s *a);\n", p->name,
                    p->argset->name);
        }
    }
    fputc('\n', e->out);
}

static void emit_segment(DgEmit *e, const DgSeg *s)
{
    if (s->sign) {
        fprintf(e->out, "((int32_t)(insn << %d) >> %d)", 32 - s->pos - s->len, 32 - s->len);
    } else if (s->len == 32) {
        fprintf(e->out, "(int)insn");
    } else {
        fprintf(e->out, "(int)((insn >> %d) & 0x%xu)", s->pos, (1u << s->len) - 1);
    }
}

/* Writes the C expression for a field's value (after any !function). */
static void emit_field_value(DgEmit *e, const DgField *f)
{
    if (f->func) {
        fprintf(e->out, "%s(ctx, ", f->func);
    }
    if (f->nsegs == 0) {
        fprintf(e->out, "0");
    } else if (f->nsegs == 1) {
        emit_segment(e, &f->segs[0]);
    } else {
        fprintf(e->out, "(int)(");
        for (int i = 0; i < f->nsegs; i++) {
            int shift = 0;
            for (int j = i + 1; j < f->nsegs; j++) {
                shift += f->segs[j].len;
            }
            fprintf(e->out, "%s((uint32_t)", i ? " | " : "");
            emit_segment(e, &f->segs[i]);
            fprintf(e->out, " << %d)", shift);
        }
        fprintf(e->out, ")");
    }
    if (f->func) {
        fprintf(e->out, ")");
    }
}

static void emit_assigns(DgEmit *e, const DgAssign *a, int n, const char *ref, int level)
{
    for (int i = 0; i < n; i++) {
        indent(e, level);
        fprintf(e->out, "%s%s = ", ref, a[i].member);
        if (a[i].field) {
            emit_field_value(e, a[i].field);
        } else {
            fprintf(e->out, "%ld", a[i].value);
        }
        fprintf(e->out, ";\n");
    }
}

static void emit_extractors(DgEmit *e)
{
    for (int i = 0; i < e->spec->nformats; i++) {
        DgFormat *f = e->spec->formats[i];
        fprintf(e->out,
                "static void __attribute__((unused))\n"
                "%s_extract_%s(DisasContext *ctx, arg_%s *a, uint32_t insn)\n{\n"
                "    (void)ctx;\n    (void)insn;\n",
                e->name, f->name, f->argset->name);
        emit_assigns(e, f->assigns, f->nassigns, "a->", 1);
        fprintf(e->out, "}\n\n");
    }
}

static void emit_pattern(DgEmit *e, const DgPattern *p, uint32_t tested, int level)
{
    uint32_t rem = p->mask & ~tested;
    const DgFormat *f = p->format;

    if (rem) {
        indent(e, level);
        fprintf(e->out, "if ((insn & 0x%08xu) == 0x%08xu) {\n", rem, p->bits & rem);
        level++;
    }
    indent(e, level);
    fprintf(e->out, "/* line %d */\n", p->line);
    indent(e, level);
    fprintf(e->out, "{\n");
    indent(e, level + 1);
    fprintf(e->out, "arg_%s args;\n", p->argset->name);
    if (f && f->argset == p->argset) {
        indent(e, level + 1);
        fprintf(e->out, "%s_extract_%s(ctx, &args, insn);\n", e->name, f->name);
    } else if (f) {
        emit_assigns(e, f->assigns, f->nassigns, "args.", level + 1);
    }
    emit_assigns(e, p->assigns, p->nassigns, "args.", level + 1);
    indent(e, level + 1);
    fprintf(e->out, "if (trans_%s(ctx, &args)) {\n", p->name);
    indent(e, level + 2);
    fprintf(e->out, "return true;\n");
    indent(e, level + 1);
    fprintf(e->out, "}\n");
    indent(e, level);
    fprintf(e->out, "}\n");
    if (rem) {
        indent(e, level - 1);
        fprintf(e->out, "}\n");
    }
}

static void emit_list(DgEmit *e, DgNode **nodes, int n, bool ordered, uint32_t tested, int level);

static void emit_node(DgEmit *e, DgNode *node, uint32_t tested, int level)
{
    DgGroup *g = node->group;
    DgNode **nodes;

    if (node->pat) {
        emit_pattern(e, node->pat, tested, level);
        return;
    }
    nodes = dg_grow(NULL, g->nnodes, sizeof(*nodes));
    for (int i = 0; i < g->nnodes; i++) {
        nodes[i] = &g->nodes[i];
    }
    emit_list(e, nodes, g->nnodes, g->overlap, tested, level);
    free(nodes);
}

static void emit_sequence(DgEmit *e, DgNode **nodes, int n, uint32_t tested, int level)
{
    for (int i = 0; i < n; i++) {
        emit_node(e, nodes[i], tested, level);
    }
}

/* Returns true if mask is one run of set bits; *lo gets its lowest bit. */
static bool contiguous(uint32_t mask, int *lo)
{
    *lo = __builtin_ctz(mask);
    uint32_t run = mask >> *lo;
    return (run & (run + 1)) == 0;
}

static void emit_case_value(DgEmit *e, uint32_t v, uint32_t common)
{
    int lo;

    if (contiguous(common, &lo)) {
        fprintf(e->out, "0x%x", v >> lo);
    } else {
        fprintf(e->out, "0x%08xu", v);
    }
}

/* All nodes agree on the bits `common`: one test, then the rest of the tree. */
static void emit_if(DgEmit *e, DgNode **nodes, int n, bool ordered, uint32_t tested,
                    uint32_t common, int level)
{
    indent(e, level);
    fprintf(e->out, "if ((insn & 0x%08xu) == 0x%08xu) {\n", common, nodes[0]->bits & common);
    emit_list(e, nodes, n, ordered, tested | common, level + 1);
    indent(e, level);
    fprintf(e->out, "}\n");
}

static bool all_agree(DgNode **nodes, int n, uint32_t common)
{
    for (int i = 1; i < n; i++) {
        if ((nodes[i]->bits ^ nodes[0]->bits) & common) {
            return false;
        }
    }
    return true;
}

/* Switches on the bits `common` (fixed in every node), then recurses per value. */
static void emit_switch(DgEmit *e, DgNode **nodes, int n, bool ordered, uint32_t tested,
                        uint32_t common, int level)
{
    DgNode **sub = dg_grow(NULL, n, sizeof(*sub));
    bool *done = dg_alloc(n * sizeof(*done));
    int lo;

    indent(e, level);
    if (contiguous(common, &lo)) {
        fprintf(e->out, "switch ((insn >> %d) & 0x%x) {\n", lo, common >> lo);
    } else {
        fprintf(e->out, "switch (insn & 0x%08xu) {\n", common);
    }
    for (int i = 0; i < n; i++) {
        uint32_t v = nodes[i]->bits & common;
        int nsub = 0;
        if (done[i]) {
            continue;
        }
        for (int j = i; j < n; j++) {
            if (!done[j] && (nodes[j]->bits & common) == v) {
                done[j] = true;
                sub[nsub++] = nodes[j];
            }
        }
        indent(e, level);
        fprintf(e->out, "case ");
        emit_case_value(e, v, common);
        fprintf(e->out, ":\n");
        emit_list(e, sub, nsub, ordered, tested | common, level + 1);
        indent(e, level + 1);
        fprintf(e->out, "break;\n");
    }
    indent(e, level);
    fprintf(e->out, "}\n");
    free(sub);
    free(done);
}

/* For unordered lists without common bits: the bit fixed in most nodes, or -1. */
static int best_bit(DgNode **nodes, int n, uint32_t tested)
{
    int best = -1, best_count = 1;

    for (int b = 31; b >= 0; b--) {
        int count = 0;
        if (tested & (1u << b)) {
            continue;
        }
        for (int i = 0; i < n; i++) {
            count += (nodes[i]->mask >> b) & 1;
        }
        if (count > best_count) {
            best = b;
            best_count = count;
        }
    }
    return best;
}

/* Splits nodes into those fixing bit b (switched on) and the rest (recursed). */
static void emit_split(DgEmit *e, DgNode **nodes, int n, int b, uint32_t tested, int level)
{
    DgNode **with = dg_grow(NULL, n, sizeof(*with));
    DgNode **rest = dg_grow(NULL, n, sizeof(*rest));
    int nw = 0, nr = 0;

    for (int i = 0; i < n; i++) {
        if ((nodes[i]->mask >> b) & 1) {
            with[nw++] = nodes[i];
        } else {
            rest[nr++] = nodes[i];
        }
    }
    emit_list(e, with, nw, false, tested, level);
    emit_list(e, rest, nr, false, tested, level);
    free(with);
    free(rest);
}

static void emit_list(DgEmit *e, DgNode **nodes, int n, bool ordered, uint32_t tested, int level)
{
    uint32_t common = ~tested;
    int b;

    if (n == 0) {
        return;
    }
    if (n == 1) {
        emit_node(e, nodes[0], tested, level);
        return;
    }
    for (int i = 0; i < n; i++) {
        common &= nodes[i]->mask;
    }
    if (common && all_agree(nodes, n, common)) {
        emit_if(e, nodes, n, ordered, tested, common, level);
    } else if (common) {
        emit_switch(e, nodes, n, ordered, tested, common, level);
    } else if (!ordered && (b = best_bit(nodes, n, tested)) >= 0) {
        emit_split(e, nodes, n, b, tested, level);
    } else {
        emit_sequence(e, nodes, n, tested, level);
    }
}

void dg_emit(const DgSpec *spec, const char *decode_name, FILE *out)
{
    DgEmit e = {spec, decode_name, out};
    DgNode top = {NULL, spec->top, 0, 0};

    fprintf(out, "/* Generated by decodegen from %s; do not edit. */\n\n", spec->file);
    fprintf(out, "#include <stdbool.h>\n#include <stdint.h>\n\n");
    emit_types(&e);
    emit_prototypes(&e);
    emit_extractors(&e);
    fprintf(out, "static bool %s(DisasContext *ctx, uint32_t insn)\n{\n", decode_name);
    fprintf(out, "    (void)ctx;\n    (void)insn;\n");
    emit_node(&e, &top, 0, 1);
    fprintf(out, "    return false;\n}\n");
}
