package dev.countersign.app.keys;

/** The token refuses every PIN because too many wrong ones were tried. Nothing was signed or changed. */
public final class TokenLockedException extends KeyFileException {
    public TokenLockedException() {
        super("The token is locked: too many wrong PINs were tried. Unlock it with its administrator PIN (PUK or SO "
                + "PIN) using the token maker's tool, then try again.");
    }
}
