// JSON forms of veille's records, exactly as ../shared/spec/events.md names their fields:
// the event written by `veille extract`, stored, exported and read back from gold sets.
#pragma once

#include <nlohmann/json.hpp>

#include "veille/event.h"
#include "veille/status.h"

namespace veille::output {

nlohmann::json ToJson(const Event& event);
nlohmann::json ToJson(const Figure& figure);

// Reads an event as a gold set writes it: any subset of the spec's fields.
Result<Event> EventFromJson(const nlohmann::json& j);

// Serialises with non-ASCII kept as UTF-8 and invalid bytes replaced, never throwing.
std::string Dump(const nlohmann::json& j);

// Appends exactly the text of Dump(ToJson(event)), written directly: `extract` writes one per
// event, and building the json tree first cost about as much as analysing the document.
void AppendJson(std::string& out, const Event& event);
// The same, as one line of JSON Lines (with its newline).
void AppendJsonLine(std::string& out, const Event& event);

}  // namespace veille::output
