package io.hearth.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.hearth.embedded.HearthStack;
import io.hearth.embedded.StackConfig;

/**
 * One whole stack for every test class that only uses it (never stops, kills or restarts a part of it): started by
 * the first such class, closed when the test run ends. Each start costs about a minute and a half on 2 cores.
 * Injects {@link HearthStack} parameters: {@code @ExtendWith(SharedStack.class)}, then a constructor or method
 * parameter of that type.
 */
final class SharedStack implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HearthStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).stack;
    }

    /** Closed by JUnit with the root context, after the last test class. */
    private record Running(HearthStack stack, Path state) implements ExtensionContext.Store.CloseableResource,
            AutoCloseable {
        static Running start() {
            try {
                Path state = Files.createTempDirectory("hearth-e2e-shared");
                long started = System.nanoTime();
                HearthStack stack = HearthStack.start(StackConfig.defaults(HearthStack.findRepositoryRoot())
                        .withStateDir(state).withFreePorts());
                System.out.printf("[e2e figure] shared stack started: %d ms%n",
                        (System.nanoTime() - started) / 1_000_000);
                return new Running(stack, state);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            stack.close();
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
