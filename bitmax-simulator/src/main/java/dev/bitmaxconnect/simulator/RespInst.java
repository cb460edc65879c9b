package dev.bitmaxconnect.simulator;

/** When an order request is answered: on acceptance (ACK), after the engine took it (ACCEPT), or when done (DONE). */
enum RespInst {
    ACK, ACCEPT, DONE;

    static RespInst parse(String text) {
        if (text == null) {
            return ACK;
        }
        return switch (EnumText.normalize(text)) {
            case "ack" -> ACK;
            case "accept" -> ACCEPT;
            case "done" -> DONE;
            default -> null;
        };
    }
}
