// kvs — the command line. A table of subcommands (as ninja's tool table): name,
// one-line help, accepted options, function. main() only dispatches.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "allocator.hpp"
#include "commands.hpp"
#include "spellcheck.hpp"
#include "version.hpp"

namespace kvs::cli {
int run_rules(const Options& o);  // cmd_rules.cpp
int run_render(const Options& o);  // cmd_render.cpp
int run_compare(const Options& o);  // cmd_compare.cpp
}

namespace {

struct Command {
  const char* name;
  const char* alias;  ///< the Danish verb, for writers who type it in Danish
  const char* usage;
  const char* help;
  std::vector<std::string> options;
  int (*run)(const kvs::cli::Options&);
  bool document_formats = false;  ///< --format names document formats (render)
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"check", "tjek",
       "check [--format tekst|json|sarif] [--dato ÅÅÅÅ-MM-DD] [--strict] [--ud MAPPE [--byraad]] [--foelg] FIL...",
       "kontrollér standarder: syntaks, betydning og lovkrav; --ud danner også dokumenterne (HTML og DOCX) "
       "for hver fil uden fejl i samme kørsel (--byraad: byrådsudgaven med bilag); --foelg (--følg) bliver "
       "ved og kontrollerer (og danner) igen, hver gang en af filerne gemmes, til Ctrl+C",
       {"--format", "--dato", "--strict", "--ud", "--byraad", "--foelg"}, kvs::cli::run_check},
      {"fmt", "formater", "fmt [-w|--skriv] [--tjek] FIL...",
       "skriv filer i kanonisk form (til skærmen; -w skriver filen om)",
       {"--skriv", "--tjek"}, kvs::cli::run_fmt},
      {"model", "model", "model [--positioner] FIL",
       "vis standardens semantiske model som JSON",
       {"--positioner"}, kvs::cli::run_model},
      {"diff", "forskel", "diff [--format tekst|json|html|docx] [--ud MAPPE] [--dato ÅÅÅÅ-MM-DD] GAMMEL.kvs NY.kvs",
       "vis, hvad der er ændret fra den ene standard til den anden; html/docx skriver en ændringsoversigt til byrådet",
       {"--format", "--dato", "--ud"}, kvs::cli::run_diff},
      {"rules", "regler", "rules [--format tekst|markdown]",
       "vis regelkataloget (markdown: docs/rules.md)",
       {"--format"}, kvs::cli::run_rules},
      {"render", "dan",
       "render [--ud MAPPE] [--format html|docx|md] [--byraad] [--dato ÅÅÅÅ-MM-DD] [--jobs N] FIL...",
       "dan dokumenter: NAVN.html og NAVN.docx (og NAVN.md) for hver standard; --byraad tilføjer bilag til byrådet; "
       "--jobs: antal tråde (standard: én pr. kerne)",
       {"--ud", "--format", "--byraad", "--dato", "--jobs"}, kvs::cli::run_render, true},
      {"compare", "sammenlign",
       "compare [--ud MAPPE] [--dato ÅÅÅÅ-MM-DD] [--dokumenter [--byraad]] [--jobs N] MAPPE|FIL...",
       "sammenlign mange standarder side om side: report.html, standarder.csv, fund.csv og kvs.sqlite i MAPPE "
       "(standard: ./sammenligning); --dokumenter danner også hver standards HTML og DOCX i MAPPE/dokumenter "
       "i samme kørsel (--byraad: byrådsudgaven med bilag)",
       {"--ud", "--dato", "--dokumenter", "--byraad", "--jobs"}, kvs::cli::run_compare},
  };
  return table;
}

void print_help() {
  std::cout << "kvs " KVS_VERSION " — oversætter for kommunale kvalitetsstandarder\n"
               "(forebyggende hjemmebesøg og opsøgende forebyggelse)\n\n"
               "Brug: kvs KOMMANDO [TILVALG] FIL...\n\nKommandoer:\n";
  for (const auto& c : commands()) std::cout << "  " << c.usage << "\n      " << c.help << "\n";
  std::cout << "\nAfslutningskoder: 0 = ingen fejl, 1 = fejl fundet, 2 = forkert brug eller fil kan ikke læses.\n"
               "Sproget er beskrevet i docs/language.md.\n";
}

}  // namespace

int main(int argc, char** argv) {
  kvs::tune_allocator();
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "hjælp")) {
    print_help();
    return argc < 2 ? kvs::cli::kUsage : kvs::cli::kOk;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::cout << "kvs " KVS_VERSION "\n";
    return kvs::cli::kOk;
  }
  std::string name = argv[1];
  for (const auto& c : commands()) {
    if (name != c.name && name != c.alias) continue;
    for (int i = 2; i < argc; ++i)
      if (!std::strcmp(argv[i], "--help")) {
        std::cout << "Brug: kvs " << c.usage << "\n" << c.help << "\n";
        return kvs::cli::kOk;
      }
    auto options = kvs::cli::parse_options(argc, argv, 2, c.options, c.document_formats);
    if (!options) return kvs::cli::kUsage;
    return c.run(*options);
  }
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  std::cerr << "kvs: ukendt kommando '" << name << "'";
  if (auto guess = kvs::closest_word(name, names)) std::cerr << "; mente du '" << *guess << "'?";
  std::cerr << "\nSe 'kvs --help'.\n";
  return kvs::cli::kUsage;
}
