/*
 * decodegen command line: `decodegen --decode NAME [-o OUT] SPEC` reads a .decode
 * spec and writes the decoder function NAME (and its types) to OUT or stdout.
 * On any spec error nothing is left at OUT and the exit status is 1.
 */
#include "frontends/decodegen/decodegen.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*dg_error_hook)(void);
static const char *dg_out_path;

void dg_set_error_hook(void (*hook)(void))
{
    dg_error_hook = hook;
}

void dg_error(const DgSpec *spec, int line, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s:%d: error: ", spec && spec->file ? spec->file : "decodegen", line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (dg_error_hook) {
        dg_error_hook();
    }
    exit(1);
}

static void dg_oom(void)
{
    fprintf(stderr, "decodegen: out of memory\n");
    exit(1);
}

void *dg_alloc(size_t size)
{
    void *p = calloc(1, size);

    if (!p) {
        dg_oom();
    }
    return p;
}

void *dg_grow(void *ptr, int count, size_t elem)
{
    void *p = realloc(ptr, (count > 0 ? count : 1) * elem);

    if (!p) {
        dg_oom();
    }
    return p;
}

char *dg_strdup(const char *s)
{
    char *p = strdup(s);

    if (!p) {
        dg_oom();
    }
    return p;
}

static void remove_output(void)
{
    if (dg_out_path) {
        unlink(dg_out_path);
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: decodegen --decode NAME [-o OUTPUT] SPEC\n");
    exit(1);
}

/* Writes the generated text to path atomically (temporary file, then rename). */
static void write_output(const char *text, size_t len, const char *path)
{
    char tmp[4096];
    FILE *f;

    if (!path) {
        fwrite(text, 1, len, stdout);
        return;
    }
    snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, (int)getpid());
    f = fopen(tmp, "w");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "decodegen: cannot write %s: %s\n", path, strerror(errno));
        unlink(tmp);
        remove_output();
        exit(1);
    }
}

int main(int argc, char **argv)
{
    const char *name = NULL, *spec_path = NULL;
    DgSpec spec = {0};
    char *text = NULL;
    size_t len = 0;
    FILE *mem;

    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--decode") && i + 1 < argc) {
            name = argv[++i];
        } else if (!strncmp(argv[i], "--decode=", 9)) {
            name = argv[i] + 9;
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            dg_out_path = argv[++i];
        } else if (argv[i][0] == '-' || spec_path) {
            usage();
        } else {
            spec_path = argv[i];
        }
    }
    if (!name || !spec_path) {
        usage();
    }
    dg_set_error_hook(remove_output);
    dg_parse_file(&spec, spec_path);
    dg_check(&spec);
    mem = open_memstream(&text, &len);
    if (!mem) {
        dg_oom();
    }
    dg_emit(&spec, name, mem);
    fclose(mem);
    write_output(text, len, dg_out_path);
    free(text);
    return 0;
}
