#include "language/language.h"

#include <gtest/gtest.h>

namespace veille::language {
namespace {

TEST(Identify, RecognisesTheThreeFirstLanguages) {
  EXPECT_EQ(Identify("Security forces killed 26 people in Almaty on Thursday, the Interior Ministry said, "
                     "as protests over fuel prices spread across the country.").code,
            "en");
  EXPECT_EQ(Identify("Les forces de l'ordre ont tué 26 personnes à Almaty jeudi, a indiqué le ministère de "
                     "l'Intérieur, alors que les manifestations contre la hausse des prix s'étendaient.").code,
            "fr");
  EXPECT_EQ(Identify("Las fuerzas de seguridad mataron a 26 personas en Almaty el jueves, según el Ministerio del "
                     "Interior, mientras las protestas por el precio del combustible se extendían.").code,
            "es");
}

TEST(Identify, SaysUndWhenThereIsNothingToGoOn) {
  EXPECT_EQ(Identify("").code, "und");
  EXPECT_EQ(Identify("12 34 56 !!").code, "und");
}

TEST(Identify, DoesNotCutACharacterAtTheLimit) {
  std::string text(10, 'a');
  text += "\u00e9t\u00e9 ";
  Guess g = Identify(text, 11);  // the limit falls inside "é"
  EXPECT_FALSE(g.code.empty());
}

}  // namespace
}  // namespace veille::language
