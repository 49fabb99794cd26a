package org.vigil.identity;

import java.util.Objects;

/**
 * A named division: its code and its name as published, such as {@code 220202 昌邑区}. The level
 * follows from the code.
 */
public record Region(RegionCode code, String name) implements Comparable<Region> {

    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        name = name.strip();
    }

    public RegionLevel level() {
        return code.level();
    }

    /**
     * Whether this is one of the groupings GB/T 2260 lists to keep the tree regular rather than a
     * place people name: a municipality's 市辖区 or 县, or a province's 省直辖县级行政区划 and
     * 自治区直辖县级行政区划. Full names leave them out.
     */
    public boolean isGrouping() {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }

    /** Regions order by code, which puts each right after its parent. */
    @Override
    public int compareTo(Region other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code + " " + name;
    }
}
