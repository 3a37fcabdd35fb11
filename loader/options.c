/*
 * Command-line and environment parsing (see options.h).
 *
 * One table describes every option: its names, the environment variable
 * that sets its default (FERRY_<VAR>, with QEMU_<VAR> as a fallback), its
 * help text and the handler that stores it in Options.  The guest
 * environment is ferry's environment with the -E/-U edits applied in order.
 */
#include "loader/options.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "loader/stack.h"

/* One pending edit of the guest environment: "VAR=value" sets, "VAR" unsets. */
typedef struct EnvEdit {
    char *text;
    bool set;
} EnvEdit;

typedef struct OptCtx {
    Options *o;
    FILE *out;
    char *err;
    size_t errlen;
    EnvEdit *edits;
    size_t nedits, edits_cap;
    bool exit_ok; /* a handler printed help or a list */
} OptCtx;

typedef struct OptDef OptDef;
typedef bool (*OptFn)(OptCtx *c, const OptDef *d, const char *arg);

struct OptDef {
    const char *name;    /* without the leading '-' */
    const char *alias;   /* another name, or NULL */
    const char *env;     /* variable suffix after FERRY_ / QEMU_, or NULL */
    const char *argname; /* NULL for a flag */
    OptFn fn;
    size_t field;      /* offset in Options for opt_string / opt_flag */
    const char *group; /* starts a help group when non-NULL */
    const char *help;
    const char *env_alias; /* an older qemu name of env, or NULL */
};

static bool opt_error(OptCtx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err, c->errlen, fmt, ap);
    va_end(ap);
    return false;
}

bool options_parse_size(const char *s, uint64_t *out)
{
    char *end;
    if (!s || !isdigit((unsigned char)*s))
        return false;
    errno = 0;
    uint64_t v = strtoull(s, &end, 0);
    if (errno)
        return false;
    unsigned shift = 0;
    switch (*end) {
    case 'k':
    case 'K':
        shift = 10;
        end++;
        break;
    case 'm':
    case 'M':
        shift = 20;
        end++;
        break;
    case 'g':
    case 'G':
        shift = 30;
        end++;
        break;
    default:
        break;
    }
    if (*end || (shift && v > (UINT64_MAX >> shift)))
        return false;
    *out = v << shift;
    return true;
}

/* ---- environment edits ---- */

static bool env_add_edit(OptCtx *c, const char *text, size_t len, bool set)
{
    if (len == 0)
        return true;
    if (set && !memchr(text, '=', len))
        return opt_error(c, "-E: '%.*s' is not VAR=value", (int)len, text);
    if (!set && memchr(text, '=', len))
        return opt_error(c, "-U: '%.*s' is not a variable name", (int)len, text);
    if (c->nedits == c->edits_cap) {
        size_t cap = c->edits_cap ? c->edits_cap * 2 : 8;
        EnvEdit *n = realloc(c->edits, cap * sizeof(*n));
        if (!n)
            return opt_error(c, "out of memory");
        c->edits = n;
        c->edits_cap = cap;
    }
    char *t = strndup(text, len);
    if (!t)
        return opt_error(c, "out of memory");
    c->edits[c->nedits++] = (EnvEdit){t, set};
    return true;
}

/* Adds each item of a comma-separated list. */
static bool env_add_list(OptCtx *c, const char *list, bool set)
{
    while (*list) {
        const char *comma = strchr(list, ',');
        size_t len = comma ? (size_t)(comma - list) : strlen(list);
        if (!env_add_edit(c, list, len, set))
            return false;
        list += len + (comma ? 1 : 0);
    }
    return true;
}

static size_t env_key_len(const char *s)
{
    const char *eq = strchr(s, '=');
    return eq ? (size_t)(eq - s) : strlen(s);
}

/* Index of the variable named like `key` (up to '=') in env, or -1. */
static long env_find(char **env, size_t n, const char *key)
{
    size_t klen = env_key_len(key);
    for (size_t i = 0; i < n; i++)
        if (strncmp(env[i], key, klen) == 0 && env[i][klen] == '=')
            return (long)i;
    return -1;
}

/* Builds o->guest_envp from envp and the edits. */
static bool env_build(OptCtx *c, char **envp)
{
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **env = calloc(n + c->nedits + 1, sizeof(*env));
    if (!env)
        return opt_error(c, "out of memory");
    c->o->guest_envp = env;
    for (size_t i = 0; i < n; i++)
        if (!(env[i] = strdup(envp[i])))
            return opt_error(c, "out of memory");
    for (size_t i = 0; i < c->nedits; i++) {
        long at = env_find(env, n, c->edits[i].text);
        if (at >= 0)
            free(env[at]);
        if (c->edits[i].set) {
            env[at >= 0 ? (size_t)at : n++] = c->edits[i].text;
            c->edits[i].text = NULL;
        } else if (at >= 0) {
            memmove(&env[at], &env[at + 1], (n-- - (size_t)at) * sizeof(*env));
        }
    }
    env[n] = NULL;
    return true;
}

/* ---- log items ---- */

static const struct {
    const char *name;
    unsigned mask;
    const char *help;
} log_items[] = {
    {"in_asm", LOG_IN_ASM, "guest instructions of each translated block"},
    {"op", LOG_OP, "IR before optimization"},
    {"op_opt", LOG_OP_OPT, "IR after optimization"},
    {"out_asm", LOG_OUT_ASM, "host code generated"},
    {"exec", LOG_EXEC, "each block executed (disables chaining)"},
    {"cpu", LOG_CPU, "CPU state before each block (disables chaining)"},
    {"unimp", LOG_UNIMP, "unimplemented features and system calls"},
    {"strace", LOG_STRACE, "system calls (same as -strace)"},
    {"page", LOG_PAGE, "guest memory map after loading"},
};

#define NLOG_ITEMS (sizeof(log_items) / sizeof(log_items[0]))

static bool opt_log(OptCtx *c, const OptDef *d, const char *arg)
{
    if (strcmp(arg, "help") == 0 || strcmp(arg, "?") == 0) {
        fprintf(c->out, "Log items (comma separated):\n");
        for (size_t i = 0; i < NLOG_ITEMS; i++)
            fprintf(c->out, "  %-10s %s\n", log_items[i].name, log_items[i].help);
        c->exit_ok = true;
        return true;
    }
    unsigned mask = 0;
    for (const char *p = arg; *p;) {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < NLOG_ITEMS &&
               !(strlen(log_items[i].name) == len && strncmp(log_items[i].name, p, len) == 0))
            i++;
        if (len && i == NLOG_ITEMS)
            return opt_error(c, "-d: unknown log item '%.*s' (try -d help)", (int)len, p);
        if (len)
            mask |= log_items[i].mask;
        p += len + (p[len] == ',');
    }
    c->o->log_mask = mask;
    return true;
}

/* ---- option handlers ---- */

static void print_version(FILE *out)
{
    fprintf(out, "ferry version " FERRY_VERSION "\n");
    fprintf(out, "Copyright (c) 2026 the ferry authors; MIT license\n");
}

static void print_help(FILE *out);

static bool opt_help(OptCtx *c, const OptDef *d, const char *arg)
{
    print_help(c->out);
    c->exit_ok = true;
    return true;
}

static bool opt_version(OptCtx *c, const OptDef *d, const char *arg)
{
    print_version(c->out);
    c->exit_ok = true;
    return true;
}

/* Stores the argument in the const char * field d->field. */
static bool opt_string(OptCtx *c, const OptDef *d, const char *arg)
{
    *(const char **)((char *)c->o + d->field) = arg;
    return true;
}

/* Sets the bool field d->field. */
static bool opt_flag(OptCtx *c, const OptDef *d, const char *arg)
{
    *(bool *)((char *)c->o + d->field) = true;
    return true;
}

static bool opt_set_env(OptCtx *c, const OptDef *d, const char *arg)
{
    return env_add_list(c, arg, true);
}

static bool opt_unset_env(OptCtx *c, const OptDef *d, const char *arg)
{
    return env_add_list(c, arg, false);
}

/* The guest architecture with a CPU model called name[0, len), or NULL. */
static const GuestArch *cpu_model_arch(const char *name, size_t len)
{
    for (size_t i = 0; guest_arches[i]; i++)
        for (const char *const *m = guest_arches[i]->cpu_models; m && *m; m++)
            if (strlen(*m) == len && !strncmp(*m, name, len))
                return guest_arches[i];
    return NULL;
}

/* True when `prop` (one "name[=value]" of -cpu model,prop,...) is in the architecture's list of
 * accepted properties: an entry "name" accepts any value, "name=value" only that one. */
static bool cpu_prop_ok(const GuestArch *a, const char *prop, size_t len)
{
    for (const char *const *p = a->cpu_props; p && *p; p++) {
        size_t n = strlen(*p);
        if (n == len && !strncmp(*p, prop, len))
            return true;
        if (!strchr(*p, '=') && len > n && prop[n] == '=' && !strncmp(*p, prop, n))
            return true;
    }
    return false;
}

static bool opt_cpu(OptCtx *c, const OptDef *d, const char *arg)
{
    if (strcmp(arg, "help") == 0 || strcmp(arg, "?") == 0) {
        fprintf(c->out, "Available CPUs:\n");
        for (size_t i = 0; guest_arches[i]; i++)
            for (const char *const *m = guest_arches[i]->cpu_models; m && *m; m++)
                fprintf(c->out, "  %s\n", *m);
        c->exit_ok = true;
        return true;
    }
    size_t len = strcspn(arg, ",");
    const GuestArch *a = cpu_model_arch(arg, len);
    if (!a)
        return opt_error(c, "-cpu: unknown CPU model '%.*s' (-cpu help lists them)", (int)len, arg);
    for (const char *p = arg + len; *p; p += len) {
        p++; /* the comma */
        len = strcspn(p, ",");
        if (!cpu_prop_ok(a, p, len))
            return opt_error(c, "-cpu: CPU property '%.*s' is not supported", (int)len, p);
    }
    c->o->cpu_model = arg;
    return true;
}

static bool opt_stack_size(OptCtx *c, const OptDef *d, const char *arg)
{
    uint64_t v;
    if (!options_parse_size(arg, &v) || v == 0)
        return opt_error(c, "-s: invalid stack size '%s'", arg);
    c->o->stack_size = v;
    return true;
}

static bool opt_seed(OptCtx *c, const OptDef *d, const char *arg)
{
    char *end;
    errno = 0;
    uint64_t v = strtoull(arg, &end, 0);
    if (errno || !*arg || *end || *arg == '-')
        return opt_error(c, "-seed: invalid seed '%s'", arg);
    c->o->rand_seed = v;
    c->o->has_seed = true;
    return true;
}

/* -p: qemu's host page size; checked as qemu does, then not used (guest pages are 4 KiB). */
static bool opt_pagesize(OptCtx *c, const OptDef *d, const char *arg)
{
    uint64_t v;
    if (!options_parse_size(arg, &v) || v == 0 || (v & (v - 1)))
        return opt_error(c, "-p: page size '%s' is not a power of two", arg);
    return true;
}

static bool opt_guest_base(OptCtx *c, const OptDef *d, const char *arg)
{
    char *end;
    errno = 0;
    uint64_t v = strtoull(arg, &end, 0);
    if (errno || !*arg || *end)
        return opt_error(c, "-B: invalid address '%s'", arg);
    if (v & (GUEST_PAGE_SIZE - 1))
        return opt_error(c, "-B: guest base 0x%llx is not page-aligned", (unsigned long long)v);
    c->o->guest_base = (uintptr_t)v;
    return true;
}

static bool opt_reserved_va(OptCtx *c, const OptDef *d, const char *arg)
{
    uint64_t v;
    if (!options_parse_size(arg, &v) || v < (1ull << 20))
        return opt_error(c, "-R: invalid size '%s' (at least 1M)", arg);
    c->o->reserved_va = v;
    return true;
}

#define OFF(f) offsetof(Options, f)

static const OptDef opt_defs[] = {
    {"h", "help", NULL, NULL, opt_help, 0, "General", "print this help and exit"},
    {"version", NULL, NULL, NULL, opt_version, 0, NULL, "print the version and exit"},
    {"L", NULL, "LD_PREFIX", "path", opt_string, OFF(sysroot), "Guest program",
     "sysroot for the interpreter and libraries"},
    {"E", NULL, "SET_ENV", "var=value", opt_set_env, 0, NULL, "set guest variables (comma list)"},
    {"U", NULL, "UNSET_ENV", "var", opt_unset_env, 0, NULL, "remove guest variables (comma list)"},
    {"0", NULL, "ARGV0", "argv0", opt_string, OFF(argv0), NULL, "argv[0] for the guest"},
    {"s", NULL, "STACK_SIZE", "size", opt_stack_size, 0, NULL, "guest stack size (k/M/G suffix)"},
    {"r", NULL, "UNAME", "release", opt_string, OFF(uname), NULL,
     "kernel release uname reports to the guest"},
    {"seed", NULL, "RAND_SEED", "number", opt_seed, 0, NULL,
     "derive the guest's AT_RANDOM bytes from number"},
    {"B", NULL, "GUEST_BASE", "address", opt_guest_base, 0, "Address space",
     "host address of guest address 0"},
    {"R", NULL, "RESERVED_VA", "size", opt_reserved_va, 0, NULL, "size of the guest address space"},
    {"p", NULL, "PAGESIZE", "pagesize", opt_pagesize, 0, NULL,
     "accepted as qemu does; guest pages are 4k"},
    {"cpu", NULL, "CPU", "model", opt_cpu, 0, "Emulation", "CPU model (-cpu help lists them)"},
    {"no-jit", NULL, "NO_JIT", NULL, opt_flag, OFF(no_jit), NULL,
     "run the IR interpreter, not the JIT"},
    {"one-insn-per-tb", "singlestep", "ONE_INSN_PER_TB", NULL, opt_flag, OFF(one_insn_per_tb), NULL,
     "one guest instruction per block", "SINGLESTEP"},
    {"d", NULL, "LOG", "item[,...]", opt_log, 0, "Debugging", "log items (-d help lists them)"},
    {"D", NULL, "LOG_FILENAME", "logfile", opt_string, OFF(log_file), NULL,
     "write the log to logfile"},
    {"strace", NULL, "STRACE", NULL, opt_flag, OFF(strace), NULL, "print system calls"},
};

#define NOPT_DEFS (sizeof(opt_defs) / sizeof(opt_defs[0]))

static void print_help(FILE *out)
{
    fprintf(out,
            "usage: ferry [options] PROGRAM [ARGS...]\n"
            "Runs a Linux PROGRAM built for another CPU on this host.\n"
            "Options may start with - or --.  Each variable FERRY_<VAR> below may also be\n"
            "given as QEMU_<VAR>, as for qemu-user; the command line wins.\n\n"
            "  %-30s %-22s %s\n",
            "Argument", "Env-variable", "Description");
    for (size_t i = 0; i < NOPT_DEFS; i++) {
        const OptDef *d = &opt_defs[i];
        char names[64], env[40] = "";
        if (d->group)
            fprintf(out, "\n%s:\n", d->group);
        snprintf(names, sizeof(names), "-%s%s%s%s%s", d->name, d->argname ? " " : "",
                 d->argname ? d->argname : "", d->alias ? ", -" : "", d->alias ? d->alias : "");
        if (d->env)
            snprintf(env, sizeof(env), "FERRY_%s", d->env);
        fprintf(out, "  %-30s %-22s %s\n", names, env, d->help);
    }
    fprintf(out,
            "\nDefaults:\n"
            "  stack size %lluM; guest address space 1T (4G for 32-bit guests), placed by ferry\n"
            "  between guard areas unless -B gives its host address; sysroot for dynamically\n"
            "  linked programs: /usr/<arch>-linux-gnu when the host has no guest ld.so.\n"
            "\n-E/-U and FERRY_SET_ENV/FERRY_UNSET_ENV take comma-separated lists and may be\n"
            "repeated; the last change to a variable wins.  See ferry(1).\n",
            (unsigned long long)(STACK_DEFAULT_SIZE >> 20));
}

/* ---- parsing ---- */

static const OptDef *opt_lookup(const char *name, size_t len)
{
    for (size_t i = 0; i < NOPT_DEFS; i++) {
        const OptDef *d = &opt_defs[i];
        if ((strlen(d->name) == len && strncmp(d->name, name, len) == 0) ||
            (d->alias && strlen(d->alias) == len && strncmp(d->alias, name, len) == 0))
            return d;
    }
    return NULL;
}

static const char *env_get(char **envp, const char *prefix, const char *var)
{
    size_t plen = strlen(prefix), vlen = strlen(var);
    for (size_t i = 0; envp && envp[i]; i++) {
        const char *e = envp[i];
        if (strncmp(e, prefix, plen) == 0 && strncmp(e + plen, var, vlen) == 0 &&
            e[plen + vlen] == '=')
            return e + plen + vlen + 1;
    }
    return NULL;
}

/*
 * The value of d's variable: FERRY_<env>, else QEMU_<env>, else (for an
 * option qemu renamed) FERRY_/QEMU_<env_alias>; *name is set to the
 * variable's name.  NULL when none is set.
 */
static const char *opt_env_value(char **envp, const OptDef *d, char *name, size_t len)
{
    static const char *const prefixes[] = {"FERRY_", "QEMU_"};
    const char *vars[] = {d->env, d->env_alias};
    for (size_t v = 0; v < 2 && vars[v]; v++)
        for (size_t i = 0; i < 2; i++) {
            const char *val = env_get(envp, prefixes[i], vars[v]);
            if (val) {
                snprintf(name, len, "%s%s", prefixes[i], vars[v]);
                return val;
            }
        }
    return NULL;
}

/* Applies FERRY_* (else QEMU_*) defaults. */
static bool opt_from_env(OptCtx *c, char **envp)
{
    for (size_t i = 0; i < NOPT_DEFS; i++) {
        const OptDef *d = &opt_defs[i];
        char name[64];
        const char *v = d->env ? opt_env_value(envp, d, name, sizeof(name)) : NULL;
        if (v && !d->fn(c, d, v)) {
            char msg[256];
            snprintf(msg, sizeof(msg), "%s", c->err);
            return opt_error(c, "%s: %s", name, msg);
        }
    }
    return true;
}

/* Parses argv[*i] (an option) and its argument; advances *i. */
static bool opt_one(OptCtx *c, int argc, char **argv, int *i)
{
    const char *a = argv[*i] + 1;
    if (*a == '-')
        a++;
    const char *eq = strchr(a, '=');
    size_t len = eq ? (size_t)(eq - a) : strlen(a);
    const OptDef *d = opt_lookup(a, len);
    if (!d)
        return opt_error(c, "unknown option '%s' (try --help)", argv[*i]);
    const char *arg = NULL;
    if (d->argname && eq) {
        arg = eq + 1;
    } else if (d->argname) {
        if (*i + 1 >= argc)
            return opt_error(c, "option '%s' needs an argument (%s)", argv[*i], d->argname);
        arg = argv[++*i];
    } else if (eq) {
        return opt_error(c, "option '-%s' takes no argument", d->name);
    }
    (*i)++;
    return d->fn(c, d, arg);
}

static void opt_ctx_free(OptCtx *c)
{
    for (size_t i = 0; i < c->nedits; i++)
        free(c->edits[i].text);
    free(c->edits);
}

static void opt_finish(Options *o)
{
    if (o->strace)
        o->log_mask |= LOG_STRACE;
    if (o->log_mask & LOG_STRACE)
        o->strace = true;
}

OptionsResult options_parse(Options *o, int argc, char **argv, char **envp, FILE *out, char *err,
                            size_t errlen)
{
    memset(o, 0, sizeof(*o));
    o->exec_fd = -1;
    OptCtx c = {.o = o, .out = out, .err = err, .errlen = errlen};
    int i = 1;
    bool ok = opt_from_env(&c, envp);
    while (ok && !c.exit_ok && i < argc && argv[i][0] == '-' && argv[i][1]) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        ok = opt_one(&c, argc, argv, &i);
    }
    if (ok && !c.exit_ok && i >= argc)
        ok = opt_error(&c, "no program given (try --help)");
    if (!ok || c.exit_ok) {
        opt_ctx_free(&c);
        return ok ? OPTIONS_EXIT_OK : OPTIONS_ERROR;
    }
    o->program = argv[i];
    o->guest_argv = &argv[i + 1];
    ok = env_build(&c, envp);
    opt_ctx_free(&c);
    if (!ok) {
        options_free(o);
        return OPTIONS_ERROR;
    }
    opt_finish(o);
    return OPTIONS_RUN;
}

void options_free(Options *o)
{
    for (size_t i = 0; o->guest_envp && o->guest_envp[i]; i++)
        free(o->guest_envp[i]);
    free(o->guest_envp);
    o->guest_envp = NULL;
}

/* ---- back to a command line ---- */

typedef struct ArgVec {
    char **v;
    size_t n, cap;
    bool oom;
} ArgVec;

static void argvec_add(ArgVec *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void argvec_add(ArgVec *a, const char *fmt, ...)
{
    if (a->oom)
        return;
    if (a->n + 2 > a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        char **v = realloc(a->v, cap * sizeof(*v));
        if (!v) {
            a->oom = true;
            return;
        }
        a->v = v;
        a->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&a->v[a->n], fmt, ap) < 0)
        a->oom = true;
    else
        a->v[++a->n] = NULL;
    va_end(ap);
}

/* -d with the items of mask. */
static void argvec_log(ArgVec *a, unsigned mask)
{
    char items[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < NLOG_ITEMS; i++)
        if ((mask & log_items[i].mask) && len < sizeof(items))
            len += (size_t)snprintf(items + len, sizeof(items) - len, "%s%s", len ? "," : "",
                                    log_items[i].name);
    argvec_add(a, "-d");
    argvec_add(a, "%s", items);
}

char **options_to_argv(const Options *o)
{
    ArgVec a = {.v = calloc(16, sizeof(char *)), .cap = 16};
    if (!a.v)
        return NULL;
    if (o->sysroot) {
        argvec_add(&a, "-L");
        argvec_add(&a, "%s", o->sysroot);
    }
    if (o->cpu_model) {
        argvec_add(&a, "-cpu");
        argvec_add(&a, "%s", o->cpu_model);
    }
    if (o->log_mask & ~LOG_STRACE)
        argvec_log(&a, o->log_mask & ~LOG_STRACE);
    if (o->log_file) {
        argvec_add(&a, "-D");
        argvec_add(&a, "%s", o->log_file);
    }
    if (o->strace)
        argvec_add(&a, "-strace");
    if (o->no_jit)
        argvec_add(&a, "-no-jit");
    if (o->one_insn_per_tb)
        argvec_add(&a, "-one-insn-per-tb");
    if (o->stack_size) {
        argvec_add(&a, "-s");
        argvec_add(&a, "%llu", (unsigned long long)o->stack_size);
    }
    if (o->guest_base) {
        argvec_add(&a, "-B");
        argvec_add(&a, "0x%llx", (unsigned long long)o->guest_base);
    }
    if (o->reserved_va) {
        argvec_add(&a, "-R");
        argvec_add(&a, "%llu", (unsigned long long)o->reserved_va);
    }
    if (o->uname) {
        argvec_add(&a, "-r");
        argvec_add(&a, "%s", o->uname);
    }
    if (o->has_seed) {
        argvec_add(&a, "-seed");
        argvec_add(&a, "%llu", (unsigned long long)o->rand_seed);
    }
    if (a.oom) {
        options_argv_free(a.v);
        return NULL;
    }
    return a.v;
}

void options_argv_free(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}
