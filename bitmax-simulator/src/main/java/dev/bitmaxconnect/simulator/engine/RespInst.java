package dev.bitmaxconnect.simulator.engine;

/** When an order request is answered: on acceptance (ACK), after the engine took it (ACCEPT), or when done (DONE). */
public enum RespInst {
    ACK, ACCEPT, DONE;

    public static RespInst parse(String text) {
        return EnumText.parse(text, ACK, values());
    }
}
