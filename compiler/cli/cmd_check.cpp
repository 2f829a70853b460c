// kvs check: read, parse and analyse every file; where a file has no errors, judge it by
// the law in force on the first day of its period (or --dato) and report the findings.
// With --ud the documents of every file without errors are rendered from the same
// compilation (the writer's one command on save: the findings and the documents at once).
// With --foelg the process stays: the law and the templates are loaded once, and every
// save of a followed file is checked (and rendered) again at once (save_watcher.hpp).
#include <ctime>
#include <filesystem>
#include <iostream>

#include "check.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "diagnostic_printer.hpp"
#include "documents.hpp"
#include "findings_output.hpp"
#include "save_watcher.hpp"

namespace kvs::cli {

namespace {

/// --ud: the documents of the files that compiled without errors, staged as each is checked
/// and put in place together after the findings are printed; with --foelg, once per round.
class CheckedDocuments {
 public:
  /// False (with a Danish message on stderr) if the templates or the folder are not there.
  bool open(const Options& o, const checks::CheckData& data) {
    renderer_ = load_renderer_or_report("check", &data);
    if (!renderer_) return false;
    std::error_code ec;
    std::filesystem::create_directories(o.out_dir, ec);
    if (ec) {
      std::cerr << "kvs check: mappen " << o.out_dir << " kan ikke oprettes: " << ec.message() << '\n';
      return false;
    }
    settings_ = document_settings(o, *renderer_, o.out_dir, &data.advice);
    return true;
  }

  void stage(const std::string& path, const Compilation& unit, const std::vector<Diagnostic>& findings) {
    StagedDocuments d = stage_documents(settings_, *unit.file, std::filesystem::path(path).stem().string(),
                                        *unit.model, findings, true, *batch_);
    for (auto& e : d.errors) errors_.push_back(std::move(e));
    for (auto& t : d.targets) targets_.push_back(std::move(t));
  }
  void skipped(const std::string& path) { skipped_.push_back(path); }

  /// Puts the documents in place and lists them on `out`; false if any could not be made.
  /// Ready for the next round afterwards.
  bool commit(std::ostream& out) {
    std::vector<OutputError> put = batch_->commit();
    list_documents(out, targets_, put, *batch_);
    for (const auto& p : skipped_) out << p << ": ikke dannet, fordi filen har fejl\n";
    for (const auto& e : errors_) std::cerr << "kvs check: " << e << '\n';
    for (const auto& pe : put) std::cerr << "kvs check: " << pe.message << '\n';
    bool ok = errors_.empty() && put.empty();
    batch_.emplace();
    targets_.clear();
    skipped_.clear();
    errors_.clear();
    return ok;
  }

 private:
  std::optional<render::Renderer> renderer_;
  DocumentSettings settings_;
  std::optional<OutputBatch> batch_{std::in_place};
  std::vector<std::string> targets_, skipped_, errors_;
};

/// One round over `files`: each read, checked and (with --ud) rendered; the findings
/// printed and the documents put in place. Returns the round's exit status.
int check_round(const Options& o, const std::vector<std::string>& files, const checks::CheckData& data,
                CheckedDocuments* documents) {
  Date check_date = o.check_date.value_or(Date::today());
  DiagnosticSink sink;
  std::vector<Compilation> units;
  std::vector<CheckedFile> checked;
  bool io_error = false;
  for (const auto& path : files) {
    DiagnosticSink file_sink;
    units.push_back(compile_file(path, file_sink));
    const Compilation& unit = units.back();
    io_error |= unit.io_error && !unit.file;
    CheckedFile f{path, std::nullopt};
    if (unit.model && unit.file && !file_sink.has_errors())
      f.law = checks::check_standard(*unit.model, *unit.file, data, check_date, o.check_date.has_value(), file_sink);
    checked.push_back(std::move(f));
    file_sink.sort_by_position();
    if (documents) {
      if (checked.back().law) documents->stage(path, unit, file_sink.diagnostics());
      else documents->skipped(path);
    }
    for (auto& d : file_sink.diagnostics()) sink.report(std::move(d));
  }
  if (o.format == OutputFormat::json) {
    std::cout << findings_to_json(sink.diagnostics(), checked);
  } else if (o.format == OutputFormat::sarif) {
    std::cout << findings_to_sarif(sink.diagnostics(), checked, data);
  } else {
    for (const auto& f : checked)
      std::cout << law_line(f) << '\n';
    if (!sink.diagnostics().empty()) std::cout << '\n';
    print_text_diagnostics(std::cout, sink);
    std::cout << files.size() << (files.size() == 1 ? " fil" : " filer") << " kontrolleret: "
              << format_summary(sink) << '\n';
  }
  // The listing goes where it does not spoil machine-readable findings on stdout.
  if (documents && !documents->commit(o.format == OutputFormat::text ? std::cout : std::cerr)) return kUsage;
  if (io_error) return kUsage;
  if (sink.has_errors() || (o.strict && sink.count(Severity::advarsel) > 0)) return kFindings;
  return kOk;
}

std::string clock_now() {
  std::time_t t = std::time(nullptr);
  std::tm local{};
  char text[16] = "";
  if (localtime_r(&t, &local)) std::strftime(text, sizeof text, "%H:%M:%S", &local);
  return text;
}

/// --foelg: a first round over every file, then one per save until Ctrl+C (exit 0).
int follow(const Options& o, const checks::CheckData& data, CheckedDocuments* documents) {
  SaveWatcher watcher;
  std::string error;
  // Watching starts before the first round, so a save made while it runs is not missed.
  if (!watcher.open(o.files, error)) {
    std::cerr << "kvs check: " << error << '\n';
    return kUsage;
  }
  check_round(o, o.files, data, documents);
  std::cout.flush();
  std::cerr << "kvs check: følger " << o.files.size() << (o.files.size() == 1 ? " fil" : " filer")
            << "; fundene" << (documents ? " og dokumenterne" : "") << " dannes igen, hver gang "
            << (o.files.size() == 1 ? "den" : "en af dem") << " gemmes. Ctrl+C stopper.\n";
  for (;;) {
    std::vector<std::string> saved = watcher.wait();
    if (saved.empty()) break;
    std::cout << "\n[" << clock_now() << "] gemt:";
    for (const auto& f : saved) std::cout << ' ' << f;
    std::cout << '\n';
    check_round(o, saved, data, documents);
    std::cout.flush();  // a pipe (an editor, the benchmark) sees the round as soon as it ends
  }
  if (!watcher.error().empty()) {
    std::cerr << "kvs check: " << watcher.error() << '\n';
    return kUsage;
  }
  return kOk;
}

}  // namespace

int run_check(const Options& o) {
  if (o.files.empty()) {
    std::cerr << "kvs check: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  if (o.format != OutputFormat::text && o.format != OutputFormat::json && o.format != OutputFormat::sarif) {
    std::cerr << "kvs check: vælg --format tekst, json eller sarif\n";
    return kUsage;
  }
  if (o.follow && o.format != OutputFormat::text) {
    std::cerr << "kvs check: --foelg skriver fundene som tekst; udelad --format\n";
    return kUsage;
  }
  if (o.council && o.out_dir.empty()) {
    std::cerr << "kvs check: --byraad gælder dokumenterne; brug det sammen med --ud MAPPE\n";
    return kUsage;
  }
  auto data = load_check_data_or_report();
  if (!data) return kUsage;
  std::optional<CheckedDocuments> documents;
  if (!o.out_dir.empty() && !documents.emplace().open(o, *data)) return kUsage;
  if (o.follow) return follow(o, *data, documents ? &*documents : nullptr);
  return check_round(o, o.files, *data, documents ? &*documents : nullptr);
}

}  // namespace kvs::cli
