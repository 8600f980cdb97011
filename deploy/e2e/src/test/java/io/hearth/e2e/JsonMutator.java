package io.hearth.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns fuzzer bytes into request bodies near a valid one: a valid seed with fields replaced by values of other
 * types and sizes, removed or added, sometimes cut short; or bytes that are not JSON at all. Bodies close to valid
 * reach the services' rules, not only their JSON parser.
 */
final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ODD_STRINGS = { "", " ", "\u0000", "\uD800", "\u202E", "💥", "null", "0", "-1",
            "NaN", "1e309", "<script>", "'; drop table post; --", "../../etc/passwd", "%s%n", "\\u0000" };

    private final List<Object> plausible;

    /** {@code plausible}: values the services know (ids, codes, enum names) mixed into the generated ones. */
    JsonMutator(List<Object> plausible) {
        this.plausible = List.copyOf(plausible);
    }

    String body(FuzzedDataProvider data, Map<String, Object> seed) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> data.consumeString(data.consumeInt(0, 2_000));
            case 1 -> {
                String json = write(mutate(data, seed));
                yield json.substring(0, data.consumeInt(0, json.length()));
            }
            default -> write(mutate(data, seed));
        };
    }

    /** A fuzzed query or header value. */
    String text(FuzzedDataProvider data) {
        return String.valueOf(scalar(data));
    }

    private Object mutate(FuzzedDataProvider data, Map<String, Object> seed) {
        if (data.consumeInt(0, 9) == 0) {
            return value(data, 0);
        }
        Map<String, Object> body = new LinkedHashMap<>(seed);
        List<String> fields = new ArrayList<>(seed.keySet());
        int mutations = data.consumeInt(1, 4);
        for (int i = 0; i < mutations; i++) {
            String field = fields.isEmpty() || data.consumeInt(0, 5) == 0 ? data.consumeString(20)
                    : fields.get(data.consumeInt(0, fields.size() - 1));
            if (data.consumeInt(0, 4) == 0) {
                body.remove(field);
            } else {
                body.put(field, value(data, 0));
            }
        }
        return body;
    }

    private Object value(FuzzedDataProvider data, int depth) {
        int kind = data.consumeInt(0, depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0, 1, 2, 3, 4, 5 -> scalar(data);
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = data.consumeInt(0, 4); i > 0; i--) {
                    list.add(value(data, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = data.consumeInt(0, 3); i > 0; i--) {
                    map.put(data.consumeString(10), value(data, depth + 1));
                }
                yield map;
            }
        };
    }

    private Object scalar(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> null;
            case 1 -> data.consumeBoolean();
            case 2 -> data.consumeLong();
            case 3 -> data.consumeInt(-2, 400);
            case 4 -> data.consumeRegularDouble();
            case 5 -> ODD_STRINGS[data.consumeInt(0, ODD_STRINGS.length - 1)];
            case 6 -> "x".repeat(data.consumeInt(0, 70_000));
            case 7, 8 -> plausible.get(data.consumeInt(0, plausible.size() - 1));
            default -> data.consumeString(data.consumeInt(0, 300));
        };
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
