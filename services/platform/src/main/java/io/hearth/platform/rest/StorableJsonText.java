package io.hearth.platform.rest;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON may carry {@code \u0000} and unpaired surrogates ({@code \ud800}) that PostgreSQL cannot store as text and
 * that cannot be written back as UTF-8: every string field refuses them with a 400 naming the field, in every
 * service, before anything is written.
 */
@Singleton
public class StorableJsonText implements ObjectMapperCustomizer {
    static final String REFUSAL = "must be text without NUL characters or unpaired surrogates";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("hearth-storable-text").addDeserializer(String.class, new Strict()));
    }

    /** Finds the first character PostgreSQL or a UTF-8 encoder would refuse, or -1. */
    static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static final class Strict extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && firstUnstorable(text) >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, REFUSAL);
            }
            return text;
        }
    }
}
