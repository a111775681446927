package org.opennrm.cases;

import org.springframework.modulith.NamedInterface;

/**
 * Age bands of an anonymous notification: those of the CTDC global dataset's {@code ageBroad} variable, so
 * that counts can be contributed without conversion.
 */
@NamedInterface("events")
public enum AgeGroup {
    AGE_0_8("0--8"),
    AGE_9_17("9--17"),
    AGE_18_20("18--20"),
    AGE_21_23("21--23"),
    AGE_24_26("24--26"),
    AGE_27_29("27--29"),
    AGE_30_38("30--38"),
    AGE_39_47("39--47"),
    AGE_48_PLUS("48+");

    private final String ctdcCode;

    AgeGroup(String ctdcCode) {
        this.ctdcCode = ctdcCode;
    }

    public String ctdcCode() {
        return ctdcCode;
    }

    /** The band of an age in whole years; null when the age is not known. */
    public static AgeGroup ofAge(Integer years) {
        if (years == null || years < 0) {
            return null;
        }
        if (years <= 8) {
            return AGE_0_8;
        }
        if (years <= 17) {
            return AGE_9_17;
        }
        if (years <= 20) {
            return AGE_18_20;
        }
        if (years <= 23) {
            return AGE_21_23;
        }
        if (years <= 26) {
            return AGE_24_26;
        }
        if (years <= 29) {
            return AGE_27_29;
        }
        if (years <= 38) {
            return AGE_30_38;
        }
        return years <= 47 ? AGE_39_47 : AGE_48_PLUS;
    }

    public boolean child() {
        return this == AGE_0_8 || this == AGE_9_17;
    }
}
