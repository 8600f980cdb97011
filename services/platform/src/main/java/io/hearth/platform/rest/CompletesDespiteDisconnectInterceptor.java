package io.hearth.platform.rest;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.smallrye.mutiny.Uni;

/** Runs a resource method's {@link Uni} on a subscription of its own, which the client's leaving cannot cancel. */
@CompletesDespiteDisconnect
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class CompletesDespiteDisconnectInterceptor {

    @AroundInvoke
    Object shield(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        if (result instanceof Uni<?> work) {
            return shielded(work);
        }
        return result;
    }

    static <T> Uni<T> shielded(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> work.subscribe().with(emitter::complete, emitter::fail));
    }
}
