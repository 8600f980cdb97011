package io.hearth.membership.mapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.domain.DirectoryFilter;
import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.Problems;

/**
 * The member directory's filters ({@code @BeanParam}); all given ones must hold. Read as text and checked here, so
 * that every bad one is reported in one 400 (JAX-RS would answer 404 to a query parameter it cannot convert).
 */
public class DirectoryParams {
    static final int MAX_QUERY = 100;
    static final int MAX_SOURCE = 40;
    private static final String UNSTORABLE = "must be text without NUL characters or unpaired surrogates";

    @QueryParam("tag")
    @Parameter(description = "A manual tag, or an automatic one (new, active, silent, key-member); case-insensitive",
            example = "mentor")
    public String tag;

    @QueryParam("role")
    @Parameter(description = "Only members holding this role",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "OWNER", "ADMIN", "MEMBER" }))
    public String role;

    @QueryParam("source")
    @Parameter(description = "Only members who joined through an entry or live code with this source label "
            + "(exact match)", example = "poster")
    public String source;

    @QueryParam("joinedAfter")
    @Parameter(description = "Only members who joined after this instant (exclusive), ISO-8601",
            example = "2026-11-01T00:00:00Z")
    public String joinedAfter;

    @QueryParam("joinedBefore")
    @Parameter(description = "Only members who joined before this instant (exclusive), ISO-8601",
            example = "2026-12-01T00:00:00Z")
    public String joinedBefore;

    @QueryParam("q")
    @Parameter(description = "Text found in the user id or display name, case-insensitive; up to 100 characters",
            example = "wei")
    public String q;

    /** The checked filter; a 400 problem listing every invalid parameter otherwise. */
    public DirectoryFilter toFilter() {
        List<Problem.Violation> violations = new ArrayList<>();
        String tagFilter = blankToNull(tag);
        if (tagFilter != null) {
            if (!tagFilter.matches("[A-Za-z0-9-]{1,32}")) {
                violations.add(new Problem.Violation("tag", "must be 1 to 32 letters, digits or '-'"));
            }
            tagFilter = tagFilter.toLowerCase(Locale.ROOT);
        }
        CommunityRole roleFilter = null;
        if (blankToNull(role) != null) {
            try {
                roleFilter = CommunityRole.valueOf(role.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Problem.Violation("role", "must be OWNER, ADMIN or MEMBER"));
            }
        }
        String sourceFilter = blankToNull(source);
        if (sourceFilter != null && sourceFilter.length() > MAX_SOURCE) {
            violations.add(new Problem.Violation("source", "must be at most " + MAX_SOURCE + " characters"));
        } else if (sourceFilter != null && !storable(sourceFilter)) {
            violations.add(new Problem.Violation("source", UNSTORABLE));
        }
        Instant after = instant("joinedAfter", joinedAfter, violations);
        Instant before = instant("joinedBefore", joinedBefore, violations);
        if (after != null && before != null && !before.isAfter(after)) {
            violations.add(new Problem.Violation("joinedBefore", "must be later than joinedAfter"));
        }
        String query = blankToNull(q);
        if (query != null && query.length() > MAX_QUERY) {
            violations.add(new Problem.Violation("q", "must be at most " + MAX_QUERY + " characters"));
        } else if (query != null && !storable(query)) {
            violations.add(new Problem.Violation("q", UNSTORABLE));
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw Problems.invalid(detail, violations);
        }
        return new DirectoryFilter(tagFilter, roleFilter, sourceFilter, after, before, query, null);
    }

    private static Instant instant(String field, String value, List<Problem.Violation> violations) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z"));
            return null;
        }
    }

    /** PostgreSQL refuses NUL in text, and an unpaired surrogate has no UTF-8 form: such a filter is a bad request. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
