package io.eventplatform.support.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic versions (semver.org 2.0): parsing and precedence, build metadata ignored. */
public record SemVer(long major, long minor, long patch, String preRelease) implements Comparable<SemVer> {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public static Optional<SemVer> parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? "" : m.group(4)));
    }

    @Override
    public int compareTo(SemVer other) {
        int core = Long.compare(major, other.major) != 0 ? Long.compare(major, other.major)
                : Long.compare(minor, other.minor) != 0 ? Long.compare(minor, other.minor)
                : Long.compare(patch, other.patch);
        if (core != 0) {
            return core;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        String[] a = preRelease.split("\\.");
        String[] b = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean numA = a[i].chars().allMatch(Character::isDigit);
            boolean numB = b[i].chars().allMatch(Character::isDigit);
            int c = numA && numB ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : numA ? -1 : numB ? 1 : a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
