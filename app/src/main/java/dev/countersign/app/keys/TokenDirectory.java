package dev.countersign.app.keys;

import dev.countersign.app.common.UserText;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the tokens a PKCS#11 library offers, with label, manufacturer, model and serial. The JDK's SunPKCS11 has no
 * public API for this, so it calls the JDK's own PKCS#11 wrapper ({@code sun.security.pkcs11.wrapper.PKCS11}, the
 * one SunPKCS11 itself uses and shares per library) through reflection. That needs the JVM option
 * {@value #ADD_EXPORTS}; without it listing fails with a clear message. See docs/decisions/0005.
 */
public final class TokenDirectory {
    public static final String ADD_EXPORTS = "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final long CKF_TOKEN_PRESENT = 0x1L;
    private static final long CKF_OS_LOCKING_OK = 0x2L;
    private static final long CKF_TOKEN_INITIALIZED = 0x400L;
    private static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
    private static final long CKF_USER_PIN_LOCKED = 0x40000L;

    /** The libraries the console offers first: SoftHSM2, OpenSC (PIV and most smart cards), YubiKey's ykcs11. */
    public static final List<Path> WELL_KNOWN_LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/libykcs11.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/libykcs11.so.2"),
            Path.of("/usr/local/lib/libykcs11.dylib"),
            Path.of("/Library/OpenSC/lib/opensc-pkcs11.so"));

    /** The well-known libraries that exist on this machine, in the order above (symlinks to the same file once). */
    public static List<Path> installedLibraries() {
        List<Path> found = new ArrayList<>();
        List<Path> real = new ArrayList<>();
        for (Path candidate : WELL_KNOWN_LIBRARIES) {
            if (Files.isReadable(candidate)) {
                Path target = realPath(candidate);
                if (!real.contains(target)) {
                    real.add(target);
                    found.add(candidate);
                }
            }
        }
        return found;
    }

    /** The tokens present in the library's slots; slots without a token are left out. */
    public List<TokenInfo> tokens(Path library) throws KeyFileException {
        Path absolute = library.toAbsolutePath();
        if (!Files.isReadable(absolute)) {
            throw new KeyFileException(new UserText("error.token.noLibrary", absolute));
        }
        try {
            Object p11 = module(absolute);
            long[] slots = (long[]) p11.getClass().getMethod("C_GetSlotList", boolean.class).invoke(p11, true);
            List<TokenInfo> tokens = new ArrayList<>();
            for (long slot : slots) {
                Object slotInfo = p11.getClass().getMethod("C_GetSlotInfo", long.class).invoke(p11, slot);
                if ((longField(slotInfo, "flags") & CKF_TOKEN_PRESENT) == 0) {
                    continue;
                }
                Object info = p11.getClass().getMethod("C_GetTokenInfo", long.class).invoke(p11, slot);
                long flags = longField(info, "flags");
                tokens.add(new TokenInfo(slot, text(info, "label"), text(info, "manufacturerID"), text(info, "model"),
                        text(info, "serialNumber"), (flags & CKF_TOKEN_INITIALIZED) != 0,
                        (flags & CKF_USER_PIN_LOCKED) != 0, (flags & CKF_USER_PIN_FINAL_TRY) != 0));
            }
            return tokens;
        } catch (ClassNotFoundException e) {
            throw new KeyFileException(new UserText("error.token.noPkcs11"), e);
        } catch (IllegalAccessException | IllegalAccessError e) {
            throw new KeyFileException(new UserText("error.token.noAccess", ADD_EXPORTS), e);
        } catch (InvocationTargetException e) {
            throw new KeyFileException(new UserText("error.token.listFailed", absolute, e.getCause().getMessage()),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new KeyFileException(new UserText("error.token.listFailed", absolute, e), e);
        }
    }

    /** The library's PKCS#11 module, loaded and initialised once per JVM and shared with SunPKCS11. */
    private static Object module(Path library) throws ReflectiveOperationException {
        Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
        Class<?> initArgsType = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
        Object initArgs = initArgsType.getConstructor().newInstance();
        initArgsType.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK); // as SunPKCS11 does
        Method getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgsType, boolean.class);
        return getInstance.invoke(null, library.toString(), "C_GetFunctionList", initArgs, false);
    }

    private static long longField(Object target, String name) throws ReflectiveOperationException {
        return target.getClass().getField(name).getLong(target);
    }

    private static String text(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getField(name);
        char[] chars = (char[]) field.get(target);
        return chars == null ? "" : new String(chars).strip();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    /** True if the JVM was started with {@link #ADD_EXPORTS}, so {@link #tokens} can work. */
    public static boolean listingAvailable() {
        return Stream.of(ModuleLayer.boot().findModule("jdk.crypto.cryptoki"))
                .flatMap(java.util.Optional::stream)
                .anyMatch(m -> m.isExported("sun.security.pkcs11.wrapper", TokenDirectory.class.getModule()));
    }
}
