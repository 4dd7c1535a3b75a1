#include "CProcess.h"

#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

int cprocess_malloc_top_pad(int bytes) {
#if defined(M_TOP_PAD)
    return mallopt(M_TOP_PAD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}
