// Scoring against gold sets (format: ../shared/spec/events.md and docs/annotation.md).
//
// Event gold (lines with "events"): predicted events are matched to gold events per
// document, greedily by a similarity of type, evidence, place, date and figures; then each
// field present in a gold event is scored on the matched pairs.
// Recogniser gold (lines with "spans"): gold spans are located in the text by their words,
// matched to predicted spans of the same kind by overlap, and their fields compared.
// Every metric is precision, recall and F1 over true/false positives and false negatives.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/pipeline.h"
#include "veille/event.h"
#include "veille/status.h"

namespace veille::eval {

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct Report {
  int64_t documents = 0;
  std::map<std::string, Counts> metrics;  // "events", "plover", "figure", "figure.exact", ...
  std::vector<std::string> problems;      // gold lines that could not be read, with file:line
  std::vector<nlohmann::json> misses;     // up to a few hundred mismatches, for error analysis
  nlohmann::json ToJson() const;
  // The "total" row: the sum of every field metric (everything but detection rows).
  Counts Total() const;
};

void ScoreEvents(const std::string& text, const std::vector<Event>& gold, const std::vector<Event>& predicted,
                 Report& report);

void ScoreSpans(const std::string& doc_id, const std::string& text, const nlohmann::json& gold_spans,
                const std::vector<std::string>& kinds, const std::vector<pipeline::AnnotatedSpan>& predicted,
                Report& report);

// Runs the pipeline over every gold document of the file and scores it.
Result<Report> EvaluateFile(const std::string& path, const pipeline::Pipeline& pipeline);

}  // namespace veille::eval
