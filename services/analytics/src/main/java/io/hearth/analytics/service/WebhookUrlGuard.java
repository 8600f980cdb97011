package io.hearth.analytics.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.analytics.config.WebhookConfig;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps webhooks from reaching into Hearth's own network: only http(s) URLs, and every address the host resolves to
 * must be a public one (not loopback, private, link-local, unique-local, shared, unspecified, broadcast or multicast),
 * unless the configured allow-list names the host. Checked when a partner subscribes and again before every attempt,
 * and the attempt connects to the very address checked, so a DNS answer that changes in between (rebinding) cannot
 * send a delivery inside.
 */
@ApplicationScoped
public class WebhookUrlGuard {
    private final Vertx vertx;
    private final Set<String> allowedHosts;

    public WebhookUrlGuard(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** The URL, parsed, or a problem: 400 when it is not a URL, 422 webhook-url-refused when it is not http(s). */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url).parseServerAuthority();
        } catch (URISyntaxException e) {
            throw Problems.invalidField("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("Only http and https URLs receive webhooks, not " + url + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw Problems.invalidField("url", "has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("A webhook URL cannot carry credentials.");
        }
        return uri;
    }

    /**
     * Resolves the URL's host (on a worker thread: the lookup blocks) and returns the address to connect to, or fails
     * with webhook-url-refused when any address it resolves to is not public and the host is not allowed.
     */
    public Uni<InetAddress> check(URI url) {
        String host = hostOf(url);
        return vertx.executeBlocking(Uni.createFrom().item(() -> resolve(host)));
    }

    private InetAddress resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("The host " + host + " does not resolve.");
        }
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return addresses[0];
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw refused("The host " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address; webhooks are only delivered to the internet.");
            }
        }
        return addresses[0];
    }

    /** The host as it is resolved and as the Host header and TLS name it: an IPv6 literal without its brackets. */
    public static String hostOf(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (isIpv4Mapped(b) || isIpv4Compatible(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static RuntimeException refused(String detail) {
        return Problems.of(ProblemType.WEBHOOK_URL_REFUSED, detail);
    }
}
