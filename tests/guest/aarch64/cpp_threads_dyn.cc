// cflags: -O2 -pthread
// link: dynamic
/* cpp_threads.cc through the dynamic loader (libstdc++.so.6, libgcc_s.so.1 unwinding). */
#include "cpp_threads.cc"
