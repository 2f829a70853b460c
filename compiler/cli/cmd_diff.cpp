// kvs diff OLD NEW: what changed between two versions of a standard, in plain Danish,
// with the findings of the checker that appeared or disappeared.
#include <iostream>

#include "check.hpp"
#include "commands.hpp"
#include "atomic_file.hpp"
#include "diff_document.hpp"
#include "diff_output.hpp"
#include "render.hpp"
#include "to_docx.hpp"
#include "to_html.hpp"

#include <filesystem>

namespace kvs::cli {

int run_diff(const Options& o) {
  if (o.files.size() != 2) {
    std::cerr << "kvs diff: angiv to filer: den gamle og den nye standard\n";
    return kUsage;
  }
  auto data = load_check_data_or_report();
  if (!data) return kUsage;
  checks::CheckRun old_run = checks::check_file(o.files[0], *data, o.check_date);
  checks::CheckRun new_run = checks::check_file(o.files[1], *data, o.check_date);
  bool broken = false;
  for (auto* run : {&old_run, &new_run}) {
    if (!run->unit.model || run->unit.io_error || run->unit.syntax_errors) {
      print_text_diagnostics(std::cerr, run->sink);
      broken = true;
    }
  }
  if (broken) {
    std::cerr << "kvs diff: filerne skal kunne læses uden fejl i sproget, før de kan sammenlignes\n";
    return old_run.unit.io_error || new_run.unit.io_error ? kUsage : kFindings;
  }
  // Only the checker's findings take part in the comparison, not the language's own messages.
  auto summary = [](const checks::CheckRun& r) {
    diff::CheckSummary s;
    for (auto& d : r.sink.diagnostics())
      if (d.code.rfind("KVS-", 0) != 0) s.findings.push_back(d);
    if (r.law) {
      for (auto* v : r.law->versions) s.law_versions += (s.law_versions.empty() ? "" : " + ") + v->id;
    }
    return s;
  };
  diff::StandardDiff d = diff::compare(*old_run.unit.model, *new_run.unit.model, summary(old_run), summary(new_run));
  if (o.format == OutputFormat::json) {
    std::cout << diff::to_json(d, *old_run.unit.file, *new_run.unit.file);
    return kOk;
  }
  if (o.format != OutputFormat::html && o.format != OutputFormat::docx) {
    std::cout << diff::to_text(d, *old_run.unit.file, *new_run.unit.file);
    return kOk;
  }
  // The ændringsoversigt as a document, through the same renderers and templates.
  std::string error;
  auto templates = render::load_templates(render::data_dir() + "/templates", error);
  if (!templates) {
    std::cerr << "kvs diff: " << error << '\n';
    return kUsage;
  }
  render::Document doc = diff::change_document(d, *old_run.unit.model, *old_run.unit.file, *new_run.unit.model,
                                               *new_run.unit.file);
  std::string bytes = o.format == OutputFormat::html ? render::to_html(doc, templates->css)
                                                     : render::to_docx(doc, *templates, error);
  if (bytes.empty()) {
    std::cerr << "kvs diff: " << error << '\n';
    return kUsage;
  }
  std::string dir = o.out_dir.empty() ? "." : o.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::string name = std::filesystem::path(o.files[1]).stem().string();
  std::string path = dir + "/ændringsoversigt-" + name + (o.format == OutputFormat::html ? ".html" : ".docx");
  bool unchanged = false;
  if (std::string err = write_file_atomically(path, bytes, &unchanged); !err.empty()) {
    std::cerr << "kvs diff: " << err << '\n';
    return kUsage;
  }
  std::cout << (unchanged ? "uændret " : "skrev ") << path << '\n';
  return kOk;
}

}  // namespace kvs::cli
