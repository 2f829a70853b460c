// kvs compare (sammenlign): every standard in a folder side by side for national evaluators —
// report.html, standarder.csv, fund.csv and kvs.sqlite in --ud (default ./sammenligning).
// The work is in compiler/compare; this is only the command-line face of it.
#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "compare.hpp"
#include "version.hpp"

namespace kvs::cli {

int run_compare(const Options& o) {
  std::string out_dir = o.out_dir.empty() ? "sammenligning" : o.out_dir;
  return compare::run_compare(o.files, out_dir, o.check_date, KVS_VERSION, std::cout, std::cerr, ::isatty(2) != 0);
}

}  // namespace kvs::cli
