package io.hearth.platform.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What every Hearth OpenAPI document shares, in one place for the five services: the problem responses every route can
 * give (400, 401, 403, 406, 500, 503, and 413 on every route that takes a body) with the RFC 9457 body and the problem types each response can carry; the
 * {@code Idempotency-Key} parameter and the {@code Location} and {@code Idempotent-Replayed} headers as reusable
 * components; the security schemes of the Keycloak realm; the servers; and the examples of each service's
 * {@value #EXAMPLES} (by operationId: the request body and each 2xx body). Runs at start-up too
 * ({@code quarkus.smallrye-openapi.always-run-filter}), so that the realm and server URLs follow the deployment's
 * configuration.
 */
public class ProblemResponsesFilter implements OASFilter {
    /** Per service (and one in platform): operationId -> {request: body, "201": body, ...}. */
    static final String EXAMPLES = "META-INF/hearth-openapi-examples.yaml";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String OIDC = "keycloak";
    private static final String PARTNER = "partner";
    private static final Map<String, String> COMMON = new TreeMap<>(Map.of(
            "400", "The request is invalid: see detail and violations. Nothing was changed.",
            "401", "No valid bearer token.",
            "403", "The caller lacks the role this needs in this community.",
            "406", "The Accept header asks only for media types this route cannot answer; nothing was done.",
            "500", "Unexpected failure; nothing was changed.",
            "503", "A store this route needs is away for a moment; nothing was changed. Retry after Retry-After."));

    private static final String TOO_LARGE = "The body is larger than the limit (64 KB by default, "
            + "hearth.limits.max-body-size); nothing was read or changed.";

    /** Every $ref seen while the model is walked (filterOpenAPI comes last), to drop components nothing uses. */
    private final Set<String> refs = new HashSet<>();

    @Override
    public Schema filterSchema(Schema schema) {
        refs.add(schema.getRef());
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        refs.add(parameter.getRef());
        return parameter;
    }

    @Override
    public Header filterHeader(Header header) {
        refs.add(header.getRef());
        return header;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addParameter(ApiDocs.IDEMPOTENCY_KEY, idempotencyKey(false));
        components.addParameter(ApiDocs.IDEMPOTENCY_KEY_REQUIRED, idempotencyKey(true));
        components.addHeader(ApiDocs.LOCATION, OASFactory.createHeader()
                .description("Path of the created resource, relative to the server")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
        components.addHeader(ApiDocs.IDEMPOTENT_REPLAYED, OASFactory.createHeader()
                .description("Present (true) when this answer replays the first request made with the same "
                        + "Idempotency-Key: nothing new was created")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
        security(openAPI, config);
        String serverUrl = config.getOptionalValue("hearth.openapi.server-url", String.class)
                .orElse("http://127.0.0.1:8080");
        openAPI.setServers(List.of(OASFactory.createServer().url(serverUrl)
                .description(config.getOptionalValue("hearth.openapi.server-description", String.class)
                        .orElse("This service"))));
        checkRequiredProperties(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, Map<String, Object>> examples = examples();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                // Secured routes take the document's security (any realm token); only an explicit none stays.
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    operation.setSecurity(null);
                }
                addCommonResponses(operation);
                addExamples(operation, examples.get(operation.getOperationId()));
            }
        }
        dropUnused(components);
    }

    /**
     * Shared schemas and parameters every service's scan or this filter adds (Page, Money, the required
     * Idempotency-Key...) stay only in the documents that use them.
     */
    private void dropUnused(Components components) {
        if (components.getSchemas() != null) {
            new ArrayList<>(components.getSchemas().keySet()).stream()
                    .filter(name -> !name.equals("Problem") && !refs.contains("#/components/schemas/" + name))
                    .forEach(components::removeSchema);
        }
        new ArrayList<>(components.getParameters().keySet()).stream()
                .filter(name -> !refs.contains("#/components/parameters/" + name))
                .forEach(components::removeParameter);
        new ArrayList<>(components.getHeaders().keySet()).stream()
                .filter(name -> !refs.contains("#/components/headers/" + name))
                .forEach(components::removeHeader);
    }

    private static void security(OpenAPI openAPI, Config config) {
        String realm = config.getOptionalValue("hearth.openapi.realm-url", String.class)
                .orElse("http://127.0.0.1:8180/realms/hearth");
        openAPI.getComponents().setSecuritySchemes(new LinkedHashMap<>());
        openAPI.getComponents().addSecurityScheme(OIDC, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(realm + "/.well-known/openid-configuration")
                .description("A bearer access token of the Keycloak realm: people sign in through the realm "
                        + "(authorization code with PKCE for frontends); roles are checked in the community each "
                        + "route names."));
        openAPI.getComponents().addSecurityScheme(PARTNER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Partner integrations: a confidential client of the realm gets a token with the "
                        + "client-credentials grant and calls the routes its community grants allow.")
                .flows(OASFactory.createOAuthFlows().clientCredentials(OASFactory.createOAuthFlow()
                        .tokenUrl(realm + "/protocol/openid-connect/token").scopes(new LinkedHashMap<>()))));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(OIDC),
                OASFactory.createSecurityRequirement().addScheme(PARTNER)));
    }

    private static Parameter idempotencyKey(boolean required) {
        return OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(required)
                .description("Makes a retry safe: 1 to 200 characters, new for each intended action. A repeat by the "
                        + "same caller on the same route with the same body returns the first result (with "
                        + "Idempotent-Replayed: true) and changes nothing; the same key with a different body is 409 "
                        + "idempotency-conflict. Keys are kept for a day.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(200))
                .example("5f0c8a52-6f7e-4a51-9d55-1a4c2b3e7d90");
    }

    private void addCommonResponses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getRef() != null && (p.getRef().endsWith("/" + ApiDocs.IDEMPOTENCY_KEY)
                        || p.getRef().endsWith("/" + ApiDocs.IDEMPOTENCY_KEY_REQUIRED)));
        COMMON.forEach((code, description) -> {
            if (!secured && (code.equals("401") || code.equals("403"))) {
                return;
            }
            APIResponse existing = responses.getAPIResponse(code);
            // Quarkus's own placeholders ("Not Authorized", "Bad Request") say less than ours.
            if (existing == null || existing.getDescription() == null
                    || existing.getDescription().startsWith("Not ") || existing.getDescription().equals("Bad Request")) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
        if (idempotent) {
            APIResponse conflict = responses.getAPIResponse("409");
            if (conflict == null) {
                conflict = OASFactory.createAPIResponse()
                        .description("This Idempotency-Key was used with a different request");
                responses.addAPIResponse("409", conflict);
            }
            Set<String> slugs = new LinkedHashSet<>(declaredSlugs(conflict));
            slugs.add(ProblemType.IDEMPOTENCY_CONFLICT.slug());
            conflict.addExtension(ApiDocs.PROBLEM_TYPES, String.join(",", slugs));
            APIResponse created = responses.getAPIResponse("201");
            if (created != null) {
                Header replayed = OASFactory.createHeader().ref(ApiDocs.IDEMPOTENT_REPLAYED);
                created.addHeader("Idempotent-Replayed", replayed);
                refs.add(replayed.getRef());
            }
        }
        if (operation.getRequestBody() != null && !responses.hasAPIResponse("413")) {
            responses.addAPIResponse("413", OASFactory.createAPIResponse().description(TOO_LARGE));
        }
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                List<ProblemType> types = problemTypes(operation, code, response);
                response.addExtension(ApiDocs.PROBLEM_TYPES,
                        types.stream().map(t -> t.uri().toString()).toList());
                String named = types.stream().map(ProblemType::slug).collect(Collectors.joining(", "));
                String description = response.getDescription() == null ? "" : response.getDescription().strip();
                if (!description.contains("Problem type")) {
                    response.setDescription((description.isEmpty() || description.endsWith(".") ? description
                            : description + ".") + (types.size() == 1 ? " Problem type: " : " Problem types: ")
                            + named + ".");
                }
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            }
        });
    }

    /** The types a response declares in {@link ApiDocs#PROBLEM_TYPES}, or the one its status stands for. */
    private static List<ProblemType> problemTypes(Operation operation, String code, APIResponse response) {
        Set<ProblemType> types = new LinkedHashSet<>();
        for (String slug : declaredSlugs(response)) {
            ProblemType type = ProblemType.ofSlug(slug);
            if (type == null || type.status() != Integer.parseInt(code)) {
                throw new IllegalStateException(operation.getOperationId() + " " + code + ": '" + slug
                        + "' is not a problem type of status " + code + " in ProblemType");
            }
            types.add(type);
        }
        if (types.isEmpty()) {
            ProblemType type = ProblemType.forStatus(Integer.parseInt(code));
            if (type == null) {
                throw new IllegalStateException(operation.getOperationId() + " " + code + ": name its problem types "
                        + "with an extension " + ApiDocs.PROBLEM_TYPES);
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    /**
     * Slugs named on a response: as the annotation gives them (comma-separated) or, when the filter already ran over
     * the model (at build time, then again at start-up), as the URIs it wrote.
     */
    private static List<String> declaredSlugs(APIResponse response) {
        Object declared = response.getExtensions() == null ? null : response.getExtensions().get(ApiDocs.PROBLEM_TYPES);
        if (declared instanceof String slugs && !slugs.isBlank()) {
            return Arrays.asList(slugs.strip().split("[,\\s]+"));
        }
        if (declared instanceof List<?> uris) {
            return uris.stream().map(u -> u.toString().substring(ProblemType.BASE.length())).toList();
        }
        return List.of();
    }

    private static void addExamples(Operation operation, Map<String, Object> examples) {
        if (examples == null) {
            return;
        }
        examples.forEach((where, example) -> {
            Content content = where.equals("request")
                    ? (operation.getRequestBody() == null ? null : operation.getRequestBody().getContent())
                    : (operation.getResponses().getAPIResponse(where) == null ? null
                            : operation.getResponses().getAPIResponse(where).getContent());
            MediaType json = content == null ? null : content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json == null) {
                throw new IllegalStateException(operation.getOperationId() + ": an example for '" + where
                        + "', which has no application/json content");
            }
            json.setExample(example);
        });
    }

    /** Every example file on the class path: the service's own and the platform's (for its routes). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> examples() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : ProblemResponsesFilter.class.getClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources(EXAMPLES))) {
                try (InputStream in = url.openStream()) {
                    Map<String, Map<String, Object>> file = yaml.readValue(in, Map.class);
                    if (file != null) {
                        all.putAll(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** A view that lists a required property it does not have is a typo that would mislead every client. */
    private static void checkRequiredProperties(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getRequired() == null) {
                return;
            }
            for (String required : schema.getRequired()) {
                if (schema.getProperties() == null || !schema.getProperties().containsKey(required)) {
                    throw new IllegalStateException("Schema " + name + " requires '" + required
                            + "', which is not one of its properties");
                }
            }
        });
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field of a bad request")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The JSON field, query parameter or header, as the client sent it"))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What is wrong with it"))
                .required(List.of("field", "message"));
        Schema type = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                .description("Which problem this is: tell problems apart by this URI, never by parsing detail. "
                        + "about:blank only for a bare HTTP status with nothing more to say (405, say).");
        Arrays.stream(ProblemType.values()).forEach(t -> type.addEnumeration(t.uri().toString()));
        type.addEnumeration("about:blank");
        String list = Arrays.stream(ProblemType.values())
                .map(t -> "- `" + t.uri() + "` (" + t.status() + ", " + t.title() + "): " + t.description())
                .collect(Collectors.joining("\n"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, answered as application/problem+json. The problem types:\n\n"
                        + list)
                .addProperty("type", type)
                .addProperty("title", string.description("Short summary of the problem type, the same for every "
                        + "problem of a type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong with this request, for people"))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uri-reference").description("The path of the request"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation)
                        .description("Each invalid field of a bad request; absent otherwise"))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addEnumeration("blocked-word").addEnumeration("link").addEnumeration("flood")
                        .description("On a moderation problem: the community's rule the text broke; absent otherwise"))
                .required(List.of("type", "title", "status", "detail", "instance"));
    }
}
