// The renderer as one object: templates and law data loaded once, then any number of
// standards rendered to HTML, DOCX and Markdown from one document model each.
//
//   std::string err;
//   auto r = kvs::render::Renderer::load(kvs::render::data_dir(), err);
//   kvs::render::Built b = r->build(standard, options);
//   std::string html = r->html(b);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "build_document.hpp"
#include "law_source.hpp"
#include "templates.hpp"
#include "zip_writer.hpp"

namespace kvs::render {

enum class Format { html, docx, markdown };

/// File extension of a format: "html", "docx", "md".
const char* extension(Format f);

class Renderer {
 public:
  Renderer(std::shared_ptr<const Templates> templates, std::shared_ptr<const law::Library> law)
      : templates_(std::move(templates)), law_(std::move(law)) {}

  /// Loads `data_dir`/templates and `data_dir`/checks/law. Law data that cannot be read is
  /// not fatal (the legal-basis section then says so); missing templates are.
  static std::optional<Renderer> load(const std::string& data_dir, std::string& error);
  /// Loads `data_dir`/templates only: for a run that loads the checker's law data anyway
  /// and hands it over with use_law (the law is then read once, not twice).
  static std::optional<Renderer> load_templates_only(const std::string& data_dir, std::string& error);
  /// The law as the checker loaded it (law::from_law_library), in place of any read before.
  void use_law(const ::kvs::law::LawLibrary& library) { law_ = law::from_law_library(library); }

  Built build(const model::Standard& s, const RenderOptions& options) const;
  std::string html(const Built& b) const;
  std::string docx(const Built& b, std::string& error) const;
  std::vector<ZipEntry> docx_parts(const Built& b) const;
  std::string markdown(const Built& b) const;
  /// The bytes of one format ("" and `error` set on failure).
  std::string output(const Built& b, Format f, std::string& error) const;

  const Templates& templates() const { return *templates_; }
  const law::Library* law() const { return law_.get(); }

 private:
  std::shared_ptr<const Templates> templates_;
  std::shared_ptr<const law::Library> law_;
};

/// "kvs 0.1.0"
std::string generator_name();

}  // namespace kvs::render
