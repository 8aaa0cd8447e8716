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

}  // namespace veille::output
