// SHA-256 of the source bytes, which every rendered document carries: the portable code,
// the same compiled for BMI2 and the x86 SHA instructions (each when this CPU has it)
// must all give the FIPS 180-4 digests, on inputs that end at every position in the
// padding block.
#include <catch2/catch.hpp>

#include <string>

#include "sha256.hpp"

using namespace kvs::render;

namespace {

struct Vector {
  std::string input, digest;
};

std::vector<Vector> vectors() {
  return {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {std::string(1000, 'a'), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"},
      // printf 'a%.0s' $(seq 1000000) | sha256sum
      {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      // head -c 1048576 /dev/zero | tr '\0' a | sha256sum  (1 MiB of 'a')
      {std::string(1048576, 'a'), "9bc1b2a288b26af7257a36277ae3816a7d4f16e89c1e7e77d0a5c48bad62b360"},
  };
}

}  // namespace

TEST_CASE("render: SHA-256 known vectors, portable, BMI2 and SHA-NI paths", "[render][sha256]") {
  for (const auto& v : vectors()) {
    INFO("input of " << v.input.size() << " bytes");
    CHECK(sha256_detail::portable_hex(v.input) == v.digest);
    CHECK(sha256_detail::hardware_hex(v.input) == v.digest);
    CHECK(sha256_detail::bmi2_hex(v.input) == v.digest);
    CHECK(sha256_hex(v.input) == v.digest);
  }
}

TEST_CASE("render: SHA-256 paths agree on every length around the block edges", "[render][sha256]") {
  std::string s;
  for (int n = 0; n < 300; ++n) {
    INFO("length " << n);
    CHECK(sha256_detail::hardware_hex(s) == sha256_detail::portable_hex(s));
    CHECK(sha256_detail::bmi2_hex(s) == sha256_detail::portable_hex(s));
    s += static_cast<char>('0' + (n * 7) % 75);
  }
}
