package dev.countersign.app.keys;

/**
 * A token present in a PKCS#11 slot, as the token describes itself. {@code slotId} is the library's slot id, which
 * SunPKCS11 is configured with; label and serial are what identify the token to the reviewer.
 */
public record TokenInfo(long slotId, String label, String manufacturer, String model, String serial,
        boolean initialized, boolean pinLocked, boolean pinFinalTry) {

    /** True if this is the token with that serial (and, if a label is given, that label). */
    public boolean sameTokenAs(String otherLabel, String otherSerial) {
        return serial.equals(otherSerial) && (otherLabel == null || label.equals(otherLabel));
    }
}
