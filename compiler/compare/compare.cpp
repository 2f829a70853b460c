#include "compare.hpp"

#include <algorithm>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <ostream>
#include <set>

#include "collate.hpp"
#include "output_batch.hpp"
#include "parallel.hpp"

namespace kvs::compare {

namespace fs = std::filesystem;

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>& errors) {
  std::vector<Input> out;
  for (const auto& a : args) {
    std::error_code ec;
    fs::path p(a);
    if (fs::is_directory(p, ec)) {
      std::vector<Input> found;
      for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".kvs") continue;
        // Lexically: the iterator's paths are p / name, and fs::relative would resolve every
        // component of both paths with readlink (12 system calls a file).
        found.push_back({it->path().string(), it->path().lexically_relative(p).generic_string()});
      }
      if (ec) errors.push_back("kan ikke gennemgå mappen " + a + ": " + ec.message());
      std::sort(found.begin(), found.end(), [](const Input& x, const Input& y) { return x.path < y.path; });
      if (found.empty()) errors.push_back("mappen " + a + " indeholder ingen .kvs-filer");
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back({a, a});
    } else {
      errors.push_back("filen eller mappen " + a + " findes ikke");
    }
  }
  return out;
}

namespace {

std::vector<std::size_t> latest_per_municipality(const std::vector<StandardRow>& rows) {
  std::map<std::string, std::size_t> latest;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto [it, fresh] = latest.emplace(rows[i].municipality, i);
    if (fresh) continue;
    const StandardRow& cur = rows[it->second];
    auto key = [](const StandardRow& r) {
      return std::make_pair(r.year.value_or(-1), r.period_start.value_or(Date{}));
    };
    if (key(rows[i]) >= key(cur)) it->second = i;
  }
  std::vector<std::size_t> out;
  for (const auto& [name, i] : latest) out.push_back(i);
  std::sort(out.begin(), out.end());
  return out;
}

std::string skip_reason(const checks::CheckRun& run) {
  for (const auto& d : run.sink.diagnostics()) {
    if (d.severity != Severity::fejl || d.acknowledged) continue;
    std::string where;
    if (d.file && d.where) {
      Position p = d.file->position(d.where->begin);
      where = std::to_string(p.line) + ":" + std::to_string(p.column) + ": ";
    }
    return where + d.message + " [" + d.code + "]";
  }
  return "filen kunne ikke oversættes";
}

}  // namespace

CompareResult compare_inputs(const std::vector<Input>& inputs, const checks::CheckData& data,
                             const NationalFigures& figures, const CompareOptions& options) {
  CompareResult result;
  result.check_date = options.check_date.value_or(Date::today());
  result.check_date_given = options.check_date.has_value();
  result.files = inputs.size();

  struct Slot {
    std::optional<StandardRow> row;
    std::optional<Skipped> skipped;
  };
  std::vector<Slot> slots(inputs.size());
  std::size_t done = 0;
  std::mutex progress_mutex;
  parallel_for(inputs.size(), options.jobs, [&](std::size_t i) {
    const Input& in = inputs[i];
    Slot& slot = slots[i];
    try {
      checks::CheckRun run = checks::check_file(in.path, data, options.check_date);
      if (run.law && run.unit.model && run.unit.file) {
        slot.row = extract_row(*run.unit.model, *run.unit.file, *run.law, run.sink.diagnostics(), figures);
        slot.row->path = in.path;
        slot.row->display_path = in.display;
        if (options.on_checked) options.on_checked(in, run);
      } else {
        Skipped s{in.display, skip_reason(run), {}};
        for (const auto& d : run.sink.diagnostics()) s.diagnostics.push_back(finding_of(d, ""));
        slot.skipped = std::move(s);
      }
    } catch (const std::exception& e) {
      slot.skipped = Skipped{in.display, std::string("intern fejl under sammenligningen: ") + e.what(), {}};
    }
    if (options.progress) {
      std::lock_guard lock(progress_mutex);
      options.progress(++done, inputs.size(), in.display);
    }
  });

  for (auto& s : slots) {
    if (s.row) result.rows.push_back(std::move(*s.row));
    if (s.skipped) result.skipped.push_back(std::move(*s.skipped));
  }
  DanishCollator collator;
  std::stable_sort(result.rows.begin(), result.rows.end(), [&](const StandardRow& a, const StandardRow& b) {
    if (int c = collator.compare(a.municipality, b.municipality)) return c < 0;
    // Dated standards in time order; a standard without a year last.
    auto ya = a.year.value_or(1 << 30), yb = b.year.value_or(1 << 30);
    if (ya != yb) return ya < yb;
    if (a.period_start != b.period_start) return a.period_start.value_or(Date{}) < b.period_start.value_or(Date{});
    return a.display_path < b.display_path;
  });
  result.latest = latest_per_municipality(result.rows);
  result.series = find_series(result.rows, figures);
  return result;
}

// ---------------------------------------------------------------------------------------
// Time series: the semantic difference of two rows.

namespace {

template <class E>
std::string words(const std::vector<E>& v, const char* sep = ", ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + std::string(model::word_of(x));
  return s;
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string findings_text(const StandardRow& r) {
  return "fejl " + std::to_string(r.fejl) + ", advarsel " + std::to_string(r.advarsel) + ", råd " +
         std::to_string(r.raad);
}

void scalar(std::vector<Change>& out, const std::string& dim, const std::string& a, const std::string& b) {
  if (a == b) return;
  std::string sa = a.empty() ? "(intet)" : a, sb = b.empty() ? "(intet)" : b;
  out.push_back({dim, a, b, sa + " → " + sb});
}

void set_change(std::vector<Change>& out, const std::string& dim, const std::vector<std::string>& a,
                const std::vector<std::string>& b) {
  std::vector<std::string> added, removed;
  for (const auto& x : b)
    if (std::find(a.begin(), a.end(), x) == a.end()) added.push_back(x);
  for (const auto& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end()) removed.push_back(x);
  if (added.empty() && removed.empty()) return;
  std::string summary;
  if (!added.empty()) summary = "+ " + join(added, ", + ");
  if (!removed.empty()) summary += (summary.empty() ? "" : "; ") + std::string("− ") + join(removed, ", − ");
  out.push_back({dim, join(a), join(b), summary});
}

std::vector<std::string> category_words(const StandardRow& r) {
  std::vector<std::string> v;
  for (const auto& c : r.categories) v.emplace_back(model::word_of(c.category));
  return v;
}

/// Each exclusion by its grounds ("plejebolig + institution"), with how it stands legally.
std::vector<std::pair<std::string, std::string>> exclusions_of(const StandardRow& r) {
  std::vector<std::pair<std::string, std::string>> v;
  for (const auto& e : r.exclusions) {
    std::string grounds;
    for (auto g : e.grounds) grounds += (grounds.empty() ? "" : " + ") + std::string(model::word_of(g));
    v.emplace_back(grounds, legality_word(e.legality));
  }
  return v;
}

void exclusion_changes(std::vector<Change>& out, const StandardRow& a, const StandardRow& b) {
  auto ea = exclusions_of(a), eb = exclusions_of(b);
  auto keys = [](const auto& v) {
    std::vector<std::string> k;
    for (const auto& [g, l] : v) k.push_back(g);
    return k;
  };
  set_change(out, "undtagelser", keys(ea), keys(eb));
  for (const auto& [g, l] : ea)
    for (const auto& [g2, l2] : eb)
      if (g == g2 && l != l2) out.push_back({"undtagelse " + g, l, l2, l + " → " + l2});
}

std::vector<std::string> rules_of(const StandardRow& r) {
  std::vector<std::string> v;
  for (const auto& [rule, n] : r.rule_counts()) v.push_back(rule);
  return v;
}

std::string alternative_text(const GroupOffer& o) {
  return o.needs_alternative ? (o.alternative ? "ja" : "nej") : "ikke relevant";
}

}  // namespace

std::vector<Change> changes_between(const StandardRow& a, const StandardRow& b, const NationalFigures& figures) {
  std::vector<Change> out;
  scalar(out, "ordning", std::string(model::word_of(a.scheme)), std::string(model::word_of(b.scheme)));
  scalar(out, "lovgrundlag", join(a.law_versions, " + "), join(b.law_versions, " + "));
  for (const auto& sg : figures.groups) {
    const GroupOffer* oa = a.offer(sg.id);
    const GroupOffer* ob = b.offer(sg.id);
    if (!oa || !ob) continue;
    std::string name = sg.short_name;
    if (oa->offer == Offer::nej || ob->offer == Offer::nej) {
      // Offered in one year only: one line that says how it was offered, not three.
      auto how = [&](const GroupOffer& o) {
        std::string s = offer_word(o.offer);
        if (o.offer != Offer::nej) s += " (" + words(o.invitations) + "; " + words(o.meetings) + ")";
        return s;
      };
      scalar(out, name + ": tilbud", how(*oa), how(*ob));
      continue;
    }
    scalar(out, name + ": tilbud", offer_word(oa->offer), offer_word(ob->offer));
    scalar(out, name + ": invitation", words(oa->invitations), words(ob->invitations));
    scalar(out, name + ": mødeform", words(oa->meetings), words(ob->meetings));
    scalar(out, name + ": individuelt alternativ", alternative_text(*oa), alternative_text(*ob));
  }
  scalar(out, "egne målgrupper", std::to_string(a.groups.size()), std::to_string(b.groups.size()));
  set_change(out, "risikogrupper", category_words(a), category_words(b));
  exclusion_changes(out, a, b);
  scalar(out, "individuelt alternativ", a.individual_alternative, b.individual_alternative);
  scalar(out, "opfølgning beskrevet", a.follow_up ? "ja" : "nej", b.follow_up ? "ja" : "nej");
  scalar(out, "kompetencer beskrevet", described_word(a.competences), described_word(b.competences));
  scalar(out, "formål", purpose_word(a.purpose), purpose_word(b.purpose));
  scalar(out, "godkendt", a.approved ? a.approved->iso() : "", b.approved ? b.approved->iso() : "");
  scalar(out, "fund", findings_text(a), findings_text(b));
  set_change(out, "regler med fund", rules_of(a), rules_of(b));
  return out;
}

std::vector<Series> find_series(const std::vector<StandardRow>& rows, const NationalFigures& figures) {
  std::vector<Series> out;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i + 1;
    while (j < rows.size() && rows[j].municipality == rows[i].municipality) ++j;
    // A series needs two different periods; a second file for the same year (a copy, a draft)
    // is not a change over time, so only the first of those is followed.
    Series s;
    s.municipality = rows[i].municipality;
    for (std::size_t k = i; k < j; ++k)
      if (s.rows.empty() || rows[k].period_label() != rows[s.rows.back()].period_label()) s.rows.push_back(k);
    if (s.rows.size() >= 2) {
      for (std::size_t k = 0; k + 1 < s.rows.size(); ++k)
        s.steps.push_back(changes_between(rows[s.rows[k]], rows[s.rows[k + 1]], figures));
      out.push_back(std::move(s));
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Writing.

std::string write_outputs(const std::string& dir, const CompareResult& r, const NationalFigures& figures,
                          const ReportInfo& info, std::future<DatabaseDraft> draft) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "kan ikke oprette mappen " + dir + ": " + ec.message();
  // One batch: the four files become durable together and only then replace the old ones
  // (a batch left without commit() removes what it staged).
  OutputBatch batch(0);
  auto stage = [&](const char* name, const std::string& bytes) {
    return batch.stage((fs::path(dir) / name).string(), bytes);
  };
  try {
    // The database and the report are independent readings of the same result, and each is
    // a sizeable share of a run's serial tail: the database is built on a second thread,
    // the longer task, while this one builds and stages the report and the CSV files.
    std::string db_error;
    std::future<std::string> db = std::async(
        std::launch::async, [&] { return database_bytes(r, figures, info, db_error, std::move(draft)); });
    if (std::string e = stage(kReportFile, report_html(r, figures, info)); !e.empty()) return e;
    if (std::string e = stage(kStandardsCsv, standards_csv(r, figures)); !e.empty()) return e;
    if (std::string e = stage(kFindingsCsv, findings_csv(r)); !e.empty()) return e;
    std::string db_bytes = db.get();
    if (!db_error.empty()) return "databasen kunne ikke bygges: " + db_error;
    if (std::string e = stage(kDatabaseFile, db_bytes); !e.empty()) return e;
  } catch (const std::exception& e) {
    return std::string("uddata kunne ikke bygges: ") + e.what();
  }
  std::vector<OutputError> errors = batch.commit();
  return errors.empty() ? std::string() : errors.front().message;
}

std::size_t output_listing_width(const std::string& out_dir, std::size_t at_least) {
  std::size_t width = at_least;
  for (const char* name : {kReportFile, kStandardsCsv, kFindingsCsv, kDatabaseFile})
    width = std::max(width, (fs::path(out_dir) / name).string().size());
  return width;
}

int run_compare(const std::vector<std::string>& args, const std::string& out_dir, std::optional<Date> check_date,
                const std::string& version, std::ostream& out, std::ostream& err, bool progress_tty,
                const CompareOptions& extra) {
  if (args.empty()) {
    err << "kvs compare: angiv en mappe eller mindst én .kvs-fil\n";
    return 2;
  }
  // The database's schema and statements need no result: begun on a second thread now, while
  // this one loads the data and lists the inputs with the other core idle (DatabaseDraft).
  std::future<DatabaseDraft> draft = std::async(std::launch::async, [] { return DatabaseDraft(); });
  std::vector<law::LoadError> load_errors;
  auto data = checks::load_check_data(load_errors);
  std::optional<NationalFigures> figures;
  if (data) figures = load_national_figures(national_figures_path(), data->law, load_errors);
  if (!data || !figures) {
    for (const auto& e : load_errors) err << "kvs: fejl i data: " << e.format() << '\n';
    return 2;
  }
  std::vector<std::string> input_errors;
  std::vector<Input> inputs = expand_inputs(args, input_errors);
  for (const auto& e : input_errors) err << "kvs compare: " << e << '\n';
  if (inputs.empty()) {
    err << "kvs compare: ingen standarder at sammenligne; intet er skrevet\n";
    return 2;
  }

  CompareOptions options = extra;
  options.check_date = check_date;
  std::size_t step = std::max<std::size_t>(1, inputs.size() / 10);
  options.progress = [&](std::size_t done, std::size_t total, const std::string& path) {
    if (progress_tty) {
      err << "\r\x1b[Kkvs compare: " << done << "/" << total << "  " << path << std::flush;
      if (done == total) err << '\n';
    } else if (total >= 20 && (done % step == 0 || done == total)) {
      err << "kvs compare: " << done << "/" << total << " filer\n";
    }
  };
  if (options.on_data_loaded && !options.on_data_loaded(*data)) return 2;
  CompareResult result = compare_inputs(inputs, *data, *figures, options);

  for (const auto& s : result.skipped) err << "kvs compare: springer over " << s.path << ": " << s.reason << '\n';
  if (result.rows.empty()) {
    err << "kvs compare: ingen af filerne kunne sammenlignes; intet er skrevet\n";
    return 2;
  }
  ReportInfo info{version, Date::today().iso()};
  if (std::string e = write_outputs(out_dir, result, *figures, info, std::move(draft)); !e.empty()) {
    err << "kvs compare: " << e << '\n';
    return 2;
  }
  out << result.rows.size() << (result.rows.size() == 1 ? " standard" : " standarder") << " sammenlignet";
  if (!result.skipped.empty())
    out << ", " << result.skipped.size() << (result.skipped.size() == 1 ? " fil" : " filer") << " sprunget over";
  if (!result.series.empty())
    out << ", " << result.series.size() << (result.series.size() == 1 ? " tidsserie" : " tidsserier");
  out << ".\n";
  fs::path dir(out_dir);
  const std::pair<const char*, const char*> files[] = {{kReportFile, "rapporten: åbn den i en browser"},
                                                       {kStandardsCsv, "én række pr. standard"},
                                                       {kFindingsCsv, "én række pr. fund"},
                                                       {kDatabaseFile, "SQLite, skemaet står i docs/compare.md"}};
  const std::size_t width = output_listing_width(out_dir);
  for (const auto& [name, what] : files) {
    std::string path = (dir / name).string();
    out << "  " << path << std::string(width - path.size() + 2, ' ') << "(" << what << ")\n";
  }
  return result.skipped.empty() && input_errors.empty() ? 0 : 1;
}

}  // namespace kvs::compare
