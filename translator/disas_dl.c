/*
 * Opens libcapstone with dlopen for the dynamically linked ferry, which
 * does not link against it (its load and relocations would cost every
 * process start-up).  Left out of ferry-static, which links capstone in.
 */
#include "translator/disas.h"

#include <dlfcn.h>
#include <stddef.h>

bool disas_dl_bind(DisasLib *lib)
{
    static const char *const names[] = {"libcapstone.so.4", "libcapstone.so.5", "libcapstone.so"};
    void *h = NULL;
    for (size_t i = 0; !h && i < sizeof(names) / sizeof(names[0]); i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
    lib->open = (cs_err(*)(cs_arch, cs_mode, csh *))dlsym(h, "cs_open");
    lib->disasm = (size_t(*)(csh, const uint8_t *, size_t, uint64_t, size_t, cs_insn **))dlsym(
        h, "cs_disasm");
    lib->free = (void (*)(cs_insn *, size_t))dlsym(h, "cs_free");
    lib->close = (cs_err(*)(csh *))dlsym(h, "cs_close");
    return lib->open && lib->disasm && lib->free && lib->close;
}
