package io.hearth.content.search;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts text into search tokens the same way for posts and for queries, in Java rather than with PostgreSQL's text
 * parser, whose idea of a word depends on the server's locale and which sees a whole line of Chinese as one word.
 *
 * <p>The text is NFKC-normalised first (full-width letters and digits become ASCII). Then, as Lucene's CJK bigram
 * analyzer does: a run of letters and digits of other scripts (Latin, Cyrillic, ...) is one word, in lower case; a
 * run of CJK characters (Han, Hiragana, Katakana, Hangul), which has no spaces between its words, gives each character
 * and each pair of neighbouring characters. A post "周末一起去跑步吧" thus holds "跑步" and a query "跑步" finds it,
 * while "马拉松训练计划" holds "马", "拉", "马拉", "拉松" ... but not "跑步". Everything else separates tokens.
 */
public final class TextTokens {
    /** Longer words are cut here: nobody searches for them, and a lexeme has a size limit. */
    static final int MAX_WORD = 64;
    /** Query terms beyond these are ignored: a query is a few words, not a document. */
    static final int MAX_QUERY_TERMS = 32;

    private TextTokens() {
    }

    /** One token and its position (word order, for ranking by proximity); a bigram shares its first character's. */
    public record Token(String text, int position) {
    }

    /** A query term: a CJK character or bigram matched exactly, or a word matched as a prefix of indexed words. */
    public record Term(String text, boolean prefix) {
    }

    /** The tokens of a text to index, in order, with repeats. */
    public static List<Token> ofText(String text) {
        List<Token> tokens = new ArrayList<>();
        int[] position = { 0 };
        forEachRun(text, (run, cjk) -> {
            if (!cjk) {
                tokens.add(new Token(run.get(0), ++position[0]));
                return;
            }
            for (int i = 0; i < run.size(); i++) {
                int at = ++position[0];
                tokens.add(new Token(run.get(i), at));
                if (i + 1 < run.size()) {
                    tokens.add(new Token(run.get(i) + run.get(i + 1), at));
                }
            }
        });
        return tokens;
    }

    /**
     * The terms of a query, each once: words as prefixes ("marat" finds "marathon"), CJK runs as their bigrams (a
     * single CJK character as itself), which every indexed text containing the run also holds.
     */
    public static List<Term> ofQuery(String query) {
        Set<Term> terms = new LinkedHashSet<>();
        forEachRun(query, (run, cjk) -> {
            if (!cjk) {
                terms.add(new Term(run.get(0), true));
            } else if (run.size() == 1) {
                terms.add(new Term(run.get(0), false));
            } else {
                for (int i = 0; i + 1 < run.size(); i++) {
                    terms.add(new Term(run.get(i) + run.get(i + 1), false));
                }
            }
        });
        return new ArrayList<>(terms).subList(0, Math.min(terms.size(), MAX_QUERY_TERMS));
    }

    private interface RunConsumer {
        /** A word (one element) or a CJK run (one element per character). */
        void accept(List<String> run, boolean cjk);
    }

    private static void forEachRun(String text, RunConsumer consumer) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder word = new StringBuilder();
        List<String> cjkRun = new ArrayList<>();
        int i = 0;
        while (i < normalised.length()) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, consumer);
                cjkRun.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || (word.length() > 0 && isMark(cp))) {
                flushCjk(cjkRun, consumer);
                if (word.codePointCount(0, word.length()) < MAX_WORD) {
                    word.appendCodePoint(cp);
                }
            } else {
                flushWord(word, consumer);
                flushCjk(cjkRun, consumer);
            }
        }
        flushWord(word, consumer);
        flushCjk(cjkRun, consumer);
    }

    private static void flushWord(StringBuilder word, RunConsumer consumer) {
        if (word.length() > 0) {
            consumer.accept(List.of(word.toString().toLowerCase(Locale.ROOT)), false);
            word.setLength(0);
        }
    }

    private static void flushCjk(List<String> run, RunConsumer consumer) {
        if (!run.isEmpty()) {
            consumer.accept(List.copyOf(run), true);
            run.clear();
        }
    }

    static boolean isCjk(int cp) {
        // The katakana long-vowel mark belongs to no script of its own but is part of katakana words.
        if (Character.isIdeographic(cp) || cp == 0x30FC) {
            return true;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        return (script == UnicodeScript.HAN || script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
                || script == UnicodeScript.HANGUL) && Character.isLetterOrDigit(cp);
    }

    /** Combining marks continue a word (Devanagari vowel signs, a decomposed accent NFKC left alone). */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
