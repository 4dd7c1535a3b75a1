// Process-wide settings of the C library that Swift's Glibc module does not expose.
#ifndef CPROCESS_H
#define CPROCESS_H

/// Makes every thread's malloc heap grow and shrink by at least `bytes` at a time (glibc's M_TOP_PAD).
/// Returns 1 when the C library took the setting, 0 otherwise (and on C libraries without it).
int cprocess_malloc_top_pad(int bytes);

#endif
