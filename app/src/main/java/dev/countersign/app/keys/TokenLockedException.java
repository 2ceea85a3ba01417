package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;

/** The token refuses every PIN because too many wrong ones were tried. Nothing was signed or changed. */
public final class TokenLockedException extends KeyFileException {
    public TokenLockedException() {
        super(new UserText("error.token.locked"));
    }
}
