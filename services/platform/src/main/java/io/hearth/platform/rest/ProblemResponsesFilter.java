package io.hearth.platform.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every Hearth route can give (400, 401, 403, 500, and 413 on every route that takes a
 * body) on every operation, with the RFC 9457 body, so that each resource only declares the ones particular to it.
 */
public class ProblemResponsesFilter implements OASFilter {
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "The request is invalid: see detail and violations. Nothing was changed.",
            "401", "No valid bearer token.",
            "403", "The caller lacks the role this needs in this community.",
            "500", "Unexpected failure; nothing was changed.");
    private static final String TOO_LARGE = "The body is larger than the limit (64 KB by default, "
            + "hearth.limits.max-body-size); nothing was read or changed.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                addCommonResponses(operation);
            }
        }
    }

    private static void addCommonResponses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        COMMON.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!secured && (e.getKey().equals("401") || e.getKey().equals("403"))) {
                return;
            }
            if (!responses.hasAPIResponse(e.getKey())) {
                responses.addAPIResponse(e.getKey(), problem(e.getValue()));
            }
        });
        if (operation.getRequestBody() != null && !responses.hasAPIResponse("413")) {
            responses.addAPIResponse("413", problem(TOO_LARGE));
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        });
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
