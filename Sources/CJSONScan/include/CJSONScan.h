#ifndef TOUCHPOINT_CJSONSCAN_H
#define TOUCHPOINT_CJSONSCAN_H

#include <stddef.h>
#include <stdint.h>

/// Vectorised pieces of the scoring fast path's JSON pull reader (TouchpointJSON's `JSONCursor`).
///
/// Both functions accept only what `JSONCursor` accepts, reading to the same place, and may refuse more (they
/// then return NULL and the caller leaves the line to `JSONParser`, as it does for every refusal). Strings are
/// checked 16 bytes at a time (SSE2 on x86_64, everywhere), 32 at a time where the processor has AVX2 (chosen
/// at run time with `__builtin_cpu_supports`), or 8 at a time in portable C elsewhere: a block is plain text
/// unless it holds a quote, a backslash, a byte below 0x20 or a byte of 0x80 and above; non-ASCII strings are
/// then checked as UTF-8 (RFC 3629) byte by byte. Nothing is built, nothing is allocated, no state is kept.

/// The closing quote of the string whose text starts at `start` (just after its opening quote), or NULL when
/// the string has an escape, a control character, bytes that are not UTF-8, or no closing quote before `end`.
/// `*is_ascii` is set to 1 when every byte of the text is ASCII, else 0.
const uint8_t *_Nullable tp_json_string_end(const uint8_t *_Nonnull start, const uint8_t *_Nonnull end,
                                            int *_Nonnull is_ascii);

/// Just past the JSON value that starts at `start` (after optional white space), checked as
/// `JSONCursor.skipValue(depth:)` checks it at nesting `depth`, or NULL where the cursor would stop or cannot be
/// matched for sure (an integer part of more than 308 digits, which might overflow).
const uint8_t *_Nullable tp_json_skip_value(const uint8_t *_Nonnull start, const uint8_t *_Nonnull end, int depth);

/// Whether `count` bytes at `start` are UTF-8 (RFC 3629), exactly as `JSONCursor.isUTF8` says.
int tp_json_is_utf8(const uint8_t *_Nonnull start, size_t count);

/// How many bytes of the `count` at `start` are newlines (0x0A), counted 32 or 16 bytes at a time.
size_t tp_count_newlines(const uint8_t *_Nonnull start, size_t count);

/// Which string scan this processor gets: 2 AVX2, 1 SSE2, 0 portable (for tests and benchmarks to report).
int tp_json_simd_level(void);

/// The same two functions forced to one scan level (tests compare the levels with each other); a level the
/// processor lacks falls back to the best one it has.
const uint8_t *_Nullable tp_json_string_end_level(const uint8_t *_Nonnull start, const uint8_t *_Nonnull end,
                                                  int *_Nonnull is_ascii, int level);
const uint8_t *_Nullable tp_json_skip_value_level(const uint8_t *_Nonnull start, const uint8_t *_Nonnull end,
                                                  int depth, int level);

#endif
