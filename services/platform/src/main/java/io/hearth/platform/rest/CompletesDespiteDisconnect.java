package io.hearth.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a resource: a request whose client goes away is still carried to its end, its transaction committed or rolled
 * back, instead of being cancelled half-way. Cancelling Hibernate Reactive in the middle of a transaction can leak
 * the pooled connection (quarkusio/quarkus#51576, hibernate-reactive#2926), and a service that leaks one per
 * disconnect soon answers nobody.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface CompletesDespiteDisconnect {
}
