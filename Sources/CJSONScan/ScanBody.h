// The string scan and the value skipper, written once and compiled once per scan level: CJSONScan.c includes
// this file with SCAN_NAME(x) (the functions' names), SCAN_ATTR (their target attribute) and SCAN_BLOCK (the
// block scan: 32 for AVX2, 16 for SSE2, 8 for portable C) defined. No include guard on purpose.

/// The first quote, backslash or byte below 0x20 at or after `p`, or `end`; sets `*high` when a byte of 0x80
/// or above comes before it.
static inline __attribute__((always_inline)) SCAN_ATTR const uint8_t *SCAN_NAME(special)(const uint8_t *p, const uint8_t *end, int *high) {
#if SCAN_BLOCK == 32
    const __m256i quote = _mm256_set1_epi8('"'), backslash = _mm256_set1_epi8('\\'), space = _mm256_set1_epi8(0x20);
    while (end - p >= 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
        // Signed: bytes of 0x80 and above count as below 0x20 too, and are taken out again by `h`.
        __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
                                      _mm256_cmpgt_epi8(space, v));
        uint32_t h = (uint32_t)_mm256_movemask_epi8(v);
        uint32_t s = (uint32_t)_mm256_movemask_epi8(hit) & ~h;
        if (s) {
            unsigned k = (unsigned)__builtin_ctz(s);
            if (h & ((1u << k) - 1u)) *high = 1;
            return p + k;
        }
        if (h) *high = 1;
        p += 32;
    }
#elif SCAN_BLOCK == 16
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                   _mm_cmplt_epi8(v, space));
        uint32_t h = (uint32_t)_mm_movemask_epi8(v);
        uint32_t s = (uint32_t)_mm_movemask_epi8(hit) & ~h;
        if (s) {
            unsigned k = (unsigned)__builtin_ctz(s);
            if (h & ((1u << k) - 1u)) *high = 1;
            return p + k;
        }
        if (h) *high = 1;
        p += 16;
    }
#else
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w = __builtin_bswap64(w);
#endif
        uint64_t q = w ^ (ones * 0x22), b = w ^ (ones * 0x5C);
        // Only the lowest set bit is exact (borrows may set bits above it), which is all this needs.
        uint64_t s = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & tops;
        if (s) {
            unsigned k = (unsigned)__builtin_ctzll(s) >> 3;
            if (k && (w & tops & ((1ull << (8 * k)) - 1ull))) *high = 1;
            return p + k;
        }
        if (w & tops) *high = 1;
        p += 8;
    }
#endif
    while (p < end) {
        uint8_t c = *p;
        if (c == '"' || c == '\\' || c < 0x20) return p;
        if (c >= 0x80) *high = 1;
        p++;
    }
    return end;
}

static inline __attribute__((always_inline)) SCAN_ATTR const uint8_t *SCAN_NAME(string_end)(const uint8_t *start, const uint8_t *end, int *is_ascii) {
    int high = 0;
    const uint8_t *p = SCAN_NAME(special)(start, end, &high);
    if (p == end || *p != '"') return NULL;
    if (high && !tp_json_is_utf8(start, (size_t)(p - start))) return NULL;
    *is_ascii = !high;
    return p;
}

/// `string_end` as a function of its own, to be called from code compiled for another target.
static __attribute__((noinline)) SCAN_ATTR const uint8_t *SCAN_NAME(string_call)(const uint8_t *start, const uint8_t *end,
                                                                                 int *is_ascii) {
    return SCAN_NAME(string_end)(start, end, is_ascii);
}

static inline SCAN_ATTR const uint8_t *SCAN_NAME(white)(const uint8_t *p, const uint8_t *end) {
    // Records are written without white space between tokens: one test in the usual case.
    if (p < end && *p > ' ') return p;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    return p;
}

/// A number as `JSONCursor.number()` reads it: -?(0|[1-9][0-9]*)(.[0-9]+)? and no exponent; the integer part
/// at most 308 digits (so that the value is surely finite, as the cursor requires).
static inline SCAN_ATTR const uint8_t *SCAN_NAME(number)(const uint8_t *p, const uint8_t *end) {
    if (p < end && *p == '-') p++;
    if (!(p < end && is_digit(*p))) return NULL;
    if (*p == '0') {
        p++;
        if (p < end && is_digit(*p)) return NULL;
    } else {
        const uint8_t *digits = p;
        while (p < end && is_digit(*p)) p++;
        if (p - digits > 308) return NULL;
    }
    if (p < end && *p == '.') {
        p++;
        if (!(p < end && is_digit(*p))) return NULL;
        while (p < end && is_digit(*p)) p++;
    }
    if (p < end && (*p | 0x20) == 'e') return NULL;
    return p;
}

static SCAN_ATTR const uint8_t *SCAN_NAME(skip)(const uint8_t *p, const uint8_t *end, int depth);

/// A member's or element's value: strings and numbers (most of them) read here, anything else by `skip`, so
/// that a leaf costs no call.
static inline __attribute__((always_inline)) SCAN_ATTR const uint8_t *SCAN_NAME(inner)(const uint8_t *p, const uint8_t *end,
                                                                                        int depth) {
    int ascii;
    if (p < end) {
        if (*p == '"') {
            const uint8_t *q = SCAN_NAME(string_end)(p + 1, end, &ascii);
            return q ? q + 1 : NULL;
        }
        if (is_digit(*p)) return SCAN_NAME(number)(p, end);
    }
    return SCAN_NAME(skip)(p, end, depth);
}

static SCAN_ATTR const uint8_t *SCAN_NAME(skip)(const uint8_t *p, const uint8_t *end, int depth) {
    int ascii;
    p = SCAN_NAME(white)(p, end);
    if (p >= end) return NULL;
    switch (*p) {
    case '"': {
        const uint8_t *q = SCAN_NAME(string_end)(p + 1, end, &ascii);
        return q ? q + 1 : NULL;
    }
    case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        return SCAN_NAME(number)(p, end);
    case 't':
        return end - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f':
        return end - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n':
        return end - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
    case '{':
        if (depth >= TP_JSON_MAX_DEPTH) return NULL;
        p = SCAN_NAME(white)(p + 1, end);
        if (p < end && *p == '}') return p + 1;
        for (;;) {
            if (!(p < end && *p == '"')) return NULL;
            const uint8_t *q = SCAN_NAME(string_end)(p + 1, end, &ascii);
            if (!q) return NULL;
            p = SCAN_NAME(white)(q + 1, end);
            if (!(p < end && *p == ':')) return NULL;
            p = SCAN_NAME(white)(p + 1, end);
            p = SCAN_NAME(inner)(p, end, depth + 1);
            if (!p) return NULL;
            p = SCAN_NAME(white)(p, end);
            if (p < end && *p == ',') {
                p = SCAN_NAME(white)(p + 1, end);
                continue;
            }
            return p < end && *p == '}' ? p + 1 : NULL;
        }
    case '[':
        if (depth >= TP_JSON_MAX_DEPTH) return NULL;
        p = SCAN_NAME(white)(p + 1, end);
        if (p < end && *p == ']') return p + 1;
        for (;;) {
            p = SCAN_NAME(inner)(p, end, depth + 1);
            if (!p) return NULL;
            p = SCAN_NAME(white)(p, end);
            if (p < end && *p == ',') {
                p = SCAN_NAME(white)(p + 1, end);
                if (p < end && *p == ']') return NULL;
                continue;
            }
            return p < end && *p == ']' ? p + 1 : NULL;
        }
    default:
        return NULL;
    }
}
