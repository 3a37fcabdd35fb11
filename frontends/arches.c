/*
 * The list of guest architectures linked into ferry and the lookup the
 * loader uses to pick one from an ELF header.
 */
#include "frontends/guest_arch.h"

extern const GuestArch guest_arch_aarch64;

const GuestArch *const guest_arches[] = {
    &guest_arch_aarch64,
    NULL,
};

const GuestArch *guest_arch_find(uint16_t machine, uint8_t elf_class, uint8_t elf_data)
{
    for (int i = 0; guest_arches[i]; i++) {
        const GuestArch *a = guest_arches[i];
        if (a->elf_machine == machine && a->elf_class == elf_class && a->elf_data == elf_data)
            return a;
    }
    return NULL;
}
