/*
 * decodegen: turns a .decode spec (fields, argument sets, formats, patterns, groups;
 * the decodetree language for 32-bit instructions) into a C decoder (.c.inc).
 * parse.c reads the spec into the structures below and checks names and bit
 * counts, check.c finds overlapping patterns, emit.c writes the decision-tree
 * decoder.  Any error is reported as `file:line: error: ...` and exits with 1.
 */
#ifndef DECODEGEN_H
#define DECODEGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DG_MAX_SEGS 8

typedef struct DgSeg {
    int pos, len;
    bool sign;
} DgSeg;

/* A field: segments concatenated (first most significant), optional function. */
typedef struct DgField {
    char *name; /* NULL for inline fields */
    int nsegs;
    DgSeg segs[DG_MAX_SEGS];
    char *func; /* !function=fn or NULL */
    bool used;  /* referenced by a format or pattern */
    int line;
} DgField;

typedef struct DgArgset {
    char *name;
    char **members;
    int nmembers;
    bool implicit;
    bool external; /* !extern: the typedef is written elsewhere */
    int line;
} DgArgset;

/* One member assignment: from a field, or a constant when field is NULL. */
typedef struct DgAssign {
    char *member;
    DgField *field;
    long value;
} DgAssign;

typedef struct DgFormat {
    char *name;
    uint32_t mask, bits;
    DgArgset *argset;
    DgAssign *assigns;
    int nassigns;
    int line;
} DgFormat;

typedef struct DgPattern {
    char *name;
    uint32_t mask, bits;
    DgFormat *format;
    DgArgset *argset;
    DgAssign *assigns; /* the pattern's own, applied after the format's */
    int nassigns;
    int line;
} DgPattern;

/* A group member is a pattern or a nested group. */
typedef struct DgGroup DgGroup;
typedef struct DgNode {
    DgPattern *pat;
    DgGroup *group;
    uint32_t mask, bits; /* bits fixed (with equal values) in every pattern below */
} DgNode;

struct DgGroup {
    bool overlap; /* {} when true, [] (or the top level) when false */
    DgNode *nodes;
    int nnodes;
    int line;
};

typedef struct DgSpec {
    const char *file;
    DgField **fields;
    int nfields;
    DgArgset **argsets;
    int nargsets;
    DgFormat **formats;
    int nformats;
    DgPattern **patterns;
    int npatterns;
    DgGroup *top;
} DgSpec;

/* Reports `file:line: error: ...` on stderr and exits with status 1. */
void dg_error(const DgSpec *spec, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

/* Sets a hook run by dg_error before exiting (removes a partial output). */
void dg_set_error_hook(void (*hook)(void));

void *dg_alloc(size_t size);
void *dg_grow(void *ptr, int count, size_t elem);
char *dg_strdup(const char *s);

/* Reads and parses path into spec; exits on any error. */
void dg_parse_file(DgSpec *spec, const char *path);

/* Computes node masks and reports overlaps outside {} groups; exits on error. */
void dg_check(DgSpec *spec);

/* Writes the decoder named decode_name to out. */
void dg_emit(const DgSpec *spec, const char *decode_name, FILE *out);

#endif /* DECODEGEN_H */
