package dev.bitmaxconnect.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.client.BitMaxCredentials;
import dev.bitmaxconnect.client.KeyEncoding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestSignerTest {
    static final String SECRET = "hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk";

    @Test
    void theReferenceVectors() {
        RequestSigner signer = new RequestSigner(BitMaxCredentials.of("key", SECRET), KeyEncoding.RAW);
        assertThat(signer.sign(1608133910000L, "info")).isEqualTo("/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=");
        assertThat(signer.sign(1562952827927L, "user/info")).isEqualTo("vBZf8OQuiTJIVbNpNHGY3zcUsK5gJpwb5lgCgarpxYI=");
        assertThat(RequestSigner.sign(SECRET, KeyEncoding.RAW, 1608133910000L, "info"))
            .isEqualTo("/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=");
    }

    @Test
    void webSocketPathsBothReadings() throws Exception {
        RequestSigner signer = new RequestSigner(BitMaxCredentials.of("key", SECRET), KeyEncoding.RAW);
        assertThat(signer.sign(1614164189000L, "v2/stream"))
                .isEqualTo(hmac(SECRET.getBytes(StandardCharsets.UTF_8), "1614164189000+v2/stream"));
        assertThat(signer.sign(1614164189000L, "stream")).isEqualTo(hmac(SECRET.getBytes(StandardCharsets.UTF_8), "1614164189000+stream"))
            .isNotEqualTo(signer.sign(1614164189000L, "v2/stream"));
    }

    @Test
    void base64KeyEncodingDecodesTheSecretFirst() throws Exception {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String secret = Base64.getEncoder().encodeToString(key);
        RequestSigner signer = new RequestSigner(BitMaxCredentials.of("key", secret), KeyEncoding.BASE64);
        assertThat(signer.sign(1L, "v2/stream")).isEqualTo(hmac(key, "1+v2/stream"))
            .isNotEqualTo(new RequestSigner(BitMaxCredentials.of("key", secret), KeyEncoding.RAW).sign(1L, "v2/stream"));
    }

    @Test
    void aSecretThatIsNotBase64FailsWithoutShowingIt() {
        assertThatThrownBy(() -> new RequestSigner(BitMaxCredentials.of("key", "not*base64!"), KeyEncoding.BASE64))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("base64")
            .hasMessageNotContaining("not*base64!");
        assertThat(KeyEncoding.parse(" Base64 ")).isEqualTo(KeyEncoding.BASE64);
        assertThat(KeyEncoding.parse("raw")).isEqualTo(KeyEncoding.RAW);
        assertThatThrownBy(() -> KeyEncoding.parse("hex")).hasMessageContaining("'hex'");
    }

    static String hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
