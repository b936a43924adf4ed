package id.laporwarga.domain.notice;

import java.util.Optional;

/** Indonesian phone numbers as reporters type them ({@code 0812-3456-7890}, {@code +62 812...}) in E.164. */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** {@code +62...} for a plausible Indonesian mobile or fixed number, else empty (never sent). */
    public static Optional<String> e164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (!digits.matches("[1-9][0-9]{7,11}")) {
            return Optional.empty();
        }
        return Optional.of("+62" + digits);
    }
}
