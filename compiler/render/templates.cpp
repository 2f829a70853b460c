#include "templates.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "danish.hpp"
#include "split_words.hpp"

namespace kvs::render {
namespace {

std::vector<std::string> split_bar(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    auto bar = s.find('|', start);
    std::string part(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (!part.empty()) out.push_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

bool read_all(const std::filesystem::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary | std::ios::ate);
  if (!in) return false;
  auto size = in.tellg();
  if (size < 0) return false;
  out.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out.data(), static_cast<std::streamsize>(out.size())));
}

std::string strip_number(std::string_view h) {
  std::size_t i = 0;
  while (i < h.size() && ((h[i] >= '0' && h[i] <= '9') || h[i] == '.')) ++i;
  if (i > 0 && i < h.size() && h[i] == ' ') return std::string(h.substr(i + 1));
  return std::string(h);
}

}  // namespace

bool SectionDef::accepts(std::string_view kind) const {
  for (const auto& k : starts)
    if (k == kind) return true;
  for (const auto& k : holds)
    if (k == kind) return true;
  return false;
}

const std::string& SectionDef::heading_for(model::AddressForm form) const {
  const std::string& h = form == model::AddressForm::du ? heading_du : heading_borgeren;
  return h.empty() ? heading : h;
}

const SectionDef* LayoutDef::find(std::string_view id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

const SectionDef* LayoutDef::starting(std::string_view kind) const {
  for (const auto& s : sections)
    for (const auto& k : s.starts)
      if (k == kind) return &s;
  return nullptr;
}

const SectionDef* LayoutDef::by_heading(std::string_view heading) const {
  std::string h = comparable(strip_number(heading));
  while (!h.empty() && (h.back() == '?' || h.back() == ':')) h.pop_back();
  for (const auto& s : sections) {
    if (!s.generated.empty()) continue;
    for (const auto& k : s.match_keys)
      if (k == h) return &s;
  }
  return nullptr;
}

const SectionDef* LayoutDef::generated(std::string_view what) const {
  for (const auto& s : sections)
    if (s.generated == what) return &s;
  return nullptr;
}

std::string Phrases::get(std::string_view id, model::AddressForm form, const Vars& vars, const Vars& more) const {
  auto it = entries.find(id);
  if (it == entries.end()) return "[" + std::string(id) + "]";
  const auto& a = it->second.attrs;
  static const std::string du = "du", borgeren = "borgeren", tekst = "tekst";
  const std::string* text = nullptr;
  if (auto f = a.find(form == model::AddressForm::du ? du : borgeren); f != a.end()) text = &f->second;
  else if (auto t = a.find(tekst); t != a.end()) text = &t->second;
  else return "[" + std::string(id) + "]";
  auto value = [&](std::string_view name) -> const std::string* {
    for (const Vars* list : {&vars, &more})
      for (const auto& [k, v] : *list)
        if (k == name) return &v;
    return nullptr;
  };
  const std::string& t = *text;
  std::string out;
  out.reserve(t.size() + 32);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{') {
      auto close = t.find('}', i);
      if (close != std::string::npos) {
        std::string_view name(t.data() + i + 1, close - i - 1);
        if (const std::string* v = value(name)) out += *v;
        else out.append(t, i, close - i + 1);  // "{name}" stays, so the gap shows
        i = close;
        continue;
      }
      out += '{';  // no closing brace: literal
      continue;
    }
    // Up to the next slot in one go.
    std::size_t next = t.find('{', i);
    if (next == std::string::npos) next = t.size();
    out.append(t, i, next - i);
    i = next - 1;
  }
  return out;
}

bool Phrases::has(std::string_view id) const { return entries.find(id) != entries.end(); }

std::string Phrases::attr(std::string_view id, std::string_view attr) const {
  auto it = entries.find(id);
  if (it == entries.end()) return {};
  auto a = it->second.attrs.find(std::string(attr));
  return a == it->second.attrs.end() ? std::string() : a->second;
}

const LayoutDef* Templates::layout(std::string_view id) const {
  auto it = layouts.find(id);
  return it == layouts.end() ? nullptr : &it->second;
}

std::string data_dir() {
  if (const char* env = std::getenv("KVS_DATA_DIR"); env && *env) return env;
  return KVS_DATA_DIR;
}

std::shared_ptr<const Templates> load_templates(const std::string& dir, std::string& error) {
  namespace fs = std::filesystem;
  auto t = std::make_shared<Templates>();
  t->dir = dir;
  fs::path root(dir);

  // Layouts.
  std::error_code ec;
  std::vector<fs::path> layout_files;
  for (fs::directory_iterator it(root / "layouts", ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".xml") layout_files.push_back(it->path());
  if (layout_files.empty()) {
    error = "ingen layouts i " + (root / "layouts").string();
    return nullptr;
  }
  for (const auto& path : layout_files) {
    pugi::xml_document doc;
    if (auto r = doc.load_file(path.c_str()); !r) {
      error = path.string() + ": " + r.description();
      return nullptr;
    }
    auto node = doc.child("layout");
    LayoutDef l;
    l.id = node.attribute("id").value();
    l.form = node.attribute("form").value();
    l.numbered = std::string_view(node.attribute("nummerering").value()) == "ja";
    l.cover_page = std::string_view(node.attribute("forside").value()) == "side";
    l.numbered_groups = std::string_view(node.attribute("målgrupper").value()) == "nummererede-titler";
    l.overview = std::string_view(node.attribute("oversigt").value()) != "nej";
    for (auto s : node.children("afsnit")) {
      SectionDef d;
      d.id = s.attribute("id").value();
      d.heading = s.attribute("overskrift").value();
      d.heading_du = s.attribute("overskrift-du").value();
      d.heading_borgeren = s.attribute("overskrift-borgeren").value();
      d.aliases = split_bar(s.attribute("alias").value());
      d.starts = split_words(s.attribute("starter").value());
      d.holds = split_words(s.attribute("rummer").value());
      d.chapter = s.attribute("kapitel").value();
      d.textless_last = std::string_view(s.attribute("uden-tekst").value()) == "slut";
      d.generated = s.attribute("dannes").value();
      // An empty heading_du/heading_borgeren stays a key (it matches an empty heading),
      // as it did when they were compared one by one.
      for (const std::string* k : {&d.heading, &d.heading_du, &d.heading_borgeren})
        d.match_keys.push_back(comparable(*k));
      for (const auto& a : d.aliases) d.match_keys.push_back(comparable(a));
      d.chapter_key = comparable(d.chapter);
      l.sections.push_back(std::move(d));
    }
    if (l.id.empty() || l.form.empty()) {
      error = path.string() + ": layoutet mangler id eller form";
      return nullptr;
    }
    t->layouts[l.id] = std::move(l);
  }

  // Phrases.
  {
    pugi::xml_document doc;
    fs::path path = root / "phrases.xml";
    if (auto r = doc.load_file(path.c_str()); !r) {
      error = path.string() + ": " + r.description();
      return nullptr;
    }
    for (auto f : doc.child("fraser").children("frase")) {
      Phrases::Entry e;
      for (auto a : f.attributes()) e.attrs[a.name()] = a.value();
      t->phrases.entries[f.attribute("id").value()] = std::move(e);
    }
  }

  if (!read_all(root / "html" / "style.css", t->css)) {
    error = (root / "html" / "style.css").string() + " kan ikke læses";
    return nullptr;
  }

  fs::path docx = root / "docx";
  for (fs::recursive_directory_iterator it(docx, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string bytes;
    if (!read_all(it->path(), bytes)) continue;
    // Lexically: fs::relative resolves symbolic links, a readlink per path component.
    t->docx_parts[it->path().lexically_relative(docx).generic_string()] = std::move(bytes);
  }
  if (t->docx_parts.find("word/styles.xml") == t->docx_parts.end()) {
    error = (docx / "word/styles.xml").string() + " mangler";
    return nullptr;
  }
  return t;
}

}  // namespace kvs::render
