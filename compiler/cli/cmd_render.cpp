// kvs render: each standard → NAME.html and NAME.docx (and NAME.md with --format md) in
// the folder given by --ud/--out. --byraad adds the council appendix with the checker's
// findings. Standards are independent, so they are rendered on every core (--jobs N to
// choose); what is printed comes in the order the files were given. Every output goes
// through one OutputBatch: complete files replace earlier ones only after all of them are
// on disk, so a failed run leaves earlier outputs untouched.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "check.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "documents.hpp"
#include "output_batch.hpp"
#include "parallel.hpp"

namespace kvs::cli {
namespace {

/// What happened to one input file, printed after all files are done.
struct FileOutcome {
  DiagnosticSink diagnostics;  ///< printed when the file could not be rendered
  bool rendered = false;
  int status = kOk;
  StagedDocuments documents;
  long long ms = 0;
};

std::vector<render::Format> formats_of(const Options& o) {
  std::vector<render::Format> formats;
  for (const auto& f : o.render_formats) {
    if (f == "html") formats.push_back(render::Format::html);
    else if (f == "docx") formats.push_back(render::Format::docx);
    else if (f == "md" || f == "markdown") formats.push_back(render::Format::markdown);
  }
  if (formats.empty()) formats = {render::Format::html, render::Format::docx};
  return formats;
}

void render_one(const std::string& path, const DocumentSettings& settings, const checks::CheckData* check_data,
                OutputBatch& batch, FileOutcome& out) {
  namespace fs = std::filesystem;
  auto started = std::chrono::steady_clock::now();
  Compilation c = compile_file(path, out.diagnostics);
  if (c.io_error || out.diagnostics.has_errors() || !c.model) {
    out.status = c.io_error ? kUsage : kFindings;
    return;
  }
  std::vector<Diagnostic> findings;
  bool checks_ran = false;
  if (settings.council) {
    DiagnosticSink sink;
    for (const auto& d : out.diagnostics.diagnostics()) sink.report(d);
    if (check_data) {
      checks::check_standard(*c.model, *c.file, *check_data, settings.check_date.value_or(Date::today()),
                             settings.check_date.has_value(), sink);
      checks_ran = true;
    }
    sink.sort_by_position();
    findings = sink.diagnostics();
  }
  out.documents = stage_documents(settings, *c.file, fs::path(path).stem().string(), *c.model, findings, checks_ran,
                                  batch);
  out.rendered = true;
  if (!out.documents.errors.empty()) out.status = kUsage;
  out.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

int run_render(const Options& o) {
  namespace fs = std::filesystem;
  if (o.files.empty()) {
    std::cerr << "kvs render: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  std::optional<checks::CheckData> check_data;
  if (o.council) check_data = load_check_data_or_report();  // without it the appendix says the checks did not run
  auto renderer = load_renderer_or_report("render", check_data ? &*check_data : nullptr);
  if (!renderer) return kUsage;
  fs::path out_dir = o.out_dir.empty() ? fs::path(".") : fs::path(o.out_dir);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "kvs render: mappen " << out_dir.string() << " kan ikke oprettes: " << ec.message() << '\n';
    return kUsage;
  }

  DocumentSettings settings =
      document_settings(o, *renderer, out_dir.string(), check_data ? &check_data->advice : nullptr);
  settings.formats = formats_of(o);
  OutputBatch batch;
  std::vector<FileOutcome> outcomes(o.files.size());
  parallel_for(o.files.size(), o.jobs, [&](std::size_t i) {
    try {
      render_one(o.files[i], settings, check_data ? &*check_data : nullptr, batch, outcomes[i]);
    } catch (const std::exception& e) {
      outcomes[i].documents.errors.push_back(o.files[i] + ": intern fejl: " + e.what());
      outcomes[i].status = kUsage;
    }
  });
  std::vector<OutputError> put_errors = batch.commit();

  int status = kOk;
  bool timing = std::getenv("KVS_TIMING") != nullptr;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    FileOutcome& out = outcomes[i];
    status = std::max(status, out.status);
    if (!out.rendered) {
      print_text_diagnostics(std::cerr, out.diagnostics);
      if (out.status != kOk) std::cerr << o.files[i] << ": ikke dannet, fordi filen har fejl\n";
      continue;
    }
    for (const auto& e : out.documents.errors) std::cerr << "kvs render: " << e << '\n';
    list_documents(std::cout, out.documents.targets, put_errors, batch);
    if (timing) std::cerr << o.files[i] << ": " << out.ms << " ms\n";
  }
  for (const auto& pe : put_errors) std::cerr << "kvs render: " << pe.message << '\n';
  if (!put_errors.empty()) status = kUsage;
  return status;
}

}  // namespace kvs::cli
