package dev.bitmaxconnect.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bitmaxconnect.simulator.KeyEncoding;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

    static final String SECRET = "hV8FgjyJtpvVeAcMAgzgAFQCN36wmbWuN7o3WPcYcYhFd8qvE43gzFGVsFcCqMNk";

    @Test
    void reproducesTheReferenceVectors() {
        assertThat(SignatureVerifier.sign(KeyEncoding.RAW, SECRET, "1608133910000+info"))
                .isEqualTo("/pwaAgWZQ1Xd/J4yZ4ReHSPQxd3ORP/YR8TvAttqqYM=");
        assertThat(SignatureVerifier.sign(KeyEncoding.RAW, SECRET, "1562952827927+user/info"))
                .isEqualTo("vBZf8OQuiTJIVbNpNHGY3zcUsK5gJpwb5lgCgarpxYI=");
    }

    @Test
    void verifiesRawAndBase64KeysAndRejectsTheOther() {
        SignatureVerifier raw = new SignatureVerifier(KeyEncoding.RAW);
        SignatureVerifier base64 = new SignatureVerifier(KeyEncoding.BASE64);
        String rawSig = SignatureVerifier.sign(KeyEncoding.RAW, SECRET, "1+v2/futures/order");
        String b64Sig = SignatureVerifier.sign(KeyEncoding.BASE64, SECRET, "1+v2/futures/order");
        assertThat(rawSig).isNotEqualTo(b64Sig);
        assertThat(raw.verify(SECRET, "1", "v2/futures/order", rawSig)).isTrue();
        assertThat(raw.verify(SECRET, "1", "v2/futures/order", b64Sig)).isFalse();
        assertThat(base64.verify(SECRET, "1", "v2/futures/order", b64Sig)).isTrue();
        assertThat(raw.verify(SECRET, "2", "v2/futures/order", rawSig)).isFalse();
        assertThat(raw.verify(SECRET, "1", "v2/futures/order", "not base64!")).isFalse();
        assertThat(base64.verify("not*base64", "1", "x", b64Sig)).isFalse();
    }

    @Test
    void keyEncodingParsesAnyCaseAndNamesABadValue() {
        assertThat(KeyEncoding.parse("Base64")).isEqualTo(KeyEncoding.BASE64);
        assertThat(KeyEncoding.parse("raw")).isEqualTo(KeyEncoding.RAW);
        assertThatThrownBy(() -> KeyEncoding.parse("hex")).hasMessageContaining("hex");
    }
}
