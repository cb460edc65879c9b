package dev.bitmaxconnect.common.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class UrlValidatorTest {
    private final UrlValidator rest = UrlValidator.of("http", "https");

    @Test
    void anAbsoluteUrlWithTheSchemeAndAHostPasses() {
        assertThatCode(() -> rest.ensureValid("bitmax.rest.url", "http://127.0.0.1:8090")).doesNotThrowAnyException();
        assertThatCode(() -> rest.ensureValid("bitmax.rest.url", " HTTPS://api-test.bitmax-sandbox.io/ "))
                .doesNotThrowAnyException();
    }

    @Test
    void aWrongSchemeNoHostOrNoUrlIsRefusedNamingKeyAndValue() {
        for (String bad : new String[] {"ftp://example.com", "http://", "http:///api", "127.0.0.1:8090", "not a url"}) {
            assertThatThrownBy(() -> rest.ensureValid("bitmax.rest.url", bad)).as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("bitmax.rest.url").hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> UrlValidator.of("ws", "wss").ensureValid("bitmax.ws.url", "http://127.0.0.1:1"))
                .hasMessageContaining("ws or wss");
    }

    @Test
    void aMissingValueIsLeftToConfigDefWhichReportsItOnce() {
        assertThatCode(() -> rest.ensureValid("bitmax.rest.url", null)).doesNotThrowAnyException();
    }

    @Test
    void emptyPassesOnlyWhereTheKeyAllowsIt() {
        assertThatThrownBy(() -> rest.ensureValid("bitmax.rest.url", " ")).isInstanceOf(ConfigException.class);
        assertThatCode(() -> rest.orEmpty().ensureValid("bitmax.ws.url", " ")).doesNotThrowAnyException();
        assertThatThrownBy(() -> rest.orEmpty().ensureValid("bitmax.ws.url", "ftp://x"))
                .isInstanceOf(ConfigException.class);
    }
}
