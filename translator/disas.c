/*
 * Binds capstone's four entry points once: to the library linked into the
 * executable when there is one (ferry-static), else to libcapstone opened
 * with dlopen (disas_dl.c).  The weak references to capstone are null in
 * the dynamically linked ferry, which does not link against libcapstone;
 * the one to disas_dl_bind is null in ferry-static, which leaves
 * disas_dl.o out (static glibc's dlopen is best avoided).
 */
#include "translator/disas.h"

#include <pthread.h>
#include <stddef.h>

#pragma weak cs_open
#pragma weak cs_disasm
#pragma weak cs_free
#pragma weak cs_close
#pragma weak disas_dl_bind

static DisasLib disas;
static bool disas_ok;
static pthread_once_t disas_once = PTHREAD_ONCE_INIT;

static bool disas_bind_linked(void)
{
    if (!cs_open || !cs_disasm || !cs_free || !cs_close)
        return false;
    disas = (DisasLib){cs_open, cs_disasm, cs_free, cs_close};
    return true;
}

static void disas_bind(void)
{
    disas_ok = disas_bind_linked() || (disas_dl_bind && disas_dl_bind(&disas));
}

const DisasLib *disas_lib(void)
{
    pthread_once(&disas_once, disas_bind);
    return disas_ok ? &disas : NULL;
}
