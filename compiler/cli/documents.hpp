// One checked standard → its documents staged for writing: what `kvs render` does for each
// file and `kvs compare --dokumenter` for each standard it has compiled and checked anyway.
// Both commands share this, so a document is the same whichever command made it.
#pragma once

#include <future>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "advice_data.hpp"
#include "check.hpp"
#include "date.hpp"
#include "diagnostic.hpp"
#include "options.hpp"
#include "output_batch.hpp"
#include "render.hpp"
#include "standard.hpp"

namespace kvs::cli {

/// What every document of a run shares.
struct DocumentSettings {
  const render::Renderer* renderer = nullptr;
  std::vector<render::Format> formats{render::Format::html, render::Format::docx};
  bool council = false;              ///< --byraad: the council edition with its appendix
  std::optional<Date> check_date;    ///< --dato
  std::string out_dir;               ///< --ud
  int lix_long_word_over = render::kLixLongWordOver;  ///< from checks/advice.xml when loaded
};

/// The document templates (templates/), or nothing after "kvs COMMAND: skabelonerne kan ikke
/// læses: …" on stderr — said the same way by every command that makes documents. With
/// `data` (a run that checks, too) the renderer takes its law from it instead of reading
/// checks/law/ a second time.
std::optional<render::Renderer> load_renderer_or_report(const char* command, const checks::CheckData* data = nullptr);

/// The templates read on a second thread from construction on, while the command reads the
/// law data (the start of a batch is otherwise serial, with a core idle): get() waits for
/// them, and gives nothing after load_renderer_or_report's message. For batches (`compare
/// --dokumenter`), not for one standard: on this VM, waking a second thread costs more than
/// the overlap saves in a run of a few milliseconds (`check --ud` of one standard took 12.4
/// instead of 9.2 ms with the templates and the document made on second threads).
class RendererLoading {
 public:
  explicit RendererLoading(const char* command);
  RendererLoading(const RendererLoading&) = delete;
  RendererLoading& operator=(const RendererLoading&) = delete;
  ~RendererLoading();  ///< waits for the thread, if get() was not called
  /// The templates, with the law taken from `data` (loaded meanwhile on this thread).
  std::optional<render::Renderer> get(const checks::CheckData& data);

 private:
  const char* command_;
  std::string error_;
  std::future<std::optional<render::Renderer>> loading_;
};

/// The settings `o` gives every document (--byraad, --dato), written to `out_dir`. With
/// `advice`, the council appendix counts LIX with its long word, as the checker does.
DocumentSettings document_settings(const Options& o, const render::Renderer& renderer, std::string out_dir,
                                   const checks::AdviceData* advice);

/// The targets staged for one standard, and the problems of those that were not.
struct StagedDocuments {
  std::vector<std::string> targets;
  std::vector<std::string> errors;  ///< Danish, "mappe/navn.docx: …"
};

/// Renders `standard` (read from `source`) into every format of `settings`, named
/// `stem`.EXT in the output folder, and stages each file in `batch`. `findings` are the
/// checker's (shown only in the council edition); `checks_ran` says whether it ran.
/// Safe to call from several threads at once.
StagedDocuments stage_documents(const DocumentSettings& settings, const SourceFile& source,
                                const std::string& stem, const model::Standard& standard,
                                const std::vector<Diagnostic>& findings, bool checks_ran, OutputBatch& batch);

/// Lists `targets` after `batch` was committed: "skrev PATH", or "uændret PATH" for a file that
/// already held its bytes; a target among `failed` is left out (its error is reported apart).
void list_documents(std::ostream& out, const std::vector<std::string>& targets,
                    const std::vector<OutputError>& failed, OutputBatch& batch);

}  // namespace kvs::cli
