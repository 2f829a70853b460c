#include "options.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "spellcheck.hpp"

namespace kvs::cli {

std::optional<Options> parse_options(int argc, char** argv, int first, const std::vector<std::string>& allowed,
                                     bool document_formats) {
  Options o;
  auto usage = [](const std::string& message) {
    std::cerr << "kvs: " << message << "\nSe 'kvs --help'.\n";
    return std::nullopt;
  };
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() < 2 || a[0] != '-') {
      o.files.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool has_value = false;
    if (auto eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    if (name == "-w") name = "--skriv";
    if (name == "--out") name = "--ud";
    if (name == "-j") name = "--jobs";
    if (name == "--følg" || name == "--watch") name = "--foelg";
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string msg = "ukendt tilvalg '" + name + "' til denne kommando";
      if (auto guess = closest_word(name, allowed)) msg += "; mente du '" + *guess + "'?";
      return usage(msg);
    }
    auto take_value = [&]() -> std::optional<std::string> {
      if (has_value) return value;
      if (i + 1 < argc) return std::string(argv[++i]);
      return std::nullopt;
    };
    if (name == "--format" && document_formats) {
      // kvs render: the document formats (several: --format html,md or --format html --format md).
      auto v = take_value();
      if (!v || v->empty()) return usage("--format kræver en værdi: html, docx eller md");
      std::size_t start = 0;
      while (start <= v->size()) {
        auto comma = v->find(',', start);
        std::string f = v->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (f != "html" && f != "docx" && f != "md" && f != "markdown")
          return usage("ukendt format '" + f + "'; vælg html, docx eller md");
        o.render_formats.push_back(f);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (name == "--format") {
      auto v = take_value();
      if (!v) return usage("--format kræver en værdi: tekst, json, sarif eller markdown");
      if (*v == "tekst" || *v == "text") o.format = OutputFormat::text;
      else if (*v == "json") o.format = OutputFormat::json;
      else if (*v == "sarif") o.format = OutputFormat::sarif;
      else if (*v == "markdown" || *v == "md") o.format = OutputFormat::markdown;
      else if (*v == "html") o.format = OutputFormat::html;
      else if (*v == "docx") o.format = OutputFormat::docx;
      else return usage("ukendt format '" + *v + "'; vælg tekst, json, sarif eller markdown");
    } else if (name == "--dato") {
      auto v = take_value();
      auto d = v ? Date::parse(*v) : std::nullopt;
      if (!d) return usage("--dato skal være en dato som 2024-06-01");
      o.check_date = d;
    } else if (name == "--ud") {
      auto v = take_value();
      if (!v || v->empty()) return usage("--ud kræver en mappe");
      o.out_dir = *v;
    } else if (name == "--strict") {
      o.strict = true;
    } else if (name == "--skriv") {
      o.write = true;
    } else if (name == "--tjek") {
      o.check_only = true;
    } else if (name == "--positioner") {
      o.positions = true;
    } else if (name == "--byraad") {
      o.council = true;
    } else if (name == "--dokumenter") {
      o.documents = true;
    } else if (name == "--foelg") {
      o.follow = true;
    } else if (name == "--jobs") {
      auto v = take_value();
      char* end = nullptr;
      unsigned long n = v ? std::strtoul(v->c_str(), &end, 10) : 0;
      if (!v || v->empty() || *end != '\0' || n < 1 || n > 256)
        return usage("--jobs skal være et antal tråde fra 1 til 256");
      o.jobs = static_cast<unsigned>(n);
    }
  }
  return o;
}

}  // namespace kvs::cli
