/*
 * Native exact kernel for ExactJoin (called through the Java FFM API by NativeKernel.java): the same pairs as the
 * Java kernel, found with AVX2. Built by the Maven build with gcc into the jar; when it cannot be built or loaded,
 * or the CPU lacks AVX2, the Java kernel runs instead.
 *
 * The bound after 6 words (intersection of the first 6 words plus the smaller unseen popcount, against the needed
 * intersection) is computed for 4 B records at once: B's first 6 words are kept transposed in groups of 4 records
 * (word w of the 4 records side by side, then their unseen popcounts), so one 256-bit AND covers one word of 4
 * pairs, and the 4 pairs' popcounts come from a nibble lookup with vpshufb (Mula, Kurz, Lemire 2018) summed by
 * vpsadbw. The vector test uses the needed intersection of the group's smallest popcount sum (B is sorted by
 * popcount and the needed intersection grows with the sum), a lower bound, so it drops only pairs that the exact
 * test would drop too; the few it keeps (0.2% on generated lists) are tested exactly as in Java. Testing after 6
 * words rather than 4 costs more vector work per pair but leaves 1 pair in 500 instead of 1 in 9 to the scalar
 * loop, whose branches and loads cost more than the extra words (measured: 444 to 500 against 274 to 331 M
 * pairs per CPU second, bench/README-linkage.md).
 */
#include <immintrin.h>
#include <stdint.h>

#define WORDS 16
#define META 4
#define GROUP_LONGS 28

int32_t opennrm_dice_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
}

/* compacted[keep]: the lanes whose bit is set in keep, in order, then anything (overwritten by the next store). */
static const int32_t compacted[16][4] __attribute__((aligned(16))) = {
    {0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0}, {2, 0, 0, 0}, {0, 2, 0, 0}, {1, 2, 0, 0}, {0, 1, 2, 0},
    {3, 0, 0, 0}, {0, 3, 0, 0}, {1, 3, 0, 0}, {0, 1, 3, 0}, {2, 3, 0, 0}, {0, 2, 3, 0}, {1, 2, 3, 0}, {0, 1, 2, 3}};

__attribute__((target("avx2,popcnt"))) static inline __m256i byte_popcounts(__m256i v, __m256i lookup, __m256i low) {
    __m256i lo = _mm256_and_si256(v, low);
    __m256i hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low);
    return _mm256_add_epi8(_mm256_shuffle_epi8(lookup, lo), _mm256_shuffle_epi8(lookup, hi));
}

/*
 * One block of A (sorted positions from..to-1) against its window of B, in tiles of B. Writes (a position,
 * b position, intersection) triples to out while there is room and returns how many there are in all; the caller
 * runs the block again with a larger buffer when that exceeds capacity.
 */
__attribute__((target("avx2,popcnt"))) int64_t opennrm_dice_join_block(
        const uint64_t *aw, const int32_t *ameta, const uint64_t *bw, const int32_t *bmeta, const uint64_t *bgroups,
        const int32_t *need, const int32_t *low, const int32_t *high, int32_t from, int32_t to, int32_t self,
        int32_t tile, int32_t *out, int64_t capacity, int32_t *scratch) {
    const __m256i lookup = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                            0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i low_nibbles = _mm256_set1_epi8(0x0f);
    const __m256i zero = _mm256_setzero_si256();
    int64_t found = 0;
    int32_t window_start = low[ameta[from * META]];
    int32_t window_end = high[ameta[(to - 1) * META]];
    if (self && window_start < from + 1) window_start = from + 1;
    for (int32_t tile_start = window_start; tile_start < window_end; tile_start += tile) {
        int32_t tile_end = tile_start + tile < window_end ? tile_start + tile : window_end;
        for (int32_t i = from; i < to; i++) {
            int32_t pa = ameta[i * META];
            int32_t a_rest4 = ameta[i * META + 1];
            int32_t a_rest6 = ameta[i * META + 2];
            int32_t start = tile_start > low[pa] ? tile_start : low[pa];
            if (self && start < i + 1) start = i + 1;
            int32_t end = tile_end < high[pa] ? tile_end : high[pa];
            if (start >= end) continue;
            const uint64_t *a = aw + (int64_t) i * WORDS;
            const __m256i a0 = _mm256_set1_epi64x((long long) a[0]);
            const __m256i a1 = _mm256_set1_epi64x((long long) a[1]);
            const __m256i a2 = _mm256_set1_epi64x((long long) a[2]);
            const __m256i a3 = _mm256_set1_epi64x((long long) a[3]);
            const __m256i a4 = _mm256_set1_epi64x((long long) a[4]);
            const __m256i a5 = _mm256_set1_epi64x((long long) a[5]);
            const __m256i rest = _mm256_set1_epi64x(a_rest6);
            const int32_t *need_a = need + pa;
            int32_t survivors = 0;
            for (int32_t g = start >> 2, last = (end - 1) >> 2; g <= last; g++) {
                const __m256i *group = (const __m256i *) (bgroups + (int64_t) g * GROUP_LONGS);
                __m256i bytes = byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group), a0), lookup, low_nibbles);
                bytes = _mm256_add_epi8(bytes, byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group + 1), a1), lookup, low_nibbles));
                bytes = _mm256_add_epi8(bytes, byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group + 2), a2), lookup, low_nibbles));
                bytes = _mm256_add_epi8(bytes, byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group + 3), a3), lookup, low_nibbles));
                bytes = _mm256_add_epi8(bytes, byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group + 4), a4), lookup, low_nibbles));
                bytes = _mm256_add_epi8(bytes, byte_popcounts(_mm256_and_si256(_mm256_loadu_si256(group + 5), a5), lookup, low_nibbles));
                __m256i bound = _mm256_add_epi64(_mm256_sad_epu8(bytes, zero),
                                                 _mm256_min_epu32(_mm256_loadu_si256(group + 6), rest));
                __m256i needed = _mm256_set1_epi64x(need_a[bmeta[g * 4 * META]]);
                int32_t keep = ~_mm256_movemask_pd(_mm256_castsi256_pd(_mm256_cmpgt_epi64(needed, bound))) & 0xf;
                _mm_storeu_si128((__m128i *) (scratch + survivors),
                                 _mm_add_epi32(_mm_set1_epi32(g * 4), _mm_load_si128((const __m128i *) compacted[keep])));
                survivors += __builtin_popcount(keep);
            }
            for (int32_t k = 0; k < survivors; k++) {
                int32_t j = scratch[k];
                if (j < start || j >= end) continue;
                const uint64_t *b = bw + (int64_t) j * WORDS;
                const int32_t *m = bmeta + (int64_t) j * META;
                int32_t needed = need_a[m[0]];
                int32_t common = __builtin_popcountll(a[0] & b[0]) + __builtin_popcountll(a[1] & b[1])
                        + __builtin_popcountll(a[2] & b[2]) + __builtin_popcountll(a[3] & b[3]);
                if (common + (a_rest4 < m[1] ? a_rest4 : m[1]) < needed) continue;
                common += __builtin_popcountll(a[4] & b[4]) + __builtin_popcountll(a[5] & b[5]);
                if (common + (a_rest6 < m[2] ? a_rest6 : m[2]) < needed) continue;
                for (int w = 6; w < WORDS; w++) common += __builtin_popcountll(a[w] & b[w]);
                if (common >= needed) {
                    if (found < capacity) {
                        out[3 * found] = i;
                        out[3 * found + 1] = j;
                        out[3 * found + 2] = common;
                    }
                    found++;
                }
            }
        }
    }
    return found;
}
