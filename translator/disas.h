/*
 * Capstone, the disassembler behind -d in_asm/out_asm, bound on first use:
 * a dynamically linked ferry opens libcapstone only when a log asks for
 * disassembly (its load and relocations cost every process start-up
 * otherwise); ferry-static has it linked in.
 */
#ifndef FERRY_TRANSLATOR_DISAS_H
#define FERRY_TRANSLATOR_DISAS_H

#include <capstone/capstone.h>
#include <stdbool.h>

typedef struct DisasLib {
    cs_err (*open)(cs_arch arch, cs_mode mode, csh *handle);
    size_t (*disasm)(csh handle, const uint8_t *code, size_t size, uint64_t address, size_t count,
                     cs_insn **insn);
    void (*free)(cs_insn *insn, size_t count);
    cs_err (*close)(csh *handle);
} DisasLib;

/* The capstone entry points, or NULL when the library cannot be loaded.  Thread-safe. */
const DisasLib *disas_lib(void);

/* Fills *lib from libcapstone opened with dlopen; false when it cannot be (disas_dl.c). */
bool disas_dl_bind(DisasLib *lib);

#endif
