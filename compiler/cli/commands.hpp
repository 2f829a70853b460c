// The subcommands of `kvs`, one function each, registered in main.cpp's table.
#pragma once

#include <iosfwd>

#include "diagnostic.hpp"
#include "options.hpp"

namespace kvs::cli {

int run_check(const Options& o);
int run_fmt(const Options& o);
int run_model(const Options& o);
int run_diff(const Options& o);

/// Most diagnostics printed per file in text form; the rest are counted.
inline constexpr int kMaxPrintedPerFile = 100;

/// Human-readable diagnostics, at most kMaxPrintedPerFile per file.
void print_text_diagnostics(std::ostream& out, const DiagnosticSink& sink);

}  // namespace kvs::cli
