#include "build_document.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include "danish.hpp"

namespace kvs::render {

using model::Part;

namespace {

std::string kind_key(const Part& p) {
  switch (p.kind) {
    case Part::Kind::prose: return "prosa:" + p.key;
    case Part::Kind::section: return "afsnit";
    case Part::Kind::legal_basis: return "lovgrundlag";
    case Part::Kind::target_group: return "målgruppe";
    case Part::Kind::risk_group: return "risikogruppe";
    case Part::Kind::exclusion: return "undtagelse";
    case Part::Kind::staff: return "personale";
    case Part::Kind::contact: return "kontakt";
    case Part::Kind::special: return "særligt-forhold";
    case Part::Kind::themes: return "temaer";
    case Part::Kind::partners: return "samarbejdspartnere";
  }
  return "?";
}

/// The key of `Standard::headings` that names the section a part opens.
std::string heading_key(const Part& p) {
  switch (p.kind) {
    case Part::Kind::prose: return p.key;
    case Part::Kind::target_group: return "målgrupper";
    case Part::Kind::exclusion: return "undtagelser";
    case Part::Kind::risk_group: return "risikogrupper";
    case Part::Kind::staff: return "personale";
    case Part::Kind::contact: return "kontakt";
    case Part::Kind::legal_basis: return "lovgrundlag";
    case Part::Kind::themes: return "temaer";
    case Part::Kind::partners: return "samarbejdspartnere";
    default: return {};
  }
}

/// Parts that are naturally listed under an introducing text.
bool list_like(std::string_view key) {
  return key == "målgruppe" || key == "risikogruppe" || key == "undtagelse" || key == "kontakt" ||
         key == "særligt-forhold";
}

/// "1.4. Kriterier" → depth 2 and "Kriterier"; "Formål" → depth 0.
std::pair<int, std::string> split_number(const std::string& h) {
  std::size_t i = 0;
  int depth = 0;
  bool digit = false;
  while (i < h.size() && ((h[i] >= '0' && h[i] <= '9') || h[i] == '.')) {
    if (h[i] >= '0' && h[i] <= '9') digit = true;
    else if (digit) {
      ++depth;
      digit = false;
    }
    ++i;
  }
  if (digit) ++depth;
  if (depth > 0 && i < h.size() && h[i] == ' ') return {depth, h.substr(i + 1)};
  return {0, h};
}

std::string slug(std::string_view heading) {
  std::string folded = model::fold(heading), out;
  for (char c : folded) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (ok) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "afsnit-" + out;
  if (out.size() > 60) out.resize(60);
  return out;
}

Block paragraph(std::string text, std::string role = {}) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.spans.push_back({std::move(text)});
  b.role = std::move(role);
  return b;
}

Block heading(int level, std::string text, std::string id) {
  Block b;
  b.kind = Block::Kind::heading;
  b.level = std::min(level, 6);
  b.spans.push_back({std::move(text)});
  b.id = std::move(id);
  return b;
}

Block prose_block(std::shared_ptr<const Prose> prose) {
  Block b;
  b.kind = Block::Kind::prose;
  b.prose = std::move(prose);
  return b;
}

Block prose_block(const std::string& markdown, int base) { return prose_block(std::make_shared<const Prose>(markdown, base)); }

Block list_block(std::vector<Blocks> items, bool ordered = false) {
  Block b;
  b.kind = Block::Kind::list;
  b.items = std::move(items);
  b.ordered = ordered;
  return b;
}

std::string join_sentences(const std::vector<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
  return out;
}

/// 8-digit Danish phone numbers in pairs: "57 87 62 61".
std::string phone(std::string_view n) {
  std::string digits;
  for (char c : n)
    if (c != ' ') digits += c;
  if (digits.size() != 8 || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(n);
  std::string out;
  for (std::size_t i = 0; i < 8; i += 2) out += (i ? std::string(kNbsp) : "") + digits.substr(i, 2);
  return out;
}

}  // namespace

std::string part_id(const Part& p) {
  if (p.kind == Part::Kind::prose) return "prosa:" + p.key;
  if (p.kind == Part::Kind::legal_basis || p.kind == Part::Kind::staff || p.kind == Part::Kind::themes ||
      p.kind == Part::Kind::partners)
    return kind_key(p);
  return kind_key(p) + ":" + std::to_string(p.index);
}

namespace {

class Builder {
 public:
  Builder(const model::Standard& s, const Templates& t, const law::Library* lib, const RenderOptions& o)
      : s_(s), t_(t), o_(o), p_(t.phrases) {
    std::string id(model::word_of(s.layout.value_or(model::Layout::afsnit)));
    layout_ = t.layout(id);
    if (!layout_) layout_ = t.layout("afsnit");
    built_.law = law_context(s, lib, o.reference_date);
    facts_.emplace(s, p_, built_.law);
  }

  Built run() {
    front();
    plan();
    place();
    decide_group_style();
    for (auto& planned : plan_) built_.doc.sections.push_back(render(planned));
    return std::move(built_);
  }

 private:
  struct Planned {
    const SectionDef* def = nullptr;
    std::string heading;
    int typed_depth = 0;
    bool free = false, chapter = false;
    std::string generated;
    std::vector<const Part*> parts;
    // placed:
    int level = 2;
    std::string number, id;
  };

  std::string phrase(std::string_view id, const Phrases::Vars& v = {}) const { return facts_->phrase(id, v); }
  model::AddressForm form() const { return facts_->form(); }

  // ---- front matter and metadata ----------------------------------------------------
  void front() {
    Document& d = built_.doc;
    d.layout = layout_->form;
    d.cover_page = layout_->cover_page;
    std::string year = s_.year ? std::to_string(*s_.year) : "";
    d.kicker = year.empty() ? phrase("forside.overtitel") : phrase("forside.overtitel-år", {{"år", year}});
    d.title = s_.number.empty() ? s_.service : phrase("forside.titel-nummer", {{"nummer", s_.number}, {"ydelse", s_.service}});
    d.municipality = s_.municipality;
    if (s_.approval) {
      if (s_.approval->date)
        d.front.push_back(phrase("forside.godkendt", {{"organ", s_.approval->body}, {"dato", danish_date(*s_.approval->date)}}));
      else
        d.front.push_back(phrase("forside.godkendt-uden-dato", {{"organ", s_.approval->body}}));
    }
    if (s_.valid_from && s_.valid_to)
      d.front.push_back(phrase("forside.periode", {{"fra", danish_date(*s_.valid_from)}, {"til", danish_date(*s_.valid_to)}}));
    else if (s_.year)
      d.front.push_back(phrase("forside.år", {{"år", year}}));
    d.toc_heading = phrase("nav.indhold");
    d.labels_skip = phrase("nav.spring");
    d.labels_page = phrase("side.side");
    d.labels_of = phrase("side.af");
    std::string service_lower = danish_lower(s_.service);
    d.footer = phrase("dokument.sidefod", {{"ydelse", service_lower}});
    Metadata& m = d.meta;
    m.title = year.empty() ? phrase("dokument.titel", {{"ydelse", service_lower}})
                           : phrase("dokument.titel-år", {{"ydelse", service_lower}, {"år", year}});
    m.author = s_.municipality;
    m.subject = s_.service;
    m.keywords = phrase("dokument.emneord", {{"ydelse", service_lower}});
    m.source_name = o_.source_name;
    m.source_sha256 = o_.source_sha256;
    m.generator = o_.generator;
    m.description = p_.get("dokument.beskrivelse", {{"generator", o_.generator}, {"kilde", o_.source_name}, {"sha256", o_.source_sha256}});
    d.provenance = p_.get("dokument.oprindelse", {{"generator", o_.generator}, {"kilde", o_.source_name}, {"sha256", o_.source_sha256}});
    if (s_.approval && s_.approval->date) m.date = s_.approval->date;
    else m.date = s_.period_start();
  }

  // ---- gathering parts into sections ------------------------------------------------
  void plan() {
    std::vector<const Part*> last;
    const SectionDef* basis_def = layout_->starting("lovgrundlag");
    auto open = [&](Planned p) {
      plan_.push_back(std::move(p));
      return plan_.size() - 1;
    };
    std::optional<std::size_t> cur;
    for (const Part& part : s_.order) {
      std::string key = kind_key(part);
      if (part.kind == Part::Kind::legal_basis && basis_def && basis_def->textless_last && s_.legal_basis &&
          !s_.legal_basis->text) {
        last.push_back(&part);
        continue;
      }
      if (part.kind == Part::Kind::section) {
        const model::Section& sec = s_.sections[part.index];
        Planned np;
        np.free = true;
        auto [depth, text] = split_number(sec.heading);
        np.typed_depth = depth;
        np.heading = text;
        np.chapter = sec.text.value.empty() && depth != 2;
        if (!np.chapter) np.def = layout_->by_heading(sec.heading);
        np.parts.push_back(&part);
        cur = open(std::move(np));
        continue;
      }
      Planned* c = cur ? &plan_[*cur] : nullptr;
      bool usable = c && !c->chapter && c->generated.empty();
      if (usable && (key == "temaer" || key == "samarbejdspartnere") && has_text(*c)) {
        c->parts.push_back(&part);
        continue;
      }
      if (usable && c->def && c->def->accepts(key)) {
        c->parts.push_back(&part);
        continue;
      }
      if (usable && c->free && !c->def && c->parts.size() == 1 && list_like(key)) {
        if (const SectionDef* d = layout_->starting(key)) {
          c->def = d;
          c->parts.push_back(&part);
          continue;
        }
      }
      Planned np;
      np.def = layout_->starting(key);
      np.heading = np.def ? np.def->heading_for(form()) : phrase("afsnit.andet");
      own_heading(heading_key(part), np);
      np.parts.push_back(&part);
      cur = open(std::move(np));
    }
    if (!last.empty()) {
      Planned np;
      np.def = basis_def;
      np.heading = basis_def->heading_for(form());
      own_heading("lovgrundlag", np);
      np.parts = last;
      plan_.push_back(std::move(np));
    }
    // The generated "how often" section after the section holding the last target group.
    const SectionDef* freq = layout_->generated("hyppighed");
    bool any_freq = std::any_of(s_.groups.begin(), s_.groups.end(), [](const auto& g) { return g.frequency_text.has_value(); });
    if (freq && any_freq) {
      std::size_t after = plan_.size();
      for (std::size_t i = 0; i < plan_.size(); ++i)
        for (const Part* p : plan_[i].parts)
          if (p->kind == Part::Kind::target_group) after = i;
      Planned np;
      np.def = freq;
      np.heading = freq->heading_for(form());
      if (!s_.prose.count("omfang")) own_heading("omfang", np);
      np.generated = "hyppighed";
      plan_.insert(plan_.begin() + static_cast<long>(std::min(after + 1, plan_.size())), std::move(np));
    }
  }

  /// Does a planned section hold prose (a free afsnit with text or a prose field)?
  bool has_text(const Planned& p) const {
    return std::any_of(p.parts.begin(), p.parts.end(), [&](const Part* part) {
      return part->kind == Part::Kind::prose ||
             (part->kind == Part::Kind::section && !s_.sections[part->index].text.value.empty());
    });
  }

  /// The municipality's own heading (overskrifter { … }) replaces the template's.
  void own_heading(const std::string& key, Planned& p) const {
    auto it = s_.headings.find(key);
    if (it == s_.headings.end() || it->second.value.empty()) return;
    auto [depth, text] = split_number(it->second.value);
    p.heading = text;
    p.typed_depth = depth;
  }

  // ---- levels, numbers, anchors -----------------------------------------------------
  void place() {
    std::vector<Planned> placed;
    if (layout_->numbered) {
      int chapter = 0, sub = 0;
      std::string current;
      std::set<std::string> opened;  // a chapter is opened once, even if the source returns to it
      for (auto& p : plan_) {
        bool is_chapter = p.free && (p.chapter || p.typed_depth == 1);
        if (is_chapter) {
          ++chapter;
          sub = 0;
          p.level = 2;
          p.chapter = true;
          p.number = std::to_string(chapter) + ".";
          current = comparable(p.heading);
          opened.insert(current);
          placed.push_back(std::move(p));
          continue;
        }
        if (p.def && !p.def->chapter.empty() && p.def->chapter_key != current && !opened.count(p.def->chapter_key)) {
          Planned ch;
          ch.heading = p.def->chapter;
          ch.chapter = true;
          ch.level = 2;
          ++chapter;
          sub = 0;
          ch.number = std::to_string(chapter) + ".";
          current = p.def->chapter_key;
          opened.insert(current);
          placed.push_back(std::move(ch));
        }
        if (chapter == 0) {
          ++chapter;
          p.level = 2;
          p.number = std::to_string(chapter) + ".";
        } else {
          ++sub;
          p.level = 3;
          p.number = std::to_string(chapter) + "." + std::to_string(sub) + ".";
        }
        placed.push_back(std::move(p));
      }
    } else {
      bool in_chapter = false;
      for (auto& p : plan_) {
        if (p.free && p.chapter) {
          p.level = 2;
          in_chapter = true;
        } else {
          p.level = in_chapter ? 3 : 2;
        }
        placed.push_back(std::move(p));
      }
    }
    plan_ = std::move(placed);
    for (auto& p : plan_) {
      p.id = unique_id(slug(p.heading));
      std::string shown = p.number.empty() ? p.heading : p.number + " " + p.heading;
      for (const Part* part : p.parts) {
        built_.where[part_id(*part)] = {p.id, shown};
        inner_of_[part] = p.level + 1;
      }
      if (p.generated == "hyppighed") built_.where["hyppighed"] = {p.id, shown};
    }
  }

  std::string unique_id(const std::string& base) {
    std::string id = base;
    for (int n = 2; !ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
  }

  // ---- target groups: titled or compact ---------------------------------------------
  void decide_group_style() {
    compact_groups_ = !s_.groups.empty();
    for (const auto& g : s_.groups) {
      if (!g.text || g.frequency_text) compact_groups_ = false;
      else if (!part_prose(g.text->value, 3)->single_paragraph()) compact_groups_ = false;
    }
  }

  std::string group_label(std::size_t index) const {
    const auto& g = s_.groups[index];
    if (!compact_groups_ && layout_->numbered_groups) return std::to_string(index + 1) + ". " + g.title;
    return g.title;
  }

  std::size_t group_index(const model::TargetGroup& g) const { return static_cast<std::size_t>(&g - s_.groups.data()); }

  // ---- rendering one section --------------------------------------------------------
  Section render(const Planned& p) {
    Section sec;
    sec.id = p.id;
    sec.level = p.level;
    sec.number = p.number;
    sec.heading = p.heading;
    sec.chapter = p.chapter;
    inner_ = p.level + 1;
    has_prose_ = std::any_of(p.parts.begin(), p.parts.end(), [&](const Part* part) {
      return part->kind == Part::Kind::prose ||
             (part->kind == Part::Kind::section && !s_.sections[part->index].text.value.empty());
    });
    if (p.generated == "hyppighed") {
      frequencies(sec.blocks);
      return sec;
    }
    for (std::size_t i = 0; i < p.parts.size();) {
      const Part& part = *p.parts[i];
      std::size_t j = i + 1;
      while (j < p.parts.size() && p.parts[j]->kind == part.kind && run_kind(part.kind)) ++j;
      std::vector<const Part*> run(p.parts.begin() + static_cast<long>(i), p.parts.begin() + static_cast<long>(j));
      emit(run, sec);
      i = j;
    }
    return sec;
  }

  static bool run_kind(Part::Kind k) {
    return k == Part::Kind::target_group || k == Part::Kind::risk_group || k == Part::Kind::exclusion ||
           k == Part::Kind::contact || k == Part::Kind::special;
  }

  void emit(const std::vector<const Part*>& run, Section& sec) {
    Blocks& out = sec.blocks;
    const Part& first = *run.front();
    switch (first.kind) {
      case Part::Kind::section: {
        const auto& text = s_.sections[first.index].text;
        if (!text.value.empty()) out.push_back(prose_block(part_prose(text.value, inner_)));
        break;
      }
      case Part::Kind::prose:
        out.push_back(prose_block(part_prose(s_.prose.at(first.key).value, inner_)));
        break;
      case Part::Kind::legal_basis:
        legal_basis(out);
        break;
      case Part::Kind::target_group:
        target_groups(run, out);
        break;
      case Part::Kind::risk_group:
        risk_groups(run, out);
        break;
      case Part::Kind::exclusion:
        exclusions(run, out);
        break;
      case Part::Kind::staff:
        staff(out);
        break;
      case Part::Kind::contact:
        for (const Part* c : run) contact(s_.contacts[c->index], out);
        break;
      case Part::Kind::special:
        for (const Part* c : run) {
          const auto& sp = s_.specials[c->index];
          if (comparable(sp.heading) != comparable(sec.heading))
            out.push_back(heading(inner_, sp.heading, unique_id(slug(sp.heading))));
          out.push_back(prose_block(sp.text.value, inner_ + 1));
        }
        break;
      case Part::Kind::themes:
      case Part::Kind::partners: {
        // The list is the checker's index of what the prose says; shown only on its own.
        if (has_prose_) break;
        const auto& list = first.kind == Part::Kind::themes ? s_.themes : s_.partners;
        std::vector<Blocks> items;
        for (const auto& t : list) items.push_back({paragraph(typeset(t.value))});
        out.push_back(list_block(std::move(items)));
        break;
      }
    }
  }

  // ---- legal basis ------------------------------------------------------------------
  void legal_basis(Blocks& out) {
    const auto& lb = *s_.legal_basis;
    if (lb.text) out.push_back(prose_block(lb.text->value, inner_));
    const LawContext& law = built_.law;
    Block note;
    note.kind = Block::Kind::note;
    note.role = "law";
    Block title = paragraph(phrase("lov.overskrift", {{"dato", danish_date(law.reference)}}), "note-title");
    note.children.push_back(title);
    if (!law.statute) {
      note.children.push_back(paragraph(phrase("lov.ingen-data", {{"dato", danish_date(law.reference)}})));
      out.push_back(std::move(note));
      return;
    }
    const law::Version& st = *law.statute;
    note.children.push_back(paragraph(phrase("lov.gældende", {{"titel", st.title}, {"ikraft", danish_date(st.in_force)}})));
    if (law.order) note.children.push_back(paragraph(phrase("lov.bekendtgørelse", {{"titel", law.order->title}})));

    // The provisions applied: the duties, the exclusions the standard uses, cited stykker.
    std::set<std::string> ids;
    for (const auto& d : st.duties) ids.insert(d.provision);
    for (const auto& e : st.exclusions) {
      if (e.conditional) continue;
      for (const auto& ex : s_.exclusions)
        for (const auto& g : ex.grounds)
          if (model::word_of(g.value) == e.ground) ids.insert(e.provision);
    }
    if (st.duties.empty())
      for (const auto& c : st.content) ids.insert(c.provision);
    for (const auto& c : lb.citations)
      for (const auto& pr : st.provisions)
        if (pr.paragraph == c.paragraph && pr.stk && std::find(c.stk.begin(), c.stk.end(), *pr.stk) != c.stk.end())
          ids.insert(pr.id);
    std::vector<const law::Provision*> quoted;
    for (const auto& pr : st.provisions)
      if (ids.count(pr.id) && pr.amending_act == 0) quoted.push_back(&pr);
    if (!quoted.empty()) {
      std::string already = quoted_elsewhere(quoted);
      bool verbatim = std::all_of(quoted.begin(), quoted.end(), [](auto* q) { return q->verbatim; });
      bool verified = std::all_of(quoted.begin(), quoted.end(), [](auto* q) { return q->verified; });
      if (!already.empty()) {
        note.children.push_back(paragraph(phrase("lov.allerede-citeret", {{"afsnit", already}})));
      } else {
        note.children.push_back(paragraph(phrase(verbatim ? "lov.citat" : "lov.citat-parafrase")));
        Block quote;
        quote.kind = Block::Kind::quote;
        for (const auto* q : quoted) {
          Block b;
          b.kind = Block::Kind::paragraph;
          b.spans.push_back({st.cite(*q) + ".", Span::Style::strong});
          b.spans.push_back({" " + q->typeset_text});
          quote.children.push_back(std::move(b));
        }
        note.children.push_back(std::move(quote));
      }
      if (!verified) note.children.push_back(paragraph(phrase("lov.ikke-verificeret"), "small"));
    }
    if (law.ending && law.successor) {
      std::string old = st.act;
      for (const auto& r : law.successor->repeals)
        if (!r.paragraph.empty()) old = r.act + "s § " + r.paragraph;
      note.children.push_back(paragraph(phrase("lov.skifte", {{"dato", danish_date(*law.ending->ends)},
                                                             {"gammel", old},
                                                             {"ny", law.successor->act},
                                                             {"titel", law.successor->title}})));
      if (!law.successor->verified) note.children.push_back(paragraph(phrase("lov.ikke-verificeret"), "small"));
    }
    // A cited provision the applied law repeals.
    for (const auto& r : st.repeals) {
      if (r.paragraph.empty() || !r.date) continue;
      for (const auto& c : lb.citations)
        if (c.act == r.act && c.paragraph == r.paragraph) {
          note.children.push_back(paragraph(phrase("lov.ophævet", {{"henvisning", c.display()}, {"dato", danish_date(*r.date)}})));
          break;
        }
    }
    out.push_back(std::move(note));
  }

  /// The heading of the section whose prose already quotes every provision, if any.
  std::string quoted_elsewhere(const std::vector<const law::Provision*>& provisions) {
    for (const Part& part : s_.order) {
      const model::Text* text = nullptr;
      if (part.kind == Part::Kind::section) text = &s_.sections[part.index].text;
      else if (part.kind == Part::Kind::prose) text = &s_.prose.at(part.key);
      if (!text || text->value.empty()) continue;
      // The section's own parse (plain text does not depend on the heading base).
      auto at = inner_of_.find(&part);
      std::string plain = part_prose(text->value, at == inner_of_.end() ? 3 : at->second)->plain_text();
      // Most sections quote no law: a word of each provision rules them out before the
      // whole section is made comparable (a tenth of the work, the same answer).
      const ComparableFilter filter(plain);
      if (!std::all_of(provisions.begin(), provisions.end(),
                       [&](auto* q) { return filter.may_contain(q->comparable_probes); }))
        continue;
      std::string hay = comparable(plain);
      bool all = std::all_of(provisions.begin(), provisions.end(),
                             [&](auto* q) { return hay.find(q->comparable_text) != std::string::npos; });
      if (!all) continue;
      auto it = built_.where.find(part_id(part));
      if (it != built_.where.end()) return it->second.heading;
    }
    return {};
  }

  // ---- target groups ----------------------------------------------------------------
  void target_groups(const std::vector<const Part*>& run, Blocks& out) {
    if (!overview_done_ && layout_->overview) {
      overview_done_ = true;
      overview(out);
    }
    if (compact_groups_) {
      if (run.size() == 1) {
        out.push_back(prose_block(part_prose(s_.groups[run[0]->index].text->value, inner_)));
      } else {
        std::vector<Blocks> items;
        for (const Part* p : run) items.push_back({prose_block(part_prose(s_.groups[p->index].text->value, inner_ + 1))});
        out.push_back(list_block(std::move(items)));
      }
      return;
    }
    for (const Part* p : run) {
      const auto& g = s_.groups[p->index];
      out.push_back(heading(inner_, group_label(p->index), unique_id(slug(g.title))));
      if (g.text) out.push_back(prose_block(part_prose(g.text->value, inner_ + 1)));
      else out.push_back(paragraph(facts_->offer(g)));
    }
  }

  void overview(Blocks& out) {
    auto table = std::make_shared<Table>();
    table->caption = phrase("oversigt.titel");
    table->head = {phrase("oversigt.målgruppe"), phrase("oversigt.tilbud"), phrase("oversigt.kontakt")};
    table->widths = {24, 46, 30};
    table->role = "overview";
    for (std::size_t i = 0; i < s_.groups.size(); ++i) {
      const auto& g = s_.groups[i];
      Blocks label{paragraph(typeset(group_label(i)))};
      Blocks offer{paragraph(facts_->offer(g))};
      auto details = facts_->offer_details(g);
      if (!details.empty()) offer.push_back(paragraph(join_sentences(details)));
      Blocks contact{paragraph(join_sentences(facts_->contact(g)))};
      table->rows.push_back({std::move(label), std::move(offer), std::move(contact)});
    }
    Block t;
    t.kind = Block::Kind::table;
    t.table = table;
    out.push_back(std::move(t));
    auto more = facts_->beyond_law();
    if (!more.empty()) {
      Block note;
      note.kind = Block::Kind::note;
      note.role = "more";
      note.children.push_back(paragraph(phrase("mere.overskrift"), "note-title"));
      std::vector<Blocks> items;
      for (auto& m : more) items.push_back({paragraph(m)});
      note.children.push_back(list_block(std::move(items)));
      out.push_back(std::move(note));
    }
  }

  void frequencies(Blocks& out) {
    for (std::size_t i = 0; i < s_.groups.size(); ++i) {
      const auto& g = s_.groups[i];
      if (!g.frequency_text) continue;
      out.push_back(heading(inner_, group_label(i), unique_id(slug(g.title) + "-hyppighed")));
      out.push_back(prose_block(g.frequency_text->value, inner_ + 1));
    }
  }

  // ---- risk groups ------------------------------------------------------------------
  void risk_groups(const std::vector<const Part*>& run, Blocks& out) {
    std::vector<const model::RiskGroup*> shown;
    for (const Part* p : run) {
      const auto& r = s_.risk_groups[p->index];
      // A risk group offered by a target group of its own is described there.
      bool described_as_group = !r.text && (!r.group.empty() || std::any_of(s_.groups.begin(), s_.groups.end(), [&](const auto& g) {
        return comparable(g.title) == comparable(r.title);
      }));
      if (!described_as_group) shown.push_back(&r);
    }
    if (shown.empty()) return;
    bool simple = std::all_of(shown.begin(), shown.end(), [this](const model::RiskGroup* r) {
      if (!r->text) return true;
      auto pr = part_prose(r->text->value, 3);
      return pr->single_paragraph() && !pr->has_list();
    });
    if (simple) {
      if (shown.size() == 1) {
        const auto* r = shown.front();
        out.push_back(r->text ? prose_block(part_prose(r->text->value, inner_))
                              : paragraph(phrase("risikogruppe.uden-tekst", {{"titel", r->title}})));
        return;
      }
      std::vector<Blocks> items;
      for (const auto* r : shown)
        items.push_back({r->text ? prose_block(part_prose(r->text->value, inner_ + 1)) : paragraph(typeset(r->title))});
      out.push_back(list_block(std::move(items)));
      return;
    }
    std::string markdown;
    for (const auto* r : shown) {
      if (!markdown.empty()) markdown += "\n\n";
      markdown += r->text ? r->text->value : "- " + r->title;
    }
    out.push_back(prose_block(markdown, inner_));
  }

  // ---- exclusions -------------------------------------------------------------------
  void exclusions(const std::vector<const Part*>& run, Blocks& out) {
    std::vector<Blocks> items;
    std::vector<std::string> case_texts, seen;
    for (const Part* p : run) {
      const auto& e = s_.exclusions[p->index];
      if (e.text) {
        items.push_back({prose_block(e.text->value, inner_ + 1)});
      } else {
        // Without its own text: described by another exclusion that names its grounds?
        bool covered = !e.grounds.empty() && std::all_of(e.grounds.begin(), e.grounds.end(), [&](const auto& g) {
          std::string word = comparable(std::string(model::word_of(g.value)));
          return std::any_of(run.begin(), run.end(), [&](const Part* o) {
            const auto& other = s_.exclusions[o->index];
            return other.text && comparable(other.text->value).find(word) != std::string::npos;
          });
        });
        if (!covered) items.push_back({paragraph(facts_->exclusion(e))});
      }
      if (e.case_by_case) {
        std::string key = comparable(e.case_by_case->value);
        if (std::find(seen.begin(), seen.end(), key) == seen.end()) {
          seen.push_back(key);
          case_texts.push_back(e.case_by_case->value);
        }
      }
    }
    if (items.size() == 1) {
      for (auto& b : items.front()) {
        if (b.kind == Block::Kind::prose) b = prose_block(b.prose->commonmark(), inner_);
        out.push_back(std::move(b));
      }
    } else if (!items.empty()) {
      out.push_back(list_block(std::move(items)));
    }
    for (const auto& t : case_texts) out.push_back(prose_block(t, inner_));
  }

  // ---- staff and contacts -----------------------------------------------------------
  void staff(Blocks& out) {
    const auto& st = *s_.staff;
    if (st.text) out.push_back(prose_block(st.text->value, inner_));
    if (st.competences) out.push_back(prose_block(st.competences->value, inner_));
    std::vector<std::string> professions;
    for (const auto& p : st.professions) professions.emplace_back(model::label_of(p.value));
    for (const auto& p : st.other_professions) professions.push_back(p.value);
    if (!professions.empty()) {
      danish_sort(professions);
      out.push_back(paragraph(phrase("personale.fagligheder", {{"fagligheder", join_list(professions)}}), "small"));
    }
  }

  void contact(const model::Contact& c, Blocks& out) {
    Block b;
    b.kind = Block::Kind::paragraph;
    b.role = "contact";
    auto line = [&](std::string text, Span::Style style = Span::Style::plain, std::string href = {}) {
      if (!b.spans.empty()) b.spans.push_back({"\n"});
      b.spans.push_back({std::move(text), style, std::move(href)});
    };
    line(typeset(c.name), Span::Style::strong);
    if (!c.person.empty()) line(typeset(c.person));
    for (const auto& a : c.address) line(typeset(a));
    if (!c.phones.empty()) {
      std::string numbers;
      for (const auto& ph : c.phones) {
        numbers += (numbers.empty() ? "" : " / ") + phone(ph.number);
        if (!ph.hours.empty()) numbers += " (" + typeset(ph.hours) + ")";
      }
      line(phrase("kontakt.telefon-label") + ": " + numbers);
    }
    if (!c.phone_hours.empty()) line(phrase("kontakt.telefontid") + ": " + typeset(c.phone_hours));
    if (!c.email.empty()) {
      line(phrase("kontakt.email") + ": ");
      b.spans.push_back({c.email, Span::Style::plain, "mailto:" + c.email});
    }
    if (!c.web.empty()) {
      line(phrase("kontakt.web") + ": ");
      b.spans.push_back({c.web, Span::Style::plain, is_safe_url(c.web) ? c.web : ""});
    }
    out.push_back(std::move(b));
    if (c.text) out.push_back(prose_block(c.text->value, inner_));
  }

  /// The parsed prose of a text of the standard, made once: the legal basis searches
  /// the section texts for quoted provisions, the group style and risk groups ask
  /// whether a text is one paragraph, before or after the text is rendered. A parse
  /// with another heading base serves too when the text has no headings (the base only
  /// moves headings). Keyed by address: only for strings of the standard (s_), which
  /// outlive the builder, never for temporaries.
  std::shared_ptr<const Prose> part_prose(const std::string& markdown, int base) {
    const auto first = parsed_.lower_bound({&markdown, std::numeric_limits<int>::min()});
    for (auto it = first; it != parsed_.end() && it->first.first == &markdown; ++it)
      if (it->first.second == base || !it->second->has_headings()) return it->second;
    auto prose = std::make_shared<const Prose>(markdown, base);
    parsed_.emplace(std::make_pair(&markdown, base), prose);
    return prose;
  }

  const model::Standard& s_;
  const Templates& t_;
  const RenderOptions& o_;
  const Phrases& p_;
  const LayoutDef* layout_ = nullptr;
  std::optional<Facts> facts_;
  Built built_;
  std::vector<Planned> plan_;
  std::set<std::string> ids_;
  std::map<const Part*, int> inner_of_;  ///< heading base of each part's prose
  std::map<std::pair<const std::string*, int>, std::shared_ptr<const Prose>> parsed_;
  bool compact_groups_ = false;
  bool overview_done_ = false;
  bool has_prose_ = false;
  int inner_ = 3;
};

}  // namespace

Built build_document(const model::Standard& s, const Templates& t, const law::Library* lib, const RenderOptions& options) {
  Builder b(s, t, lib, options);
  Built built = b.run();
  if (options.council) built.doc.appendix = council_appendix(s, t, built, options);
  return built;
}

}  // namespace kvs::render
