// End-to-end tests of the veille binary: exit codes, diagnostics and the store verbs.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "store/store.h"

namespace veille {
namespace {

namespace fs = std::filesystem;

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

RunResult RunVeille(const std::string& args, const std::string& stdin_text = "") {
  fs::path dir = fs::temp_directory_path();
  std::string err_file = (dir / ("veille_cli_err_" + std::to_string(::getpid()))).string();
  std::string in_file = (dir / ("veille_cli_in_" + std::to_string(::getpid()))).string();
  std::ofstream(in_file) << stdin_text;
  std::string cmd = std::string(VEILLE_BINARY) + " " + args + " < " + in_file + " 2> " + err_file;
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  fs::remove(err_file);
  fs::remove(in_file);
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("veille_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "articles" / "fr");
    std::ofstream(dir_ / "articles" / "a.txt") << "Title: Almaty\n\nSecurity forces fired on protesters in Almaty.";
    std::ofstream(dir_ / "articles" / "fr" / "b.txt") << "Les forces de l'ordre ont tiré sur des manifestants.";
    std::ofstream(dir_ / "articles" / "c.jsonl")
        << "{\"id\":\"c1\",\"text\":\"Miles de personas marcharon en Lima.\",\"lang\":\"es\"}\n"
        << "{\"id\":\"c2\",\"text\":\"Thousands marched in Lima.\",\"published\":\"2023-01-10\"}\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& rel) const { return (dir_ / rel).string(); }
  fs::path dir_;
};

TEST_F(CliTest, EveryVerbHasHelpWithAnExample) {
  for (const char* verb : {"run", "ingest", "extract", "annotate", "query", "export", "eval", "bench", "data"}) {
    RunResult r = RunVeille(std::string(verb) + " --help");
    EXPECT_EQ(r.code, 0) << verb;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << verb;
  }
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunVeille("").code, 2);
  EXPECT_EQ(RunVeille("extract").code, 2);
  EXPECT_EQ(RunVeille("extract --no-such-flag x.txt").code, 2);
  RunResult bad_date = RunVeille("extract --published 07/01/2022 " + P("articles/a.txt"));
  EXPECT_EQ(bad_date.code, 2);
  EXPECT_NE(bad_date.err.find("YYYY-MM-DD"), std::string::npos);
  EXPECT_EQ(RunVeille("query --db " + P("x.db") + " --near 1,2").code, 2);
}

TEST_F(CliTest, ABrokenJsonLineExitsOneNamesTheLineAndTheRestIsProcessed) {
  std::ofstream(P("batch.jsonl")) << "{\"id\":\"ok1\",\"text\":\"First article.\"}\n"
                                  << "{\"id\":\"broken\",\"text\":\n"
                                  << "{\"id\":\"ok2\",\"text\":\"Second article.\"}\n";
  RunResult r = RunVeille("annotate " + P("batch.jsonl"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("batch.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"doc_id\":\"ok1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"doc_id\":\"ok2\""), std::string::npos);

  RunResult ingest = RunVeille("ingest " + P("batch.jsonl") + " --db " + P("b.db"));
  EXPECT_EQ(ingest.code, 1);
  auto store = store::Store::Open(P("b.db"));
  EXPECT_EQ(*store->DocumentCount(), 2);
}

TEST_F(CliTest, AnnotateReadsStdinAsTextOrJsonLines) {
  RunResult text = RunVeille("annotate --sentences -", "Police fired. Then they left.");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("\"sentences\":[{\"end\":13,\"start\":0},{\"end\":29,\"start\":14}]"), std::string::npos)
      << text.out;
  RunResult jsonl = RunVeille("annotate -", "{\"id\":\"s1\",\"text\":\"Hola.\"}\n{\"id\":\"s2\",\"text\":\"Adiós.\"}\n");
  EXPECT_EQ(jsonl.code, 0);
  EXPECT_EQ(std::count(jsonl.out.begin(), jsonl.out.end(), '\n'), 2);
}

TEST_F(CliTest, AnnotatePrintsPlacesWithOffsetsIntoTheOriginalText) {
  if (!fs::exists(fs::path(VEILLE_BINARY).parent_path() / "data" / "gazetteer.vdat")) {
    GTEST_SKIP() << "no gazetteer: run veille data build";
  }
  // A curly quote and a non-breaking hyphen are normalised before matching; the span must
  // still point at the user's bytes.
  std::string text = "Police said \u201cclashes\u201d spread to Alma\u2011Ata, Kazakhstan.";
  RunResult r = RunVeille("annotate -", "{\"id\":\"p1\",\"lang\":\"en\",\"text\":\"" + text + "\"}\n");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\":\"Alma\u2011Ata\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"geonames_id\":1526384"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"kind\":\"place\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"feature\":\"country\""), std::string::npos) << r.out;
}

TEST_F(CliTest, IngestingTheSameFolderTwiceKeepsTheSameDocuments) {
  RunResult first = RunVeille("ingest " + P("articles") + " --db " + P("v.db"));
  EXPECT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("4 document(s) added"), std::string::npos) << first.out;
  RunResult second = RunVeille("ingest " + P("articles") + " --db " + P("v.db"));
  EXPECT_EQ(second.code, 0);
  EXPECT_NE(second.out.find("0 document(s) added, 4 already stored"), std::string::npos) << second.out;
  auto store = store::Store::Open(P("v.db"));
  EXPECT_EQ(*store->DocumentCount(), 4);
  EXPECT_TRUE(store->Check().ok());
}

TEST_F(CliTest, RunBuildsTheStoreAndPrintsASummary) {
  RunResult r = RunVeille("run " + P("articles") + " --db " + P("run.db"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("4 documents"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Documents by language:"), std::string::npos);
  EXPECT_NE(r.out.find("veille query"), std::string::npos) << "the summary says how to query";
  RunResult q = RunVeille("query --db " + P("run.db") + " --format csv");
  EXPECT_EQ(q.code, 0);
  EXPECT_EQ(q.out.rfind("event_id_cnty,", 0), 0u);
  RunResult geo = RunVeille("export --db " + P("run.db") + " --format geojson");
  EXPECT_EQ(geo.code, 0);
  EXPECT_NE(geo.out.find("FeatureCollection"), std::string::npos);
}

TEST_F(CliTest, EveryEventOfTheSampleCorpusIsStored) {
  // Event ids key the store: two events of one document must never share one.
  RunResult r = RunVeille("run " + std::string(VEILLE_SOURCE_DIR) + "/corpus/sample --db " + P("sample.db"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err.find("cannot store"), std::string::npos) << r.err;
}

TEST_F(CliTest, ConfidencesArePrintedToTwoDecimals) {
  // A confidence is a sum of weights; unrounded, 0.7 + 0.25 prints as 0.9500000000000001.
  RunResult r = RunVeille("extract " + std::string(VEILLE_SOURCE_DIR) + "/corpus/sample");
  ASSERT_EQ(r.code, 0) << r.err;
  const std::regex confidence("\"confidence\":([^,}]*)");
  const std::regex two_decimals("(0|1)(\\.[0-9]{1,2})?");
  int seen = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), confidence); it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(std::regex_match((*it)[1].str(), two_decimals)) << (*it)[1];
    ++seen;
  }
  EXPECT_GT(seen, 100);
}

TEST_F(CliTest, QueryTakesCountryNamesInAnyLanguage) {
  RunVeille("ingest " + P("articles") + " --db " + P("q.db"));
  EXPECT_EQ(RunVeille("query --db " + P("q.db") + " --country Kazajistán").code, 0);
  RunResult unknown = RunVeille("query --db " + P("q.db") + " --country Atlantis");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown country"), std::string::npos);
}

TEST_F(CliTest, EvalScoresAGoldFileAndFailsBelowAFloor) {
  std::ofstream(P("gold.jsonl"))
      << "{\"id\":\"g1\",\"lang\":\"en\",\"text\":\"Police killed 26 people.\",\"events\":[{\"plover\":\"ASSAULT\"}]}\n";
  RunResult r = RunVeille("eval " + P("gold.jsonl") + " --json " + P("report.json"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("events"), std::string::npos);
  EXPECT_TRUE(fs::exists(P("report.json")));
  std::ofstream(P("unmet.jsonl"))
      << "{\"id\":\"g2\",\"lang\":\"en\",\"text\":\"The weather was mild.\",\"events\":[{\"plover\":\"PROTEST\"}]}\n";
  RunResult floor = RunVeille("eval " + P("unmet.jsonl") + " --min events=0.5");
  EXPECT_EQ(floor.code, 1) << "nothing in that text is a protest, so the floor fails";
  EXPECT_NE(floor.err.find("below the floor"), std::string::npos);
}

TEST_F(CliTest, ThreadsDoNotChangeTheOutput) {
  std::ofstream out(P("many.jsonl"));
  for (int i = 0; i < 300; ++i) {
    out << "{\"id\":\"m" << i << "\",\"lang\":\"en\",\"published\":\"2022-01-07\",\"text\":\"Police arrested "
        << (i + 2) << " protesters in Almaty on Thursday. Soldiers killed " << (i + 1)
        << " militants near Gao, the army said.\"}\n";
  }
  out.close();
  RunResult one = RunVeille("extract --threads 1 " + P("many.jsonl"));
  RunResult two = RunVeille("extract --threads 2 " + P("many.jsonl"));
  EXPECT_EQ(one.code, 0) << one.err;
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out) << "events come out in input order whatever the threads";
}

TEST_F(CliTest, BenchReportsThroughputAndTheMachine) {
  RunResult r = RunVeille("bench " + P("articles") + " --stage segment --mb 0.01");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("MB/s"), std::string::npos);
  EXPECT_NE(r.out.find("documents/s on one core"), std::string::npos);
  EXPECT_NE(r.out.find("machine:"), std::string::npos);
}

}  // namespace
}  // namespace veille
