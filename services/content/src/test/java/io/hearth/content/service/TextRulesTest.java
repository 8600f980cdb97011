package io.hearth.content.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What moderation takes for a blocked word and for a link. */
class TextRulesTest {

    @Test
    void blockedWordsMatchInsideWordsIgnoringCaseFullWidthAndInvisibleCharacters() {
        List<String> words = List.of(TextRules.normalise("Spam"), TextRules.normalise("加微信"));
        assertEquals("spam", TextRules.blockedWordIn(TextRules.normalise("Buy SPAMMY goods"), words));
        assertEquals("spam", TextRules.blockedWordIn(TextRules.normalise("ＳＰＡＭ here"), words));
        assertEquals("spam", TextRules.blockedWordIn(TextRules.normalise("s\u200Bpam"), words));
        assertEquals("加微信", TextRules.blockedWordIn(TextRules.normalise("想要资料的快来加微信领取"), words));
        assertNull(TextRules.blockedWordIn(TextRules.normalise("加油，微信群见"), words));
        assertNull(TextRules.blockedWordIn(TextRules.normalise("A quiet morning run"), words));
    }

    @Test
    void linksAreSchemesWwwAndBareDomainsWithACommonTopLevelDomain() {
        assertEquals("https://example.org/x?y=1", TextRules.linkIn(TextRules.normalise("see https://example.org/x?y=1")));
        assertEquals("http://10.0.0.1:8080", TextRules.linkIn(TextRules.normalise("at http://10.0.0.1:8080 now")));
        assertEquals("www.shop-now.biz", TextRules.linkIn(TextRules.normalise("WWW.Shop-Now.biz")));
        assertEquals("example.com", TextRules.linkIn(TextRules.normalise("go to example.com!")));
        assertEquals("shop.example.cn/a", TextRules.linkIn(TextRules.normalise("访问shop.example.cn/a领取")));
        assertEquals("example.com", TextRules.linkIn(TextRules.normalise("ｅｘａｍｐｌｅ．ｃｏｍ")));
        assertEquals("example.org", TextRules.linkIn(TextRules.normalise("mail me: a@example.org")));
        assertNull(TextRules.linkIn(TextRules.normalise("Pi is 3.14, e.g. in README.md and notes.txt, node.js too")));
        assertNull(TextRules.linkIn(TextRules.normalise("终于跑完了。明天见")));
    }
}
