package io.hearth.platform.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code violations} lists each invalid field of a bad request; {@code extensions}
 * are the type's own extension members (a moderation problem's {@code rule}), written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations, @JsonAnyGetter Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance,
            List<Violation> violations) {
        this(type, title, status, detail, instance, violations, Map.of());
    }

    public record Violation(String field, String message) {
    }
}
