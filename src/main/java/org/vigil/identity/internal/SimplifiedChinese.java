package org.vigil.identity.internal;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * Traditional-to-simplified conversion through opencc4j. Kept behind this class so the kernel
 * depends on the library in one place. The first call loads the dictionaries (about half a
 * second); later calls take microseconds.
 */
public final class SimplifiedChinese {

    static {
        // opencc4j fills its phrase dictionary on first use without locking, so a second thread
        // can read it half-filled. Class initialisation is locked by the JVM: converting once here
        // means every caller, on any thread, finds the dictionaries complete.
        ZhConverterUtil.toSimple("張華麗");
    }

    private SimplifiedChinese() {
    }

    /** The simplified form of {@code text}; characters without a simplified form are unchanged. */
    public static String toSimplified(String text) {
        // opencc's tables chain for a few characters (薴 → 苧 → 苎), so convert until nothing changes:
        // a stored name must normalise to itself. Most names are already simplified and take one pass.
        String current = text;
        for (int pass = 0; pass < 4; pass++) {
            String converted = convertOnce(current);
            if (converted.equals(current)) {
                break;
            }
            current = converted;
        }
        return current;
    }

    private static String convertOnce(String text) {
        String converted = ZhConverterUtil.toSimple(text);
        // A conversion that changes the number of characters would misalign names; keep the input then.
        return converted != null && converted.codePointCount(0, converted.length()) == text.codePointCount(0, text.length())
                ? converted : text;
    }
}
