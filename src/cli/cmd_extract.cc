// `veille extract` and `veille annotate`: the contract verbs of ../shared/spec/events.md.
#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "output/json.h"

namespace veille::cli {

namespace {

std::unique_ptr<pipeline::Pipeline> MakePipeline(bool annotate) {
  pipeline::Options options;
  options.annotate = annotate;
  auto p = pipeline::Pipeline::Create(options);
  if (!p) {
    std::cerr << "veille: " << p.error().ToString() << "\n";
    return nullptr;
  }
  return std::make_unique<pipeline::Pipeline>(std::move(*p));
}

}  // namespace

std::string EventLines(const pipeline::Analysis& a, bool acled_only) {
  std::string text;
  for (const Event& e : a.events) {
    if (acled_only && e.event_type.empty()) continue;
    output::AppendJsonLine(text, e);
  }
  return text;
}

Action AddExtract(CLI::App& app) {
  auto* cmd = app.add_subcommand("extract", "Extract events as JSON Lines, one event per line, in document order.\n"
                                            "Example: veille extract --published 2022-01-07 article.txt");
  auto o = std::make_shared<InputOptions>();
  auto acled = std::make_shared<bool>(false);
  AddInputOptions(*cmd, *o);
  cmd->add_flag("--acled", *acled, "only events in ACLED's scope (with an ACLED event type)");
  return [o, acled] {
    auto p = MakePipeline(/*annotate=*/false);
    if (!p) return kExitUsage;
    std::ios::sync_with_stdio(false);
    return PrintEachAnalysis(*o, *p, [acled](const pipeline::Analysis& a) { return EventLines(a, *acled); });
  };
}

Action AddAnnotate(CLI::App& app) {
  auto* cmd = app.add_subcommand("annotate",
                                 "Print every recognised span (dates, places, numbers, figures, actors, triggers) with byte\n"
                                 "offsets into each record's text: one JSON object per document.\n"
                                 "Example: veille annotate --lang fr depeche.txt");
  auto o = std::make_shared<InputOptions>();
  auto sentences = std::make_shared<bool>(false);
  AddInputOptions(*cmd, *o);
  cmd->add_flag("--sentences", *sentences, "also print the sentence spans (\"sentences\": [{start, end}])");
  return [o, sentences] {
    auto p = MakePipeline(/*annotate=*/true);
    if (!p) return kExitUsage;
    std::ios::sync_with_stdio(false);
    return PrintEachAnalysis(*o, *p, [sentences](const pipeline::Analysis& a) {
      nlohmann::json j;
      j["doc_id"] = a.doc.id;
      j["lang"] = a.lang;
      j["spans"] = nlohmann::json::array();
      for (const auto& s : a.spans) {
        nlohmann::json span = nlohmann::json::parse(s.fields_json, nullptr, false);
        if (!span.is_object()) span = nlohmann::json::object();
        span["kind"] = s.kind;
        span["start"] = s.start;
        span["end"] = s.end;
        span["text"] = a.doc.text.substr(s.start, s.end - s.start);
        j["spans"].push_back(std::move(span));
      }
      if (*sentences) {
        j["sentences"] = nlohmann::json::array();
        for (const Sentence& s : a.segmented.sentences) {
          Span orig = a.normalized.map.ToOriginal(s.span);
          j["sentences"].push_back({{"start", orig.begin}, {"end", orig.end}});
        }
      }
      return output::Dump(j) + '\n';
    });
  };
}

}  // namespace veille::cli
