package org.vigil.simulator.internal;

/**
 * Index lists the feed writers iterate instead of the whole population: the older residents that
 * SHARE-4 lets high-volume providers restrict themselves to (men 60+, women 50+), and the 65+ and
 * 80+ for bus cards, check-ups and allowances. Built once from ages at the start of the warm-up,
 * a year younger than the cut so that people crossing it during the span are included.
 */
final class Candidates {

    final int[] share4;
    final int[] over64;
    final int[] over79;

    Candidates(World w) {
        IntList s4 = new IntList(w.persons / 3);
        IntList o64 = new IntList(w.persons / 5);
        IntList o79 = new IntList(w.persons / 20);
        for (int p = 0; p < w.persons; p++) {
            if (w.has(p, World.F_DECEASED_WORKER) || w.birth[p] > w.t0) {
                continue;
            }
            int age = w.age(p, w.t0);
            if (age >= (w.male[p] ? 59 : 49) - w.months / 12) {
                s4.add(p);
            }
            if (age >= 63 - w.months / 12) {
                o64.add(p);
            }
            if (age >= 78 - w.months / 12) {
                o79.add(p);
            }
        }
        share4 = s4.toArray();
        over64 = o64.toArray();
        over79 = o79.toArray();
    }
}
