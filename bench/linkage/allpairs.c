/*
 * Reference for the exact-mode speed benchmark: a plain single-threaded all-pairs Dice loop over two anonlink
 * .clk files (N x 128 bytes), with hardware popcount and the popcount length filter (a pair whose popcounts
 * alone cannot reach the threshold is skipped before its intersection is counted). It collects every pair at
 * or above the threshold and prints the count, the time and comparisons per second.
 *
 * Build: gcc -O2 -mpopcnt -o allpairs allpairs.c
 * Usage: ./allpairs A.clk B.clk THRESHOLD
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define WORDS 16

static uint64_t *load(const char *path, long *count) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (size % 128 != 0) { fprintf(stderr, "%s: size not a multiple of 128\n", path); exit(1); }
    *count = size / 128;
    uint64_t *words = malloc(size);
    if (fread(words, 1, size, f) != (size_t) size) { perror(path); exit(1); }
    fclose(f);
    return words; /* byte order does not matter for popcounts of ANDed words */
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: %s A.clk B.clk THRESHOLD\n", argv[0]); return 2; }
    double start = now();
    long na, nb;
    uint64_t *a = load(argv[1], &na);
    uint64_t *b = load(argv[2], &nb);
    double threshold = atof(argv[3]);
    int *pa = malloc(na * sizeof(int)), *pb = malloc(nb * sizeof(int));
    for (long i = 0; i < na; i++) { int c = 0; for (int w = 0; w < WORDS; w++) c += __builtin_popcountll(a[i * WORDS + w]); pa[i] = c; }
    for (long j = 0; j < nb; j++) { int c = 0; for (int w = 0; w < WORDS; w++) c += __builtin_popcountll(b[j * WORDS + w]); pb[j] = c; }
    long capacity = 1 << 20, found = 0;
    int *pairs = malloc(capacity * 2 * sizeof(int));
    for (long i = 0; i < na; i++) {
        const uint64_t *x = a + i * WORDS;
        for (long j = 0; j < nb; j++) {
            int sum = pa[i] + pb[j];
            int low = pa[i] < pb[j] ? pa[i] : pb[j];
            if (sum == 0 || 2.0 * low / sum < threshold) continue;
            const uint64_t *y = b + j * WORDS;
            int common = 0;
            for (int w = 0; w < WORDS; w++) common += __builtin_popcountll(x[w] & y[w]);
            if (2.0 * common / sum >= threshold) {
                if (found == capacity) { capacity *= 2; pairs = realloc(pairs, capacity * 2 * sizeof(int)); }
                pairs[2 * found] = (int) i;
                pairs[2 * found + 1] = (int) j;
                found++;
            }
        }
    }
    double seconds = now() - start;
    printf("c-allpairs: %ld x %ld at %.3f: %ld pairs in %.2f s, %.1f M comparisons/s\n",
           na, nb, threshold, found, seconds, (double) na * nb / seconds / 1e6);
    return 0;
}
