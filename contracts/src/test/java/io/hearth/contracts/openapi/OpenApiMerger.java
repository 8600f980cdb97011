package io.hearth.contracts.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Merges the five services' OpenAPI documents into one document of the whole API for frontends
 * ({@code openapi/hearth.yaml}): one tag per service, each path with the server of the service that serves it. The
 * platform route every service serves ({@code /admin/dead-letters/redrive}) appears once, with all five servers and the
 * tag {@code platform}. A component two services define differently, or an operationId used twice, is an error: a
 * generated client would get one of them wrong.
 */
final class OpenApiMerger {
    static final List<String> SERVICES = List.of("membership", "content", "activity", "monetization", "analytics");
    static final String PLATFORM_TAG = "platform";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private OpenApiMerger() {
    }

    static String merge(Path openapiDir) {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (String service : SERVICES) {
            docs.put(service, read(openapiDir.resolve(service + ".yaml")));
        }
        JsonNode first = docs.get(SERVICES.get(0));
        ObjectNode merged = YAML.createObjectNode();
        merged.put("openapi", first.path("openapi").asText());
        ObjectNode info = merged.putObject("info");
        info.put("title", "Hearth API");
        info.put("version", first.path("info").path("version").asText());
        info.put("description", "The whole Hearth API in one document, for frontends and partners; merged from the "
                + "five services' documents in contracts/openapi/. Each service is a tag and serves its own paths "
                + "(see each path's servers). Errors are RFC 9457 problems whose type URIs are listed with the "
                + "Problem schema.");
        info.set("contact", first.path("info").path("contact"));
        info.set("license", first.path("info").path("license"));
        ArrayNode servers = merged.putArray("servers");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = YAML.createObjectNode();
        ObjectNode components = YAML.createObjectNode();
        Map<String, String> operationIds = new LinkedHashMap<>();
        ArrayNode platformServers = YAML.createArrayNode();
        for (Map.Entry<String, JsonNode> entry : docs.entrySet()) {
            String service = entry.getKey();
            JsonNode doc = entry.getValue();
            ObjectNode server = ((ObjectNode) doc.path("servers").get(0).deepCopy());
            server.put("description", service);
            servers.add(server);
            platformServers.add(server.deepCopy());
            tags.addObject().put("name", service).put("description", doc.path("info").path("description").asText());
            doc.path("paths").fields().forEachRemaining(path -> {
                boolean platform = path.getKey().startsWith("/admin/");
                if (paths.has(path.getKey())) {
                    if (platform) {
                        return;
                    }
                    throw new IllegalStateException(path.getKey() + " is served by two services");
                }
                ObjectNode item = path.getValue().deepCopy();
                item.fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation && operation.has("operationId")) {
                        String id = operation.get("operationId").asText();
                        String before = operationIds.put(id, service);
                        if (before != null) {
                            throw new IllegalStateException("operationId " + id + " is used by " + before + " and "
                                    + service);
                        }
                        operation.putArray("tags").add(platform ? PLATFORM_TAG : service);
                    }
                });
                item.set("servers", platform ? platformServers : YAML.createArrayNode().add(server.deepCopy()));
                paths.set(path.getKey(), item);
            });
            doc.path("components").fields().forEachRemaining(kind -> {
                ObjectNode into = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(component -> {
                    JsonNode existing = into.get(component.getKey());
                    if (existing != null && !existing.equals(component.getValue())) {
                        throw new IllegalStateException("components/" + kind.getKey() + "/" + component.getKey()
                                + " differs between services (" + service + ")");
                    }
                    into.set(component.getKey(), component.getValue());
                });
            });
        }
        tags.addObject().put("name", PLATFORM_TAG)
                .put("description", "Routes every service serves for platform admins, on each service's server");
        merged.set("security", first.path("security"));
        merged.set("paths", sorted(paths));
        ObjectNode sortedComponents = YAML.createObjectNode();
        components.fields().forEachRemaining(kind -> sortedComponents.set(kind.getKey(), sorted((ObjectNode) kind.getValue())));
        merged.set("components", sortedComponents);
        try {
            return YAML.writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode sorted(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        ObjectNode out = YAML.createObjectNode();
        names.forEach(n -> out.set(n, node.get(n)));
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
