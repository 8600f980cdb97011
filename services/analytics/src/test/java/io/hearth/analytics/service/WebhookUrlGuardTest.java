package io.hearth.analytics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;


/** Which addresses count as the internet, without a running service. */
class WebhookUrlGuardTest {

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "100.127.255.254",
                "192.0.0.8", "198.18.0.1", "224.0.0.251", "239.255.255.250", "240.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1")) {
            assertEquals(false, WebhookUrlGuard.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("1.1.1.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
                "100.128.0.1", "198.17.0.1", "203.0.114.1", "2606:4700:4700::1111", "2001:4860:4860::8888",
                "::ffff:8.8.8.8")) {
            assertEquals(true, WebhookUrlGuard.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
