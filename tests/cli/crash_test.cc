// Crash consistency: a `veille ingest` killed with SIGKILL in the middle of a batch leaves a
// database that passes its checks, and a re-run completes the batch without duplicates.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

int64_t CountDocuments(const std::string& db) {
  auto s = store::Store::Open(db);
  if (!s) return -1;
  auto n = s->DocumentCount();
  return n ? *n : -1;
}

TEST(CrashConsistency, KilledIngestLeavesAConsistentStoreAndARerunCompletesIt) {
  fs::path dir = fs::temp_directory_path() / ("veille_crash_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string input = (dir / "big.jsonl").string();
  const std::string db = (dir / "crash.db").string();
  constexpr int kDocuments = 40000;
  {
    std::ofstream out(input);
    for (int i = 0; i < kDocuments; ++i) {
      out << "{\"id\":\"d" << i << "\",\"lang\":\"en\",\"text\":\"Report " << i
          << ". Security forces fired on protesters in the capital on Thursday, witnesses said. "
             "Dozens were arrested and several people were injured, according to hospital sources. "
             "The government called for calm and promised an inquiry.\"}\n";
    }
  }
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(VEILLE_BINARY, VEILLE_BINARY, "ingest", input.c_str(), "--db", db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until at least one batch is committed, then kill the writer mid-stream.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int64_t seen = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(db)) {
      seen = CountDocuments(db);
      if (seen > 0) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_GT(seen, 0) << "the ingest never committed a batch";

  {
    auto s = store::Store::Open(db);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_TRUE(s->Check().ok()) << s->Check().message();
    int64_t after_kill = *s->DocumentCount();
    EXPECT_GE(after_kill, seen);
    EXPECT_LT(after_kill, kDocuments) << "the kill came too late to test anything";
    EXPECT_EQ(after_kill % 256, 0) << "only whole batches are committed";
  }
  std::string rerun = std::string(VEILLE_BINARY) + " ingest " + input + " --db " + db + " > /dev/null";
  ASSERT_EQ(std::system(rerun.c_str()), 0);
  EXPECT_EQ(CountDocuments(db), kDocuments);
  ASSERT_EQ(std::system(rerun.c_str()), 0);
  EXPECT_EQ(CountDocuments(db), kDocuments) << "a second re-run adds nothing";
  auto s = store::Store::Open(db);
  EXPECT_TRUE(s->Check().ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace veille
