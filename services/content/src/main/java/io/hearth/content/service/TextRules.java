package io.hearth.content.service;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How moderation reads a text: what a blocked word matches and what counts as a link.
 *
 * <p>Text and blocked words are compared in one normal form: Unicode NFKC (full-width letters and digits become
 * ordinary ones, compatibility forms such as ligatures are unfolded), lower case, and without invisible format
 * characters (zero-width spaces and joiners, soft hyphens), which would otherwise split a word without showing. A
 * blocked word matches anywhere in the text, inside longer words too: Chinese and Japanese put no spaces between
 * words, so a word boundary cannot be asked for.
 *
 * <p>A link is, after normalising: anything starting {@code http://} or {@code https://}; anything starting
 * {@code www.} followed by a name; or a bare domain name, labels of letters, digits and hyphens joined by dots and
 * ending in one of {@link #TLDS} (so {@code example.com/path} and an e-mail address such as {@code a@example.cn}
 * count, but {@code 3.14}, {@code e.g.} or a file name such as {@code notes.txt} do not). Internationalised domain
 * names in other scripts are not recognised as bare domains (they are, after http(s):// or www.).
 */
public final class TextRules {
    /**
     * Top-level domains whose bare names count as links: the common generic ones and the country codes most used for
     * links. Country codes that are also common file extensions (md, rs, sh, py, pl) are left out, so that
     * {@code README.md} is not a link.
     */
    static final List<String> TLDS = List.of("com", "net", "org", "info", "biz", "io", "co", "me", "app", "dev",
            "xyz", "top", "site", "online", "shop", "store", "link", "club", "vip", "live", "pro", "cc", "tv", "ly",
            "gg", "to", "eu", "cn", "hk", "tw", "mo", "jp", "kr", "sg", "uk", "us", "ca", "au", "de", "fr", "nl",
            "ru", "in", "br", "es", "it", "ch", "se");

    /** What a link's rest is taken to be: printable ASCII, so that the words written right after it are not. */
    private static final String URL_TAIL = "[\\x21-\\x7e]";
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");
    private static final Pattern LINK = Pattern.compile(
            "https?://" + URL_TAIL + "+"
                    + "|www\\.[\\p{L}\\p{N}-]+" + URL_TAIL + "*"
                    + "|(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:" + String.join("|", TLDS)
                    + ")(?![a-z0-9-])(?:[/:?#]" + URL_TAIL + "*)?");

    private TextRules() {
    }

    /** The form in which text and blocked words are compared. */
    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return FORMAT_CHARACTERS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The first of {@code blockedWords} (normalised already) in the normalised text, or null. */
    public static String blockedWordIn(String normalisedText, List<String> blockedWords) {
        for (String word : blockedWords) {
            if (normalisedText.contains(word)) {
                return word;
            }
        }
        return null;
    }

    /** The first link in the normalised text, or null. */
    public static String linkIn(String normalisedText) {
        Matcher matcher = LINK.matcher(normalisedText);
        return matcher.find() ? matcher.group() : null;
    }
}
