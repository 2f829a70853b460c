// The renderer is shared by worker threads: Renderer::build and output on different
// standards at the same time must give the same bytes as one after another. The ICU
// formatters are per thread, the law and layout keys are computed at load and then
// only read, and each build keeps its own caches.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "../render/render_test_support.hpp"

using namespace kvs;

namespace {

/// HTML, DOCX and Markdown of one built standard, concatenated.
std::string all_formats(const render::Built& b) {
  const auto& r = kvs::test::renderer();
  std::string out;
  for (render::Format f : {render::Format::html, render::Format::docx, render::Format::markdown}) {
    std::string error;
    out += r.output(b, f, error);
    out += error;
  }
  return out;
}

}  // namespace

TEST_CASE("render: two threads sharing one renderer give the bytes of one thread", "[render][threads]") {
  struct Seed {
    std::unique_ptr<kvs::test::Rendered> rendered;
    render::RenderOptions options;
    std::string expected;
  };
  std::vector<Seed> seeds;
  for (const auto& name : kvs::test::seed_names()) {
    for (bool council : {false, true}) {
      std::string path = kvs::test::source_path("standards/" + name + ".kvs");
      Seed s;
      s.rendered = kvs::test::render_file(path, council);
      s.options = kvs::test::golden_options(path, kvs::test::read_file(path));
      s.options.council = council;
      s.expected = all_formats(s.rendered->built);
      seeds.push_back(std::move(s));
    }
  }

  // Each thread builds and writes every standard several times, the two in opposite
  // orders, so the same and different standards overlap.
  constexpr int kRounds = 3;
  std::vector<std::vector<std::string>> got(2);
  auto work = [&](int t) {
    for (int round = 0; round < kRounds; ++round)
      for (std::size_t k = 0; k < seeds.size(); ++k) {
        const Seed& s = seeds[t == 0 ? k : seeds.size() - 1 - k];
        render::Built b = kvs::test::renderer().build(*s.rendered->unit.model, s.options);
        got[t].push_back(all_formats(b));
      }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();

  for (int t = 0; t < 2; ++t) {
    REQUIRE(got[t].size() == seeds.size() * kRounds);
    for (std::size_t i = 0; i < got[t].size(); ++i) {
      std::size_t k = i % seeds.size();
      const Seed& s = seeds[t == 0 ? k : seeds.size() - 1 - k];
      INFO("thread " << t << ", render " << i);
      CHECK(got[t][i] == s.expected);
    }
  }
}
