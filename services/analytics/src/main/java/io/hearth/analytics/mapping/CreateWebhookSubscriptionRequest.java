package io.hearth.analytics.mapping;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where to deliver which of the community's events.",
        example = "{\"url\": \"https://crm.example.com/hooks/hearth\", \"eventTypes\": [\"hearth.member.joined\", "
                + "\"hearth.post.created\"]}")
public record CreateWebhookSubscriptionRequest(
        @NotBlank @Size(max = 2000)
        @Schema(required = true, maxLength = 2000, description = "An http or https URL on the internet: hosts that "
                + "resolve to loopback, private, link-local or other non-public addresses are refused",
                examples = "https://crm.example.com/hooks/hearth")
        String url,
        @NotNull @Size(min = 1, max = 20)
        @Schema(required = true, minItems = 1, maxItems = 20, uniqueItems = true,
                description = "CloudEvents types of the community's events to deliver, e.g. hearth.member.joined; "
                        + "the AsyncAPI document lists them")
        List<@NotBlank String> eventTypes) {
}
