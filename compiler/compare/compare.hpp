// `kvs compare`: every standard in a folder (or a list of files) compiled, checked and reduced
// to one comparison row, side by side. Files are independent, so they are compiled on all
// cores; a broken file is reported and skipped, never aborting the run. The outputs (report,
// CSV, SQLite) are built in memory and written atomically, only when the run succeeded.
#pragma once

#include <functional>
#include <future>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check.hpp"
#include "national_figures.hpp"
#include "row.hpp"

namespace kvs::compare {

/// A file to compare: its path, and how to show it (relative to the folder it was found in).
struct Input {
  std::string path;
  std::string display;
};

/// Expands folders (recursively, *.kvs, sorted) and keeps files as given. Missing paths and
/// folders without .kvs files go to `errors` (Danish messages).
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>& errors);

/// A file that could not be compared: why, and every diagnostic it had.
struct Skipped {
  std::string path;
  std::string reason;  ///< the first fejl, as "linje:kolonne: besked"
  std::vector<Finding> diagnostics;
};

/// One step of a time series: what changed from one standard to the next.
struct Change {
  std::string dimension;      ///< "82+: invitation", "risikogrupper", "lovgrundlag", …
  std::string before, after;  ///< the values in the two standards ("" when absent)
  std::string summary;        ///< in Danish: "datobrev → brev uden dato", "+ ensomhed; − alkohol"
};

/// The same municipality in several years (at least two different periods): indices into
/// CompareResult::rows, oldest first, one standard per period.
struct Series {
  std::string municipality;
  std::vector<std::size_t> rows;
  std::vector<std::vector<Change>> steps;  ///< steps[i]: rows[i] → rows[i+1]
};

struct CompareResult {
  std::vector<StandardRow> rows;  ///< Danish collation order of municipality, then year, then path
  std::vector<Skipped> skipped;   ///< input order
  std::vector<Series> series;     ///< Danish order
  Date check_date;
  bool check_date_given = false;
  std::size_t files = 0;

  /// Indices of the rows a distribution counts: each municipality once, its latest standard.
  /// Worked out once with the rows (every national figure counts over them).
  std::vector<std::size_t> latest;
};

struct CompareOptions {
  std::optional<Date> check_date;  ///< for standards that state no period (default today)
  unsigned jobs = 0;               ///< worker threads; 0: one per core
  /// Called after each file (from worker threads, serialised): files done, total, path.
  std::function<void(std::size_t, std::size_t, const std::string&)> progress;
  /// More work for every standard that compiled and was checked, done on the worker thread
  /// that checked it while its model is in memory (kvs compare --dokumenter renders it).
  /// Called concurrently from several threads; it must not throw.
  std::function<void(const Input&, const checks::CheckRun&)> on_checked;
  /// Called once with the law and advice data the run checks with, before any file is
  /// checked (kvs compare --dokumenter waits here for the templates it loads meanwhile, and
  /// takes the council appendix's LIX settings from the data instead of loading it a second
  /// time). Returning false ends the run with exit code 2 and nothing written; the hook has
  /// said why.
  std::function<bool(const checks::CheckData&)> on_data_loaded;
};

/// Compiles, checks and extracts every input; sorts rows; finds time series.
CompareResult compare_inputs(const std::vector<Input>& inputs, const checks::CheckData& data,
                             const NationalFigures& figures, const CompareOptions& options);

/// The semantic differences between two rows of the same municipality.
std::vector<Change> changes_between(const StandardRow& a, const StandardRow& b, const NationalFigures& figures);

/// Groups rows (already sorted) into time series.
std::vector<Series> find_series(const std::vector<StandardRow>& rows, const NationalFigures& figures);

/// Does the standard have what a national figure counts (its `maal`, docs/compare.md §5)?
bool has_metric(const StandardRow& r, const FigureValue& v);

/// The compared standards' own share for a figure: k of n, counted among each municipality's
/// latest standard (and, for LocalBase::datobrev_users, only those using datobrev at all).
struct LocalShare {
  int k = 0, n = 0;
  std::optional<double> percent() const { return n ? std::optional<double>(100.0 * k / n) : std::nullopt; }
};
LocalShare local_share(const CompareResult& r, const Figure& f, const FigureValue& v);

/// Output names inside the output folder.
inline constexpr const char* kReportFile = "report.html";
inline constexpr const char* kStandardsCsv = "standarder.csv";
inline constexpr const char* kFindingsCsv = "fund.csv";
inline constexpr const char* kDatabaseFile = "kvs.sqlite";

/// The width of the path column in the list of outputs run_compare prints for `out_dir`
/// (at least `at_least`), so that a caller's own lines below it line up.
std::size_t output_listing_width(const std::string& out_dir, std::size_t at_least = 0);

struct ReportInfo {
  std::string version;    ///< kvs version
  std::string generated;  ///< date of the run (ISO)
};

std::string standards_csv(const CompareResult& r, const NationalFigures& figures);
std::string findings_csv(const CompareResult& r);
std::string report_html(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info);
/// kvs.sqlite before its rows: the in-memory database with the schema made, a transaction
/// open and every INSERT prepared. That is a sixth of building the database and needs no
/// result, so run_compare has it made on a core that is idle while the data loads, instead
/// of on the run's serial tail, where the database is the longest task.
class DatabaseDraft {
 public:
  DatabaseDraft();  ///< throws std::runtime_error with SQLite's message
  ~DatabaseDraft();
  DatabaseDraft(DatabaseDraft&&) noexcept;
  DatabaseDraft& operator=(DatabaseDraft&&) noexcept;
  /// Inserts the rows of `r` and returns the database serialised: kvs.sqlite's bytes. Once
  /// per draft; throws std::runtime_error with SQLite's message.
  std::string finish(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The SQLite database as bytes (built in memory), finished from `draft` if it is valid (see
/// DatabaseDraft), else from a draft begun here; empty with `error` set on failure.
std::string database_bytes(const CompareResult& r, const NationalFigures& figures, const ReportInfo& info,
                           std::string& error, std::future<DatabaseDraft> draft = {});

/// Builds every output in memory, then writes each atomically into `dir` (created if missing).
/// Returns an empty string on success, else a Danish description; on failure during building
/// nothing is written, so an earlier good output stays. `draft`, if valid, is the database
/// begun earlier (see DatabaseDraft); otherwise one is begun here.
std::string write_outputs(const std::string& dir, const CompareResult& r, const NationalFigures& figures,
                          const ReportInfo& info, std::future<DatabaseDraft> draft = {});

/// The whole command: load data, expand, compare (progress on `err`), write. Exit code as the
/// CLI: 0 all compared, 1 outputs written but some files skipped, 2 usage/data/I/O error or
/// nothing to compare (then nothing is written).
/// `extra` supplies the worker count and the on_checked hook (its check_date and progress are
/// set here).
int run_compare(const std::vector<std::string>& args, const std::string& out_dir, std::optional<Date> check_date,
                const std::string& version, std::ostream& out, std::ostream& err, bool progress_tty = false,
                const CompareOptions& extra = {});

}  // namespace kvs::compare
