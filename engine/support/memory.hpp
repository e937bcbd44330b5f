// Handing freed memory back to the system between stages. glibc keeps freed blocks in
// its arenas, so after a stage frees gigabytes (texts, sketches, postings, blocking
// tables) the resident size stays at its high-water mark and the next stage's
// allocations come on top of it at a million articles. malloc_trim returns the free
// pages; elsewhere this does nothing.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace reckon {

inline void release_free_memory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace reckon
