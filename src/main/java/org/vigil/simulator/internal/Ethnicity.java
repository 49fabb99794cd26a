package org.vigil.simulator.internal;

/**
 * Ethnic groups as the police household register records them. Jilin City is mostly Han, with
 * Manchu (notably around 乌拉街) and Korean (朝鲜族) communities; Jilin Province's 2020 census
 * counted 91.3 % Han.
 */
final class Ethnicity {

    static final int HAN = 0;
    static final int MANCHU = 1;
    static final int KOREAN = 2;
    static final int HUI = 3;
    static final int MONGOL = 4;
    static final int XIBE = 5;

    static final String[] NAMES = {"汉族", "满族", "朝鲜族", "回族", "蒙古族", "锡伯族"};
    static final int[] CUM = Rng.cumulative(9050, 520, 280, 90, 50, 10);

    private Ethnicity() {
    }
}
