// The subcommands of `kvs`, one function each, registered in main.cpp's table.
#pragma once

#include <iosfwd>
#include <optional>

#include "check.hpp"
#include "diagnostic.hpp"
#include "options.hpp"

namespace kvs::cli {

int run_check(const Options& o);
int run_fmt(const Options& o);
int run_model(const Options& o);
int run_diff(const Options& o);

/// The law and advice data (checks/law, checks/advice.xml); problems are printed to
/// stderr, and nothing is returned when the data cannot be used.
std::optional<checks::CheckData> load_check_data_or_report();

/// Most diagnostics printed per file in text form; the rest are counted.
inline constexpr int kMaxPrintedPerFile = 100;

/// Human-readable diagnostics, at most kMaxPrintedPerFile per file.
void print_text_diagnostics(std::ostream& out, const DiagnosticSink& sink);

}  // namespace kvs::cli
