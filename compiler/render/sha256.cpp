#include "sha256.hpp"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define KVS_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace kvs::render {
namespace {

using State = std::array<std::uint32_t, 8>;

alignas(16) constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

inline std::uint32_t load_be32(const unsigned char* p) {
  return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

// ---- portable ------------------------------------------------------------------------
// FIPS 180-4 with the message schedule kept in a rolling window of 16 words, each
// computed just before its round; Ch and Maj in their cheaper equivalent forms; and the
// rounds unrolled sixteen at a time so every index into the window is a constant and the
// working variables rotate by renaming instead of eight moves per round.

// Nested rotations: the same value as rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22), with one
// register copy instead of three.
inline std::uint32_t big_sigma0(std::uint32_t a) { return rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2); }
inline std::uint32_t big_sigma1(std::uint32_t e) { return rotr(rotr(rotr(e, 14) ^ e, 5) ^ e, 6); }
inline std::uint32_t small_sigma0(std::uint32_t x) { return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3); }
inline std::uint32_t small_sigma1(std::uint32_t x) { return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10); }

// Round i + j; with `schedule` the window word j first becomes W[i + j]. Maj(a, b, c) is
// b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b: `ab` and `bc`
// alternate between two variables, saving an operation per round.
#define KVS_SHA256_ROUND(a, b, c, d, e, f, g, h, j, schedule, ab, bc)                          \
  do {                                                                                          \
    if (schedule) w[j] += small_sigma1(w[((j) + 14) & 15]) + w[((j) + 9) & 15] + small_sigma0(w[((j) + 1) & 15]); \
    std::uint32_t t1 = h + big_sigma1(e) + (g ^ (e & (f ^ g))) + kRound[i + (j)] + w[j];          \
    ab = a ^ b;                                                                                 \
    d += t1;                                                                                    \
    h = t1 + big_sigma0(a) + (b ^ (ab & bc));                                                   \
  } while (0)

#define KVS_SHA256_16_ROUNDS(schedule) \
  do {                                 \
    KVS_SHA256_ROUND(a, b, c, d, e, f, g, h, 0, schedule, x, y);   \
    KVS_SHA256_ROUND(h, a, b, c, d, e, f, g, 1, schedule, y, x);   \
    KVS_SHA256_ROUND(g, h, a, b, c, d, e, f, 2, schedule, x, y);   \
    KVS_SHA256_ROUND(f, g, h, a, b, c, d, e, 3, schedule, y, x);   \
    KVS_SHA256_ROUND(e, f, g, h, a, b, c, d, 4, schedule, x, y);   \
    KVS_SHA256_ROUND(d, e, f, g, h, a, b, c, 5, schedule, y, x);   \
    KVS_SHA256_ROUND(c, d, e, f, g, h, a, b, 6, schedule, x, y);   \
    KVS_SHA256_ROUND(b, c, d, e, f, g, h, a, 7, schedule, y, x);   \
    KVS_SHA256_ROUND(a, b, c, d, e, f, g, h, 8, schedule, x, y);   \
    KVS_SHA256_ROUND(h, a, b, c, d, e, f, g, 9, schedule, y, x);   \
    KVS_SHA256_ROUND(g, h, a, b, c, d, e, f, 10, schedule, x, y);   \
    KVS_SHA256_ROUND(f, g, h, a, b, c, d, e, 11, schedule, y, x);   \
    KVS_SHA256_ROUND(e, f, g, h, a, b, c, d, 12, schedule, x, y);   \
    KVS_SHA256_ROUND(d, e, f, g, h, a, b, c, 13, schedule, y, x);   \
    KVS_SHA256_ROUND(c, d, e, f, g, h, a, b, 14, schedule, x, y);   \
    KVS_SHA256_ROUND(b, c, d, e, f, g, h, a, 15, schedule, y, x);   \
  } while (0)

// Inlined into two functions: one for any x86-64/other CPU, one compiled for BMI2
// (rorx/shrx/andn rotate and shift without copying a register first: ~10 % fewer
// instructions), for CPUs that have BMI2 but not the SHA extensions.
[[gnu::always_inline]] inline void compress_rounds(State& state, const unsigned char* data, std::size_t blocks) {
  for (; blocks > 0; --blocks, data += 64) {
    std::uint32_t w[16];
    for (int k = 0; k < 16; ++k) w[k] = load_be32(data + 4 * k);
    std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    std::uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    std::uint32_t x, y = b ^ c;
    int i = 0;
    KVS_SHA256_16_ROUNDS(false);
    for (i = 16; i < 64; i += 16) KVS_SHA256_16_ROUNDS(true);
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
  }
}

#undef KVS_SHA256_16_ROUNDS
#undef KVS_SHA256_ROUND

void compress_portable(State& state, const unsigned char* data, std::size_t blocks) {
  compress_rounds(state, data, blocks);
}

#ifdef KVS_SHA256_X86
__attribute__((target("bmi2"))) void compress_bmi2(State& state, const unsigned char* data, std::size_t blocks) {
  compress_rounds(state, data, blocks);
}
#endif

// ---- x86 SHA extensions ----------------------------------------------------------------
// The SHA-NI instructions do two rounds each (sha256rnds2) and the message schedule four
// words at a time (sha256msg1/msg2). The state is kept as ABEF and CDGH, the layout the
// instructions expect. Only called after the CPU has been asked (hardware_available()).
#ifdef KVS_SHA256_X86
__attribute__((target("sha,sse4.1"))) void compress_shani(State& state, const unsigned char* data, std::size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));   // ABCD
  __m128i state1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));  // EFGH
  tmp = _mm_shuffle_epi32(tmp, 0xB1);                     // CDAB
  state1 = _mm_shuffle_epi32(state1, 0x1B);               // EFGH → HGFE
  __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);       // ABEF
  state1 = _mm_blend_epi16(state1, tmp, 0xF0);            // CDGH

  for (; blocks > 0; --blocks, data += 64) {
    const __m128i abef = state0, cdgh = state1;
    __m128i w[4];
#pragma GCC unroll 16
    for (int g = 0; g < 16; ++g) {
      __m128i& cur = w[g & 3];
      if (g < 4) cur = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)), byte_swap);
      __m128i msg = _mm_add_epi32(cur, _mm_load_si128(reinterpret_cast<const __m128i*>(&kRound[4 * g])));
      state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
      if (g >= 3 && g <= 14) {
        // W[g+1] (in the slot of W[g-3]) from the sigma0 part started by msg1 and W[g-1..g].
        __m128i& next = w[(g + 1) & 3];
        next = _mm_add_epi32(next, _mm_alignr_epi8(cur, w[(g + 3) & 3], 4));
        next = _mm_sha256msg2_epu32(next, cur);
      }
      msg = _mm_shuffle_epi32(msg, 0x0E);
      state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
      if (g >= 1 && g <= 12) {
        __m128i& prev = w[(g + 3) & 3];
        prev = _mm_sha256msg1_epu32(prev, cur);
      }
    }
    state0 = _mm_add_epi32(state0, abef);
    state1 = _mm_add_epi32(state1, cdgh);
  }

  tmp = _mm_shuffle_epi32(state0, 0x1B);        // FEBA
  state1 = _mm_shuffle_epi32(state1, 0xB1);     // DCHG
  state0 = _mm_blend_epi16(tmp, state1, 0xF0);  // DCBA
  state1 = _mm_alignr_epi8(state1, tmp, 8);     // HGFE
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), state0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), state1);
}
#endif

using Compress = void (*)(State&, const unsigned char*, std::size_t);

std::string digest_hex(std::string_view bytes, Compress compress) {
  State h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size(), full = n / 64;
  if (full > 0) compress(h, p, full);
  unsigned char tail[128] = {};
  std::size_t rest = n - full * 64;
  if (rest > 0) std::memcpy(tail, p + full * 64, rest);
  tail[rest] = 0x80;
  std::size_t tail_len = rest + 1 + 8 <= 64 ? 64 : 128;
  std::uint64_t bits = std::uint64_t(n) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_len - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  compress(h, tail, tail_len / 64);
  static const char* hex = "0123456789abcdef";
  std::string out(64, '0');
  std::size_t at = 0;
  for (auto v : h)
    for (int s = 28; s >= 0; s -= 4) out[at++] = hex[(v >> s) & 0xf];
  return out;
}

#ifdef KVS_SHA256_X86
// CPUID asked directly: GCC's __builtin_cpu_supports knows "sha", clang 14's (the fuzzers'
// compiler) does not. Leaf 1 ECX bit 19: SSE4.1; leaf 7 EBX bit 29: SHA; bit 8: BMI2.
bool cpuid_bit(unsigned leaf, int reg, unsigned bit) {
  unsigned r[4] = {0, 0, 0, 0};
  if (!__get_cpuid_count(leaf, 0, &r[0], &r[1], &r[2], &r[3])) return false;
  return (r[reg] >> bit) & 1u;
}
constexpr int kEbx = 1, kEcx = 2;
#endif

}  // namespace

namespace sha256_detail {

bool hardware_available() {
#ifdef KVS_SHA256_X86
  // Asked once; a function-local static is initialised thread-safely.
  static const bool available = cpuid_bit(7, kEbx, 29) && cpuid_bit(1, kEcx, 19);
  return available;
#else
  return false;
#endif
}

bool bmi2_available() {
#ifdef KVS_SHA256_X86
  static const bool available = cpuid_bit(7, kEbx, 8);
  return available;
#else
  return false;
#endif
}

std::string portable_hex(std::string_view bytes) { return digest_hex(bytes, compress_portable); }

std::string bmi2_hex(std::string_view bytes) {
#ifdef KVS_SHA256_X86
  if (bmi2_available()) return digest_hex(bytes, compress_bmi2);
#endif
  return portable_hex(bytes);
}

std::string hardware_hex(std::string_view bytes) {
#ifdef KVS_SHA256_X86
  if (hardware_available()) return digest_hex(bytes, compress_shani);
#endif
  return portable_hex(bytes);
}

}  // namespace sha256_detail

std::string sha256_hex(std::string_view bytes) {
  if (sha256_detail::hardware_available()) return sha256_detail::hardware_hex(bytes);
  return sha256_detail::bmi2_hex(bytes);
}

}  // namespace kvs::render
