// Command-line options shared by the subcommands. Parsing is strict: an unknown option
// is a usage error (exit 2) with a "mente du …?" suggestion.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.hpp"

namespace kvs::cli {

enum class OutputFormat { text, json, sarif, markdown, html, docx };

struct Options {
  std::vector<std::string> files;
  OutputFormat format = OutputFormat::text;
  std::optional<Date> check_date;  ///< --dato
  bool strict = false;             ///< --strict
  bool write = false;              ///< fmt -w / --skriv
  bool check_only = false;         ///< fmt --tjek
  bool positions = false;          ///< model --positioner
  std::string out_dir;             ///< --ud / --out
  bool council = false;            ///< render / check --ud / compare --dokumenter: --byraad
  std::vector<std::string> render_formats;  ///< render --format html|docx|md (repeatable, or html,md)
  unsigned jobs = 0;               ///< --jobs / -j: worker threads (0: one per core)
  bool documents = false;          ///< compare --dokumenter: also render every standard
  bool follow = false;             ///< check --foelg (--følg, --watch): check again on every save
};

/// Exit codes of every subcommand.
enum Exit { kOk = 0, kFindings = 1, kUsage = 2 };

/// Parses argv[first..]; on a usage error prints a Danish message to stderr and returns nullopt.
/// `document_formats`: --format names document formats (html,docx,md: kvs render) instead of
/// an output format for findings (tekst, json, sarif, …).
std::optional<Options> parse_options(int argc, char** argv, int first, const std::vector<std::string>& allowed,
                                     bool document_formats = false);

}  // namespace kvs::cli
