// The council appendix (bilag til byrådet): the checker's findings, where each legal
// obligation is met in the document, and LIX per section.
#include <algorithm>
#include <set>

#include "build_document.hpp"
#include "danish.hpp"

namespace kvs::render {

namespace {

void collect_text(const Blocks& blocks, std::vector<std::string>& out) {
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::Kind::heading:
      case Block::Kind::paragraph: {
        std::string s;
        for (const auto& sp : b.spans) s += sp.text == "\n" ? " " : sp.text;
        out.push_back(s);
        break;
      }
      case Block::Kind::prose:
        for (auto& t : b.prose->text_blocks()) out.push_back(t);
        break;
      case Block::Kind::list:
        for (const auto& item : b.items) collect_text(item, out);
        break;
      case Block::Kind::table:
        for (const auto& row : b.table->rows)
          for (const auto& cell : row) collect_text(cell, out);
        break;
      case Block::Kind::quote:
      case Block::Kind::note:
        collect_text(b.children, out);
        break;
    }
  }
}

Block para(std::string text, std::string role = {}) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.spans.push_back({std::move(text)});
  b.role = std::move(role);
  return b;
}

Block table_block(std::shared_ptr<Table> t) {
  Block b;
  b.kind = Block::Kind::table;
  b.table = std::move(t);
  return b;
}

class Appendix {
 public:
  Appendix(const model::Standard& s, const Templates& t, const Built& b, const RenderOptions& o)
      : s_(s), t_(t), b_(b), o_(o), facts_(s, t.phrases, b.law) {}

  std::vector<Section> run() {
    std::vector<Section> out;
    out.push_back(intro());
    out.push_back(findings());
    out.push_back(trace());
    out.push_back(lix());
    return out;
  }

 private:
  std::string phrase(std::string_view id, const Phrases::Vars& v = {}) const { return facts_.phrase(id, v); }

  Section section(std::string id, std::string heading, int level) const {
    Section s;
    s.id = std::move(id);
    s.heading = std::move(heading);
    s.level = level;
    s.role = "appendix";
    return s;
  }

  Section intro() {
    Section sec = section("bilag", phrase("bilag.overskrift"), 2);
    sec.chapter = true;
    sec.blocks.push_back(para(phrase("bilag.indledning")));
    sec.blocks.push_back(para(t_.phrases.get("bilag.kilde", {{"kilde", o_.source_name}, {"sha256", o_.source_sha256},
                                                              {"generator", o_.generator}}),
                              "small"));
    const LawContext& law = b_.law;
    sec.blocks.push_back(para(phrase("bilag.reference", {{"dato", danish_date(law.reference)},
                                                          {"grund", phrase(law.reference_from_period ? "bilag.reference-periode"
                                                                                                    : "bilag.reference-dato")}})));
    for (const law::Version* v : {law.statute, law.order, law.successor}) {
      if (!v) continue;
      sec.blocks.push_back(para(phrase("bilag.lovversion", {{"titel", v->title}, {"id", v->id},
                                                             {"verificeret", v->verified ? "" : phrase("bilag.ikke-verificeret")}}),
                                "small"));
    }
    return sec;
  }

  Section findings() {
    Section sec = section("bilag-fund", phrase("bilag.fund.overskrift"), 3);
    if (!o_.checks_ran) sec.blocks.push_back(para(phrase("bilag.fund.ikke-kørt"), "small"));
    if (o_.findings.empty()) {
      sec.blocks.push_back(para(phrase("bilag.fund.ingen")));
      return sec;
    }
    auto t = std::make_shared<Table>();
    t->caption = phrase("bilag.fund.titel");
    t->head = {phrase("bilag.fund.alvor"), phrase("bilag.fund.regel"), phrase("bilag.fund.fund"), phrase("bilag.fund.linje")};
    t->widths = {14, 22, 52, 12};
    t->row_headers = false;
    for (const Diagnostic& d : o_.findings) {
      std::string severity = d.severity == Severity::fejl       ? phrase("alvor.fejl")
                             : d.severity == Severity::advarsel ? phrase("alvor.advarsel")
                                                                : phrase("alvor.raad");
      Blocks what{para(typeset(d.message))};
      if (d.provision) what.push_back(para(typeset(d.provision->citation), "small"));
      if (d.acknowledged)
        what.push_back(para(phrase("bilag.fund.anerkendt", {{"begrundelse", d.acknowledgement_reason}}), "small"));
      std::string line = d.file && d.where ? std::to_string(d.file->position(d.where->begin).line) : "";
      t->rows.push_back({{para(severity)}, {para(d.code)}, std::move(what), {para(line)}});
    }
    sec.blocks.push_back(table_block(t));
    return sec;
  }

  /// Link spans to the sections where the given parts landed.
  Blocks where(const std::vector<std::string>& part_ids) const {
    std::vector<std::string> seen;
    Block b;
    b.kind = Block::Kind::paragraph;
    for (const auto& id : part_ids) {
      auto it = b_.where.find(id);
      if (it == b_.where.end()) continue;
      if (std::find(seen.begin(), seen.end(), it->second.section_id) != seen.end()) continue;
      seen.push_back(it->second.section_id);
      if (!b.spans.empty()) b.spans.push_back({", "});
      b.spans.push_back({it->second.heading, Span::Style::plain, "#" + it->second.section_id});
    }
    return {b};
  }

  void row(Table& t, std::string requirement, Blocks cell, std::string status) {
    t.rows.push_back({{para(typeset(requirement))}, std::move(cell), {para(std::move(status))}});
  }

  std::string cite(const law::Version& v, const std::string& provision_id) const {
    const law::Provision* p = v.provision(provision_id);
    std::string act = v.is_order() ? "bekendtgørelse nr. " + std::to_string(v.number) + "/" + std::to_string(v.year) : v.act;
    return p ? act + " " + v.cite(*p) : act;
  }

  std::vector<std::string> group_ids(bool (*pred)(const model::TargetGroup&)) const {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < s_.groups.size(); ++i)
      if (pred(s_.groups[i])) ids.push_back("målgruppe:" + std::to_string(i));
    return ids;
  }

  Section trace() {
    Section sec = section("bilag-lovkrav", phrase("bilag.spor.overskrift"), 3);
    auto t = std::make_shared<Table>();
    t->caption = phrase("bilag.spor.titel");
    t->head = {phrase("bilag.spor.krav"), phrase("bilag.spor.afsnit"), phrase("bilag.spor.status")};
    t->widths = {50, 34, 16};
    const LawContext& law = b_.law;
    std::string ok = phrase("bilag.spor.opfyldt"), missing = phrase("bilag.spor.mangler");
    if (law.statute) {
      const law::Version& st = *law.statute;
      for (const auto& d : st.duties) {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < s_.groups.size(); ++i)
          if (Facts::meets(s_.groups[i], d)) ids.push_back("målgruppe:" + std::to_string(i));
        row(*t, phrase("bilag.spor.pligt", {{"henvisning", cite(st, d.provision)}, {"krav", facts_.duty(d)}}), where(ids),
            ids.empty() ? missing : ok);
      }
      for (const auto& e : st.exclusions) {
        if (e.conditional) continue;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < s_.exclusions.size(); ++i)
          for (const auto& g : s_.exclusions[i].grounds)
            if (model::word_of(g.value) == e.ground) ids.push_back("undtagelse:" + std::to_string(i));
        std::string ground;
        if (auto g = model::lookup<model::ExclusionGround>(e.ground)) ground = model::label_of(*g);
        row(*t, phrase("bilag.spor.undtagelse", {{"henvisning", cite(st, e.provision)}, {"grund", ground}}), where(ids),
            ids.empty() ? phrase("bilag.spor.ikke-brugt") : phrase("bilag.spor.benyttet"));
      }
    }
    for (const law::Version* v : {law.statute, law.order}) {
      if (!v) continue;
      for (const auto& c : v->content)
        for (const auto& token : c.tokens) content_row(*t, *v, c.provision, token);
    }
    sec.blocks.push_back(table_block(t));
    return sec;
  }

  void content_row(Table& t, const law::Version& v, const std::string& provision, const std::string& token) {
    std::string requirement = phrase("bilag.spor.indhold", {{"henvisning", cite(v, provision)}, {"krav", phrase("krav." + token)}});
    std::string ok = phrase("bilag.spor.opfyldt"), missing = phrase("bilag.spor.mangler");
    std::vector<std::string> ids;
    bool met = false;
    auto prose_field = [&](const std::string& key) {
      if (s_.prose.count(key)) {
        ids.push_back("prosa:" + key);
        met = true;
      }
    };
    if (token == "formål") prose_field("formål");
    else if (token == "indhold") prose_field("indhold");
    else if (token == "sammentænkning") prose_field("sammentænkning");
    else if (token == "generel-forebyggelse") prose_field("generel-forebyggelse");
    else if (token == "invitation" || token == "mødeform" || token == "opsøgende-målgrupper" || token == "opsporing") {
      bool all = !s_.groups.empty();
      for (std::size_t i = 0; i < s_.groups.size(); ++i) {
        const auto& g = s_.groups[i];
        bool has = token == "invitation" ? !g.invitations.empty()
                   : token == "mødeform" ? !g.meetings.empty()
                   : token == "opsporing" ? !g.detection.empty()
                                          : true;
        if (has) ids.push_back("målgruppe:" + std::to_string(i));
        else if (token != "opsporing") all = false;
      }
      met = token == "opsporing" ? !ids.empty() : all;
    } else if (token == "risikogrupper") {
      for (std::size_t i = 0; i < s_.risk_groups.size(); ++i) ids.push_back("risikogruppe:" + std::to_string(i));
      met = !s_.risk_groups.empty();
    } else if (token == "årlig-godkendelse") {
      met = s_.approval && s_.approval->date;
      if (met) {
        Block b = para(phrase("bilag.spor.forsiden"));
        row(t, requirement, {b}, ok);
        return;
      }
    } else if (token == "individuelt-alternativ") {
      bool any = false, all = true;
      for (std::size_t i = 0; i < s_.groups.size(); ++i) {
        const auto& g = s_.groups[i];
        bool collective = std::any_of(g.meetings.begin(), g.meetings.end(), [](auto& m) { return model::is_collective(m.kind); });
        if (!collective) continue;
        any = true;
        if (g.alternative) ids.push_back("målgruppe:" + std::to_string(i));
        else all = false;
      }
      if (!any) {
        row(t, requirement, {para(phrase("bilag.spor.ingen-kollektive"))}, phrase("bilag.spor.ikke-relevant"));
        return;
      }
      met = all;
    }
    row(t, requirement, where(ids), met ? ok : missing);
  }

  Section lix() {
    Section sec = section("bilag-lix", phrase("bilag.lix.overskrift"), 3);
    auto t = std::make_shared<Table>();
    t->caption = phrase("bilag.lix.titel");
    t->head = {phrase("bilag.lix.afsnit"), phrase("bilag.lix.ord"), phrase("bilag.lix.sætninger"), phrase("bilag.lix.lix"),
               phrase("bilag.lix.vurdering")};
    t->widths = {40, 12, 18, 12, 18};  // wide enough for "Sætninger" in the DOCX
    t->role = "numbers";
    // The whole document's counts are the sections' counts added up (readability() counts
    // each block on its own and sums), so the text is not broken into words a second time.
    Readability whole_counts;
    auto fmt = [](double v) {
      long tenths = static_cast<long>(v * 10 + 0.5);
      return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
    };
    for (const Section& s : b_.doc.sections) {
      std::vector<std::string> text = text_of(s.blocks);
      if (text.empty()) continue;
      Readability r = readability(text, o_.lix_long_word_over);
      whole_counts.words += r.words;
      whole_counts.long_words += r.long_words;
      whole_counts.sentences += r.sentences;
      Block link;
      link.kind = Block::Kind::paragraph;
      link.spans.push_back({s.heading_text(), Span::Style::plain, "#" + s.id});
      t->rows.push_back({{link}, {para(std::to_string(r.words))}, {para(std::to_string(r.sentences))}, {para(fmt(r.lix()))},
                         {para(lix_label(r.lix()))}});
    }
    const Readability& r = whole_counts;
    Block whole;
    whole.kind = Block::Kind::paragraph;
    whole.spans.push_back({phrase("bilag.lix.hele"), Span::Style::strong});
    t->rows.push_back({{whole}, {para(std::to_string(r.words))}, {para(std::to_string(r.sentences))}, {para(fmt(r.lix()))},
                       {para(lix_label(r.lix()))}});
    sec.blocks.push_back(table_block(t));
    sec.blocks.push_back(para(phrase("bilag.lix.forklaring"), "small"));
    return sec;
  }

  const model::Standard& s_;
  const Templates& t_;
  const Built& b_;
  const RenderOptions& o_;
  Facts facts_;
};

}  // namespace

std::vector<std::string> text_of(const Blocks& blocks) {
  std::vector<std::string> out;
  collect_text(blocks, out);
  return out;
}

std::vector<Section> council_appendix(const model::Standard& s, const Templates& t, const Built& built,
                                      const RenderOptions& options) {
  return Appendix(s, t, built, options).run();
}

}  // namespace kvs::render
