package io.hearth.platform.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.hearth.platform.config.HearthConfig;

/**
 * The body limit for bodies sent without a Content-Length (chunked), which {@link BodySizeLimit} cannot judge up
 * front: every body a route reads is read through a stream that fails, answered with the 413 problem, once it passes
 * {@code hearth.limits.max-body-size}, before the route has seen any of it. (Quarkus's own limit would answer 413 with
 * an empty body; it stays set higher, as a backstop for what no route reads.)
 */
@jakarta.ws.rs.ext.Provider
public class BoundedBodies implements ReaderInterceptor {
    /** Providers are created while the application starts, before runtime configuration: read it on first use. */
    private final Provider<HearthConfig> config;

    public BoundedBodies(Provider<HearthConfig> config) {
        this.config = config;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long maxBytes = config.get().limits().maxBodySize().asLongValue();
        context.setInputStream(new Bounded(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    /**
     * The stream's refusal: an IOException, because body readers (Jackson) pass those through as they are, where
     * they would wrap any other exception into a 400 "malformed body".
     */
    public static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long maxBytes) {
            super("The request body may be at most " + maxBytes + " bytes; nothing was changed.");
        }
    }

    /** Counts what is read and refuses the byte past the limit. */
    private static final class Bounded extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Bounded(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
        }
    }
}
