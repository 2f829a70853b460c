// kvs compare (sammenlign): every standard in a folder side by side for national evaluators —
// report.html, standarder.csv, fund.csv and kvs.sqlite in --ud (default ./sammenligning).
// With --dokumenter each standard's HTML and DOCX are rendered in the same pass, on the
// worker thread that just checked it, into --ud/dokumenter: an evaluator's whole batch is one
// run that reads, parses and checks every file once. The comparison itself lives in
// compiler/compare; this is the command-line face of it.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>

#include "commands.hpp"
#include "compare.hpp"
#include "documents.hpp"
#include "output_batch.hpp"
#include "readability.hpp"
#include "version.hpp"

namespace kvs::cli {
namespace {

namespace fs = std::filesystem;

/// The document name of an input inside the documents folder: its path relative to the
/// folder it was found in (so a corpus in year folders keeps them), or its bare name for a
/// file given directly or a path that would leave the folder.
std::string document_stem(const compare::Input& in) {
  fs::path shown(in.display);
  bool inside = shown.is_relative();
  for (const auto& part : shown)
    if (part == "..") inside = false;
  fs::path stem = shown.stem();
  if (inside && shown.has_parent_path()) stem = shown.parent_path() / stem;
  return stem.generic_string();
}

/// Renders each checked standard and collects what failed; the batch knows what it wrote.
class DocumentStage {
 public:
  // Into a documents folder that does not exist yet (an evaluator's first run, a new output
  // folder) the documents are staged as one folder, put in place by one rename.
  DocumentStage(const render::Renderer& renderer, const Options& o, const std::string& dir)
      : settings_(document_settings(o, renderer, dir, nullptr)), dir_(dir) {
    batch_.stage_in_new_folder(dir_);
  }
  void set_lix_long_word_over(int n) { settings_.lix_long_word_over = n; }

  void operator()(const compare::Input& in, const checks::CheckRun& run) {
    try {
      std::string stem = document_stem(in);
      if (std::string e = claim(stem, in.display); !e.empty()) return fail(e);
      if (std::string e = batch_.make_folder((fs::path(dir_) / stem).parent_path().string()); !e.empty())
        return fail(e);
      StagedDocuments d = stage_documents(settings_, *run.unit.file, stem, *run.unit.model, run.sink.diagnostics(),
                                          run.law.has_value(), batch_);
      std::lock_guard lock(mutex_);
      errors_.insert(errors_.end(), d.errors.begin(), d.errors.end());
    } catch (const std::exception& e) {
      fail(in.display + ": intern fejl under dannelsen af dokumenterne: " + e.what());
    }
  }

  /// Puts every staged document in place; returns how many are in place (written or already right), errors to `err`.
  std::size_t commit(std::ostream& err) {
    for (const auto& e : errors_) err << "kvs compare: " << e << '\n';
    std::vector<OutputError> put = batch_.commit();
    for (const auto& e : put) err << "kvs compare: " << e.message << '\n';
    return batch_.committed() + batch_.unchanged();
  }
  /// Of those, the documents that already held their bytes and were left as they were.
  std::size_t unchanged() { return batch_.unchanged(); }
  bool failed() const { return !errors_.empty(); }

 private:
  // Two inputs with the same document name would overwrite each other: the first keeps it.
  std::string claim(const std::string& stem, const std::string& display) {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = owners_.emplace(stem, display);
    if (fresh) return {};
    return display + ": dokumentnavnet " + stem + " bruges allerede af " + it->second + "; ikke dannet";
  }
  void fail(std::string e) {
    std::lock_guard lock(mutex_);
    errors_.push_back(std::move(e));
  }

  DocumentSettings settings_;
  std::string dir_;
  OutputBatch batch_;
  std::mutex mutex_;
  std::map<std::string, std::string> owners_;
  std::vector<std::string> errors_;
};

}  // namespace

int run_compare(const Options& o) {
  std::string out_dir = o.out_dir.empty() ? "sammenligning" : o.out_dir;
  compare::CompareOptions extra;
  extra.jobs = o.jobs;
  if (o.council && !o.documents) {
    std::cerr << "kvs compare: --byraad gælder dokumenterne; brug det sammen med --dokumenter\n";
    return kUsage;
  }
  if (!o.documents)
    return compare::run_compare(o.files, out_dir, o.check_date, KVS_VERSION, std::cout, std::cerr, ::isatty(2) != 0,
                                extra);

  // The templates are read on a second thread while compare::run_compare reads the law and
  // advice data and lists the inputs on this one; the first standard is checked once both
  // are there.
  RendererLoading loading("compare");
  std::optional<render::Renderer> renderer;
  std::string doc_dir = (fs::path(out_dir) / "dokumenter").string();
  std::optional<DocumentStage> documents;
  extra.on_data_loaded = [&](const checks::CheckData& data) {
    renderer = loading.get(data);
    if (!renderer) return false;
    documents.emplace(*renderer, o, doc_dir);
    // The council appendix counts LIX with the advice data's long word, as the checker does.
    if (o.council) documents->set_lix_long_word_over(checks::lix_long_word_over(data.advice, render::kLixLongWordOver));
    return true;
  };
  extra.on_checked = [&](const compare::Input& in, const checks::CheckRun& run) { (*documents)(in, run); };
  int status = compare::run_compare(o.files, out_dir, o.check_date, KVS_VERSION, std::cout, std::cerr,
                                    ::isatty(2) != 0, extra);
  // Nothing of a failed comparison is written, documents included (the batch removes them).
  if (status == kUsage || !documents) return kUsage;
  std::size_t placed = documents->commit(std::cerr);
  // Aligned with the list of the comparison's own files just printed above it.
  std::string shown = doc_dir + "/";
  std::size_t width = compare::output_listing_width(out_dir, shown.size());
  std::size_t unchanged = documents->unchanged();
  std::cout << "  " << shown << std::string(width - shown.size() + 2, ' ') << "(" << placed
            << (placed == 1 ? " dokument" : " dokumenter")
            << (o.council ? ", byrådsudgaven med bilag" : ", HTML og DOCX pr. standard");
  if (unchanged)
    std::cout << "; " << (unchanged == placed ? "alle" : "heraf " + std::to_string(unchanged)) << " uændrede";
  std::cout << ")\n";
  return documents->failed() ? kUsage : status;
}

}  // namespace kvs::cli
