package io.hearth.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hearth.content.service.WelcomeText;
import io.hearth.platform.rest.ProblemException;

/** How a welcome reads: newcomers named for humans, placeholders filled once, unknown ones refused. */
class WelcomeTextTest {

    @Test
    void newcomersAreNamedAsAPersonWouldListThem() {
        assertEquals("Ann", WelcomeText.names(List.of("Ann")));
        assertEquals("Ann and Bo", WelcomeText.names(List.of("Ann", "Bo")));
        assertEquals("Ann, Bo and Cy", WelcomeText.names(List.of("Ann", "Bo", "Cy")));
    }

    @Test
    void someoneWithoutADisplayNameIsANewMember() {
        assertEquals("a new member", WelcomeText.names(Arrays.asList((String) null)));
        assertEquals("Ann and a new member", WelcomeText.names(Arrays.asList("Ann", " ")));
        assertEquals("Ann, Bo and 2 new members", WelcomeText.names(Arrays.asList(null, "Ann", "", "Bo")));
    }

    @Test
    void pastTwentyNamesTheRestAreCounted() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            names.add("P" + i);
        }
        names.add(null);
        String text = WelcomeText.names(names);
        assertTrue(text.startsWith("P1, P2, "), text);
        assertTrue(text.endsWith("P19, P20 and 4 others"), text);
    }

    @Test
    void placeholdersAreFilledOnceAndNamesAreNotExpandedAgain() {
        assertEquals("Welcome {rules} and Bo to Runners! Rules: Be kind.", WelcomeText.render(
                "Welcome {names} to {community}! Rules: {rules}", List.of("{rules}", "Bo"), "Runners", "Be kind."));
        assertEquals("Hi Ann, welcome to our community.", WelcomeText.render("Hi {names}, welcome to {community}."
                + " {rules}", List.of("Ann"), null, null));
    }

    @Test
    void unknownPlaceholdersAreRefused() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> WelcomeText.validate("Hi {Names} of {community}, see {rule s} and {}"));
        assertTrue(refused.getMessage().contains("{Names}, {rule s}, {}"), refused.getMessage());
        WelcomeText.validate("Hi {names} of {community}: {rules} :-} {");
    }
}
