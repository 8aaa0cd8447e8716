// The phrase lexicons: matching rules, and the data files' hygiene (every language, every
// kind), since a lexicon is reviewed like code.
#include "recognize/lexicon.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "base/data.h"
#include "segment/segment.h"

namespace veille::recognize {
namespace {

// Words copies what it folds, so the tokens need not outlive it.
Words WordsOf(std::string_view text, const Vocabulary* vocabulary = nullptr) {
  std::vector<Token> tokens;
  segment::Tokenize(text, 0, tokens);
  return Words(text, tokens, vocabulary);
}

TEST(Lexicon, LongestPhraseOfTheSectionWins) {
  auto lex = Lexicon::Parse("[cue:killed]\nkilled\nkilled in action\n[cue:injured]\nkilled or wounded\n", "test");
  ASSERT_TRUE(lex);
  Words w = WordsOf("Two soldiers were killed in action yesterday");
  const LexiconEntry* killed = lex->Match(w, 3, VEILLE_SECTION("cue:killed"));
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->words.size(), 3u);
  // A family question sees every section of the family.
  const LexiconEntry* any = lex->Match(w, 3, VEILLE_SECTION("cue:*"));
  ASSERT_NE(any, nullptr);
  EXPECT_EQ(any->section, "cue:killed");
  EXPECT_EQ(lex->Match(w, 3, VEILLE_SECTION("cue:injured")), nullptr);
}

TEST(Lexicon, MatchesFoldedWordsAndElidedEndings) {
  auto lex = Lexicon::Parse("[trigger]\nTués\nprévenu que\n", "test");
  ASSERT_TRUE(lex);
  Words w = WordsOf("Deux civils ont été TUES ; l'armée a prévenu qu'une offensive");
  EXPECT_NE(lex->Match(w, 4, VEILLE_SECTION("trigger")), nullptr);
  // "prévenu que" also matches before a vowel, where the text has "qu'".
  const LexiconEntry* warned = lex->Match(w, 9, VEILLE_SECTION("trigger"));
  ASSERT_NE(warned, nullptr);
  EXPECT_EQ(warned->words.back(), "qu'");
}

TEST(Lexicon, BoundAndUnboundWordsMatchTheSame) {
  auto lex = Lexicon::Parse("[actor:State forces]\nriot police\npolice\n", "test");
  ASSERT_TRUE(lex);
  Vocabulary vocabulary;
  lex->Bind(vocabulary);
  const std::string text = "Riot police fired tear gas";
  Words bound = WordsOf(text, &vocabulary);
  const LexiconEntry* a = lex->Match(bound, 0, VEILLE_SECTION("actor:*"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->words.size(), 2u);
  Words unbound = WordsOf(text);
  const LexiconEntry* b = lex->Match(unbound, 0, VEILLE_SECTION("actor:*"));
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->id, a->id);
}

TEST(Lexicon, VocabularyNumbersWordsOnce) {
  Vocabulary v;
  const uint32_t a = v.Intern("protesters");
  for (int i = 0; i < 1000; ++i) v.Intern("word" + std::to_string(i));  // several rehashes
  EXPECT_EQ(v.Intern("protesters"), a);
  EXPECT_EQ(v.Find("protesters"), a);
  EXPECT_EQ(v.Find("word999"), v.Intern("word999"));
  EXPECT_EQ(v.Find("absent"), Vocabulary::kUnknown);
}

// Every embedded lexicon parses, and no phrase is written twice in one section: a second
// copy is at best noise and at worst a conflicting reading (another group, another value).
TEST(LexiconData, NoPhraseTwiceInASection) {
  for (const char* kind : {"numbers", "dates", "figures", "events"}) {
    for (const std::string& lang : EmbeddedLanguages(kind)) {
      const std::string path = lang + "/" + kind + ".txt";
      auto lex = Lexicon::Parse(EmbeddedFile(path), path);
      ASSERT_TRUE(lex) << lex.error().ToString();
      std::map<std::pair<std::string, std::vector<std::string>>, std::vector<std::string>> seen;
      for (const LexiconEntry& e : lex->entries()) {
        // Derived plurals and elided endings may meet a phrase written out: only the
        // written phrases are checked.
        if (!e.args.empty() && e.args.back() == "derived") continue;
        auto [it, inserted] = seen.emplace(std::make_pair(e.section, e.words), e.args);
        EXPECT_TRUE(inserted) << path << ": [" << e.section << "] has \"" << e.words.front()
                              << (e.words.size() > 1 ? " ..." : "") << "\" twice";
      }
    }
  }
}

}  // namespace
}  // namespace veille::recognize
