package io.hearth.analytics.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.hearth.platform.rest.Problem;
import io.hearth.platform.rest.Problems;

/**
 * The period and window query parameters of a funnel route ({@code @BeanParam}). They are read as text and checked
 * here, so that every bad one is reported as a 400 violation at once (JAX-RS would answer 404 to a query parameter it
 * cannot convert).
 */
public class FunnelParams {
    public static final int DEFAULT_WINDOW_DAYS = 14;
    public static final int MAX_WINDOW_DAYS = 365;
    public static final int DEFAULT_PERIOD_DAYS = 30;

    @QueryParam("from")
    @Parameter(description = "Start of the entry period, inclusive: an ISO date (2026-11-01, from the start of that "
            + "UTC day) or an ISO instant (2026-11-01T08:00:00Z). Default: 30 days before `to`.",
            example = "2026-11-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "End of the entry period, inclusive: an ISO date (2026-11-30, to the end of that UTC "
            + "day) or an ISO instant. Default: now.",
            example = "2026-11-30")
    public String to;

    @QueryParam("windowDays")
    @Parameter(description = "Conversion window in days, counted from each person's entry; 1 to 365.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "365", defaultValue = "14"))
    public String windowDays;

    /** The checked query; a 400 problem listing every invalid parameter otherwise. */
    public FunnelQuery toQuery(Instant now) {
        return check(from, to, windowDays, DEFAULT_WINDOW_DAYS, now, new ArrayList<>());
    }

    /**
     * The period and window of any analytics route, checked the same way: a 400 problem listing every invalid
     * parameter, those found here and the route's own {@code violations} found before, otherwise the query.
     */
    public static FunnelQuery check(String from, String to, String windowDays, int defaultWindowDays, Instant now,
            List<Problem.Violation> violations) {
        Instant end = to == null || to.isBlank() ? now : parse("to", to, true, violations);
        Instant start = from == null || from.isBlank()
                ? (end == null ? null : end.minus(DEFAULT_PERIOD_DAYS, ChronoUnit.DAYS))
                : parse("from", from, false, violations);
        int window = window(windowDays, defaultWindowDays, violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(new Problem.Violation("to", "must not be before from"));
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw Problems.invalid(detail, violations);
        }
        return new FunnelQuery(start, end, window, now);
    }

    private static int window(String windowDays, int defaultWindowDays, List<Problem.Violation> violations) {
        if (windowDays == null || windowDays.isBlank()) {
            return defaultWindowDays;
        }
        try {
            int days = Integer.parseInt(windowDays.strip());
            if (days >= 1 && days <= MAX_WINDOW_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Problem.Violation("windowDays", "must be a whole number of days from 1 to "
                + MAX_WINDOW_DAYS));
        return defaultWindowDays;
    }

    /**
     * An ISO date stands for the whole UTC day: its first microsecond as a start, its last as an end (the log keeps
     * microseconds), so that {@code from=2026-11-01&to=2026-11-01} is that one day.
     */
    private static Instant parse(String field, String value, boolean endOfDay, List<Problem.Violation> violations) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field,
                    "must be an ISO date (2026-11-01) or instant (2026-11-01T08:00:00Z)"));
            return null;
        }
    }
}
