// Vectorised string checks and value skipping for the scoring fast path (see include/CJSONScan.h).
#include "CJSONScan.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

/// `JSONCursor.maxDepth`: the deepest nesting the cursor follows.
#define TP_JSON_MAX_DEPTH 32

static inline int is_digit(uint8_t c) { return (uint8_t)(c - '0') < 10; }

int tp_json_is_utf8(const uint8_t *start, size_t count) {
    size_t offset = 0;
    while (offset < count) {
        uint8_t lead = start[offset];
        if (lead < 0x80) {
            offset++;
            continue;
        }
        size_t length;
        uint8_t low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        else if (lead == 0xE0) { length = 3; low = 0xA0; }
        else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) length = 3;
        else if (lead == 0xED) { length = 3; high = 0x9F; }
        else if (lead == 0xF0) { length = 4; low = 0x90; }
        else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
        else if (lead == 0xF4) { length = 4; high = 0x8F; }
        else return 0;
        if (offset + length > count) return 0;
        uint8_t second = start[offset + 1];
        if (second < low || second > high) return 0;
        for (size_t i = 2; i < length; i++) {
            if ((start[offset + i] & 0xC0) != 0x80) return 0;
        }
        offset += length;
    }
    return 1;
}

// Portable C, 8 bytes at a time: every processor.
#define SCAN_NAME(x) x##_portable
#define SCAN_ATTR
#define SCAN_BLOCK 8
#include "ScanBody.h"
#undef SCAN_NAME
#undef SCAN_ATTR
#undef SCAN_BLOCK

#if defined(__x86_64__)
// SSE2, 16 bytes at a time: every x86_64 processor has it.
#define SCAN_NAME(x) x##_sse2
#define SCAN_ATTR
#define SCAN_BLOCK 16
#include "ScanBody.h"
#undef SCAN_NAME
#undef SCAN_ATTR
#undef SCAN_BLOCK

// AVX2, 32 bytes at a time: chosen at run time.
#define SCAN_NAME(x) x##_avx2
#define SCAN_ATTR __attribute__((target("avx2")))
#define SCAN_BLOCK 32
#include "ScanBody.h"
#undef SCAN_NAME
#undef SCAN_ATTR
#undef SCAN_BLOCK
#endif

int tp_json_simd_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? 2 : 1;
#else
    return 0;
#endif
}

const uint8_t *tp_json_string_end_level(const uint8_t *start, const uint8_t *end, int *is_ascii, int level) {
#if defined(__x86_64__)
    if (level >= 2 && tp_json_simd_level() >= 2) return string_call_avx2(start, end, is_ascii);
    if (level >= 1) return string_call_sse2(start, end, is_ascii);
#endif
    (void)level;
    return string_call_portable(start, end, is_ascii);
}

const uint8_t *tp_json_skip_value_level(const uint8_t *start, const uint8_t *end, int depth, int level) {
#if defined(__x86_64__)
    if (level >= 2 && tp_json_simd_level() >= 2) return skip_avx2(start, end, depth);
    if (level >= 1) return skip_sse2(start, end, depth);
#endif
    (void)level;
    return skip_portable(start, end, depth);
}

const uint8_t *tp_json_string_end(const uint8_t *start, const uint8_t *end, int *is_ascii) {
#if defined(__x86_64__)
    // Most strings of a record are shorter than 16 bytes: SSE2 finds their end in one block, without a check
    // of the processor on every string.
    return string_end_sse2(start, end, is_ascii);
#else
    return string_end_portable(start, end, is_ascii);
#endif
}

const uint8_t *tp_json_skip_value(const uint8_t *start, const uint8_t *end, int depth) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) return skip_avx2(start, end, depth);
    return skip_sse2(start, end, depth);
#else
    return skip_portable(start, end, depth);
#endif
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) static size_t count_newlines_avx2(const uint8_t *p, size_t count) {
    const __m256i newline = _mm256_set1_epi8('\n');
    size_t total = 0, i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
        total += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, newline)));
    }
    for (; i < count; i++) total += p[i] == '\n';
    return total;
}

static size_t count_newlines_sse2(const uint8_t *p, size_t count) {
    const __m128i newline = _mm_set1_epi8('\n');
    size_t total = 0, i = 0;
    for (; i + 16 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        total += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, newline)));
    }
    for (; i < count; i++) total += p[i] == '\n';
    return total;
}
#endif

size_t tp_count_newlines(const uint8_t *start, size_t count) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("avx2")) return count_newlines_avx2(start, count);
    return count_newlines_sse2(start, count);
#else
    size_t total = 0;
    for (size_t i = 0; i < count; i++) total += start[i] == '\n';
    return total;
#endif
}
