#include "findings_output.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "catalogue.hpp"
#include "diagnostic_printer.hpp"
#include "json_writer.hpp"
#include "version.hpp"

namespace kvs::cli {

namespace {

const char* basis_key(checks::AppliedLaw::Basis b) {
  switch (b) {
    case checks::AppliedLaw::Basis::period: return "period";
    case checks::AppliedLaw::Basis::year: return "year";
    case checks::AppliedLaw::Basis::check_date: return "check_date";
    case checks::AppliedLaw::Basis::today: return "today";
  }
  return "today";
}

void write_law(JsonWriter& w, const CheckedFile& f) {
  w.begin_object();
  w.key("file").value(f.path);
  w.key("checked").value(f.law.has_value());
  if (f.law) {
    const auto& l = *f.law;
    w.key("reference_date").value(l.reference.iso());
    w.key("basis").value(basis_key(l.basis));
    w.key("reason").value(l.reason());
    w.key("summary").value(l.describe());
    w.key("period_end");
    if (l.period_end) w.value(l.period_end->iso());
    else w.null();
    w.key("versions").begin_array();
    for (auto* v : l.versions) {
      w.begin_object();
      w.key("id").value(v->id);
      w.key("act").value(v->act);
      w.key("title").value(v->title);
      w.key("in_force").value(v->in_force.iso());
      w.key("ends");
      if (v->ends) w.value(v->ends->iso());
      else w.null();
      w.key("verified").value(v->verified);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::fejl: return "error";
    case Severity::advarsel: return "warning";
    case Severity::raad: return "note";
  }
  return "error";
}

// A path as a URI reference: unreserved bytes and '/' stay, everything else is %-encoded
// (so æ, ø, å and spaces survive any SARIF viewer); absolute paths become file:// URIs.
std::string to_uri(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

constexpr const char* kTaxonomy = "dansk-lov";

struct Taxon {
  std::string id, name, version, text;
  bool paraphrase = false, unverified = false;
};

std::string provision_note(const Provision& p) {
  std::string s = p.citation;
  if (!p.version.empty()) s += " [" + p.version + "]";
  if (p.paraphrase) s += "; parafrase, ikke lovens ordlyd";
  if (p.unverified) s += "; ikke verificeret mod den offentliggjorte lov";
  return s;
}

}  // namespace

std::string law_line(const CheckedFile& f) {
  if (!f.law) return f.path + ": lovkravene er ikke kontrolleret (ret først fejlene ovenfor)";
  return f.path + ": lovgrundlag " + f.law->describe();
}

std::string findings_to_json(const std::vector<Diagnostic>& diagnostics, const std::vector<CheckedFile>& files) {
  std::string body = diagnostics_to_json(diagnostics);
  JsonWriter w;
  w.begin_array();
  for (const auto& f : files) write_law(w, f);
  w.end_array();
  std::string law = w.str();
  // Indent the header one level, to sit inside the top-level object.
  std::string indented;
  for (char c : law) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  auto at = body.find("\"diagnostics\"");
  if (at == std::string::npos) return body;
  return body.substr(0, at) + "\"law\": " + indented + ",\n  " + body.substr(at);
}

std::string findings_to_sarif(const std::vector<Diagnostic>& diagnostics, const std::vector<CheckedFile>& files,
                              const checks::CheckData& data) {
  // The provisions of every version applied to some file, as taxa.
  std::vector<Taxon> taxa;
  std::set<std::string> seen_versions;
  for (const auto& f : files) {
    if (!f.law) continue;
    for (auto* v : f.law->versions) {
      if (!seen_versions.insert(v->id).second) continue;
      for (const auto& p : v->provisions)
        taxa.push_back({v->id + "/" + p.id, v->cite(p), v->id, p.text, !p.verbatim, !p.verified});
    }
  }
  auto taxon_for = [&](const Provision& p) -> std::string {
    for (const auto& t : taxa)
      if (t.version == p.version && (p.citation == t.name || p.citation.rfind(t.name + ", jf.", 0) == 0)) return t.id;
    std::string id = (p.version.empty() ? std::string("kilde") : p.version) + "/" + p.citation;
    for (const auto& t : taxa)
      if (t.id == id) return id;
    taxa.push_back({id, p.citation, p.version, p.text, p.paraphrase, p.unverified});
    return id;
  };
  std::vector<std::string> result_taxa;
  for (const auto& d : diagnostics) result_taxa.push_back(d.provision ? taxon_for(*d.provision) : std::string());

  // Rules relate to the provisions they rest on in the applied versions.
  auto rule_taxa = [&](const checks::Rule& r) {
    std::vector<std::string> ids;
    for (const auto& f : files) {
      if (!f.law) continue;
      for (auto* v : f.law->versions) {
        auto add = [&](const std::string& pid) {
          std::string id = v->id + "/" + pid;
          if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        };
        if (r.source == checks::SourceKind::duty)
          for (const auto& d : v->duties)
            if (d.rule == r.id) add(d.provision);
        if (r.source == checks::SourceKind::content)
          for (const auto& c : v->content)
            if (c.rule == r.id) add(c.provision);
        if (r.source == checks::SourceKind::exclusion && !v->duties.empty()) {
          for (const auto& e : v->permitted_exclusions) add(e.provision);
          for (const auto& e : v->conditional_exclusions) add(e.provision);
        }
      }
    }
    return ids;
  };

  std::vector<std::string> artifacts;
  auto artifact_index = [&](const std::string& path) {
    for (std::size_t i = 0; i < artifacts.size(); ++i)
      if (artifacts[i] == path) return static_cast<int>(i);
    artifacts.push_back(path);
    return static_cast<int>(artifacts.size() - 1);
  };
  for (const auto& f : files) artifact_index(f.path);

  JsonWriter w;
  w.begin_object();
  w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version").value("2.1.0");
  w.key("runs").begin_array().begin_object();

  w.key("tool").begin_object().key("driver").begin_object();
  w.key("name").value("kvs");
  w.key("fullName").value("kvs — oversætter for kommunale kvalitetsstandarder");
  w.key("version").value(KVS_VERSION);
  w.key("semanticVersion").value(KVS_VERSION);
  w.key("language").value("da-DK");
  w.key("rules").begin_array();
  int rule_index = 0;
  std::map<std::string, int> rule_indices;
  for (const auto& r : checks::rule_table()) {
    rule_indices[std::string(r.id)] = rule_index++;
    auto sources = checks::rule_sources(data, r);
    std::string help = std::string(r.what) + "\nAlvorlighed: " + severity_word(r.severity) +
                       (r.severity_note.empty() ? "" : " (" + std::string(r.severity_note) + ")") + ".\nKilde:";
    std::string help_md = std::string(r.what) + "\n\n**Alvorlighed:** " + severity_word(r.severity) +
                          (r.severity_note.empty() ? "" : " (" + std::string(r.severity_note) + ")") + "\n\n**Kilde:**\n";
    for (const auto& s : sources) {
      std::string plain;
      for (char c : s)
        if (c != '`') plain += c;
      help += "\n- " + plain;
      help_md += "\n- " + s;
    }
    w.begin_object();
    w.key("id").value(r.id);
    w.key("shortDescription").begin_object().key("text").value(r.title).end_object();
    w.key("fullDescription").begin_object().key("text").value(r.what).end_object();
    w.key("help").begin_object().key("text").value(help).key("markdown").value(help_md).end_object();
    w.key("defaultConfiguration").begin_object().key("level").value(sarif_level(r.severity)).end_object();
    auto related = rule_taxa(r);
    if (!related.empty()) {
      w.key("relationships").begin_array();
      for (const auto& id : related) {
        w.begin_object();
        w.key("target").begin_object().key("id").value(id);
        w.key("toolComponent").begin_object().key("name").value(kTaxonomy).end_object();
        w.end_object();
        w.key("kinds").begin_array().value("relevant").end_array();
        w.end_object();
      }
      w.end_array();
    }
    w.key("properties").begin_object();
    w.key("alvorlighed").value(severity_word(r.severity));
    w.key("art").value(r.kind == checks::RuleKind::legal ? "lov" : r.kind == checks::RuleKind::advice ? "råd" : "kontrol");
    w.key("kilder").begin_array();
    for (const auto& s : sources) w.value(s);
    w.end_array();
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.key("supportedTaxonomies").begin_array().begin_object().key("name").value(kTaxonomy).key("index").value(0).end_object().end_array();
  w.end_object().end_object();  // driver, tool

  w.key("taxonomies").begin_array().begin_object();
  w.key("name").value(kTaxonomy);
  w.key("fullName").value("Lovgrundlaget for forebyggende hjemmebesøg, som lovdata (checks/law/*.xml)");
  w.key("shortDescription").begin_object().key("text").value("De bestemmelser, fundene bygger på, pr. lovversion").end_object();
  w.key("taxa").begin_array();
  for (const auto& t : taxa) {
    w.begin_object();
    w.key("id").value(t.id);
    w.key("name").value(t.name);
    w.key("shortDescription").begin_object().key("text").value(t.name + (t.version.empty() ? "" : " [" + t.version + "]")).end_object();
    if (!t.text.empty()) {
      std::string text = t.text;
      if (t.paraphrase) text += " (parafrase, ikke lovens ordlyd)";
      if (t.unverified) text += " (ikke verificeret mod den offentliggjorte lov)";
      w.key("fullDescription").begin_object().key("text").value(text).end_object();
    }
    w.key("properties").begin_object();
    w.key("lovversion").value(t.version);
    w.key("ordlyd").value(t.paraphrase ? "parafrase" : "ordret");
    w.key("verificeret").value(!t.unverified);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object().end_array();

  w.key("columnKind").value("unicodeCodePoints");
  w.key("artifacts").begin_array();
  for (const auto& a : artifacts) {
    w.begin_object().key("location").begin_object().key("uri").value(to_uri(a)).end_object();
    w.key("roles").begin_array().value("analysisTarget").end_array().end_object();
  }
  w.end_array();

  w.key("invocations").begin_array().begin_object();
  w.key("executionSuccessful").value(true);
  w.end_object().end_array();

  w.key("results").begin_array();
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    w.begin_object();
    w.key("ruleId").value(d.code.empty() ? std::string("kvs") : d.code);
    if (auto it = rule_indices.find(d.code); it != rule_indices.end()) w.key("ruleIndex").value(it->second);
    w.key("level").value(sarif_level(d.severity));
    std::string text = d.message;
    if (d.provision) text += " (" + provision_note(*d.provision) + ")";
    if (!d.suggestion.empty()) text += " Forslag: " + d.suggestion;
    w.key("message").begin_object().key("text").value(text).end_object();
    if (!d.path.empty()) {
      w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      w.key("artifactLocation").begin_object().key("uri").value(to_uri(d.path)).key("index").value(artifact_index(d.path)).end_object();
      if (d.file && d.where) {
        Position b = d.file->position(d.where->begin), e = d.file->position(d.where->end);
        w.key("region").begin_object();
        w.key("startLine").value(b.line).key("startColumn").value(b.column);
        w.key("endLine").value(e.line).key("endColumn").value(e.column);
        std::string snippet(d.file->slice(*d.where).substr(0, 400));
        if (!snippet.empty()) w.key("snippet").begin_object().key("text").value(snippet).end_object();
        w.end_object();
      }
      w.end_object().end_object().end_array();
    }
    if (d.acknowledged) {
      w.key("suppressions").begin_array().begin_object();
      w.key("kind").value("inSource").key("status").value("accepted").key("justification").value(d.acknowledgement_reason);
      w.end_object().end_array();
    }
    if (!result_taxa[i].empty()) {
      w.key("taxa").begin_array().begin_object().key("id").value(result_taxa[i]);
      w.key("toolComponent").begin_object().key("name").value(kTaxonomy).end_object().end_object().end_array();
    }
    w.key("properties").begin_object();
    w.key("alvorlighed").value(severity_word(d.severity));
    if (!d.suggestion.empty()) w.key("forslag").value(d.suggestion);
    if (d.provision) {
      w.key("kilde").begin_object();
      w.key("citation").value(d.provision->citation).key("version").value(d.provision->version);
      w.key("text").value(d.provision->text).key("paraphrase").value(d.provision->paraphrase);
      w.key("unverified").value(d.provision->unverified).end_object();
    }
    w.end_object();
    w.end_object();
  }
  w.end_array();

  w.key("properties").begin_object().key("law").begin_array();
  for (const auto& f : files) write_law(w, f);
  w.end_array().end_object();

  w.end_object().end_array();  // run, runs
  w.end_object();
  return w.str() + '\n';
}

}  // namespace kvs::cli
