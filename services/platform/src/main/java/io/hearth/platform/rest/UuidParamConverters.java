package io.hearth.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * A malformed id in a path or query is a bad request naming the parameter (400), not the 404 that JAX-RS gives by
 * default for a failed conversion, which would read as "no such community".
 */
@Provider
public class UuidParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) {
            return null;
        }
        String name = Arrays.stream(annotations).map(UuidParamConverters::parameterName)
                .filter(n -> n != null).findFirst().orElse("id");
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                try {
                    return value == null ? null : UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField(name, "must be a UUID");
                }
            }

            @Override
            public String toString(UUID value) {
                return value.toString();
            }
        };
    }

    private static String parameterName(Annotation annotation) {
        if (annotation instanceof PathParam path) {
            return path.value();
        }
        if (annotation instanceof QueryParam query) {
            return query.value();
        }
        return null;
    }
}
