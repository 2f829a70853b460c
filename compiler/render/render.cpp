#include "render.hpp"

#include "to_docx.hpp"
#include "to_html.hpp"
#include "to_markdown.hpp"

namespace kvs::render {

const char* extension(Format f) {
  switch (f) {
    case Format::html: return "html";
    case Format::docx: return "docx";
    case Format::markdown: return "md";
  }
  return "";
}

std::string generator_name() { return std::string("kvs ") + KVS_VERSION_STRING; }

std::optional<Renderer> Renderer::load(const std::string& data_dir, std::string& error) {
  auto renderer = load_templates_only(data_dir, error);
  if (!renderer) return std::nullopt;
  std::string law_error;  // not fatal: the legal-basis section then says the law could not be read
  renderer->law_ = law::load_law_xml(data_dir + "/checks/law", law_error);
  return renderer;
}

std::optional<Renderer> Renderer::load_templates_only(const std::string& data_dir, std::string& error) {
  auto templates = load_templates(data_dir + "/templates", error);
  if (!templates) return std::nullopt;
  return Renderer(std::move(templates), nullptr);
}

Built Renderer::build(const model::Standard& s, const RenderOptions& options) const {
  RenderOptions o = options;
  if (o.generator.empty()) o.generator = generator_name();
  return build_document(s, *templates_, law_.get(), o);
}

std::string Renderer::html(const Built& b) const { return to_html(b.doc, templates_->css); }

std::string Renderer::docx(const Built& b, std::string& error) const { return to_docx(b.doc, *templates_, error); }

std::vector<ZipEntry> Renderer::docx_parts(const Built& b) const { return render::docx_parts(b.doc, *templates_); }

std::string Renderer::markdown(const Built& b) const { return to_markdown(b.doc); }

std::string Renderer::output(const Built& b, Format f, std::string& error) const {
  switch (f) {
    case Format::html: return html(b);
    case Format::docx: return docx(b, error);
    case Format::markdown: return markdown(b);
  }
  return {};
}

}  // namespace kvs::render
