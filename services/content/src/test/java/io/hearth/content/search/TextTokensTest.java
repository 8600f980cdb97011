package io.hearth.content.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTokensTest {

    private static List<String> texts(String text) {
        return TextTokens.ofText(text).stream().map(TextTokens.Token::text).toList();
    }

    @Test
    void chineseRunGivesEachCharacterAndEachNeighbouringPair() {
        assertEquals(List.of("跑", "跑步", "步", "步吧", "吧"), texts("跑步吧"));
        assertTrue(texts("周末一起去跑步吧").contains("跑步"));
        assertFalse(texts("马拉松训练计划").contains("跑步"));
    }

    @Test
    void latinAndDigitRunsAreLowerCaseWordsAndPunctuationSeparates() {
        assertEquals(List.of("ran", "5", "km", "before", "the", "rain"), texts("Ran 5 km -- before the RAIN!"));
        // Full-width letters and digits are the ASCII ones.
        assertEquals(List.of("abc", "12"), texts("ＡＢＣ １２"));
    }

    @Test
    void mixedTextSplitsWhereTheScriptChanges() {
        assertEquals(List.of("跑", "跑步", "步", "5km", "训", "训练", "练"), texts("跑步5km训练"));
    }

    @Test
    void bigramSharesItsFirstCharactersPositionAndWordsCountOnePositionEach() {
        assertEquals(List.of(1, 1, 2, 3), TextTokens.ofText("跑步 go").stream().map(TextTokens.Token::position)
                .toList());
    }

    @Test
    void queryUsesBigramsOfCjkRunsAndPrefixWords() {
        assertEquals(List.of(new TextTokens.Term("马拉", false), new TextTokens.Term("拉松", false),
                new TextTokens.Term("run", true)), TextTokens.ofQuery("马拉松 Run run"));
        assertEquals(List.of(new TextTokens.Term("跑", false)), TextTokens.ofQuery("跑"));
    }

    @Test
    void tsqueryQuotesEveryLexemeAndIsNullWithoutAnythingToSearch() {
        assertEquals("'跑步' & 'shoe':*", SearchIndex.query("跑步, shoe?"));
        assertNull(SearchIndex.query("!!! ???"));
    }

    @Test
    void vectorWeighsThePostAboveItsAnswerAndNumbersTheAnswerAfterIt() {
        assertEquals("'run':1A,3B 'fast':2A", SearchIndex.vector("Run", "fast", "run"));
    }
}
