package io.hearth.membership.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.hearth.membership.domain.Admission;
import io.hearth.platform.rest.Problem;

/**
 * A JSON merge patch (RFC 7396) of a community's settings: a field left out stays as it is; a field sent as null is
 * removed, which for a setting with a default restores the default. Jackson calls a setter only for a field the body
 * holds, so {@link #has} tells "left out" from "sent as null".
 */
@Schema(description = "The settings to change, as a JSON merge patch: a field left out stays as it is; null removes "
        + "rules or sizeCap, and sets timeZone, admission and questions back to their defaults (UTC, OPEN, none). "
        + "name and theme cannot be removed.")
public class UpdateCommunityRequest {
    @JsonIgnore
    @Schema(hidden = true)
    private final Set<String> present = new HashSet<>();

    @Size(max = 120)
    @Schema(examples = "Morning Runners Shanghai", nullable = false)
    private String name;

    @Size(max = 500)
    @Schema(description = "The shared value that holds the community together", nullable = false)
    private String theme;

    @Size(max = 5000)
    @Schema(description = CommunityView.RULES, nullable = true)
    private String rules;

    @TimeZoneId
    @Schema(description = CommunityView.TIME_ZONE, examples = "Asia/Shanghai", nullable = true)
    private String timeZone;

    @Schema(description = CommunityView.ADMISSION, nullable = true)
    private Admission admission;

    @Size(max = 5)
    @Schema(description = CommunityView.QUESTIONS, maxItems = 5, nullable = true)
    private List<@NotBlank @Size(max = 200) String> questions;

    @Min(1)
    @Max(100000)
    @Schema(description = CommunityView.SIZE_CAP, nullable = true)
    private Integer sizeCap;

    /** Whether the body holds the field (perhaps as null). */
    public boolean has(String field) {
        return present.contains(field);
    }

    /** Merge-patch rules bean validation cannot state: name and theme, when sent, are text, never null or blank. */
    public List<Problem.Violation> violations() {
        List<Problem.Violation> violations = new ArrayList<>();
        if (has("name") && (name == null || name.isBlank())) {
            violations.add(new Problem.Violation("name", "must not be blank or removed"));
        }
        if (has("theme") && (theme == null || theme.isBlank())) {
            violations.add(new Problem.Violation("theme", "must not be blank or removed"));
        }
        return violations;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        present.add("name");
        this.name = name;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        present.add("theme");
        this.theme = theme;
    }

    public String getRules() {
        return rules;
    }

    public void setRules(String rules) {
        present.add("rules");
        this.rules = rules;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        present.add("timeZone");
        this.timeZone = timeZone;
    }

    public Admission getAdmission() {
        return admission;
    }

    public void setAdmission(Admission admission) {
        present.add("admission");
        this.admission = admission;
    }

    public List<String> getQuestions() {
        return questions;
    }

    public void setQuestions(List<String> questions) {
        present.add("questions");
        this.questions = questions;
    }

    public Integer getSizeCap() {
        return sizeCap;
    }

    public void setSizeCap(Integer sizeCap) {
        present.add("sizeCap");
        this.sizeCap = sizeCap;
    }
}
