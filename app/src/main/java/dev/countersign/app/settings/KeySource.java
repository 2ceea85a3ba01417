package dev.countersign.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the reviewer's private key lives: the console's own encrypted key file, or a hardware token reached through
 * a PKCS#11 library. For a token it names the library, the token (label and serial, with the slot id last seen as a
 * hint) and the key's label, and keeps the public key (base64 SPKI) so who the console signs as is known without the
 * PIN. Nothing secret is in here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeySource(Kind kind, String library, String tokenLabel, String tokenSerial, Long slotId,
        String keyLabel, String publicKey) {

    /** The two kinds of key source, as written in the settings file. */
    public enum Kind {
        @JsonProperty("software") SOFTWARE,
        @JsonProperty("pkcs11") PKCS11
    }

    public KeySource {
        kind = kind == null ? Kind.SOFTWARE : kind;
    }

    public static KeySource software() {
        return new KeySource(Kind.SOFTWARE, null, null, null, null, null, null);
    }

    public static KeySource token(String library, String tokenLabel, String tokenSerial, long slotId, String keyLabel,
            String publicKeyBase64) {
        return new KeySource(Kind.PKCS11, library, tokenLabel, tokenSerial, slotId, keyLabel, publicKeyBase64);
    }

    @JsonIgnore
    public boolean isToken() {
        return kind == Kind.PKCS11;
    }
}
