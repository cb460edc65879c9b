package dev.bitmaxconnect.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A refused request (bad signature, missing permission) leaves its keep-alive connection usable. */
class KeepAliveIT {

    @Test
    void refusalWrittenBeforeTheBodyArrivesKeepsTheConnection() throws Exception {
        try (BitMaxSimulator sim = BitMaxSimulator.builder().marketDataRate(0).build().start();
             Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String body = "{\"time\":" + System.currentTimeMillis() + ",\"symbol\":\"BTC-PERP\"}";
            out.write(("POST /1/api/pro/v2/futures/order HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "x-auth-key: " + SimulatorDefaults.API_KEY + "\r\nx-auth-timestamp: " + System.currentTimeMillis()
                    + "\r\nx-auth-signature: bm90IGEgc2lnbmF0dXJl\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100); // the body comes late, as with clients that write headers and body separately
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("200001");

            out.write("GET /api/pro/v2/futures/collateral HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("USDT");
        }
    }

    private static String readResponse(BufferedReader in) throws Exception {
        StringBuilder response = new StringBuilder();
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            response.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return response.append(body, 0, read).toString();
    }
}
