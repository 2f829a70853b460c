#include "documents.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "readability.hpp"
#include "sha256.hpp"

namespace kvs::cli {
namespace {

// The document names the exact bytes it was made from (the file as saved, before any
// normalisation), so a council can tell which version of the source it approved. Those
// are the loaded text itself unless the loader changed something; only then is the file
// read again.
std::string source_fingerprint(const SourceFile& source) {
  if (source.verbatim()) return render::sha256_hex(source.text());
  std::ifstream in(source.name(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return render::sha256_hex(s.str());
}

void report_template_error(const char* command, const std::string& error) {
  std::cerr << "kvs " << command << ": skabelonerne kan ikke læses: " << error << '\n';
}

}  // namespace

std::optional<render::Renderer> load_renderer_or_report(const char* command, const checks::CheckData* data) {
  std::string error;
  auto renderer = data ? render::Renderer::load_templates_only(render::data_dir(), error)
                       : render::Renderer::load(render::data_dir(), error);
  if (!renderer) report_template_error(command, error);
  else if (data) renderer->use_law(data->law);
  return renderer;
}

RendererLoading::RendererLoading(const char* command)
    : command_(command),
      loading_(std::async(std::launch::async,
                          [this] { return render::Renderer::load_templates_only(render::data_dir(), error_); })) {}

RendererLoading::~RendererLoading() {
  if (loading_.valid()) loading_.wait();
}

std::optional<render::Renderer> RendererLoading::get(const checks::CheckData& data) {
  std::optional<render::Renderer> renderer = loading_.get();
  if (!renderer) report_template_error(command_, error_);
  else renderer->use_law(data.law);
  return renderer;
}

DocumentSettings document_settings(const Options& o, const render::Renderer& renderer, std::string out_dir,
                                   const checks::AdviceData* advice) {
  DocumentSettings settings;
  settings.renderer = &renderer;
  settings.council = o.council;
  settings.check_date = o.check_date;
  settings.out_dir = std::move(out_dir);
  if (advice) settings.lix_long_word_over = checks::lix_long_word_over(*advice, settings.lix_long_word_over);
  return settings;
}

StagedDocuments stage_documents(const DocumentSettings& settings, const SourceFile& source,
                                const std::string& stem, const model::Standard& standard,
                                const std::vector<Diagnostic>& findings, bool checks_ran, OutputBatch& batch) {
  namespace fs = std::filesystem;
  StagedDocuments result;
  render::RenderOptions ro;
  ro.council = settings.council;
  ro.reference_date = settings.check_date.value_or(Date::today());
  ro.source_name = fs::path(source.name()).filename().string();
  ro.source_sha256 = source_fingerprint(source);
  ro.lix_long_word_over = settings.lix_long_word_over;
  if (settings.council) {
    ro.findings = findings;  // copied only here: the citizen edition does not show them
    ro.checks_ran = checks_ran;
  }
  render::Built built = settings.renderer->build(standard, ro);
  fs::path out_dir = settings.out_dir.empty() ? fs::path(".") : fs::path(settings.out_dir);
  for (render::Format f : settings.formats) {
    std::string target = (out_dir / (stem + "." + render::extension(f))).string();
    std::string error;
    std::string bytes = settings.renderer->output(built, f, error);
    if (bytes.empty()) {
      result.errors.push_back(target + ": " + error);
      continue;
    }
    if (std::string e = batch.stage(target, bytes); !e.empty()) {
      result.errors.push_back(e);
      continue;
    }
    result.targets.push_back(std::move(target));
  }
  return result;
}

void list_documents(std::ostream& out, const std::vector<std::string>& targets,
                    const std::vector<OutputError>& failed, OutputBatch& batch) {
  for (const auto& target : targets) {
    bool put = true;
    for (const auto& f : failed) put = put && f.path != target;
    if (put) out << (batch.left_unchanged(target) ? "uændret " : "skrev ") << target << '\n';
  }
}

}  // namespace kvs::cli
