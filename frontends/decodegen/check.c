/*
 * decodegen overlap checks: computes, for every group member, the bits fixed
 * with one value in all its patterns, and rejects two patterns that can match
 * the same instruction unless an overlapping group `{}` orders them.  The top
 * level and `[]` groups must have mutually exclusive members.
 */
#include "frontends/decodegen/decodegen.h"

#include <stdlib.h>

typedef struct DgLeaves {
    DgPattern **pats;
    int n;
} DgLeaves;

static void node_mask(DgNode *node);

static void group_mask(DgGroup *g, uint32_t *mask, uint32_t *bits)
{
    *mask = ~0u;
    *bits = 0;
    for (int i = 0; i < g->nnodes; i++) {
        DgNode *c = &g->nodes[i];
        node_mask(c);
        if (i == 0) {
            *mask = c->mask;
            *bits = c->bits;
        } else {
            *mask &= c->mask & ~(*bits ^ c->bits);
            *bits &= *mask;
        }
    }
}

static void node_mask(DgNode *node)
{
    if (node->pat) {
        node->mask = node->pat->mask;
        node->bits = node->pat->bits;
    } else {
        group_mask(node->group, &node->mask, &node->bits);
    }
}

static void collect(const DgNode *node, DgLeaves *out)
{
    if (node->pat) {
        out->pats = dg_grow(out->pats, out->n + 1, sizeof(*out->pats));
        out->pats[out->n++] = node->pat;
        return;
    }
    for (int i = 0; i < node->group->nnodes; i++) {
        collect(&node->group->nodes[i], out);
    }
}

static bool can_overlap(uint32_t m1, uint32_t b1, uint32_t m2, uint32_t b2)
{
    return ((b1 ^ b2) & m1 & m2) == 0;
}

static void check_pair(const DgSpec *spec, const DgNode *a, const DgNode *b, bool in_brackets)
{
    DgLeaves la = {0}, lb = {0};

    if (!can_overlap(a->mask, a->bits, b->mask, b->bits)) {
        return;
    }
    collect(a, &la);
    collect(b, &lb);
    for (int i = 0; i < la.n; i++) {
        for (int j = 0; j < lb.n; j++) {
            DgPattern *p = la.pats[i], *q = lb.pats[j];
            if (can_overlap(p->mask, p->bits, q->mask, q->bits)) {
                dg_error(spec, q->line, "pattern '%s' overlaps pattern '%s' (line %d)%s", q->name,
                         p->name, p->line, in_brackets ? " inside []" : " outside {}");
            }
        }
    }
    free(la.pats);
    free(lb.pats);
}

static void check_group(const DgSpec *spec, DgGroup *g, bool top)
{
    for (int i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].group) {
            check_group(spec, g->nodes[i].group, false);
        }
    }
    if (g->overlap) {
        return;
    }
    for (int i = 0; i < g->nnodes; i++) {
        for (int j = i + 1; j < g->nnodes; j++) {
            check_pair(spec, &g->nodes[i], &g->nodes[j], !top);
        }
    }
}

void dg_check(DgSpec *spec)
{
    uint32_t mask, bits;

    group_mask(spec->top, &mask, &bits);
    check_group(spec, spec->top, true);
}
