// The embedded store: one SQLite file (default veille.db) holding documents, events, figures
// and recognised spans, with FTS5 over evidence text and an R*Tree over event coordinates.
//
// Idempotence: a document is keyed by the hash of its text, so ingesting the same article
// twice adds nothing. Consistency: each document and its events are written inside the
// caller's transaction (WAL journal); a process killed mid-batch leaves the last committed
// state, and a re-run adds exactly what is missing.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "veille/event.h"
#include "veille/status.h"

struct sqlite3;

namespace veille::store {

struct Near {
  double lat = 0;
  double lon = 0;
  double km = 0;
};

struct Filter {
  std::string country;  // ISO alpha-2
  std::string type;     // matches plover, event_type or sub_event_type (case-insensitive)
  std::optional<CivilDate> since;
  std::optional<CivilDate> until;
  std::string text;     // FTS5 query over evidence text
  std::optional<Near> near;
  int64_t limit = 0;    // 0 = no limit
};

struct Summary {
  int64_t documents = 0;
  int64_t events = 0;
  std::map<std::string, int64_t> documents_by_lang;
  std::vector<std::pair<std::string, int64_t>> events_by_type;     // most frequent first
  std::vector<std::pair<std::string, int64_t>> events_by_country;  // most frequent first
  std::vector<Figure> top_figures;                                 // largest first
};

class Store {
 public:
  // Opens or creates the database and its schema. ":memory:" gives an in-memory store.
  static Result<Store> Open(const std::string& path);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  Status Begin();
  Status Commit();

  // Adds the analysed document and its events unless its text is already stored.
  // Returns true when it was added.
  Result<bool> Add(const pipeline::Analysis& analysis);

  Result<std::vector<Event>> Query(const Filter& filter) const;
  Result<Summary> Summarize(int top_figures = 10) const;
  Result<int64_t> DocumentCount() const;
  // PRAGMA integrity_check plus veille's own invariants (every event has its document).
  Status Check() const;

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace veille::store
