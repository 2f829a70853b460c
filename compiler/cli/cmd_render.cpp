// kvs render: each standard → NAME.html and NAME.docx (and NAME.md with --format md) in
// the folder given by --ud/--out. --byraad adds the council appendix with the checker's
// findings. Every output is written to a temporary file and renamed into place, so a
// failed run leaves earlier outputs untouched.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "atomic_file.hpp"
#include "check.hpp"
#include "commands.hpp"
#include "compile.hpp"
#include "render.hpp"
#include "sha256.hpp"

namespace kvs::cli {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int run_render(const Options& o) {
  namespace fs = std::filesystem;
  if (o.files.empty()) {
    std::cerr << "kvs render: angiv mindst én .kvs-fil\n";
    return kUsage;
  }
  std::vector<render::Format> formats;
  for (const auto& f : o.render_formats) {
    if (f == "html") formats.push_back(render::Format::html);
    else if (f == "docx") formats.push_back(render::Format::docx);
    else if (f == "md" || f == "markdown") formats.push_back(render::Format::markdown);
  }
  if (formats.empty()) formats = {render::Format::html, render::Format::docx};

  std::string error;
  auto renderer = render::Renderer::load(render::data_dir(), error);
  if (!renderer) {
    std::cerr << "kvs render: skabelonerne kan ikke læses: " << error << '\n';
    return kUsage;
  }
  std::optional<checks::CheckData> check_data;
  if (o.council) check_data = load_check_data_or_report();  // without it the appendix says the checks did not run
  fs::path out_dir = o.out_dir.empty() ? fs::path(".") : fs::path(o.out_dir);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "kvs render: mappen " << out_dir.string() << " kan ikke oprettes: " << ec.message() << '\n';
    return kUsage;
  }

  int status = kOk;
  for (const auto& path : o.files) {
    auto started = std::chrono::steady_clock::now();
    DiagnosticSink sink;
    Compilation c = compile_file(path, sink);
    if (c.io_error || sink.has_errors() || !c.model) {
      print_text_diagnostics(std::cerr, sink);
      std::cerr << path << ": ikke dannet, fordi filen har fejl\n";
      status = c.io_error ? kUsage : std::max(status, int(kFindings));
      continue;
    }
    render::RenderOptions ro;
    ro.council = o.council;
    ro.reference_date = o.check_date.value_or(Date::today());
    ro.source_name = fs::path(path).filename().string();
    ro.source_sha256 = render::sha256_hex(read_bytes(path));
    DiagnosticSink findings;
    if (o.council) {
      for (const auto& d : sink.diagnostics()) findings.report(d);
      if (check_data) {
        checks::check_standard(*c.model, *c.file, *check_data, ro.reference_date, o.check_date.has_value(), findings);
        ro.checks_ran = true;
      }
      findings.sort_by_position();
      ro.findings = findings.diagnostics();
    }
    render::Built built = renderer->build(*c.model, ro);
    std::string stem = fs::path(path).stem().string();
    for (render::Format f : formats) {
      std::string err;
      std::string bytes = renderer->output(built, f, err);
      fs::path target = out_dir / (stem + "." + render::extension(f));
      if (bytes.empty()) {
        std::cerr << "kvs render: " << target.string() << ": " << err << '\n';
        status = kUsage;
        continue;
      }
      if (std::string werr = write_file_atomically(target.string(), bytes); !werr.empty()) {
        std::cerr << "kvs render: " << werr << '\n';
        status = kUsage;
        continue;
      }
      std::cout << "skrev " << target.string() << '\n';
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (std::getenv("KVS_TIMING")) std::cerr << path << ": " << ms << " ms\n";
  }
  return status;
}

}  // namespace kvs::cli
