// Ingest: turns the user's inputs (.txt articles, .jsonl records, standard input, folders)
// into Documents. Input problems never stop a batch: a record that cannot be read is
// reported as a Rejection naming its file and line, a repaired problem (an invalid byte,
// a NUL) as a Notice naming its byte offset, and every other record is still delivered.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "veille/document.h"
#include "veille/status.h"

namespace veille::ingest {

struct Options {
  // Largest .txt file or JSON Lines record accepted. Default: 10 MB.
  uint64_t max_record_bytes = 10ull << 20;
  // Default publication date for records without one (the --published flag).
  std::optional<CivilDate> default_published;
  // Language for records without one; empty or "auto" means detect.
  std::string default_lang;
};

struct Rejection {
  Origin origin;
  std::string reason;
  std::string ToString() const { return origin.ToString() + ": " + reason; }
};

// Receives what ingest finds, in input order. Any callback may be empty.
struct Sink {
  std::function<void(Document&&)> on_document;
  std::function<void(const Notice&)> on_notice;
  std::function<void(const Rejection&)> on_rejection;
};

struct Counts {
  uint64_t documents = 0;
  uint64_t rejections = 0;
  uint64_t notices = 0;
  uint64_t bytes = 0;  // bytes of input read
};

// Reads every input: a path to a file or folder (walked recursively in name order, taking
// .txt, .jsonl and .ndjson files), or "-" for standard input (JSON Lines when its first
// non-space byte is '{', else one text article). Returns an error only for a usage problem
// that concerns the whole input (a path that does not exist is a Rejection, not an error).
Result<Counts> ReadInputs(const std::vector<std::string>& inputs, const Options& options,
                          const Sink& sink);

// Building blocks, exposed for tests and for callers holding bytes in memory.
void ReadTextArticle(std::string_view bytes, const Origin& origin, const Options& options,
                     const Sink& sink, Counts& counts);
void ReadJsonLines(std::istream& in, const std::string& path, const Options& options,
                   const Sink& sink, Counts& counts);

}  // namespace veille::ingest
