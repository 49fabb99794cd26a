package org.vigil.sharing.catalogue;

/**
 * What a feed is for: the four classes of shared data of SHARE-3 (class 2 split into the court's
 * sentences and the prison's custody changes, which carry different dates) and the department
 * data of REG-11 that the enrollment registry compares against.
 */
public enum FeedClass {

    /** SHARE-3 class 1: deaths and deregistrations (死亡注销数据). */
    DEATH("死亡注销数据", 1),
    /** SHARE-3 class 2, court: sentences with their start and end (判刑数据). */
    SENTENCE("判刑数据", 2),
    /** SHARE-3 class 2, prison: admissions and releases (入监释放数据). */
    CUSTODY("入监释放数据", 2),
    /** SHARE-3 class 3: any recent trace that the person is alive (生存证明数据). */
    PROOF_OF_LIFE("生存证明数据", 3),
    /** SHARE-3 class 4: ID-card photos for building face templates (图像数据). */
    PHOTO("图像数据", 4),
    /** REG-11 (and CERT-9): department registers the enrollment registry is compared with (部门比对数据). */
    REGISTRY("部门比对数据", 0);

    private final String chinese;
    private final int shareClass;

    FeedClass(String chinese, int shareClass) {
        this.chinese = chinese;
        this.shareClass = shareClass;
    }

    public String chinese() {
        return chinese;
    }

    /** The class number of SHARE-3 (1–4), or 0 for registry data, which SHARE-3 does not list. */
    public int shareClass() {
        return shareClass;
    }
}
